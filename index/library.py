"""The library of reports: a Whoosh index on disk, safe to share between threads and processes.

Reads always see a published index (see index.store); changes are made in transactions that
publish a whole new state or nothing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import heapq
import logging
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.filedb.filestore import FileStorage
from whoosh.query import And, Or, Phrase, Term

from index import schema
from index.catalogue import load_catalogue
from index.codec import WritingCodec
from index.detection import detect_language
from index.filters import Filters, in_years, resolve_symbols, split_filters
from index.languages import ENGLISH, LANGUAGES, check_language, official_language
from index.models import Paragraph, Report
from index.nearness import Texts, bonus, most
from index.query import (
    Concept,
    all_of,
    any_of,
    nearness_pairs,
    query_words,
    rewards_nearness,
    split_unknown_compounds,
)
from index.results import Hit, SearchResult
from index.scoring import Scorer
from index.spelling import correct_spelling
from index.store import Generations
from index.summaries import summarize
from index.synonyms import SYNONYMS, Thesaurus, load_synonyms
from index.titles import Title, phrases_in_titles
from index.vocabulary import Vocabulary

log = logging.getLogger(__name__)

# The bonuses for query words found close together (index.query.ranked) are costly to score: the
# positions of the words in each paragraph are compared, and a search for frequent words would
# compare them in most paragraphs. They reorder the best paragraphs by relevance alone, so only
# these are scored with them.
RERANKED = 100
# A bulk transaction is written by a process per core (see Library.transaction): Whoosh's
# analysis and writing are pure Python, so a process does the work of one core at most.
BULK_PROCESSES = os.cpu_count() or 1
# Paragraphs from which a batch is worth a bulk transaction: a few seconds of work for one core,
# against about a second to start the processes.
BULK_FROM = 5_000
# Searches remembered, per published index: people search for the same few subjects again and
# again, and a frequent word is the costliest search of all (it matches most paragraphs). A
# result holds up to 51 paragraphs (the bot's last page and one), a few kB each: at most some
# 40 MB of the serving process's memory.
CACHED_SEARCHES = 512
# Seconds left to searches between two steps of warming up.
WARM_UP_PAUSE = 0.005


class IndexUnavailable(Exception):
    """The index directory cannot be opened or created; the message says where and why."""


class Library:
    """Reports and their paragraphs, searchable. Every method may be called from any thread."""

    def __init__(self, index_dir: Path) -> None:
        """Opens the index in `index_dir`, creating an empty one if there is none (or if it was
        built with another schema: the index only ever holds what the catalogue rebuilds)."""
        self._lock = threading.Lock()
        self._closed = False
        # keep_warm: the published index (its folder) whose warming up has been started.
        self._keeping_warm = False
        self._warmed: Path | None = None
        self._generations = Generations(index_dir)
        try:
            self._folder = _live_folder(self._generations)
            self._ix: Any = _open_for_reading(self._folder)
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
        # One long-lived searcher, replaced when another index is published (by any process);
        # what is read from it is kept until then.
        self._searcher: Any = self._ix.searcher()
        self._read_afresh()

    def is_empty(self) -> bool:
        with self._lock:
            return bool(self._fresh_searcher().doc_count() == 0)

    @contextlib.contextmanager
    def transaction(self, *, wait: bool = False, bulk: bool = False) -> Iterator[Batch]:
        """Changes published together when the block ends, or not at all if it raises.

        When another transaction holds the index: waits for it, or raises IngestBusy at once.
        `bulk` is for many reports at once (a library built): they are analysed and written by a
        process per core, each into an index segment of its own; for a report or two, starting
        the processes costs more than it saves, and each ingest would leave more segments.
        """
        with self._generations.next(wait=wait) as folder:
            ix = whoosh_index.open_dir(str(folder))
            if bulk and BULK_PROCESSES > 1:
                # The segments are not merged: merging would take about as long again.
                writer = ix.writer(codec=WritingCodec(), procs=BULK_PROCESSES, multisegment=True)
            else:
                writer = ix.writer(codec=WritingCodec())
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

    def reports(self, lang: str | None = None) -> list[Report]:
        """Every report's metadata, summary and paragraph count (no paragraphs), newest first: a
        Report per language version, or only the versions in `lang`."""
        with self._lock:
            reports = [
                report
                for report in self._reports(self._fresh_searcher())
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
                for report in self._reports(self._fresh_searcher())
                if symbol is None or report.symbol == symbol
            }
        return sorted(found, key=_language_order)

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

    def search(
        self,
        query: str,
        *,
        limit: int = 5,
        lang: str | None = None,
        fallback_lang: str = ENGLISH,
    ) -> SearchResult:
        """The `limit` paragraphs that best match `query`, best first, in one language.

        Any text is a valid query: its words are searched for, never its syntax. Question words
        are left out ("what does the report say about …"), a word no paragraph has is replaced by
        the nearest one some paragraph has (`corrected`), and each word also finds its synonyms.
        Paragraphs with every word come first; if they are fewer than `limit`, paragraphs with
        some of the words follow (`matched_all=False` when none has them all). Filters narrow
        the search to reports (`report:`, `year:`) and sections (`section:`).

        The paragraphs are those in `lang`, or, when it is None, in the language the query is
        written in; a query too short or too plain to tell is taken to be in `fallback_lang`
        (the chat's language: any language tag; one that is not a UN language is English).
        When no report has paragraphs in that language, or none of them matches while English
        ones do, English paragraphs answer instead and `fell_back_from` names the language.

        The result is remembered (CACHED_SEARCHES of the latest) until another index is
        published: the same search again costs nothing.
        """
        if limit < 1:
            raise ValueError(f"limit must be at least 1, not {limit}")
        text, filters = split_filters(query)
        if lang is None:
            lang = detect_language(text, official_language(fallback_lang) or ENGLISH)
        else:
            check_language(lang)
        with self._lock:
            searcher = self._fresh_searcher()
            key = (query, limit, lang)
            found = self._searches.get(key)
            if found is None:
                found = self._search_uncached(searcher, lang, text, filters, limit)
                self._searches[key] = found
                if len(self._searches) > CACHED_SEARCHES:
                    self._searches.popitem(last=False)
            else:
                self._searches.move_to_end(key)
            warm = self._keeping_warm and self._warmed != self._folder
            if warm:
                self._warmed = self._folder
        if warm:
            threading.Thread(target=self.warm_up, name="warm-up", daemon=True).start()
        return found

    def _search_uncached(
        self, searcher: Any, lang: str, text: str, filters: Filters, limit: int
    ) -> SearchResult:
        if lang != ENGLISH and all(report.lang != lang for report in self._reports(searcher)):
            return self._search_in(searcher, ENGLISH, text, filters, limit, fell_back_from=lang)
        found = self._search_in(searcher, lang, text, filters, limit)
        if lang != ENGLISH and not found.hits and found.words:
            english = self._search_in(searcher, ENGLISH, text, filters, limit, fell_back_from=lang)
            if english.hits:
                return english
        return found

    def _search_in(
        self,
        searcher: Any,
        lang: str,
        text: str,
        filters: Filters,
        limit: int,
        fell_back_from: str | None = None,
    ) -> SearchResult:
        fields = schema.fields(lang)
        analyzer = self._analyzers[lang]
        listing = self._reports(searcher)
        reports, unknown = resolve_symbols(filters.reports, {report.symbol for report in listing})
        typed = query_words(text, analyzer, lang)
        if not typed or unknown:
            return SearchResult(
                words=tuple(word.word for word in typed),
                hits=(),
                reports=tuple(reports),
                unknown_reports=tuple(unknown),
                lang=lang,
                fell_back_from=fell_back_from,
            )
        thesaurus = self._thesaurus(lang)
        words, corrected = correct_spelling(
            typed,
            searcher,
            analyzer,
            thesaurus.knows,
            fields,
            partial(self._near, searcher, fields),
        )
        words = split_unknown_compounds(words, analyzer, _indexed_in(searcher, fields))
        concepts = thesaurus.concepts(words)
        symbols = _allowed_symbols(listing, reports, filters.years)
        section_terms = _terms(filters.sections, analyzer)
        restriction = _restriction(symbols, fields.section, section_terms)
        found: list[tuple[int, float]] = []
        matched_all = True
        # Filters that leave no report to search find nothing (a Whoosh filter matching nothing
        # would be no filter at all).
        if symbols is None or symbols:
            ranking = _Ranking(
                searcher,
                self._scorer,
                self._texts,
                self._titles(searcher, lang),
                concepts,
                fields,
                analyzer,
                restriction,
            )
            found, matched_all = ranking.best(len(words) > 1, limit)
        terms = frozenset().union(*(concept.terms for concept in concepts))
        return SearchResult(
            words=tuple(word.word for word in words),
            hits=tuple(self._hit(searcher, docnum, score, terms) for docnum, score in found),
            matched_all=matched_all,
            reports=tuple(reports),
            corrected=corrected,
            lang=lang,
            fell_back_from=fell_back_from,
        )

    def _thesaurus(self, lang: str) -> Thesaurus:
        if lang not in self._thesauri:
            self._thesauri[lang] = Thesaurus(self._synonyms.get(lang, []), self._analyzers[lang])
        return self._thesauri[lang]

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._searcher.close()
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
            scorer = self._scorer
            languages = sorted({report.lang for report in self._reports(self._searcher)})
            work = [
                Phrase(field, list(phrase))
                for lang, fields in ((lang, schema.fields(lang)) for lang in languages)
                for phrase in self._thesaurus(lang).phrases
                for field in (fields.body, fields.section)
            ]
        for phrase in work:
            for segment in range(scorer.segments):
                with self._lock:
                    if self._closed or self._scorer is not scorer:
                        return
                    scorer.prepare(phrase, segment)
                # Python's lock would go straight back to this thread.
                time.sleep(WARM_UP_PAUSE)

    def _fresh_searcher(self) -> Any:
        live = self._generations.current()
        if live is not None and live != self._folder:
            ix = _open_for_reading(live)
            self._searcher.close()
            self._ix.close()
            self._ix, self._folder, self._searcher = ix, live, ix.searcher()
            self._read_afresh()
        return self._searcher

    def _read_afresh(self) -> None:
        """Forgets what was read from the index before: another one is published."""
        self._scorer = Scorer(self._searcher)
        self._texts = Texts()
        self._analysed_titles: dict[str, dict[str, Title]] = {}
        self._vocabularies: dict[str, Vocabulary] = {}
        self._listing: list[Report] | None = None
        self._searches: OrderedDict[tuple[str, int, str], SearchResult] = OrderedDict()

    def _reports(self, searcher: Any) -> list[Report]:
        """Every report's listing in the live index (the caller holds the lock), read once."""
        if self._listing is None:
            self._listing = [
                Report.model_validate_json(document["report"])
                for document in searcher.documents(kind=schema.REPORT)
            ]
        return self._listing

    def _titles(self, searcher: Any, lang: str) -> dict[str, Title]:
        """The titles of the reports in `lang`, by symbol, analysed once (the caller holds the
        lock)."""
        if lang not in self._analysed_titles:
            analyzer = self._analyzers[lang]
            self._analysed_titles[lang] = {
                report.symbol: Title.analysed(report.title, analyzer)
                for report in self._reports(searcher)
                if report.lang == lang
            }
        return self._analysed_titles[lang]

    def _near(self, searcher: Any, fields: schema.Fields, word: str, edits: int) -> list[str]:
        """The words kept for spelling in `fields` near `word` (index.vocabulary), read into
        memory when first asked for (the caller holds the lock)."""
        if fields.lang not in self._vocabularies:
            kept = searcher.reader().lexicon(fields.words)
            self._vocabularies[fields.lang] = Vocabulary(word.decode("utf-8") for word in kept)
        return self._vocabularies[fields.lang].near(word, edits)

    def _hit(self, searcher: Any, docnum: int, score: float, terms: frozenset[str]) -> Hit:
        paragraph = _paragraph_from(searcher.stored_fields(docnum))
        summary = summarize(paragraph.text, terms, self._analyzers[paragraph.lang])
        return Hit(paragraph=paragraph, score=score, summary=summary)


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


def _open_for_reading(folder: Path) -> Any:
    """The index in `folder`, its files read rather than mapped into memory: mapped, each file
    searched counts whole towards the process's resident memory (600 MB serving 100,000
    paragraphs, against 180 MB read), for searches about a sixth faster."""
    return FileStorage(str(folder), supports_mmap=False).open_index()


def _language_order(lang: str) -> int:
    return LANGUAGES.index(lang) if lang in LANGUAGES else len(LANGUAGES)


def _indexed_in(searcher: Any, fields: schema.Fields) -> Callable[[str], bool]:
    """Whether a term is in any paragraph's text or headings, or a report's title."""
    reader = searcher.reader()
    names = (fields.body, fields.section, fields.title)
    return lambda term: any((name, term) in reader for name in names)


def _allowed_symbols(
    listing: list[Report], reports: list[str], years: tuple[tuple[int, int], ...]
) -> set[str] | None:
    """The reports the filters leave to search, or None for all of them."""
    allowed = set(reports) if reports else None
    if years:
        dated = {report.symbol for report in listing if in_years(report.year, years)}
        allowed = dated if allowed is None else allowed & dated
    return allowed


def _terms(texts: tuple[str, ...], analyzer: Any) -> list[str]:
    return [str(token.text) for text in texts for token in analyzer(text)]


def _restriction(
    symbols: set[str] | None, section_field: str, section_terms: list[str]
) -> Any | None:
    """The paragraphs a search may return: of these reports, under headings with these terms."""
    parts: list[Any] = [Term(section_field, term) for term in section_terms]
    if symbols is not None:
        parts.append(Or([Term("symbol", symbol) for symbol in sorted(symbols)]))
    return And(parts) if parts else None


@dataclass(frozen=True)
class _Ranking:
    """How one search ranks paragraphs: its concepts, in one language's fields, among the
    paragraphs `restriction` leaves (None: all)."""

    searcher: Any
    scorer: Scorer
    texts: Texts
    titles: Mapping[str, Title]
    concepts: tuple[Concept, ...]
    fields: schema.Fields
    analyzer: Any
    restriction: Any

    def best(self, several_words: bool, limit: int) -> tuple[list[tuple[int, float]], bool]:
        """The best paragraphs (document numbers and scores) with every concept, then, while
        there are fewer than `limit`, the best with some; and whether any had them all."""
        # Report documents have none of the searched fields, and paragraphs only their
        # language's: only paragraphs in the language searched match.
        found = self._top(all_of(self.concepts, self.fields), limit)
        if not several_words or len(found) == limit:
            return found, True
        shown = {docnum for docnum, _ in found}
        # These include the paragraphs found already, wherever they rank: as many more are
        # asked for.
        some = self._top(any_of(self.concepts, self.fields), limit + len(found))
        found += [(docnum, score) for docnum, score in some if docnum not in shown][
            : limit - len(found)
        ]
        return found, bool(shown)

    def _top(self, required: Any, limit: int) -> list[tuple[int, float]]:
        """The `limit` best paragraphs matching `required`, ranked with the proximity bonuses
        among the RERANKED best by relevance alone, best first (equal scores in index order,
        as Whoosh ranks them)."""
        reranking = rewards_nearness(self.concepts)
        best = self.scorer.top(
            phrases_in_titles(required, self.fields.title, self.titles),
            max(limit, RERANKED) if reranking else limit,
            self.restriction,
        )
        if reranking:
            best = self._reranked(best, limit)
        return sorted(best, key=lambda found: (-found[1], found[0]))[:limit]

    def _reranked(self, best: list[tuple[int, float]], limit: int) -> list[tuple[int, float]]:
        """`best` (document numbers and scores) with the proximity bonuses added, where they
        may change the `limit` best: a paragraph that could not reach them with every bonus
        keeps its score, and its text is not looked at."""
        pairs = nearness_pairs(self.concepts)
        terms = frozenset(term for pair in pairs for side in pair for term in side)
        scores = self.scorer.term_scores(self.fields.body, terms, [docnum for docnum, _ in best])
        ceilings = [
            score + most(pairs, found) for (_, score), found in zip(best, scores, strict=True)
        ]
        reranked = list(best)
        # The `limit` best scores with their bonuses so far, the least first.
        leaders: list[float] = []
        for at in sorted(range(len(best)), key=lambda at: -ceilings[at]):
            if len(leaders) == limit and ceilings[at] < leaders[0]:
                break
            docnum, score = best[at]
            if ceilings[at] > score:
                text = partial(self._text, docnum)
                where = self.texts.positions(docnum, text, self.analyzer, terms)
                score += bonus(pairs, where, scores[at])
                reranked[at] = (docnum, score)
            if len(leaders) < limit:
                heapq.heappush(leaders, score)
            else:
                heapq.heappushpop(leaders, score)
        return reranked

    def _text(self, docnum: int) -> str:
        return str(self.searcher.stored_fields(docnum)["text"])


class Batch:
    """The changes of one transaction."""

    def __init__(self, writer: Any) -> None:
        self._writer = writer

    def add(self, report: Report) -> None:
        """Adds `report`, replacing the whole of any report with the same symbol and language."""
        check_language(report.lang)
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
    document: dict[str, object] = {
        "key": schema.report_key(report.symbol, report.lang),
        "kind": schema.REPORT,
        "symbol": report.symbol,
        "lang": report.lang,
        "report": listing.model_dump_json(),
    }
    fields = schema.fields(report.lang)
    if fields.spelling:
        # The writer analyses them (in a bulk transaction, in the process writing this document).
        document[fields.words] = tuple(paragraph.text for paragraph in report.paragraphs)
    return document


def _paragraph_document(paragraph: Paragraph, title: str) -> dict[str, object]:
    fields = schema.fields(paragraph.lang)
    section = schema.SECTION_SEPARATOR.join(paragraph.section_path)
    return {
        "key": schema.paragraph_key(
            paragraph.symbol, paragraph.lang, paragraph.annex, paragraph.number
        ),
        "kind": schema.PARAGRAPH,
        "symbol": paragraph.symbol,
        "lang": paragraph.lang,
        "annex": paragraph.annex or "",
        "number": paragraph.number,
        "text": paragraph.text,
        "section": section,
        fields.body: paragraph.text,
        fields.section: section,
        fields.title: title,
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
            "text": stored["text"],
            "page": stored.get("page"),
            "notes": stored.get("notes") or (),
            "link": stored.get("link"),
        }
    )
