"""Fusing the two rankings: the paragraphs found by their words and those close in meaning."""

from __future__ import annotations

import pytest

from index.search.fusion import WEIGHTS, Weights, fused


def test_a_place_high_in_both_rankings_beats_one_first_in_a_single_ranking() -> None:
    assert fused(["words", "both"], ["meaning", "both"], shares=[1.0, 1.0])[0] == "both"


def test_a_place_eighth_in_both_rankings_still_beats_one_first_in_a_single_ranking() -> None:
    words = ["first by words", *(f"word {n}" for n in range(6)), "eighth in both"]
    meaning = ["first by meaning", *(f"meaning {n}" for n in range(6)), "eighth in both"]
    assert fused(words, meaning, shares=[1.0] * len(words))[0] == "eighth in both"


def test_a_place_in_one_ranking_only_keeps_its_order() -> None:
    assert fused(["a", "b", "c"], [], shares=[1.0, 1.0, 1.0]) == ["a", "b", "c"]
    assert fused([], ["x", "y", "z"], shares=[]) == ["x", "y", "z"]
    assert fused([], [], shares=[]) == []


@pytest.mark.parametrize(("share", "before_second_by_meaning"), [(1.0, True), (0.25, False)])
def test_a_partial_words_hit_counts_for_less_than_a_complete_one(
    share: float, before_second_by_meaning: bool
) -> None:
    # First by words against second by meaning: a complete hit goes before, one with a quarter
    # of the query's words (one of four: "children" of "kids locked up at the border") after.
    order = fused(["by words"], ["first by meaning", "second by meaning"], shares=[share])
    assert (order.index("by words") < order.index("second by meaning")) is before_second_by_meaning


def test_more_of_the_words_go_before_fewer_ranked_above_them() -> None:
    order = fused(["one of four", "three of four"], [], shares=[0.25, 0.75])
    assert order == ["three of four", "one of four"]


def test_the_exact_words_places_keep_the_lead_over_meaning_only_places_however_high() -> None:
    words = ["symbol", "symbol again", "some words"]
    meaning = ["closer still", "close"]
    shares = [1.0, 1.0, 0.5]
    # Without the lead, what is first by meaning goes before the second with the symbol.
    assert fused(words, meaning, shares=shares).index("closer still") < 2
    order = fused(words, meaning, shares=shares, exact=2)
    assert order[:2] == ["symbol", "symbol again"]
    assert order[2:] == ["closer still", "close", "some words"]


def test_the_exact_places_keep_the_words_order_whatever_their_meaning() -> None:
    order = fused(["first", "second"], ["second", "first"], shares=[1.0, 1.0], exact=2)
    assert order == ["first", "second"]


def test_only_the_first_exact_places_keep_the_lead() -> None:
    words = ["symbol", "partial"]
    order = fused(words, ["close", "closer"], shares=[1.0, 0.25], exact=1)
    assert order[0] == "symbol"
    assert order.index("partial") > order.index("close")


def test_words_found_in_another_languages_paragraphs_count_for_less() -> None:
    meaning = ["first by meaning", "second by meaning"]
    own = fused(["by words"], meaning, shares=[1.0])
    elsewhere = fused(["by words"], meaning, shares=[1.0], fell_back=True)
    assert own.index("by words") < own.index("second by meaning")
    assert elsewhere.index("by words") > elsewhere.index("second by meaning")
    # The same when the words channel weighs as little from the start.
    lighter = Weights(words=WEIGHTS.words * WEIGHTS.elsewhere)
    assert fused(["by words"], meaning, shares=[1.0], weights=lighter) == elsewhere


def test_each_place_appears_once() -> None:
    words = ["a", "b", "c"]
    meaning = ["c", "d", "a", "e"]
    for exact in (0, 1, 3):
        order = fused(words, meaning, shares=[1.0, 1.0, 0.5], exact=exact)
        assert sorted(order) == ["a", "b", "c", "d", "e"]
