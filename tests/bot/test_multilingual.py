"""The same paragraph in six languages: searched in the reader's language, switched in place."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.emulator import Emulator
from config.settings import DEFAULT_CATALOGUE
from index import Library, load_catalogue
from tests.bot.chats import Chat

# The synthetic test report written in all six languages (tests/eval/reports/A-HRC-TEST-3).
EVAL_CATALOGUE = Path(__file__).parents[1] / "eval" / "catalogue.toml"
SYMBOL = "A/HRC/TEST/3"


def english_version(directory: Path) -> Path:
    """The eval set leaves the English version out (its English queries are about other reports);
    here it is one more version."""
    text = EVAL_CATALOGUE.parent / "reports" / "A-HRC-TEST-3" / "en.txt"
    catalogue = directory / "en.toml"
    catalogue.write_text(
        f'[[report]]\npath = "{text}"\nsymbol = "{SYMBOL}"\nlang = "en"\ntitle = "Test report"\n',
        encoding="utf-8",
    )
    return catalogue


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    versions = [r for r in load_catalogue(EVAL_CATALOGUE) if r.symbol == SYMBOL]
    versions += load_catalogue(english_version(tmp_path))
    assert {r.lang for r in versions} == {"ar", "zh", "en", "fr", "ru", "es"}
    opened = Library(tmp_path / "index")
    with opened.transaction() as batch:
        for report in [*load_catalogue(DEFAULT_CATALOGUE), *versions]:
            batch.add(report)
    yield opened
    opened.close()


def speaker(bot: Emulator, language: str) -> Chat:
    user = bot.user(first_name="Reader", language_code=language)
    return Chat(bot, bot.private_chat(user), user)


def buttons(message: dict[str, Any]) -> dict[str, str]:
    rows = message.get("reply_markup", {}).get("inline_keyboard", [])
    return {b["text"]: b.get("callback_data", "") for row in rows for b in row}


async def test_a_russian_search_finds_the_russian_paragraph(bot: Emulator) -> None:
    reader = speaker(bot, "ru")
    (reply,) = await reader.send("/search торговлей детьми")
    assert f"{SYMBOL}, para. 3" in reply["text"]
    assert "Торговля детьми растет во всех регионах" in reply["text"]


async def test_a_paragraph_opens_in_the_readers_language_and_switches_in_place(
    bot: Emulator,
) -> None:
    reader = speaker(bot, "fr")
    (shown,) = await reader.send(f"/para {SYMBOL} 3")
    assert shown["text"].startswith(f"{SYMBOL}, para. 3")
    versions = buttons(shown)
    assert {"العربية", "中文", "English", "Русский", "Español"} <= set(versions)
    assert "Français" not in versions
    calls = await reader.press(shown, versions["Русский"])
    (edit,) = [c for c in calls if c.method == "editMessageText"]
    russian = edit.response["result"]
    assert "Торговля детьми растет во всех регионах" in russian["text"]
    following = buttons(russian)["para. 4 ▶"]
    assert following.endswith("-ru")
    calls = await reader.press(russian, following)
    (edit,) = [c for c in calls if c.method == "editMessageText"]
    assert "С детьми — жертвами торговли людьми" in edit.response["result"]["text"]


async def test_without_a_version_in_the_readers_language_english_answers(bot: Emulator) -> None:
    reader = speaker(bot, "ru")
    (shown,) = await reader.send("/para A/HRC/58/19 3")
    assert "The Special Representative continues to identify" in shown["text"]
    assert "Русский" not in buttons(shown)


@pytest.mark.parametrize(
    ("language", "query", "answer"),
    [
        ("ar", "الاتجار بالأطفال", "يتزايد الاتجار بالأطفال في جميع المناطق"),
        ("zh", "贩运儿童", "贩运儿童现象在所有区域都在增加"),
        ("en", "trafficking in children increasing", "Trafficking in children is increasing"),
        ("fr", "traite des enfants", "La traite des enfants augmente"),
        ("ru", "торговля детьми", "Торговля детьми растет"),
        ("es", "trata de niños", "La trata de niños está aumentando"),
    ],
)
async def test_each_language_finds_its_own_version(
    bot: Emulator, language: str, query: str, answer: str
) -> None:
    reader = speaker(bot, language)
    (reply,) = await reader.send(f"/search {query}")
    assert f"{SYMBOL}, para. 3" in reply["text"]
    # Labelled `para. 3`, or with the symbol when the page holds several reports.
    labels = ("para. 3", f"{SYMBOL}, para. 3")
    button = next(data for label, data in buttons(reply).items() if label in labels)
    calls = await reader.press(reply, button)
    (edit,) = [c for c in calls if c.method == "editMessageText"]
    assert answer in edit.response["result"]["text"]
