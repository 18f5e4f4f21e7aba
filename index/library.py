"""The library of reports: a Whoosh index on disk, safe to share between threads and processes.

Reads always see a published index (see index.store.generations); changes are made in
transactions that publish a whole new state or nothing. Searches run through index.search,
and what they read from the published index is kept until another is published.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import logging
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from cachetools import LRUCache

from index.errors import IndexUnavailable
from index.ingest.catalogue import load_catalogue
from index.language.detection import query_language
from index.language.meaning import encoder
from index.language.official import ENGLISH, LANGUAGES, check_language, official_language
from index.models import NUMBERED, PARAGRAPH_KINDS, PREAMBULAR, Paragraph, ParagraphKind, Report
from index.results import HYBRID, LEXICAL, MODES, PREFIX_CUT, Mode, SearchResult
from index.search.filters import split_filters
from index.search.hits import hit
from index.search.meaning import DEPTH, nearest
from index.search.reading import Reading
from index.search.spelling import corrected_text
from index.search.synonyms import SYNONYMS, Thesaurus, load_synonyms
from index.search.syntax import parse
from index.store import schema
from index.store.citations import Citations, Citing
from index.store.documents import paragraph_from, report_from
from index.store.generations import Generations
from index.store.transactions import (
    Batch,
    VectorsProgress,
    live_folder,
    open_for_reading,
    transaction,
)
from index.store.vectors import Vectors

log = logging.getLogger(__name__)

# Searches remembered, per published index: people search for the same few subjects again and
# again, and a frequent word is the costliest search of all (it matches most paragraphs). A
# result holds up to 51 paragraphs (the bot's last page and one), a few kB each: at most some
# 40 MB of the serving process's memory.
CACHED_SEARCHES = 512
# Seconds left to searches between two steps of warming up.
WARM_UP_PAUSE = 0.005


# A citing paragraph's kind, as the citations keep it (text).
_KINDS: dict[str, ParagraphKind] = {kind: kind for kind in PARAGRAPH_KINDS}


class _NothingToRemove(Exception):
    """Ends a removal's transaction unpublished: the report was not there."""


