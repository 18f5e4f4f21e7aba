"""The library of reports: a Whoosh index on disk, safe to share between threads and processes.

Reads always see a published index (see index.store); changes are made in transactions that
publish a whole new state or nothing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.query import And, Or, Term

from index import schema
from index.catalogue import load_catalogue
from index.filters import in_years, resolve_symbols, split_filters
from index.models import Paragraph, Report
from index.query import Concept, all_of, any_of, query_words
from index.results import Hit, SearchResult
from index.spelling import correct_spelling
from index.store import Generations
from index.summaries import summarize
from index.synonyms import SYNONYMS, load_thesaurus

log = logging.getLogger(__name__)


class IndexUnavailable(Exception):
    """The index directory cannot be opened or created; the message says where and why."""


class Library:
    """Reports and their paragraphs, searchable. Every method may be called from any thread."""

    def __init__(self, index_dir: Path) -> None:
        """Opens the index in `index_dir`, creating an empty one if there is none (or if it was
        built with another schema: the index only ever holds what the catalogue rebuilds)."""
        self._lock = threading.Lock()
        self._generations = Generations(index_dir)
        try:
            self._folder = _live_folder(self._generations)
            self._ix: Any = whoosh_index.open_dir(str(self._folder))
        # Whoosh reports a damaged index with many exception types (pickle, EOF, its own).
        except Exception as error:
            raise IndexUnavailable(f"cannot open the index in {index_dir}: {error}") from error
        self._analyzer: Any = self._ix.schema[schema.BODY].analyzer
        self._thesaurus = load_thesaurus(SYNONYMS, self._analyzer)
        # One long-lived searcher, replaced when another index is published (by any process).
        self._searcher: Any = self._ix.searcher()

    def is_empty(self) -> bool:
        with self._lock:
            return bool(self._fresh_searcher().doc_count() == 0)

    @contextlib.contextmanager
    def transaction(self, *, wait: bool = False) -> Iterator[Batch]:
        """Changes published together when the block ends, or not at all if it raises.

        When another transaction holds the index: waits for it, or raises IngestBusy at once.
        """
        with self._generations.next(wait=wait) as folder:
            ix = whoosh_index.open_dir(str(folder))
            writer = ix.writer()
            try:
                yield Batch(writer)
            except BaseException:
                writer.cancel()
                ix.close()
                raise
            writer.commit()
            ix.close()

    def add(self, report: Report, *, wait: bool = False) -> None:
        """Adds `report` with its paragraphs, replacing the whole of any report with the same
        symbol and language: searches see the old report or the new one."""
        with self.transaction(wait=wait) as batch:
            batch.add(report)

    def reports(self) -> list[Report]:
        """Every report's metadata, summary and paragraph count (no paragraphs), newest first."""
        with self._lock:
            stored = list(self._fresh_searcher().documents(kind=schema.REPORT))
        reports = [Report.model_validate_json(document["report"]) for document in stored]
        by_symbol = sorted(reports, key=lambda report: report.symbol)
        return sorted(by_symbol, key=lambda report: report.date or dt.date.min, reverse=True)

    def report(self, symbol: str, lang: str = "en") -> Report | None:
        """The report's metadata, summary and paragraph count (no paragraphs), if it is here."""
        with self._lock:
            stored = self._fresh_searcher().document(key=schema.report_key(symbol, lang))
        return None if stored is None else Report.model_validate_json(stored["report"])

    def paragraph(
        self, symbol: str, number: int, lang: str = "en", annex: str | None = None
    ) -> Paragraph | None:
        key = schema.paragraph_key(symbol, lang, annex, number)
        with self._lock:
            stored = self._fresh_searcher().document(key=key)
        return None if stored is None else _paragraph_from(stored)

    def paragraph_numbers(
        self, symbol: str, lang: str = "en", annex: str | None = None
    ) -> list[int]:
        """The numbers of the report's body paragraphs, or of one annex's."""
        with self._lock:
            stored = self._fresh_searcher().documents(
                kind=schema.PARAGRAPH, symbol=symbol, lang=lang
            )
            return sorted(
                int(document["number"])
                for document in stored
                if (document.get("annex") or None) == annex
            )

    def paragraphs(self, symbol: str, lang: str = "en") -> list[Paragraph]:
        """Every paragraph of the report, body first, then each annex, in order."""
        with self._lock:
            stored = list(
                self._fresh_searcher().documents(kind=schema.PARAGRAPH, symbol=symbol, lang=lang)
            )
        found = [_paragraph_from(document) for document in stored]
        return sorted(found, key=lambda p: (p.annex is not None, p.annex or "", p.number))

    def search(self, query: str, *, limit: int = 5) -> SearchResult:
        """The `limit` paragraphs that best match `query`, best first.

        Any text is a valid query: its words are searched for, never its syntax. Question words
        are left out ("what does the report say about …"), a word no paragraph has is replaced by
        the nearest one some paragraph has (`corrected`), and each word also finds its synonyms.
        Paragraphs with every word come first; if they are fewer than `limit`, paragraphs with
        some of the words follow (`matched_all=False` when none has them all). Filters narrow
        the search to reports (`report:`, `year:`) and sections (`section:`).
        """
        if limit < 1:
            raise ValueError(f"limit must be at least 1, not {limit}")
        text, filters = split_filters(query)
        with self._lock:
            searcher = self._fresh_searcher()
            indexed = _symbols(searcher) if filters.reports else set()
            reports, unknown = resolve_symbols(filters.reports, indexed)
            typed = query_words(text, self._analyzer)
            if not typed or unknown:
                return SearchResult(
                    words=tuple(word.word for word in typed),
                    hits=(),
                    reports=tuple(reports),
                    unknown_reports=tuple(unknown),
                )
            words, corrected = correct_spelling(
                typed, searcher, self._analyzer, self._thesaurus.knows
            )
            concepts = self._thesaurus.concepts(words)
            symbols = _allowed_symbols(searcher, reports, filters.years)
            restriction = _restriction(symbols, _terms(filters.sections, self._analyzer))
            found: list[Any] = []
            matched_all = True
            # Filters that leave no report to search find nothing (a Whoosh filter matching
            # nothing would be no filter at all).
            if symbols is None or symbols:
                found, matched_all = _best(searcher, concepts, len(words) > 1, limit, restriction)
            terms = frozenset().union(*(concept.terms for concept in concepts))
            hits = tuple(self._hit(result, terms) for result in found)
        return SearchResult(
            words=tuple(word.word for word in words),
            hits=hits,
            matched_all=matched_all,
            reports=tuple(reports),
            corrected=corrected,
        )

    def close(self) -> None:
        with self._lock:
            self._searcher.close()
            self._ix.close()

    def _fresh_searcher(self) -> Any:
        live = self._generations.current()
        if live is not None and live != self._folder:
            ix = whoosh_index.open_dir(str(live))
            self._searcher.close()
            self._ix.close()
            self._ix, self._folder, self._searcher = ix, live, ix.searcher()
        return self._searcher

    def _hit(self, result: Any, terms: frozenset[str]) -> Hit:
        paragraph = _paragraph_from(result.fields())
        summary = summarize(paragraph.text, terms, self._analyzer)
        return Hit(paragraph=paragraph, score=float(result.score), summary=summary)


