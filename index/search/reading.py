"""A search through one published index: what is read from it for searching, kept until another
index is published, and the steps from a query's words to its best paragraphs."""

from __future__ import annotations

import heapq
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import islice
from typing import Any

from cachetools import LRUCache
from whoosh.query import And, Or, Phrase, Term

from index.language.official import ENGLISH
from index.models import Paragraph, Report
from index.results import LEXICAL, SEMANTIC, Mode
from index.search.clauses import Reader
from index.search.filters import Filters, in_years, resolve_symbols
from index.search.fusion import fused
from index.search.meaning import Near, place_of
from index.search.nearness import AnalysedTexts, bonus, most
from index.search.query import (
    Wanted,
    all_of,
    any_of,
    excluding,
    must_be_exact,
    nearness_pairs,
    rewards_nearness,
    split_unknown_compounds,
)
from index.search.spelling import correct_spelling
from index.search.synonyms import Thesaurus
from index.search.syntax import Parsed
from index.search.titles import Title, phrases_in_titles
from index.search.vocabulary import Vocabulary
from index.store import schema
from index.store.documents import paragraph_from, report_from, stored_key
from index.store.vectors import Vectors
from index.whoosh_internals.scoring import Scorer

# Paragraphs in which a term may be, at most, for it to be a rare name (index.search.query.
# must_be_exact).
RARE = 3

# Places kept (index.search.meaning.place_of), some 100 bytes each.
PLACES_KEPT = 100_000

# Terms a prefix may stand for: `pro*` starts thousands in a big library.
PREFIX_LOOKED_AT = 5_000

# The bonuses for query words found close together (index.search.query.ranked) are costly to
# score: the positions of the words in each paragraph are compared, and a search for frequent
# words would compare them in most paragraphs. They reorder the best paragraphs by relevance
# alone, so only these are scored with them.
RERANKED = 100


@dataclass(frozen=True)
class Words:
    """What the words channel found for a query: `ranked` paragraphs (document numbers and
    scores, best first), the first `complete` of them with every word, and the `shares` of the
    query's words (concepts) each has; the first `exact` of them have what must be found as
    typed (index.search.query.must_be_exact). `searchable` is False
    when there is nothing to search: no words, or a `report:` filter naming no indexed report.
    The rest is as in SearchResult; `lang` is the language of the paragraphs searched."""

    lang: str
    words: tuple[str, ...]
    ranked: tuple[tuple[int, float], ...] = ()
    complete: int = 0
    shares: tuple[float, ...] = ()
    exact: int = 0
    terms: frozenset[str] = frozenset()
    reports: tuple[str, ...] = ()
    unknown_reports: tuple[str, ...] = ()
    corrected: tuple[tuple[str, str], ...] = ()
    fell_back_from: str | None = None
    searchable: bool = False
    # The paragraphs, in any language, that the query's exclusions leave out.
    excluded: frozenset[int] = frozenset()
    prefix_cut: bool = False

    @property
    def matched_all(self) -> bool:
        return self.complete > 0 or len(self.words) < 2


@dataclass(frozen=True)
class Ranked:
    """A paragraph ranked, and which channels found it."""

    paragraph: Paragraph
    score: float
    by_words: bool
    by_meaning: bool
    share: float = 0.0
    """The share of the query's words it has (1.0: all of them); 0.0 when not found by them."""
    closeness: float | None = None
    """Its cosine with the query when found by meaning."""


