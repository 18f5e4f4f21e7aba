"""Paragraphs that point to each other: footnotes shown, references linked, "see para. 1 above"
a button, and cited by, through the emulator on a library with a report citing the bundled one."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from bot.app import build_application, polling
from bot.emulator import Emulator
from index import Library, Overrides, collect_paths, read_reports
from tests.bot.chats import TOKEN, USERNAME, Chat
from tests.bot.reading import buttons

CITING = Path(__file__).parents[1] / "reports" / "A-HRC-60-99.md"
CITING_SYMBOL = "A/HRC/60/99"
BUNDLED = "A/HRC/58/19"


def add_citing_report(library: Library) -> None:
    overrides = Overrides(
        symbol=CITING_SYMBOL,
        title="Report of the Special Rapporteur on the sale and sexual exploitation of children",
    )
    (ingested,) = read_reports(collect_paths([CITING], CITING.parent), overrides)
    library.add(ingested.report)


@pytest.fixture
def citing_library(bundled_index: Path, tmp_path: Path) -> Iterator[Library]:
    copy = tmp_path / "index"
    shutil.copytree(bundled_index, copy, symlinks=True)
    library = Library(copy)
    add_citing_report(library)
    yield library
    library.close()


@pytest.fixture
async def chat(emulator: Emulator, citing_library: Library) -> AsyncIterator[Chat]:
    application = build_application(TOKEN, emulator.base_url, citing_library)
    async with polling(application, poll_timeout=1):
        user = emulator.user(first_name="Amina", language_code="en")
        yield Chat(emulator, emulator.private_chat(user), user)
    assert [call.method for call in emulator.calls if not call.ok] == []


def _links(message: dict[str, object]) -> dict[str, str]:
    """The message's links, by the words they are on."""
    text = str(message["text"])
    return {
        text[entity["offset"] : entity["offset"] + entity["length"]]: entity["url"]
        for entity in message.get("entities", [])  # type: ignore[attr-defined]
        if entity["type"] == "text_link"
    }


async def test_para_shows_the_footnotes_and_links_the_references(chat: Chat) -> None:
    (reply,) = await chat.send(f"/para {CITING_SYMBOL} 1")
    assert "guided by General Assembly resolution 62/141, the present report" in reply["text"]
    assert "1 See A/HRC/59/41, paras. 14–18." in reply["text"]
    links = _links(reply)
    # Indexed: a link to the paragraph in the bot; not indexed: the UN document.
    assert links["A/HRC/58/19, paras. 3 and 4"] == (
        f"https://t.me/{USERNAME}?start=o-A_HRC_58_19-3"
    )
    assert links["General Assembly resolution 62/141"] == "https://docs.un.org/en/A/RES/62/141"
    assert links["A/HRC/59/41, paras. 14–18"] == "https://docs.un.org/en/A/HRC/59/41"


async def test_see_para_above_is_a_button_that_opens_it_in_place(chat: Chat) -> None:
    (reply,) = await chat.send(f"/para {CITING_SYMBOL} 2")
    (own,) = [button for button in buttons(reply) if button["text"] == "↪ para. 1"]
    await chat.press(reply, own["callback_data"])
    shown = chat.emulator.message(chat.id, reply["message_id"])
    assert shown["text"].startswith(f"{CITING_SYMBOL}, para. 1")


async def test_a_cited_paragraph_says_where_it_is_cited_and_lists_it(chat: Chat) -> None:
    (reply,) = await chat.send(f"/para {BUNDLED} 3")
    (cited,) = [button for button in buttons(reply) if button["text"].startswith("Cited in")]
    assert cited["text"] == "Cited in 1 paragraph"
    await chat.press(reply, cited["callback_data"], replies=1)
    listing = chat.emulator.bot_messages(chat.id)[-1]
    assert listing["text"].splitlines()[:3] == [
        f"{BUNDLED}, para. 3 is cited in 1 paragraph",
        "",
        f"1. {CITING_SYMBOL}, para. 1",
    ]
    # The paragraph it was pressed under stays as it was.
    assert chat.emulator.message(chat.id, reply["message_id"])["text"] == reply["text"]


async def test_citedby_lists_the_paragraphs_citing_a_report_or_one_paragraph(chat: Chat) -> None:
    (reply,) = await chat.send(f"/citedby {BUNDLED}")
    assert reply["text"].startswith(f"{BUNDLED} is cited in 2 paragraphs")
    assert f"1. {CITING_SYMBOL}, para. 1" in reply["text"]
    assert f"2. {CITING_SYMBOL}, para. 2" in reply["text"]
    (reply,) = await chat.send(f"/citedby {BUNDLED} 4")
    assert reply["text"].startswith(f"{BUNDLED}, para. 4 is cited in 1 paragraph")
    (reply,) = await chat.send(f"/citedby {BUNDLED} 1")
    assert reply["text"] == f"No indexed paragraph cites {BUNDLED}, para. 1."
    (reply,) = await chat.send("/citedby")
    assert "/citedby A/HRC/58/19 3" in reply["text"]
    (reply,) = await chat.send("/citedby A/HRC/99/1")
    assert "A/HRC/99/1" in reply["text"]


async def test_cited_by_goes_when_the_citing_report_is_removed(
    chat: Chat, citing_library: Library
) -> None:
    assert citing_library.remove(CITING_SYMBOL) == ["en"]
    (reply,) = await chat.send(f"/citedby {BUNDLED}")
    assert reply["text"] == f"No indexed paragraph cites {BUNDLED}."
    (reply,) = await chat.send(f"/para {BUNDLED} 3")
    assert not [button for button in buttons(reply) if button["text"].startswith("Cited in")]
    # And back again: a report added again is cited from again.
    add_citing_report(citing_library)
    (reply,) = await chat.send(f"/citedby {BUNDLED} 3")
    assert reply["text"].startswith(f"{BUNDLED}, para. 3 is cited in 1 paragraph")
