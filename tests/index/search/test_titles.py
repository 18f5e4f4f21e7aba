"""A phrase in the report's title, looked for in the reports' titles: what Whoosh would find."""

from __future__ import annotations

from typing import Any

import pytest
from whoosh.query import Or, Phrase, Term

from index.language.analysis import analyzer_for
from index.models import Report
from index.search.titles import Title, phrases_in_titles
from index.store import schema
from index.whoosh_internals.scoring import Scorer
from tests.index.whoosh_internals.test_scoring import LIMIT, _assert_same, _whoosh_top

FIELDS = schema.fields("en")
ANALYZER = analyzer_for("en")


def _titles(searcher: Any) -> dict[str, Title]:
    reports = [
        Report.model_validate_json(doc["report"]) for doc in searcher.documents(kind="report")
    ]
    return {report.symbol: Title.analysed(report.title, ANALYZER) for report in reports}


def _phrases(searcher: Any) -> list[tuple[str, ...]]:
    """Pieces of the corpus's titles, and words of its titles put in another order."""
    titles = sorted({doc["report"] for doc in searcher.documents(kind="report")})
    terms = [
        [token.text for token in ANALYZER(Report.model_validate_json(title).title)]
        for title in titles[:6]
    ]
    pieces = [
        tuple(words[start : start + size]) for words in terms for start, size in ((0, 2), (1, 3))
    ]
    return [*pieces, *(tuple(reversed(piece)) for piece in pieces), ("children", "children")]


def test_a_phrase_in_titles_finds_and_scores_what_whoosh_finds(searcher: Any) -> None:
    titles = _titles(searcher)
    scorer = Scorer(searcher)
    found_some = False
    for words in _phrases(searcher):
        phrase = Phrase(FIELDS.title, list(words), boost=0.4)
        expected = _whoosh_top(searcher, phrase, LIMIT)
        found_some = found_some or bool(expected)
        _assert_same(scorer.top(phrases_in_titles(phrase, FIELDS.title, titles), LIMIT), expected)
    assert found_some


def test_phrases_elsewhere_are_left_to_whoosh(searcher: Any) -> None:
    body = Phrase(FIELDS.body, ["sexual", "exploit"])
    query = Or([body, Term(FIELDS.title, "children")])
    assert phrases_in_titles(query, FIELDS.title, _titles(searcher)) == query


@pytest.mark.parametrize(
    ("title", "words", "has"),
    [
        ("Violence against children", ("violenc", "against", "children"), True),
        ("Violence against children", ("violenc", "children"), False),
        # Stop words are not counted: "in" stands nowhere.
        ("Children in armed conflict", ("children", "arm", "conflict"), True),
        ("Children in armed conflict", ("arm", "children"), False),
    ],
)
def test_a_title_has_a_phrase_whose_words_follow_each_other(
    title: str, words: tuple[str, ...], has: bool
) -> None:
    assert Title.analysed(title, ANALYZER).has(words) is has
