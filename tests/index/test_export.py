"""Exporting paragraphs: rows for JSON Lines and CSV that read back to the library's paragraphs."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest

from index.export import (
    FIELDS,
    SECTION_SEPARATOR,
    UnknownReports,
    export_rows,
    write_csv,
    write_jsonl,
)
from index.library import Library
from index.models import Paragraph, Report

OTHER = "A/HRC/55/7"


def _other(lang: str) -> Report:
    def paragraph(number: int, annex: str | None = None, **extra: Any) -> Paragraph:
        return Paragraph(
            symbol=OTHER,
            lang=lang,
            number=number,
            annex=annex,
            text=f"Paragraph {number}, in {lang}, of {annex or 'the body'}; with “quotes”, commas.",
            **extra,
        )

    paragraphs = (
        paragraph(
            1,
            section_path=("I. Birth registration", "A. Global level"),
            page=3,
            notes=("A/61/299.", "See resolution 78/187,\nannex."),
            link="https://docs.un.org/report.pdf#page=3",
        ),
        paragraph(2, section_path=("I. Birth registration",)),
        paragraph(1, annex="I", section_path=("Annex I — Submissions",)),
    )
    return Report(symbol=OTHER, lang=lang, title="Registration", paragraphs=paragraphs)


@pytest.fixture
def full_library(sample_library: Library) -> Library:
    sample_library.add(_other("en"))
    sample_library.add(_other("fr"))
    return sample_library


def expected_rows(library: Library, symbol: str, lang: str) -> list[dict[str, Any]]:
    """The library's paragraphs, field by field, in the export's terms."""
    return [
        {
            "symbol": p.symbol,
            "lang": p.lang,
            "para": p.number,
            "kind": p.kind,
            "annex": p.annex,
            "section": SECTION_SEPARATOR.join(p.section_path),
            "page": p.page,
            "text": p.text,
            "notes": list(p.notes),
            "link": p.link,
        }
        for p in library.paragraphs(symbol, lang)
    ]


def test_rows_are_the_library_s_paragraphs_field_by_field(full_library: Library) -> None:
    rows = list(export_rows(full_library, [OTHER], "en"))
    assert all(tuple(row) == FIELDS for row in rows)
    assert rows == expected_rows(full_library, OTHER, "en")
    assert [(row["annex"], row["para"]) for row in rows] == [(None, 1), (None, 2), ("I", 1)]
    assert rows[0]["section"] == "I. Birth registration › A. Global level"


def test_all_reports_in_every_language_by_symbol_then_language(full_library: Library) -> None:
    rows = list(export_rows(full_library))
    keys = list(dict.fromkeys((row["symbol"], row["lang"]) for row in rows))
    reports = {(report.symbol, report.lang) for report in full_library.reports()}
    assert keys == sorted(reports)
    assert len(rows) == sum(len(full_library.paragraphs(*key)) for key in keys)


def test_reports_come_in_the_order_named_and_a_language_narrows(
    full_library: Library, sample: Report
) -> None:
    rows = list(export_rows(full_library, [OTHER.lower(), sample.symbol], "en"))
    assert list(dict.fromkeys((row["symbol"], row["lang"]) for row in rows)) == [
        (OTHER, "en"),
        (sample.symbol, "en"),
    ]
    french = list(export_rows(full_library, [OTHER], "fr"))
    assert french == expected_rows(full_library, OTHER, "fr")


def test_an_unknown_report_is_refused_before_any_row(full_library: Library, sample: Report) -> None:
    with pytest.raises(UnknownReports, match="A/NOPE/1"):
        export_rows(full_library, [OTHER, "A/NOPE/1"])
    with pytest.raises(UnknownReports, match=f"in fr: {sample.symbol}"):
        export_rows(full_library, [sample.symbol], "fr")


def test_json_lines_read_back_to_the_paragraphs(full_library: Library) -> None:
    out = io.StringIO()
    write_jsonl(export_rows(full_library, [OTHER], "en"), out)
    lines = out.getvalue().splitlines()
    assert [json.loads(line) for line in lines] == expected_rows(full_library, OTHER, "en")
    assert "“quotes”" in out.getvalue()  # UTF-8 as it is, not \\u escapes


def test_csv_reads_back_to_the_paragraphs(full_library: Library) -> None:
    out = io.StringIO(newline="")
    write_csv(export_rows(full_library, [OTHER], "en"), out)
    reader = csv.DictReader(io.StringIO(out.getvalue(), newline=""))
    assert tuple(reader.fieldnames or ()) == FIELDS
    as_csv = [
        {
            **{name: "" if value is None else str(value) for name, value in row.items()},
            "notes": "\n".join(row["notes"]),
        }
        for row in expected_rows(full_library, OTHER, "en")
    ]
    assert list(reader) == as_csv