class Reading:
    """What searches read from one published index (its searcher), remembered until another is
    published. Not thread-safe: the library calls it under its lock."""

    def __init__(
        self,
        searcher: Any,
        analyzers: Mapping[str, Any],
        thesaurus: Callable[[str], Thesaurus],
        vectors: Vectors | None,
    ) -> None:
        self.searcher = searcher
        self.vectors = vectors
        self.scorer = Scorer(searcher)
        self._analyzers = analyzers
        self._thesaurus = thesaurus
        self._texts = AnalysedTexts()
        self._titles: dict[str, dict[str, Title]] = {}
        self._vocabularies: dict[str, Vocabulary] = {}
        self._listing: list[Report] | None = None
        # Paragraphs' places by document number, for the fusion: reading a paragraph's stored
        # fields costs more than the rest of its part in a search.
        self._places: LRUCache[int, str] = LRUCache(PLACES_KEPT)

    def reports(self) -> list[Report]:
        """Every report's listing in this index, read once."""
        if self._listing is None:
            self._listing = [
                report_from(document) for document in self.searcher.documents(kind=schema.REPORT)
            ]
        return self._listing

    def words(self, lang: str, parsed: Parsed, filters: Filters, depth: int, shown: int) -> Words:
        """The `depth` best paragraphs by their words in `lang`, or in English when no report is
        in `lang` or none of its paragraphs has the words while English ones do (see
        Library.search)."""
        if lang != ENGLISH and all(report.lang != lang for report in self.reports()):
            return self._words_in(ENGLISH, parsed, filters, depth, shown, fell_back_from=lang)
        found = self._words_in(lang, parsed, filters, depth, shown)
        if lang != ENGLISH and not found.ranked and found.words:
            english = self._words_in(ENGLISH, parsed, filters, depth, shown, fell_back_from=lang)
            if english.ranked:
                return english
        return found

    def allowed_symbols(self, filters: Filters) -> set[str] | None:
        """The reports `report:` and `year:` filters leave to search (None: all)."""
        listing = self.reports()
        reports, _ = resolve_symbols(filters.reports, {report.symbol for report in listing})
        return _allowed_symbols(listing, reports, filters.years)

    def ranked(
        self,
        found: Words,
        near: Sequence[Near],
        filters: Filters,
        limit: int,
        mode: Mode,
    ) -> list[Ranked]:
        """The `limit` best paragraphs by words (`found`), meaning (`near`) or both fused, as
        `mode` says."""
        if not found.searchable:
            return []
        words = [self._place_of(docnum) for docnum, _ in found.ranked]
        if filters.sections or found.excluded:
            # What the filters leave out must not take a rank in the fusion.
            near = [
                found_near
                for found_near in near
                if (docnum := self._docnum(found_near.key, found_near.compared)) is not None
                and docnum not in found.excluded
                and self._in_sections(docnum, filters.sections)
            ]
        if mode == LEXICAL:
            order = [place for place, _ in words]
        elif mode == SEMANTIC:
            order = [found_near.place for found_near in near]
        else:
            order = fused(
                [place for place, _ in words],
                [found_near.place for found_near in near],
                shares=found.shares,
                exact=found.exact,
                fell_back=found.fell_back_from is not None,
            )
        by_words = dict(words)
        by_meaning = {found_near.place: found_near for found_near in near}
        scores = {place: score for (place, _), (_, score) in zip(words, found.ranked, strict=True)}
        shares = {place: share for (place, _), share in zip(words, found.shares, strict=True)}
        ranked = []
        # Document numbers are looked up for the paragraphs shown only: a look-up by key costs
        # about as much as the rest of a search's steps for one paragraph.
        for place in order:
            # The meaning channel's version is the one to show: the words may have been found
            # in English for want of the reader's language.
            close = by_meaning.get(place)
            docnum = None if close is None else self._docnum(close.key, close.compared)
            if docnum is None:
                docnum = by_words.get(place)
            if docnum is None:
                continue
            ranked.append(
                Ranked(
                    paragraph_from(self.searcher.stored_fields(docnum)),
                    scores.get(place, close.cosine if close is not None else 0.0),
                    by_words=place in by_words,
                    by_meaning=close is not None,
                    share=shares.get(place, 0.0),
                    closeness=None if close is None else close.cosine,
                )
            )
            if len(ranked) == limit:
                break
        return ranked

    def phrases(self) -> list[Phrase]:
        """The thesaurus's phrases in the languages of the reports, as the searches that need
        them will score them."""
        languages = sorted({report.lang for report in self.reports()})
        return [
            Phrase(field, list(phrase))
            for lang, fields in ((lang, schema.fields(lang)) for lang in languages)
            for phrase in self._thesaurus(lang).phrases
            for field in (fields.body, fields.section)
        ]

    def _words_in(
        self,
        lang: str,
        parsed: Parsed,
        filters: Filters,
        depth: int,
        shown: int,
        fell_back_from: str | None = None,
    ) -> Words:
        fields = schema.fields(lang)
        analyzer = self._analyzers[lang]
        listing = self.reports()
        reports, unknown = resolve_symbols(filters.reports, {report.symbol for report in listing})
        clauses = self._reader(lang).read(parsed)
        if not clauses.concepts or unknown:
            return Words(
                lang=lang,
                words=clauses.shown,
                reports=tuple(reports),
                unknown_reports=tuple(unknown),
                fell_back_from=fell_back_from,
            )
        concepts = clauses.concepts
        symbols = _allowed_symbols(listing, reports, filters.years)
        section_terms = _terms(filters.sections, analyzer)
        restriction = _restriction(symbols, fields.section, section_terms)
        found: list[tuple[int, float]] = []
        complete = 0
        shares: list[float] = []
        # Filters that leave no report to search find nothing (a Whoosh filter matching nothing
        # would be no filter at all).
        if symbols is None or symbols:
            ranking = Ranking(
                self.searcher,
                self.scorer,
                self._texts,
                self._analysed_titles(lang),
                concepts,
                fields,
                analyzer,
                restriction,
                excluding(clauses.excluded, fields),
            )
            found, complete = ranking.best(len(concepts) > 1, depth, shown)
            shares = ranking.shares([docnum for docnum, _ in found[complete:]])
        terms = frozenset().union(*(concept.terms for concept in concepts))
        exact = must_be_exact(concepts, clauses.words, self._rare(fields))
        return Words(
            lang=lang,
            words=clauses.shown,
            ranked=tuple(found),
            complete=complete,
            shares=(1.0,) * complete + tuple(shares),
            exact=complete if exact else 0,
            terms=terms,
            reports=tuple(reports),
            corrected=clauses.corrected,
            fell_back_from=fell_back_from,
            searchable=True,
            excluded=self._excluded(parsed) if parsed.excluded else frozenset(),
            prefix_cut=clauses.prefix_cut,
        )

    def _reader(self, lang: str) -> Reader:
        fields = schema.fields(lang)
        analyzer = self._analyzers[lang]
        thesaurus = self._thesaurus(lang)
        return Reader(
            lang,
            analyzer,
            thesaurus,
            partial(
                correct_spelling,
                searcher=self.searcher,
                analyzer=analyzer,
                known=thesaurus.knows,
                fields=fields,
                near=partial(self._near, fields),
            ),
            partial(
                split_unknown_compounds,
                analyzer=analyzer,
                indexed=_indexed_in(self.searcher, fields),
            ),
            partial(self._expand, fields),
        )

    def _expand(self, fields: schema.Fields, start: str) -> list[str]:
        """The terms of paragraphs' text starting with `start`, most frequent first: at most
        PREFIX_LOOKED_AT."""
        reader = self.searcher.reader()
        if not start:
            return []
        found = [
            term.decode("utf-8")
            for term in islice(reader.expand_prefix(fields.body, start), PREFIX_LOOKED_AT)
        ]
        found.sort(key=lambda term: -reader.doc_frequency(fields.body, term))
        return found

    def _excluded(self, parsed: Parsed) -> frozenset[int]:
        """The paragraphs, in every language indexed, that have what `parsed` excludes, as each
        language analyses it: a paragraph found by meaning in another language than the query's
        is left out as one found by its words."""
        excluded: set[int] = set()
        for lang in sorted({report.lang for report in self.reports()}):
            clauses = self._reader(lang).read(Parsed(excluded=parsed.excluded))
            exclusion = excluding(clauses.excluded, schema.fields(lang))
            if exclusion is not None:
                excluded |= self.scorer.matching(exclusion)
        return frozenset(excluded)

    def _rare(self, fields: schema.Fields) -> Callable[[str], bool]:
        """Whether a term is in so few paragraphs that it names something (a place, a treaty,
        a programme) rather than says something."""
        reader = self.searcher.reader()
        return lambda term: 0 < reader.doc_frequency(fields.body, term) <= RARE

    def _place_of(self, docnum: int) -> tuple[str, int]:
        place = self._places.get(docnum)
        if place is None:
            place = self._places[docnum] = place_of(stored_key(self.searcher.stored_fields(docnum)))
        return place, docnum

    def _docnum(self, *keys: str) -> int | None:
        """The document number of the first of `keys` indexed."""
        for key in keys:
            found = self.searcher.document_number(key=key)
            if found is not None:
                return int(found)
        return None

    def _in_sections(self, docnum: int, sections: tuple[str, ...]) -> bool:
        """Whether the paragraph's headings have every word of the `section:` filters, as its
        own language analyses them."""
        if not sections:
            return True
        stored = self.searcher.stored_fields(docnum)
        analyzer = self._analyzers[stored["lang"]]
        heading = set(_terms((str(stored.get("section") or ""),), analyzer))
        return set(_terms(sections, analyzer)) <= heading

    def _analysed_titles(self, lang: str) -> dict[str, Title]:
        """The titles of the reports in `lang`, by symbol, analysed once."""
        if lang not in self._titles:
            analyzer = self._analyzers[lang]
            self._titles[lang] = {
                report.symbol: Title.analysed(report.title, analyzer)
                for report in self.reports()
                if report.lang == lang
            }
        return self._titles[lang]

    def _near(self, fields: schema.Fields, word: str, edits: int) -> list[str]:
        """The words kept for spelling in `fields` near `word` (index.search.vocabulary), read
        into memory when first asked for."""
        if fields.lang not in self._vocabularies:
            kept = self.searcher.reader().lexicon(fields.words)
            self._vocabularies[fields.lang] = Vocabulary(word.decode("utf-8") for word in kept)
        return self._vocabularies[fields.lang].near(word, edits)


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
class Ranking:
    """How one search ranks paragraphs: its concepts, in one language's fields, among the
    paragraphs `restriction` leaves (None: all)."""

    searcher: Any
    scorer: Scorer
    texts: AnalysedTexts
    titles: Mapping[str, Title]
    concepts: tuple[Wanted, ...]
    fields: schema.Fields
    analyzer: Any
    restriction: Any
    exclusion: Any = None

    def best(
        self, several_words: bool, limit: int, shown: int
    ) -> tuple[list[tuple[int, float]], int]:
        """The best paragraphs (document numbers and scores) with every concept, then, while
        there are fewer than `limit`, the best with some; and how many of them have every one.
        The first `shown` are ranked with the proximity bonuses; the rest, deeper than anyone
        sees but a fusion weighs little, by relevance alone where the bonuses would not lift
        them into the first `shown` (a text analysed for each would cost more than the rest of
        the search); and paragraphs with some concepts are looked for only when fewer than
        `shown` have them all."""
        # Report documents have none of the searched fields, and paragraphs only their
        # language's: only paragraphs in the language searched match.
        found = self._top(all_of(self.concepts, self.fields), limit, shown)
        # Enough paragraphs with every concept to fill what is shown: those with some of them
        # would only follow (and a search for any of several words is the costliest of all).
        if not several_words or len(found) >= min(limit, shown):
            return found, len(found)
        having_all = {docnum for docnum, _ in found}
        # These include the paragraphs found already, wherever they rank: as many more are
        # asked for.
        some = self._top(any_of(self.concepts, self.fields), limit + len(found), shown)
        complete = len(found)
        found += [(docnum, score) for docnum, score in some if docnum not in having_all][
            : limit - len(found)
        ]
        return found, complete

    def shares(self, docnums: Sequence[int]) -> list[float]:
        """For each paragraph, the share of the concepts it has (in its text or headings)."""
        if not self.concepts:
            return [0.0 for _ in docnums]
        terms = frozenset().union(*(concept.terms for concept in self.concepts))
        found = [
            set(body) | set(section)
            for body, section in zip(
                self.scorer.term_scores(self.fields.body, terms, docnums),
                self.scorer.term_scores(self.fields.section, terms, docnums),
                strict=True,
            )
        ]
        return [
            sum(bool(concept.terms & has) for concept in self.concepts) / len(self.concepts)
            for has in found
        ]

    def _top(self, required: Any, limit: int, shown: int) -> list[tuple[int, float]]:
        """The `limit` best paragraphs matching `required`, the first `shown` ranked with the
        proximity bonuses among the RERANKED best by relevance alone, best first (equal scores
        in index order, as Whoosh ranks them)."""
        reranking = rewards_nearness(self.concepts)
        best = self.scorer.top(
            phrases_in_titles(required, self.fields.title, self.titles),
            max(limit, RERANKED) if reranking else limit,
            self.restriction,
            self.exclusion,
        )
        if reranking:
            best = self._reranked(best, min(limit, shown))
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