def open_library(index_dir: Path, catalogue: Path) -> Library:
    """The library in `index_dir`; a missing or empty one is filled from the catalogue first.

    An index that holds reports is served as it is: what an operator ingested is never
    overwritten by the catalogue. Raises IngestError when an empty index's catalogue is broken.
    """
    library = Library(index_dir)
    try:
        if library.is_empty():
            reports = load_catalogue(catalogue)
            with library.transaction() as batch:
                for report in reports:
                    batch.add(report)
            for report in reports:
                log.info(
                    "ingested %s (%s): %d paragraphs",
                    report.symbol,
                    report.lang,
                    report.paragraph_count,
                )
    except BaseException:
        library.close()
        raise
    return library


def _symbols(searcher: Any) -> set[str]:
    return {document["symbol"] for document in searcher.documents(kind=schema.REPORT)}


def _allowed_symbols(
    searcher: Any, reports: list[str], years: tuple[tuple[int, int], ...]
) -> set[str] | None:
    """The reports the filters leave to search, or None for all of them."""
    allowed = set(reports) if reports else None
    if years:
        dated = {
            document["symbol"]
            for document in searcher.documents(kind=schema.REPORT)
            if in_years(Report.model_validate_json(document["report"]).year, years)
        }
        allowed = dated if allowed is None else allowed & dated
    return allowed


def _terms(texts: tuple[str, ...], analyzer: Any) -> list[str]:
    return [str(token.text) for text in texts for token in analyzer(text)]


