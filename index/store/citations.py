"""Which paragraphs cite which documents, for one generation: `citations.json`, beside Whoosh's.

Each report version's paragraphs with the documents they cite, as the reference reader finds
them in their text and notes (index.references): `{"reports": [[symbol, lang, [[annex, kind,
number, cited symbol, [cited paragraphs]], …]], …]}`. A paragraph citing a document as a whole
has no cited paragraphs; references within the report itself ("see para. 27 above") are not
kept: they are the report's own business, not a citation. Read back, the rows are turned
around: for a document, the paragraphs of other reports that cite it, and which of its
paragraphs.

Written as the vectors are (vectors.py): a new file beside the old, renamed over it, in the
generation being published, so that it is published with it. An index built before has no file
until its next transaction, which reads every report to make it.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from index.models import Paragraph
from index.references.reader import read_references
from index.store.vectors import ReportKey, replace_file

log = logging.getLogger(__name__)

CITATIONS = "citations.json"
# What a reference must be to count as a citation of another document.
_CITATION_KINDS = frozenset({"document", "resolution", "decision", "paragraph"})
# A row as the file keeps it: (annex, kind, number, cited symbol, cited paragraphs).
Row = tuple[str | None, str, int, str, tuple[int, ...]]


@dataclass(frozen=True)
class Citing:
    """A paragraph that cites a document: where it is, and the document's paragraphs it cites
    (none: the document as a whole)."""

    symbol: str
    lang: str
    annex: str | None
    kind: str
    number: int
    cited: tuple[int, ...]


def cited_in(paragraph: Paragraph) -> list[tuple[str, tuple[int, ...]]]:
    """The documents `paragraph` cites in its text and notes, each with the paragraphs of it
    cited, in the order first cited; its own report left out."""
    found: dict[str, list[int]] = {}
    own = paragraph.symbol.casefold()
    for text in (paragraph.text, *paragraph.notes):
        for reference in read_references(text, paragraph.lang):
            if reference.kind not in _CITATION_KINDS or reference.symbol is None:
                continue
            if reference.symbol.casefold() == own:
                continue
            cited = found.setdefault(reference.symbol, [])
            cited.extend(number for number in reference.paragraphs if number not in cited)
    return [(symbol, tuple(numbers)) for symbol, numbers in found.items()]


def rows_of(paragraphs: Iterable[Paragraph]) -> list[Row]:
    return [
        (paragraph.annex, paragraph.kind, paragraph.number, symbol, cited)
        for paragraph in paragraphs
        for symbol, cited in cited_in(paragraph)
    ]


class Citations:
    """The citations of one generation, turned around by the document cited. Read-only."""

    def __init__(self, reports: Sequence[tuple[str, str, Sequence[Row]]]) -> None:
        self._reports = reports
        self.reports: frozenset[ReportKey] = frozenset((s, lang) for s, lang, _ in reports)
        self._by_cited: dict[str, list[Citing]] = {}
        for symbol, lang, rows in reports:
            for annex, kind, number, cited_symbol, cited in rows:
                self._by_cited.setdefault(cited_symbol.casefold(), []).append(
                    Citing(symbol, lang, annex, kind, number, tuple(cited))
                )

    @classmethod
    def open(cls, folder: Path) -> Citations | None:
        """The citations in `folder`; None when it has none (an index built before them), or
        when they cannot be read (logged)."""
        path = folder / CITATIONS
        if not path.exists():
            return None
        try:
            listing = json.loads(path.read_text(encoding="utf-8"))
            reports = [
                (
                    str(symbol),
                    str(lang),
                    [
                        (annex, str(kind), int(number), str(cited_symbol), tuple(map(int, cited)))
                        for annex, kind, number, cited_symbol, cited in rows
                    ],
                )
                for symbol, lang, rows in listing["reports"]
            ]
        # A damaged file fails in many ways: JSON, a row of another shape.
        except Exception as error:
            log.warning("cannot read the citations in %s (%s)", folder, type(error).__name__)
            return None
        return cls(reports)

    def citing(self, symbol: str, paragraph: int | None = None) -> list[Citing]:
        """The paragraphs, in every language version, that cite document `symbol`, or its
        paragraph `paragraph` by number (in its body), in the order indexed."""
        found = self._by_cited.get(symbol.casefold(), [])
        if paragraph is None:
            return list(found)
        return [citing for citing in found if paragraph in citing.cited]


def write_citations(
    folder: Path,
    replaced: Collection[ReportKey],
    added: Iterable[tuple[ReportKey, Sequence[Row]]],
) -> None:
    """Replaces the citations in `folder`: the rows of the reports `replaced` go, the others
    stay, and each of `added` (a report and its rows; among those replaced) comes in."""
    previous = Citations.open(folder)
    reports = [
        (symbol, lang, list(rows))
        for symbol, lang, rows in (previous._reports if previous is not None else ())
        if (symbol, lang) not in replaced
    ]
    for (symbol, lang), rows in added:
        if (symbol, lang) not in replaced:
            raise ValueError(f"{symbol} ({lang}) is added without replacing its rows")
        reports.append((symbol, lang, list(rows)))
    listing = json.dumps({"reports": reports}, ensure_ascii=False).encode()
    replace_file(folder / CITATIONS, lambda out: out.write(listing))
