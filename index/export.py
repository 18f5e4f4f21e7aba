"""The indexed paragraphs as rows, for spreadsheets (CSV) and scripts (JSON Lines).

A row is one paragraph: `symbol, lang, para, kind, annex, section, page, text, notes, link`;
`kind` is `numbered`, `preambular` for a resolution's preambular paragraph, whose `para` is its
place in the preamble (1 for the first), or `unnumbered` for a paragraph of a text that numbers
none (a decision of one sentence, an amendment), whose `para` is its place in the text. The
section is the whole path of headings joined with ` › ` (`I. Introduction › A. Global level`):
the innermost heading alone is often ambiguous (every chapter may have `A. Legislation`).
Missing values are null in JSON Lines and empty in CSV, where the notes are joined with
newlines; JSON Lines keeps them as a list.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TextIO

from index.library import Library
from index.models import Paragraph, Report
from index.search.filters import resolve_symbols

FIELDS = ("symbol", "lang", "para", "kind", "annex", "section", "page", "text", "notes", "link")
SECTION_SEPARATOR = " › "
FORMATS = ("jsonl", "csv")


class UnknownReports(LookupError):
    """Reports asked for that are not indexed; the message names them."""


def export_rows(
    library: Library, symbols: Sequence[str] | None = None, lang: str | None = None
) -> Iterator[dict[str, Any]]:
    """A row per paragraph of the named reports (all when None), in `lang` (all when None):
    reports in the order named, else by symbol and language; paragraphs as
    `Library.paragraphs` orders them. Raises UnknownReports at once, before any row."""
    reports = _reports(library, symbols, lang)
    return (
        _row(paragraph)
        for report in reports
        for paragraph in library.paragraphs(report.symbol, report.lang)
    )


def write_jsonl(rows: Iterable[dict[str, Any]], out: TextIO) -> None:
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")


def write_csv(rows: Iterable[dict[str, Any]], out: TextIO) -> None:
    writer = csv.DictWriter(out, fieldnames=FIELDS)
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {
                **{name: "" if value is None else value for name, value in row.items()},
                "notes": "\n".join(row["notes"]),
            }
        )


WRITERS = {"jsonl": write_jsonl, "csv": write_csv}


def _reports(library: Library, symbols: Sequence[str] | None, lang: str | None) -> list[Report]:
    indexed = [report for report in library.reports() if lang is None or report.lang == lang]
    if symbols is None:
        return sorted(indexed, key=lambda report: (report.symbol, report.lang))
    found, unknown = resolve_symbols(symbols, {report.symbol for report in indexed})
    if unknown:
        where = f" in {lang}" if lang else ""
        raise UnknownReports(f"not indexed{where}: {', '.join(unknown)}")
    by_symbol = sorted(indexed, key=lambda report: report.lang)
    return [
        report for symbol in dict.fromkeys(found) for report in by_symbol if report.symbol == symbol
    ]


def _row(paragraph: Paragraph) -> dict[str, Any]:
    return {
        "symbol": paragraph.symbol,
        "lang": paragraph.lang,
        "para": paragraph.number,
        "kind": paragraph.kind,
        "annex": paragraph.annex,
        "section": SECTION_SEPARATOR.join(paragraph.section_path),
        "page": paragraph.page,
        "text": paragraph.text,
        "notes": list(paragraph.notes),
        "link": paragraph.link,
    }
