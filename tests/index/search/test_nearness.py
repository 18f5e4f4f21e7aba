"""Proximity bonuses: what Whoosh's span queries would add, found in the paragraph's text."""

from __future__ import annotations

from functools import partial, reduce
from typing import Any

import pytest
from whoosh.query import AndMaybe, Term
from whoosh.query.spans import SpanNear2, SpanOr

from bench.queries import queries
from index.language.analysis import analyzer_for
from index.search.nearness import AnalysedTexts, bonus
from index.search.query import (
    ADJACENT_BOOST,
    NEAR_BOOST,
    NEAR_SLOP,
    all_of,
    nearness_pairs,
    query_words,
)
from index.search.synonyms import SYNONYMS, Thesaurus, load_synonyms
from index.store import schema
from index.store.schema import BODY_BOOST
from index.whoosh_internals.scoring import Scorer

FIELDS = schema.fields("en")
ANALYZER = analyzer_for("en")
CHILD = ("child", "children", "minor")
TERMS = frozenset(["child", "traffick"])


def _positions(text: str, terms: Any) -> dict[str, list[int]]:
    return AnalysedTexts().positions(0, lambda: text, ANALYZER, frozenset(terms))


def _span_queries(pairs: list[Any]) -> list[Any]:
    """The bonuses as Whoosh's span queries: each pair near (slop 5) and next to each other."""
    return [
        SpanNear2(
            [
                SpanOr([Term(FIELDS.body, term, boost=boost * BODY_BOOST) for term in side])
                for side in pair
            ],
            slop=slop,
            ordered=False,
        )
        for pair in pairs
        for slop, boost in ((1, ADJACENT_BOOST), (NEAR_SLOP, NEAR_BOOST))
    ]


def _concepts(text: str) -> Any:
    thesaurus = Thesaurus(load_synonyms(SYNONYMS)["en"], ANALYZER)
    return thesaurus.concepts(query_words(text, ANALYZER))


def _several_words() -> list[str]:
    typed = queries(3_000, count=100, seed=5)
    return [text for text in typed if ":" not in text and nearness_pairs(_concepts(text))]


@pytest.mark.parametrize("text", _several_words())
def test_bonuses_are_what_whoosh_span_queries_add(searcher: Any, text: str) -> None:
    concepts = _concepts(text)
    pairs = nearness_pairs(concepts)
    scorer = Scorer(searcher)
    required = all_of(concepts, FIELDS)
    plain = dict(scorer.top(required, 50))
    ranked = reduce(AndMaybe, _span_queries(pairs), required).matcher(searcher, searcher.context())
    terms = frozenset(term for pair in pairs for side in pair for term in side)
    docnums = sorted(plain)
    for docnum, found in zip(docnums, scorer.term_scores(FIELDS.body, terms, docnums), strict=True):
        where = _positions(searcher.stored_fields(docnum)["text"], terms)
        ranked.skip_to(docnum)
        assert ranked.id() == docnum
        expected = ranked.score()
        assert plain[docnum] + bonus(pairs, where, found) == pytest.approx(expected, rel=1e-9)


def test_words_next_to_each_other_earn_both_bonuses() -> None:
    pairs = [(("traffick",), CHILD)]
    scores = {"traffick": 2.0, "children": 3.0}
    where = _positions("Trafficking children is a crime.", ["traffick", *CHILD])
    assert bonus(pairs, where, scores) == (ADJACENT_BOOST + NEAR_BOOST) * BODY_BOOST * 5.0


def test_words_a_few_apart_earn_the_nearness_bonus_only() -> None:
    pairs = [(("traffick",), CHILD)]
    text = "Trafficking harms every single child."
    where = _positions(text, ["traffick", *CHILD])
    assert bonus(pairs, where, {"traffick": 1.0, "child": 1.0}) == NEAR_BOOST * BODY_BOOST * 2.0


def test_words_far_apart_earn_nothing() -> None:
    pairs = [(("traffick",), CHILD)]
    text = "Trafficking is a crime. " + "It is everywhere. " * 5 + "Children suffer."
    where = _positions(text, ["traffick", *CHILD])
    assert bonus(pairs, where, {"traffick": 1.0, "children": 1.0}) == 0.0


def test_two_spellings_of_one_word_side_by_side_are_no_pair() -> None:
    # "child children": both sides are any of the child terms, and Whoosh merges a side's
    # neighbouring words into one span, which overlaps the other side's.
    where = _positions("child children", CHILD)
    assert bonus([(CHILD, CHILD)], where, {"child": 1.0, "children": 1.0}) == 0.0


def test_a_word_repeated_is_one_position_after_another() -> None:
    # One term alone is no merged span: "online" at 1 is five words from "police".
    text = "online online markets banks schools homes police"
    where = _positions(text, ["polic", "onlin"])
    scores = {"polic": 1.0, "onlin": 1.0}
    assert bonus([(("polic",), ("onlin",))], where, scores) == NEAR_BOOST * BODY_BOOST * 2.0


def test_a_span_starting_before_the_word_is_not_next_to_it() -> None:
    # "minor children" is one span ending next to "violence", but Whoosh looks only at spans
    # starting at most `slop` words before the other side's word: near, not adjacent.
    where = _positions("minor children violence", ["violenc", *CHILD])
    scores = {"violenc": 1.0, "minor": 1.0, "children": 1.0}
    assert bonus([(("violenc",), CHILD)], where, scores) == NEAR_BOOST * BODY_BOOST * 3.0


def test_a_paragraph_is_analysed_once_while_remembered() -> None:
    asked: list[int] = []

    def text(docnum: int) -> str:
        asked.append(docnum)
        return f"child trafficking in paragraph {docnum}"

    texts = AnalysedTexts(size=2)
    for docnum in (1, 2, 1, 3, 1, 2):
        where = texts.positions(docnum, partial(text, docnum), ANALYZER, TERMS)
        assert where == {"child": [0], "traffick": [1]}
    # 3 pushed out 2, the least recently used; 2 pushed out 3.
    assert asked == [1, 2, 3, 2]