def _restriction(symbols: set[str] | None, section_terms: list[str]) -> Any | None:
    """The paragraphs a search may return: of these reports, under headings with these terms."""
    parts: list[Any] = [Term(schema.SECTION, term) for term in section_terms]
    if symbols is not None:
        parts.append(Or([Term("symbol", symbol) for symbol in sorted(symbols)]))
    return And(parts) if parts else None


def _best(
    searcher: Any, concepts: tuple[Concept, ...], several_words: bool, limit: int, restriction: Any
) -> tuple[list[Any], bool]:
    """The best paragraphs with every concept, then, while there are fewer than `limit`, the
    best with some; and whether any paragraph had them all."""
    # Report documents have none of the searched fields: only paragraphs match.
    found = list(searcher.search(all_of(concepts), limit=limit, filter=restriction))
    if not several_words or len(found) == limit:
        return found, True
    shown = {result.docnum for result in found}
    # These include the paragraphs found already, wherever they rank: as many more are asked for.
    some = searcher.search(any_of(concepts), limit=limit + len(found), filter=restriction)
    found += [result for result in some if result.docnum not in shown][: limit - len(found)]
    return found, bool(shown)


class Batch:
    """The changes of one transaction."""

    def __init__(self, writer: Any) -> None:
        self._writer = writer

    def add(self, report: Report) -> None:
        """Adds `report`, replacing the whole of any report with the same symbol and language."""
        _check_paragraphs(report)
        self._writer.delete_by_query(
            And([Term("symbol", report.symbol), Term("lang", report.lang)])
        )
        self._writer.add_document(**_report_document(report))
        for paragraph in report.paragraphs:
            self._writer.add_document(**_paragraph_document(paragraph, report.title))


def _live_folder(generations: Generations) -> Path:
    """The published index, after publishing an empty one if there is none (or if it was built
    with another schema)."""
    live = generations.current()
    if live is not None:
        ix = whoosh_index.open_dir(str(live))
        fields = schema.schema_fields(ix.schema)
        ix.close()
        if fields == schema.schema_fields(schema.build_schema()):
            return live
        log.warning("index in %s has another schema; starting an empty one", live)
    with generations.next(wait=True, start_empty=True) as folder:
        whoosh_index.create_in(str(folder), schema.build_schema()).close()
    published = generations.current()
    assert published is not None
    return published


def _check_paragraphs(report: Report) -> None:
    if not report.paragraphs:
        raise ValueError(f"{report.symbol} has no paragraphs to add")
    numbers = [(paragraph.annex, paragraph.number) for paragraph in report.paragraphs]
    if len(set(numbers)) != len(numbers):
        raise ValueError(f"{report.symbol} has paragraphs with the same number")
    for paragraph in report.paragraphs:
        if (paragraph.symbol, paragraph.lang) != (report.symbol, report.lang):
            raise ValueError(f"paragraph {paragraph.citation} is not part of {report.symbol}")


def _report_document(report: Report) -> dict[str, object]:
    listing = report.model_copy(
        update={"paragraphs": (), "paragraph_count": len(report.paragraphs)}
    )
    return {
        "key": schema.report_key(report.symbol, report.lang),
        "kind": schema.REPORT,
        "symbol": report.symbol,
        "lang": report.lang,
        "report": listing.model_dump_json(),
    }


def _paragraph_document(paragraph: Paragraph, title: str) -> dict[str, object]:
    return {
        "key": schema.paragraph_key(
            paragraph.symbol, paragraph.lang, paragraph.annex, paragraph.number
        ),
        "kind": schema.PARAGRAPH,
        "symbol": paragraph.symbol,
        "lang": paragraph.lang,
        "annex": paragraph.annex or "",
        "number": paragraph.number,
        "section": schema.SECTION_SEPARATOR.join(paragraph.section_path),
        "body": paragraph.text,
        "title": title,
        "page": paragraph.page,
        "notes": list(paragraph.notes),
        "link": paragraph.link,
    }


def _paragraph_from(stored: Mapping[str, Any]) -> Paragraph:
    section = stored.get("section") or ""
    return Paragraph.model_validate(
        {
            "symbol": stored["symbol"],
            "lang": stored["lang"],
            "annex": stored.get("annex") or None,
            "number": stored["number"],
            "section_path": section.split(schema.SECTION_SEPARATOR) if section else (),
            "text": stored["body"],
            "page": stored.get("page"),
            "notes": stored.get("notes") or (),
            "link": stored.get("link"),
        }
    )
