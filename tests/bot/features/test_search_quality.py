"""Searching the way people type, end to end: questions, typos, acronyms, synonyms, filters."""

from __future__ import annotations

import pytest

from bot.addresses import ResultsPage
from bot.emulator.html import parse_html
from bot.replies.i18n import texts
from bot.replies.render import help_text, search_reply
from index import Hit, Paragraph, SearchResult, Segment, Summary
from tests.bot.chats import USERNAME, Chat
from tests.bot.reading import CITATION, bold_words

EN = texts("en")


async def test_a_typo_is_searched_as_the_word_the_report_has_and_said_so(private: Chat) -> None:
    (reply,) = await private.send("/search trafficing")
    text = reply["text"]
    assert "Showing results for trafficking: no paragraph has trafficing." in text
    assert CITATION.format(3) in text
    assert CITATION.format(4) in text
    assert "trafficking" in {word.casefold() for word in bold_words(reply)}


async def test_a_question_gets_the_answer_its_words_get(private: Chat) -> None:
    (asked,) = await private.send("/search What does the report say about trafficking survivors?")
    (typed,) = await private.send("/search trafficking survivors")
    assert asked["text"] == typed["text"]
    assert asked["text"].startswith("🔎 2 paragraphs for trafficking survivors")
    assert "Showing results" not in asked["text"]


async def test_an_acronym_finds_and_marks_the_name_it_stands_for(private: Chat) -> None:
    (reply,) = await private.send("/search UNODC")
    assert CITATION.format(4) in reply["text"]
    assert {"United", "Nations", "Office", "Drugs", "Crimes", "UNODC"} <= set(bold_words(reply))


async def test_a_synonym_finds_the_reports_own_word(private: Chat) -> None:
    (reply,) = await private.send("/search trafficking of minors")
    assert reply["text"].startswith("🔎")
    assert CITATION.format(3) in reply["text"]
    assert "children" in {word.casefold() for word in bold_words(reply)}


async def test_filters_narrow_and_are_not_searched_for(private: Chat) -> None:
    (reply,) = await private.send("/search section:introduction year:2025 trafficking")
    assert reply["text"].startswith("🔎 2 paragraphs for trafficking\n")
    (reply,) = await private.send("/search year:2019 trafficking")
    assert reply["text"].startswith("No paragraph mentions trafficking.")


@pytest.mark.parametrize(
    "query",
    [
        'section:" year:x report: ( OR "',
        "what? how? why?",
        "trafficing* OR exploitaton~2 AND title:childern^3",
        'year:9999-0000 section:"" \'',
        "x" * 300 + " trafficingg",
    ],
)
async def test_nothing_typed_is_a_query_error(private: Chat, query: str) -> None:
    (reply,) = await private.send(f"/search {query}")
    assert reply["text"]


def test_the_correction_line_is_escaped() -> None:
    hit = Hit(Paragraph(symbol="A/1", number=1, text="a <b>"), 1.0, Summary((Segment("a"),)))
    result = SearchResult(("a&b",), (hit,), corrected=(("<x>", "a&b"),))
    (reply,) = search_reply(EN, result, USERNAME, ResultsPage("0f3a9c2e", 0))
    assert "Showing results for <i>a&amp;b</i>: no paragraph has <i>&lt;x&gt;</i>." in reply.text
    parse_html(reply.text)


def test_help_explains_every_filter() -> None:
    text = help_text(EN, [])
    for example in ("report:A/HRC/58/19", "section:recommendations", "year:2025"):
        assert example in text
    parse_html(text)
