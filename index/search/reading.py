"""A search through one published index: what is read from it for searching, kept until another
index is published, and the steps from a query's words to its best paragraphs."""

from __future__ import annotations

import heapq
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any

from whoosh.query import And, Or, Phrase, Term

from index.language.official import ENGLISH
from index.models import Report
from index.results import Hit, SearchResult
from index.search.filters import Filters, in_years, resolve_symbols
from index.search.nearness import AnalysedTexts, bonus, most
from index.search.query import (
    Concept,
    all_of,
    any_of,
    nearness_pairs,
    query_words,
    rewards_nearness,
    split_unknown_compounds,
)
from index.search.spelling import correct_spelling
from index.search.summaries import summarize
from index.search.synonyms import Thesaurus
from index.search.titles import Title, phrases_in_titles
from index.search.vocabulary import Vocabulary
from index.store import schema
from index.store.documents import paragraph_from, report_from
from index.whoosh_internals.scoring import Scorer

# The bonuses for query words found close together (index.search.query.ranked) are costly to
# score: the positions of the words in each paragraph are compared, and a search for frequent
# words would compare them in most paragraphs. They reorder the best paragraphs by relevance
# alone, so only these are scored with them.
RERANKED = 100


class Reading:
    """What searches read from one published index (its searcher), remembered until another is
    published. Not thread-safe: the library calls it under its lock."""

    def __init__(
        self,
        searcher: Any,
        analyzers: Mapping[str, Any],
        thesaurus: Callable[[str], Thesaurus],
    ) -> None:
        self.searcher = searcher
        self.scorer = Scorer(searcher)
        self._analyzers = analyzers
        self._thesaurus = thesaurus
        self._texts = AnalysedTexts()
        self._titles: dict[str, dict[str, Title]] = {}
        self._vocabularies: dict[str, Vocabulary] = {}
        self._listing: list[Report] | None = None

    def reports(self) -> list[Report]:
        """Every report's listing in this index, read once."""
        if self._listing is None:
            self._listing = [
                report_from(document) for document in self.searcher.documents(kind=schema.REPORT)
            ]
        return self._listing

    def search(self, lang: str, text: str, filters: Filters, limit: int) -> SearchResult:
        """The `limit` best paragraphs in `lang`, or in English when no report is in `lang` or
        none of its paragraphs matches while English ones do (see Library.search)."""
        if lang != ENGLISH and all(report.lang != lang for report in self.reports()):
            return self._search_in(ENGLISH, text, filters, limit, fell_back_from=lang)
        found = self._search_in(lang, text, filters, limit)
        if lang != ENGLISH and not found.hits and found.words:
            english = self._search_in(ENGLISH, text, filters, limit, fell_back_from=lang)
            if english.hits:
                return english
        return found

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

    def _search_in(
        self,
        lang: str,
        text: str,
        filters: Filters,
        limit: int,
        fell_back_from: str | None = None,
    ) -> SearchResult:
        fields = schema.fields(lang)
        analyzer = self._analyzers[lang]
        listing = self.reports()
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
            self.searcher,
            analyzer,
            thesaurus.knows,
            fields,
            partial(self._near, fields),
        )
        words = split_unknown_compounds(words, analyzer, _indexed_in(self.searcher, fields))
        concepts = thesaurus.concepts(words)
        symbols = _allowed_symbols(listing, reports, filters.years)
        section_terms = _terms(filters.sections, analyzer)
        restriction = _restriction(symbols, fields.section, section_terms)
        found: list[tuple[int, float]] = []
        matched_all = True
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
            )
            found, matched_all = ranking.best(len(words) > 1, limit)
        terms = frozenset().union(*(concept.terms for concept in concepts))
        return SearchResult(
            words=tuple(word.word for word in words),
            hits=tuple(self._hit(docnum, score, terms) for docnum, score in found),
            matched_all=matched_all,
            reports=tuple(reports),
            corrected=corrected,
            lang=lang,
            fell_back_from=fell_back_from,
        )

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

    def _hit(self, docnum: int, score: float, terms: frozenset[str]) -> Hit:
        paragraph = paragraph_from(self.searcher.stored_fields(docnum))
        summary = summarize(paragraph.text, terms, self._analyzers[paragraph.lang])
        return Hit(paragraph=paragraph, score=score, summary=summary)


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
