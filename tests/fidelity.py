"""How faithfully the reader reads real UN PDFs: `make fidelity` (`python -m tests.fidelity DIR`).

The reader's result is checked against what each PDF's own pages show, read plainly with
pdfplumber and never through the reader, so that a fault of the reader cannot hide itself:

- page furniture: paragraphs (and notes) whose text holds the document's job number
  (`24-16433`), a page counter of its page count (`23/56`), a barcode (`*2416433*`), "Please
  recycle" or its own symbol (target 0%);
- footnotes: the numbered footnote lines under a separator (typed underscores or not, the
  numbered lines of the page's smaller text after a line of underscores), against the distinct
  footnotes the paragraphs carry as notes (target at least 95%);
- preambular paragraphs: the lines of a resolution's preamble that open with an italic word
  after a line ending a paragraph, against the preambular paragraphs read;
- paragraphs without numbers: those of the documents that number none (a decision of one
  sentence, an amendment), which would otherwise be refused;
- numbering gaps: a paragraph whose number is not the one after its predecessor's in its part;
- documents refused (target 0), and the warnings the reader gave.

Not part of `make test`: it needs a folder of real PDFs (see docs/reading-un-documents.md) and
minutes. `--every N` reads every Nth file of the folder, sorted by name.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pdfplumber

from index.errors import IngestError
from index.ingest.files import InputFile, read_reports

_JOB_NUMBER = re.compile(r"\b\d{2}-\d{5}\b")
_BARCODE = re.compile(r"\*\d{7}\*")
_SEPARATOR = re.compile(r"_{5,}")
_FOOTNOTE_START = re.compile(r"(?P<number>\d{1,3}) \S")
_OPENING = re.compile(r"The (?:General Assembly|Security Council|Economic and Social Council),?")
_OPERATIVE = re.compile(r"\d{1,3}\.\s")
# A preambular paragraph follows the opening or a line ending one, maybe with a footnote's
# marker (`… 2001,1`).
_ENDS_PARAGRAPH = (",", ";", ":")
_MARKER_AT_END = re.compile(r"(?<=[,;:])\d{1,3}$")


@dataclass
class Figures:
    """What one PDF, or the sum of many, measured."""

    documents: int = 0
    refused: list[str] = field(default_factory=list)
    paragraphs: int = 0
    with_furniture: int = 0
    furniture_examples: list[str] = field(default_factory=list)
    footnote_lines: int = 0
    notes_found: int = 0
    preamble_openings: int = 0
    preambular_found: int = 0
    unnumbered_found: int = 0
    numbering_gaps: int = 0
    gap_examples: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def add(self, other: Figures) -> None:
        for name, value in vars(other).items():
            setattr(self, name, getattr(self, name) + value)


def measure(path: Path) -> Figures:
    figures = Figures(documents=1)
    truth = _Truth.of(path)
    figures.footnote_lines = truth.footnote_lines
    figures.preamble_openings = truth.preamble_openings
    try:
        (ingested,) = read_reports([InputFile(path)])
    except IngestError as error:
        figures.refused.append(f"{path.name}: {error}")
        return figures
    report = ingested.report
    # getattr: the same measure reads a reader from before warnings and kinds, for comparison.
    figures.warnings = list(getattr(ingested, "warnings", ()))
    paragraphs = report.paragraphs
    figures.paragraphs = len(paragraphs)
    notes = 0
    previous: dict[tuple[str, str | None], int] = {}
    for paragraph in paragraphs:
        notes += len(paragraph.notes)
        found = truth.furniture_in(" ".join([paragraph.text, *paragraph.notes]), report.symbol)
        if found:
            figures.with_furniture += 1
            figures.furniture_examples.append(f"{paragraph.citation}: {found!r}")
        kind = getattr(paragraph, "kind", "numbered")
        if kind == "preambular":
            figures.preambular_found += 1
            continue
        figures.unnumbered_found += kind == "unnumbered"
        part = (kind, paragraph.annex)
        if paragraph.number != previous.get(part, 0) + 1:
            figures.numbering_gaps += 1
            figures.gap_examples.append(
                f"{paragraph.citation} after {previous.get(part, 'the start')}"
            )
        previous[part] = paragraph.number
    # A footnote is cited once; "Ibid." may be the text of many.
    figures.notes_found = min(notes, truth.footnote_lines)
    return figures


@dataclass(frozen=True)
class _Truth:
    """What the pages show, read plainly."""

    job_numbers: frozenset[str]
    pages: int
    footnote_lines: int
    preamble_openings: int

    @classmethod
    def of(cls, path: Path) -> _Truth:
        with pdfplumber.open(path) as pdf:
            texts = [page.extract_text() or "" for page in pdf.pages]
            first_words = [_line_starts(page) for page in pdf.pages]
        return cls(
            job_numbers=frozenset(_JOB_NUMBER.findall(texts[-1] + texts[0])[:2]),
            pages=len(texts),
            footnote_lines=sum(_footnote_lines(text.splitlines()) for text in texts),
            preamble_openings=_preamble_openings(line for page in first_words for line in page),
        )

    def furniture_in(self, text: str, symbol: str) -> str | None:
        patterns = [
            *(re.escape(job) for job in self.job_numbers),
            # `23/56`, not `54/4` (a resolution of the Council): the page is within the count.
            rf"(?<![\w/])(?:{'|'.join(map(str, range(1, self.pages + 1)))})/{self.pages}(?![\w/])"
            if self.pages > 2
            else None,
            _BARCODE.pattern,
            "Please recycle",
            rf"(?<![\w/]){re.escape(symbol)}(?![\w/.])",
        ]
        for pattern in patterns:
            if pattern is None:
                continue
            match = re.search(pattern, text)
            if match:
                return text[max(0, match.start() - 30) : match.end() + 30]
        return None


def _footnote_lines(lines: Sequence[str]) -> int:
    """Numbered footnote starts after the page's line of underscores, counting on."""
    count, expected = 0, None
    under = False
    for line in lines:
        if _SEPARATOR.fullmatch(line.strip()):
            under = True
            continue
        start = _FOOTNOTE_START.match(line.strip()) if under else None
        if start and (expected is None or int(start["number"]) >= expected):
            count += 1
            expected = int(start["number"]) + 1
    return count


