"""Summaries: the paragraph's own best-matching words, at most 200 characters."""

from __future__ import annotations

from typing import Any

import pytest

from index.language.analysis import analyzer_for
from index.models import Report
from index.results import Segment, Summary
from index.search.summaries import ELLIPSIS, GAP, MAX_CHARS, summarize


@pytest.fixture(scope="module")
def analyzer() -> Any:
    return analyzer_for("en")


def terms(analyzer: Any, query: str) -> list[str]:
    return [str(token.text) for token in analyzer(query)]


def summary_for(analyzer: Any, text: str, query: str, max_chars: int = MAX_CHARS) -> Summary:
    return summarize(text, terms(analyzer, query), analyzer, max_chars)


def pieces(summary: Summary) -> list[str]:
    """The runs of the paragraph's text the summary quotes, between its ellipses."""
    return [piece.strip() for piece in summary.plain.split(ELLIPSIS) if piece.strip()]


def matched(summary: Summary) -> list[str]:
    return [segment.text for segment in summary.segments if segment.match]


def assert_quotes(summary: Summary, text: str) -> None:
    """Every quoted run is the paragraph's own, starting and ending on word boundaries."""
    flat = text.replace("\n", " ")
    for piece in pieces(summary):
        start = flat.find(piece)
        assert start != -1, piece
        end = start + len(piece)
        assert start == 0 or not flat[start - 1].isalnum(), piece
        assert end == len(flat) or not flat[end].isalnum(), piece


QUERIES = ["trafficking", "trafficking survivors", "children liberty", "violence", "zebra"]


@pytest.mark.parametrize("query", QUERIES)
def test_every_bundled_summary_is_short_verbatim_and_marks_the_query_words(
    analyzer: Any, sample: Report, query: str
) -> None:
    wanted = set(terms(analyzer, query))
    for paragraph in sample.paragraphs:
        summary = summary_for(analyzer, paragraph.text, query)
        assert 0 < len(summary.plain) <= MAX_CHARS
        assert_quotes(summary, paragraph.text)
        assert all(set(terms(analyzer, word)) <= wanted for word in matched(summary))
        if wanted & set(terms(analyzer, paragraph.text)):
            assert matched(summary)


def test_the_sentence_with_every_word_is_chosen(analyzer: Any, sample: Report) -> None:
    text = sample.paragraphs[3].text
    summary = summary_for(analyzer, text, "trafficking survivors")
    last_sentence = text.rsplit(". ", 1)[1]
    assert "survivors" in last_sentence
    assert summary.plain == last_sentence
    assert matched(summary) == ["trafficking", "survivors"]


def test_a_long_sentence_is_cut_around_its_match_with_ellipses(analyzer: Any) -> None:
    before = " ".join(f"before{number}" for number in range(40))
    after = " ".join(f"after{number}" for number in range(40))
    text = f"{before} the needle is here, {after}."
    summary = summary_for(analyzer, text, "needle")
    assert len(summary.plain) <= MAX_CHARS
    assert summary.plain.startswith(ELLIPSIS)
    assert summary.plain.endswith(ELLIPSIS)
    assert matched(summary) == ["needle"]
    assert_quotes(summary, text)


def test_a_cut_does_not_leave_dangling_punctuation(analyzer: Any) -> None:
    text = "The needle " + ", ".join(f"item{number}" for number in range(60)) + "."
    summary = summary_for(analyzer, text, "needle")
    assert summary.plain.endswith(ELLIPSIS)
    assert not summary.plain[: -len(ELLIPSIS)].endswith((",", " "))


def test_the_window_holds_the_most_matches(analyzer: Any) -> None:
    filler = " ".join(f"filler{number}" for number in range(50))
    text = f"One cat here, {filler} and cat, cat and cat together, {filler}."
    summary = summary_for(analyzer, text, "cat")
    assert matched(summary) == ["cat", "cat", "cat"]


def test_sentences_that_fit_are_added_in_their_order(analyzer: Any) -> None:
    text = "Cats sleep a lot. Dogs bark. Cats purr softly."
    summary = summary_for(analyzer, text, "cats")
    assert summary.plain == f"Cats sleep a lot.{GAP}Cats purr softly."
    assert matched(summary) == ["Cats", "Cats"]


def test_neighbouring_sentences_keep_their_space(analyzer: Any) -> None:
    text = "Dogs bark. Cats sleep a lot. Cats purr softly."
    assert summary_for(analyzer, text, "cats").plain == "Cats sleep a lot. Cats purr softly."


def test_the_sentence_with_more_query_words_wins(analyzer: Any) -> None:
    text = "Children play outside every day. Trafficking harms children."
    summary = summary_for(analyzer, text, "trafficking children", max_chars=40)
    assert summary.plain == "Trafficking harms children."


def test_without_a_match_the_opening_is_the_summary(analyzer: Any, sample: Report) -> None:
    text = sample.paragraphs[0].text
    summary = summary_for(analyzer, text, "zebra")
    assert len(summary.plain) <= MAX_CHARS
    assert summary.plain.endswith(ELLIPSIS)
    opening = summary.plain.removesuffix(ELLIPSIS)
    assert text.startswith(opening)
    assert text[len(opening)] == " "
    assert matched(summary) == []


def test_a_short_paragraph_without_a_match_is_shown_whole(analyzer: Any) -> None:
    assert summary_for(analyzer, "Short text.", "zebra") == Summary((Segment("Short text."),))


def test_sub_items_are_summarised_on_one_line(analyzer: Any) -> None:
    text = "States should:\n(a) End trafficking;\n(b) Protect survivors."
    summary = summary_for(analyzer, text, "trafficking")
    assert "\n" not in summary.plain
    assert summary.plain == text.replace("\n", " ")


def test_matched_words_keep_their_case_and_form(analyzer: Any) -> None:
    summary = summary_for(analyzer, "Traffickers and TRAFFICKING networks.", "trafficking")
    assert matched(summary) == ["Traffickers", "TRAFFICKING"]
