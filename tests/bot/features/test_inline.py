"""Inline mode: `@bot words` in any chat lists paragraphs; choosing one posts it, cited."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.emulator import Emulator
from bot.emulator.html import parse_html
from config.settings import DEFAULT_CATALOGUE
from index import Library, Paragraph, Report, load_catalogue
from tests.bot.chats import Chat

MANY = "A/HRC/TEST/25"


def many_paragraphs() -> Report:
    """A test report with 25 paragraphs on birth registration, for scrolling."""
    paragraphs = tuple(
        Paragraph(symbol=MANY, number=n, text=f"Birth registration point number {n}.")
        for n in range(1, 26)
    )
    return Report(
        symbol=MANY,
        title="Test report",
        date=dt.date(2020, 1, 1),
        paragraphs=paragraphs,
        paragraph_count=25,
    )


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    opened = Library(tmp_path / "index")
    with opened.transaction() as batch:
        for report in [*load_catalogue(DEFAULT_CATALOGUE), many_paragraphs()]:
            batch.add(report)
    yield opened
    opened.close()


async def ask(
    bot: Emulator, query: str, offset: str = "", language: str | None = None
) -> dict[str, Any]:
    user = bot.user(first_name="Ines", language_code=language)
    since = len(bot.calls)
    bot.inline_query(user, query, offset)
    call = await bot.wait_for(lambda c: c.method == "answerInlineQuery", since=since)
    return call.params


async def test_matching_paragraphs_are_offered_with_citation_and_summary(bot: Emulator) -> None:
    answer = await ask(bot, "trafficking")
    titles = [result["title"] for result in answer["results"]]
    assert "A/HRC/58/19, para. 3 — I. Introduction" in titles
    offered = next(r for r in answer["results"] if r["title"].startswith("A/HRC/58/19, para. 3"))
    assert "trafficking" in offered["description"]
    message = offered["input_message_content"]["message_text"]
    text, entities = parse_html(message)
    assert text.startswith("The Special Representative continues to identify")
    assert "A/HRC/58/19, para. 3 — I. Introduction" in text
    assert {entity["type"] for entity in entities} >= {"blockquote", "bold", "text_link"}
    assert "next_offset" not in answer


async def test_scrolling_loads_more(bot: Emulator) -> None:
    first = await ask(bot, "birth registration")
    assert len(first["results"]) == 10
    assert first["next_offset"] == "10"
    second = await ask(bot, "birth registration", "10")
    third = await ask(bot, "birth registration", "20")
    assert len(second["results"]) == 10
    assert len(third["results"]) == 5
    assert "next_offset" not in third
    ids = [r["id"] for page in (first, second, third) for r in page["results"]]
    assert len(set(ids)) == 25


async def test_an_odd_offset_starts_from_the_top(bot: Emulator) -> None:
    answer = await ask(bot, "birth registration", "not-a-number")
    assert len(answer["results"]) == 10


async def test_an_empty_query_offers_help_and_entry_points(bot: Emulator) -> None:
    answer = await ask(bot, "")
    assert answer["button"]["start_parameter"] == "help"
    titles = [result["title"] for result in answer["results"]]
    assert titles[0] == "A/HRC/58/19 — summary"
    assert titles[1:] == [f"A/HRC/58/19, para. {n} — I. Introduction" for n in (1, 2, 3)]


async def test_nothing_found_is_an_empty_answer_not_an_error(bot: Emulator) -> None:
    answer = await ask(bot, "zebra giraffe")
    assert answer["results"] == []


async def test_the_help_button_opens_help(private: Chat) -> None:
    (reply,) = await private.send("/start help")
    assert reply["text"].startswith("I find paragraphs in UN reports")


async def test_a_french_query_over_english_reports_offers_english_paragraphs_marked(
    bot: Emulator,
) -> None:
    answer = await ask(bot, "la traite des enfants", language="fr")
    offered = answer["results"]
    assert offered
    assert all(" (English)" in result["title"] for result in offered)
    assert any(result["description"].startswith("≈ Proche par le sens · ") for result in offered)