def _line_starts(page: pdfplumber.page.Page) -> list[tuple[str, bool]]:
    """Each line's text and whether its first character is italic."""
    rows: dict[float, list[dict[str, object]]] = {}
    for char in page.chars:
        rows.setdefault(round(float(char["bottom"])), []).append(char)
    starts: list[tuple[str, bool]] = []
    for _, chars in sorted(rows.items()):
        chars.sort(key=lambda c: float(str(c["x0"])))
        text = "".join(str(c["text"]) for c in chars).strip()
        first = next((c for c in chars if not str(c["text"]).isspace()), None)
        italic = first is not None and "italic" in str(first["fontname"]).lower()
        starts.append((text, italic))
    return starts


def _preamble_openings(starts: Iterable[tuple[str, bool]]) -> int:
    """Italic-led lines between the resolution's opening and its first operative paragraph."""
    count, inside, previous = 0, False, ""
    for text, italic in starts:
        plain = " ".join(text.split())
        if not inside:
            inside = bool(_OPENING.fullmatch(plain))
            previous = plain
            continue
        if _OPERATIVE.match(plain):
            break
        if (
            italic
            and plain[:1].isupper()
            and _MARKER_AT_END.sub("", previous).endswith(_ENDS_PARAGRAPH)
        ):
            count += 1
        if plain and not plain.isdigit():  # a raised marker stands on a row of its own
            previous = plain
    return count


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "n/a"


def report(total: Figures) -> str:
    lines = [
        f"documents read: {total.documents - len(total.refused)} of {total.documents} "
        f"(refused: {len(total.refused)})",
        f"paragraphs: {total.paragraphs}",
        f"paragraphs with page furniture: {total.with_furniture} "
        f"({_percent(total.with_furniture, total.paragraphs)})",
        f"footnotes found as notes: {total.notes_found} of {total.footnote_lines} footnote lines "
        f"under separators ({_percent(total.notes_found, total.footnote_lines)})",
        f"preambular paragraphs found: {total.preambular_found} against "
        f"{total.preamble_openings} openings",
        f"paragraphs without numbers: {total.unnumbered_found}",
        f"numbering gaps: {total.numbering_gaps}",
        f"warnings: {len(total.warnings)}",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.fidelity", description=__doc__)
    parser.add_argument("folder", type=Path, help="a folder of real UN PDFs")
    parser.add_argument("--every", type=int, default=1, help="read every Nth PDF (default 1)")
    parser.add_argument("--examples", type=int, default=5, help="faults shown of each kind")
    parser.add_argument("--jobs", type=int, default=None, help="processes (default: cores)")
    args = parser.parse_args(argv)
    paths = sorted(args.folder.glob("*.pdf"))[:: args.every]
    if not paths:
        parser.error(f"{args.folder}: no PDFs")
    total = Figures()
    with ProcessPoolExecutor(args.jobs) as pool:
        for figures in pool.map(measure, paths, chunksize=4):
            total.add(figures)
    print(f"{args.folder}: {len(paths)} PDFs")
    print(report(total))
    for title, examples in (
        ("refused", total.refused),
        ("page furniture", total.furniture_examples),
        ("numbering gaps", total.gap_examples),
        ("warning", total.warnings),
    ):
        for example in examples[: args.examples]:
            print(f"  {title}: {example}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
