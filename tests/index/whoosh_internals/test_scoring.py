"""index.whoosh_internals.scoring finds what Whoosh's own search finds, in the same order, with the
same scores."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import pytest
from whoosh.query import And, Or, Phrase, Term

from bench.queries import queries
from index.language.analysis import analyzer_for
from index.search.query import all_of, any_of, query_words
from index.search.synonyms import SYNONYMS, Thesaurus, load_synonyms
from index.store import schema
from index.whoosh_internals.scoring import Scorer

FIELDS = schema.fields("en")
LIMIT = 30


def _whoosh_top(searcher: Any, query: Any, limit: int, restriction: Any = None) -> list[Any]:
    """Whoosh's own answer: every match scored, best first, equal scores in index order.
    (Its top-N collector can skip matches it wrongly judges too poor: asked for all, it
    cannot.)"""
    found = searcher.search(query, limit=None, filter=restriction)
    scored = [(found.docnum(rank), found.score(rank)) for rank in range(found.scored_length())]
    return sorted(scored, key=lambda hit: (-hit[1], hit[0]))[:limit]


def _assert_same(mine: list[tuple[int, float]], whoosh: list[Any]) -> None:
    assert [docnum for docnum, _ in mine] == [docnum for docnum, _ in whoosh]
    for (_, score), (_, expected) in zip(mine, whoosh, strict=True):
        assert score == pytest.approx(expected, rel=1e-9)


def _concepts(text: str) -> Any:
    analyzer = analyzer_for("en")
    thesaurus = Thesaurus(load_synonyms(SYNONYMS)["en"], analyzer)
    return thesaurus.concepts(query_words(text, analyzer))


def _user_queries() -> list[str]:
    # Generated queries, and concepts of several words (`juvenile justice` or `child justice`).
    typed = [text for text in queries(3_000, count=60, seed=3) if ":" not in text]
    return [*typed, "juvenile justice", "child sexual abuse material online"]


@pytest.mark.parametrize("text", _user_queries())
def test_a_search_finds_what_whoosh_finds(searcher: Any, text: str) -> None:
    concepts = _concepts(text)
    if not concepts:
        pytest.skip("nothing searchable")
    scorer = Scorer(searcher)
    for query in (all_of(concepts, FIELDS), any_of(concepts, FIELDS)):
        _assert_same(scorer.top(query, LIMIT), _whoosh_top(searcher, query, LIMIT))


@pytest.mark.parametrize(
    "query",
    [
        Term(FIELDS.body, "children", boost=3.0),
        Phrase(FIELDS.body, ["sexual", "exploit"], boost=0.7),
        And([Or([Term(FIELDS.body, "children")])], boost=5.0),
        Or([Term(FIELDS.body, "violenc"), Term(FIELDS.title, "children")], boost=2.5),
        And([Term(FIELDS.body, "state"), Or([Term(FIELDS.section, "recommend")])]),
        Term(FIELDS.body, "no-such-term"),
        Or([Term("kind", schema.PARAGRAPH), Term(FIELDS.body, "children")]),
        And([Term(FIELDS.body, "children"), Term(FIELDS.body, "no-such-term")]),
        # What the parts of an And score counts only where all of them match.
        Or(
            [
                And([Term(FIELDS.body, "violenc"), Term(FIELDS.body, "onlin")]),
                Term(FIELDS.body, "state"),
            ]
        ),
    ],
    ids=repr,
)
def test_boosts_and_combinations_score_as_in_whoosh(searcher: Any, query: Any) -> None:
    _assert_same(Scorer(searcher).top(query, LIMIT), _whoosh_top(searcher, query, LIMIT))


def test_a_restriction_keeps_only_the_documents_it_matches(searcher: Any) -> None:
    symbol = next(iter(searcher.lexicon("symbol"))).decode()
    restriction = And([Or([Term("symbol", symbol)])])
    query = any_of(_concepts("violence against children"), FIELDS)
    found = Scorer(searcher).top(query, LIMIT, restriction)
    assert found
    assert {searcher.stored_fields(docnum)["symbol"] for docnum, _ in found} == {symbol}
    _assert_same(found, _whoosh_top(searcher, query, LIMIT, restriction))


def test_an_exclusion_leaves_out_the_documents_it_matches(searcher: Any) -> None:
    query = any_of(_concepts("violence against children"), FIELDS)
    exclusion = Term(FIELDS.body, "violenc")
    scorer = Scorer(searcher)
    found = scorer.top(query, LIMIT, exclusion=exclusion)
    assert found
    excluded = scorer.matching(exclusion)
    assert excluded
    assert not {docnum for docnum, _ in found} & excluded
    with_it = {docnum for docnum, _ in scorer.top(query, 10_000)}
    assert with_it - excluded == {
        docnum for docnum, _ in scorer.top(query, 10_000, exclusion=exclusion)
    }
    assert excluded == set(searcher.docs_for_query(exclusion))


def test_deleted_paragraphs_are_never_found(searcher: Any) -> None:
    everything = Scorer(searcher).top(Term("kind", schema.PARAGRAPH), 10**6)
    assert len(everything) == searcher.doc_count() - len(list(searcher.documents(kind="report")))
    assert all(not searcher.reader().is_deleted(docnum) for docnum, _ in everything)


def test_equal_scores_come_in_index_order(searcher: Any) -> None:
    # Every paragraph of a report whose title has the word scores alike for the title alone.
    found = Scorer(searcher).top(Term(FIELDS.title, "children"), 10**6)
    pairs = list(pairwise(found))
    assert any(score == next_score for (_, score), (_, next_score) in pairs)
    for (first, score), (second, next_score) in pairs:
        assert score > next_score or first < second


def test_a_small_memory_budget_changes_no_result(searcher: Any) -> None:
    scorer, frugal = Scorer(searcher), Scorer(searcher, cached_bytes=4_096)
    for text in _user_queries()[:10]:
        concepts = _concepts(text)
        if concepts:
            query = any_of(concepts, FIELDS)
            assert frugal.top(query, LIMIT) == scorer.top(query, LIMIT)
            assert frugal.top(query, LIMIT) == scorer.top(query, LIMIT)