class Library:
    """Reports and their paragraphs, searchable. Every method may be called from any thread."""

    def __init__(self, index_dir: Path) -> None:
        """Opens the index in `index_dir`, creating an empty one if there is none (or if it was
        built with another schema: the index only ever holds what the catalogue rebuilds)."""
        self._lock = threading.Lock()
        self._closed = False
        self._meaning_loading = False
        # keep_warm: the published index (its folder) whose warming up has been started.
        self._keeping_warm = False
        self._warmed: Path | None = None
        self._generations = Generations(index_dir)
        try:
            self._folder = live_folder(self._generations)
            self._ix: Any = open_for_reading(self._folder)
        # Whoosh reports a damaged index with many exception types (pickle, EOF, its own).
        except Exception as error:
            raise IndexUnavailable(f"cannot open the index in {index_dir}: {error}") from error
        # Queries are analysed as the index on disk was.
        self._analyzers: dict[str, Any] = {
            lang: self._ix.schema[schema.fields(lang).body].analyzer for lang in LANGUAGES
        }
        # Read now, so that a broken file stops the bot when it starts; each language's groups
        # are analysed when that language is first searched (Chinese loads jieba's dictionary).
        self._synonyms = load_synonyms(SYNONYMS)
        self._thesauri: dict[str, Thesaurus] = {}
        # The citations of the published index, read when first asked for (cited_by).
        self._citations_of: tuple[Path, Citations | None] | None = None
        # One long-lived searcher, replaced when another index is published (by any process);
        # what is read from it is kept until then.
        self._read_afresh()

    def is_empty(self) -> bool:
        with self._lock:
            return bool(self._fresh_reading().searcher.doc_count() == 0)

    @contextlib.contextmanager
    def transaction(
        self,
        *,
        wait: bool = False,
        bulk: bool = False,
        vectors: bool = True,
        on_vectors: VectorsProgress | None = None,
    ) -> Iterator[Batch]:
        """Changes published together when the block ends, or not at all if it raises.

        When another transaction holds the index: waits for it, or raises IngestBusy at once.
        `bulk` is for many reports at once (a library built): they are analysed and written by a
        process per core, each into an index segment of its own; for a report or two, starting
        the processes costs more than it saves, and each ingest would leave more segments.
        The paragraphs added are encoded at the end, before publishing: `on_vectors` is told
        how many of how many are done, and `Batch.encoded` says how long it took; with
        `vectors=False` they are found by their words only until `add_vectors`.
        """
        with transaction(
            self._generations, wait=wait, bulk=bulk, vectors=vectors, on_vectors=on_vectors
        ) as batch:
            yield batch

    def add(self, report: Report, *, wait: bool = False) -> None:
        """Adds `report` with its paragraphs, replacing the whole of any report with the same
        symbol and language: searches see the old report or the new one."""
        with self.transaction(wait=wait) as batch:
            batch.add(report)

    def reports(self, lang: str | None = None) -> list[Report]:
        """Every report's metadata, summary and paragraph count (no paragraphs), newest first: a
        Report per language version, or only the versions in `lang`."""
        with self._lock:
            reports = [
                report
                for report in self._fresh_reading().reports()
                if lang is None or report.lang == lang
            ]
        in_order = sorted(reports, key=lambda report: (report.symbol, _language_order(report.lang)))
        return sorted(in_order, key=lambda report: report.date or dt.date.min, reverse=True)

    def languages(self, symbol: str | None = None) -> list[str]:
        """The languages the report `symbol` is indexed in (none if it is not), or, without a
        symbol, the languages of any report; in the UN's order (ar, zh, en, fr, ru, es)."""
        with self._lock:
            found = {
                report.lang
                for report in self._fresh_reading().reports()
                if symbol is None or report.symbol == symbol
            }
        return sorted(found, key=_language_order)

    def report(self, symbol: str, lang: str = "en") -> Report | None:
        """The report's metadata, summary and paragraph count (no paragraphs), if it is here."""
        with self._lock:
            stored = self._fresh_reading().searcher.document(key=schema.report_key(symbol, lang))
        return None if stored is None else report_from(stored)

    def paragraph(
        self,
        symbol: str,
        number: int,
        lang: str = "en",
        annex: str | None = None,
        kind: ParagraphKind = NUMBERED,
    ) -> Paragraph | None:
        """Paragraph `number` of the report's body or an annex; `kind=PREAMBULAR`: the
        `number`th paragraph of a resolution's preamble; `kind=UNNUMBERED`: the `number`th of a
        text that numbers none."""
        key = schema.paragraph_key(symbol, lang, annex, number, kind)
        with self._lock:
            stored = self._fresh_reading().searcher.document(key=key)
        return None if stored is None else paragraph_from(stored)

    def paragraph_numbers(
        self,
        symbol: str,
        lang: str = "en",
        annex: str | None = None,
        kind: ParagraphKind = NUMBERED,
    ) -> list[int]:
        """The numbers of the report's body paragraphs, or of one annex's, of one kind: the
        numbered ones, or the places (1, 2, …) of the preamble's with `kind=PREAMBULAR`, of a
        text's without numbers with `kind=UNNUMBERED`."""
        with self._lock:
            stored = self._fresh_reading().searcher.documents(
                kind=schema.PARAGRAPH, symbol=symbol, lang=lang
            )
            return sorted(
                int(document["number"])
                for document in stored
                if (document.get("annex") or None) == annex
                and (document.get("paragraph_kind") or NUMBERED) == kind
            )

    def cited_by(
        self, symbol: str, paragraph: int | None = None, lang: str = ENGLISH
    ) -> list[Paragraph]:
        """The paragraphs of other reports that cite document `symbol`, or its paragraph
        `paragraph`, each once: in `lang` where its report has that version, else in English,
        else in the first there is; by report, then in reading order."""
        with self._lock:
            self._fresh_reading()
            if self._citations_of is None or self._citations_of[0] != self._folder:
                self._citations_of = (self._folder, Citations.open(self._folder))
            citations = self._citations_of[1]
        citing = [] if citations is None else citations.citing(symbol, paragraph)
        versions: dict[tuple[str, str | None, str, int], dict[str, Citing]] = {}
        for found in citing:
            place = (found.symbol, found.annex, found.kind, found.number)
            versions.setdefault(place, {})[found.lang] = found
        chosen = [
            by_lang.get(lang) or by_lang.get(ENGLISH) or next(iter(by_lang.values()))
            for _, by_lang in sorted(
                versions.items(),
                key=lambda item: (
                    item[0][0],
                    item[0][1] is not None,
                    item[0][1] or "",
                    item[0][2] != PREAMBULAR,
                    item[0][3],
                ),
            )
        ]
        found_paragraphs = (
            self.paragraph(c.symbol, c.number, c.lang, c.annex, _KINDS.get(c.kind, NUMBERED))
            for c in chosen
        )
        return [found for found in found_paragraphs if found is not None]

    def remove(self, symbol: str, lang: str | None = None, *, wait: bool = False) -> list[str]:
        """Removes report `symbol`'s version in `lang`, or every version when None, with its
        paragraphs, vectors and citations; returns the languages removed (none: it had none,
        and the index is left as it was)."""
        try:
            with self.transaction(wait=wait, vectors=False) as batch:
                removed = batch.remove(symbol, lang)
                if not removed:
                    # Nothing changes: nothing is published.
                    raise _NothingToRemove
        except _NothingToRemove:
            return []
        return [found_lang for _, found_lang in removed]

    def paragraphs(self, symbol: str, lang: str = "en") -> list[Paragraph]:
        """Every paragraph of the report, body first, then each annex, in order: a preamble
        before the numbered paragraphs it comes before."""
        with self._lock:
            stored = list(
                self._fresh_reading().searcher.documents(
                    kind=schema.PARAGRAPH, symbol=symbol, lang=lang
                )
            )
        found = [paragraph_from(document) for document in stored]
        return sorted(
            found,
            key=lambda p: (p.annex is not None, p.annex or "", p.kind != PREAMBULAR, p.number),
        )

    def search(
        self,
        query: str,
        *,
        limit: int = 5,
        lang: str | None = None,
        fallback_lang: str = ENGLISH,
        mode: Mode = HYBRID,
        within: str | None = None,
    ) -> SearchResult:
        """The `limit` paragraphs that best match `query`, best first, by their words and by
        their meaning (`mode`: HYBRID, the two fused; LEXICAL or SEMANTIC, one of them).

        Any text is a valid query, read with the syntax people know (index.search.syntax):
        `-word` and `NOT word` leave out paragraphs with any form of the word (in both channels,
        `excluded`), `a OR b` takes either, words in quotes are a phrase, `word*` a prefix, and
        parentheses group; what could not be read as typed is said in `notes`. Question words
        are left out ("what does the report say about …"), a word no paragraph has is replaced by
        the nearest one some paragraph has (`corrected`), and each word also finds its synonyms.
        Paragraphs with every word come first; if they are fewer than `limit`, paragraphs with
        some of the words follow (`matched_all=False` when none has them all). Filters narrow
        the search to reports (`report:`, `year:`) and sections (`section:`), in both channels.

        The reader's language is `lang`, or, when it is None, the language the query is written
        in; a query too short or too plain to tell is taken to be in `fallback_lang` (the chat's
        language: any language tag; one that is not a UN language is English). Words are looked
        for in the reader's language, or in English when no report has paragraphs in it, or
        none of them has the words while English ones do (`fell_back_from` names the language).
        Meaning is looked for in every language (the sentence encoder's space is shared): a
        paragraph is shown in the reader's language where its report has that version, else in
        English, else in its own. A paragraph found by meaning alone is a MEANING hit, whose
        summary is its sentence closest to the query. What must be found as typed (a number, a
        symbol, words in quotes, a rare name) keeps the lead over what is merely close in
        meaning. Reports without vectors (`missing_vectors`) are found by their words only.

        `within` narrows the search to one report (a followed topic matched against a report
        just published) as a `report:` filter would; if the query's own `report:` filters name
        others only, nothing is found.

        The result is remembered (CACHED_SEARCHES of the latest) until another index is
        published: the same search again costs nothing.
        """
        if limit < 1:
            raise ValueError(f"limit must be at least 1, not {limit}")
        if mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
        text, filters = split_filters(query)
        if within is not None:
            named = {symbol.casefold() for symbol in filters.reports}
            if named and within.casefold() not in named:
                return SearchResult(words=(), hits=(), lang=lang or ENGLISH)
            filters = dataclasses.replace(filters, reports=(within,))
        parsed = parse(text)
        if lang is None:
            lang = query_language(parsed.plain, official_language(fallback_lang) or ENGLISH)
        else:
            check_language(lang)
        key = (query, limit, lang, mode, within)
        with self._lock:
            reading = self._fresh_reading()
            cached = self._searches.get(key)
            vectors = reading.vectors if mode != LEXICAL else None
            # A cold start's first searches do not wait for the encoder: words alone answer.
            waiting = vectors is not None and self._meaning_loading and not encoder().loaded
            if waiting:
                vectors = None
            symbols = reading.allowed_symbols(filters)
            warm = self._keeping_warm and self._warmed != self._folder
            if warm:
                self._warmed = self._folder
        if warm:
            threading.Thread(target=self.warm_up, name="warm-up", daemon=True).start()
        if cached is not None:
            return cached
        depth = limit if mode == LEXICAL else max(limit, DEPTH)
        with self._lock:
            words = self._fresh_reading().words(lang, parsed, filters, depth, limit)
        # The encoder and the vectors are read by any number of threads at once: only the
        # Whoosh searcher needs the lock. Meaning is looked for in the words as corrected.
        vector = None
        if vectors is not None and words.searchable:
            vector = encoder().encode([corrected_text(parsed.plain, words.corrected)])[0]
        near = [] if vector is None or vectors is None else nearest(vectors, vector, lang, symbols)
        with self._lock:
            reading = self._fresh_reading()
            ranked = reading.ranked(words, near, filters, limit, mode)
        found = SearchResult(
            words=words.words,
            hits=tuple(
                hit(item, words.terms, words.lang, self._analyzers, vector, encoder().encode)
                for item in ranked
            ),
            matched_all=words.matched_all,
            reports=words.reports,
            unknown_reports=words.unknown_reports,
            corrected=words.corrected,
            lang=lang,
            fell_back_from=words.fell_back_from,
            meaning=vectors is not None and bool(vectors.reports),
            excluded=tuple(str(term) for term in parsed.excluded),
            notes=tuple(sorted({*parsed.notes, *([PREFIX_CUT] if words.prefix_cut else [])})),
        )
        with self._lock:
            if reading is self._reading and not waiting:
                self._searches[key] = found
        return found

    def missing_vectors(self) -> list[tuple[str, str]]:
        """The indexed reports (symbol, language) without vectors, found by their words only:
        those of an index built before search by meaning. `add_vectors` adds them."""
        with self._lock:
            reading = self._fresh_reading()
            having = reading.vectors.reports if reading.vectors is not None else frozenset()
            return sorted(
                (report.symbol, report.lang)
                for report in reading.reports()
                if (report.symbol, report.lang) not in having
            )

    def add_vectors(self, progress: VectorsProgress | None = None) -> int:
        """Encodes the paragraphs of the reports without vectors and publishes their vectors;
        the number of paragraphs encoded. Raises IngestBusy while another transaction runs."""
        with self.transaction(on_vectors=progress) as batch:
            batch.add_vectors()
        assert batch.encoded is not None, "a transaction that ends has encoded"
        return batch.encoded.paragraphs

    def load_meaning(self) -> None:
        """Loads the sentence encoder (about a second) now rather than on the first search.
        Called in a thread of its own, as a bot starting does: searches meanwhile are by
        words alone rather than wait for it (and are not remembered)."""
        with self._lock:
            self._meaning_loading = True
        try:
            encoder().load()
        finally:
            with self._lock:
                self._meaning_loading = False

    def _thesaurus(self, lang: str) -> Thesaurus:
        if lang not in self._thesauri:
            self._thesauri[lang] = Thesaurus(self._synonyms.get(lang, []), self._analyzers[lang])
        return self._thesauri[lang]

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._reading.searcher.close()
            self._ix.close()

    def keep_warm(self) -> None:
        """From now on, `warm_up` each published index in a thread of its own once its first
        search is answered: that first answer (a bot's first reply) is not slowed by it."""
        with self._lock:
            self._keeping_warm = True

    def warm_up(self) -> None:
        """Scores the thesaurus's phrases in the languages of the reports, for the searches that
        will need them: each is a Whoosh phrase search through every paragraph (a search with
        an acronym or a synonym of several words was the slowest kind, some 200 ms at 100,000
        paragraphs), and the thesaurus is known before anyone searches. A phrase in one segment
        at a time, the lock taken for each and then left to searches for a moment, so that a
        search waits for one at most; it stops when the library is closed or another index is
        published."""
        with self._lock:
            if self._closed:
                return
            scorer = self._reading.scorer
            work = self._reading.phrases()
        for phrase in work:
            for segment in range(scorer.segments):
                with self._lock:
                    if self._closed or self._reading.scorer is not scorer:
                        return
                    scorer.prepare(phrase, segment)
                # Python's lock would go straight back to this thread.
                time.sleep(WARM_UP_PAUSE)

    def _fresh_reading(self) -> Reading:
        """What searches read from the published index, after opening it afresh if another one
        has been published (by any process) since; the caller holds the lock."""
        live = self._generations.current()
        if live is not None and live != self._folder:
            ix = open_for_reading(live)
            self._reading.searcher.close()
            self._ix.close()
            self._ix, self._folder = ix, live
            self._read_afresh()
        return self._reading

    def _read_afresh(self) -> None:
        """Forgets what was read from the index before: another one is published."""
        self._reading = Reading(
            self._ix.searcher(), self._analyzers, self._thesaurus, Vectors.open(self._folder)
        )
        self._searches: LRUCache[tuple[str, int, str, str, str | None], SearchResult] = LRUCache(
            CACHED_SEARCHES
        )


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


def _language_order(lang: str) -> int:
    return LANGUAGES.index(lang) if lang in LANGUAGES else len(LANGUAGES)
