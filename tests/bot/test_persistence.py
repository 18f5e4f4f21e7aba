"""Chats' settings kept in the store: they survive a restart, bot-state.json from before is
imported, a chat that chose nothing leaves no trace, and /forget erases them."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.app import build_application, polling
from bot.context import ChatData
from bot.emulator import Emulator
from bot.persistence import StoreChatPersistence
from bot.replies import render
from bot.replies.i18n import texts
from bot.store import Store, open_store
from index import Library
from tests.bot.chats import TOKEN, USERNAME, Chat

SYMBOL = "A/HRC/58/19"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    with open_store(data_dir) as opened:
        yield opened


def write_state(data_dir: Path, content: str) -> None:
    """bot-state.json as the bot wrote it before the store."""
    data_dir.mkdir()
    (data_dir / "bot-state.json").write_text(content)


def moved_aside(data_dir: Path) -> list[str]:
    return [path.read_text() for path in data_dir.glob("bot-state.json.corrupt-*")]


async def saved(store: Store) -> dict[int, dict[str, str]]:
    """The chats' settings once PTB's next save (every second) has run."""
    await asyncio.sleep(1.5)
    return store.all_settings()


async def test_settings_saved_are_read_back_by_the_next_process(
    store: Store, data_dir: Path
) -> None:
    persistence = StoreChatPersistence(store)
    await persistence.update_chat_data(7, ChatData(report=SYMBOL))
    await persistence.update_chat_data(-100, ChatData(language="fr"))
    with open_store(data_dir) as again:
        assert await StoreChatPersistence(again).get_chat_data() == {
            7: ChatData(report=SYMBOL),
            -100: ChatData(language="fr"),
        }


async def test_settings_emptied_are_a_row_removed(store: Store) -> None:
    persistence = StoreChatPersistence(store)
    await persistence.update_chat_data(7, ChatData(report=SYMBOL))
    await persistence.update_chat_data(8, ChatData())
    assert store.all_settings() == {7: {"report": SYMBOL}}
    await persistence.update_chat_data(7, ChatData())
    assert store.all_settings() == {}


async def test_the_settings_of_bot_state_json_are_the_chats_after_the_upgrade(
    emulator: Emulator, library: Library, data_dir: Path
) -> None:
    user = emulator.user(first_name="Nadia", language_code="en")
    chat = Chat(emulator, emulator.private_chat(user), user)
    write_state(data_dir, json.dumps({str(chat.id): {"language": "fr"}}))
    with open_store(data_dir) as store:
        async with polling(build_application(TOKEN, emulator.base_url, library, store), 1):
            (reply,) = await chat.send("/settings")
    assert "Français (choisie avec /lang)" in reply["text"]
    assert not (data_dir / "bot-state.json").exists()


@pytest.mark.parametrize("content", ['{"7": {"report": "A/HRC', "[1, 2]", '{"x": {}}', "\0\1"])
async def test_an_unreadable_bot_state_json_is_moved_aside_and_the_bot_starts_empty(
    emulator: Emulator,
    library: Library,
    data_dir: Path,
    caplog: pytest.LogCaptureFixture,
    content: str,
) -> None:
    write_state(data_dir, content)
    user = emulator.user(first_name="Nadia", language_code="en")
    chat = Chat(emulator, emulator.private_chat(user), user)
    with caplog.at_level(logging.WARNING), open_store(data_dir) as store:
        async with polling(build_application(TOKEN, emulator.base_url, library, store), 1):
            (reply,) = await chat.send("/settings")
    assert "(the most recent" in reply["text"]
    assert moved_aside(data_dir) == [content]
    (record,) = caplog.records
    assert "unreadable" in record.getMessage()
    # Nothing of the file in the log: it holds chats' settings.
    assert content not in caplog.text


async def test_forget_erases_a_private_chats_settings_in_the_store_too(
    emulator: Emulator, library: Library, store: Store
) -> None:
    user = emulator.user(first_name="Nadia", language_code="en")
    chat = Chat(emulator, emulator.private_chat(user), user)
    async with polling(build_application(TOKEN, emulator.base_url, library, store), 1):
        await chat.send(f"/report {SYMBOL}")
        (reply,) = await chat.send("/lang fr")
        assert chat.id in await saved(store)
        (reply,) = await chat.send("/forget")
        assert reply["text"] == render.forgotten(texts("fr"))
        assert await saved(store) == {}
        (reply,) = await chat.send("/settings")
        assert "(the most recent" in reply["text"]
    assert [call.method for call in emulator.calls if not call.ok] == []


async def test_in_a_group_only_administrators_may_forget(
    emulator: Emulator, library: Library, store: Store
) -> None:
    admin = emulator.user(first_name="Rosa", language_code="en")
    member = emulator.user(first_name="Tomas", language_code="en")
    group = emulator.group_chat(title="Coalition", admins=[admin])
    as_member = Chat(emulator, group, member)
    as_admin = Chat(emulator, group, admin)
    async with polling(build_application(TOKEN, emulator.base_url, library, store), 1):
        await as_admin.send(f"/report {SYMBOL}")
        (reply,) = await as_member.send(f"/forget@{USERNAME}")
        assert reply["text"] == "Only this group's administrators can change its settings."
        assert await saved(store) == {as_admin.id: {"report": SYMBOL}}
        (reply,) = await as_admin.send("/forget")
        assert reply["text"] == render.forgotten(texts("en"))
        assert await saved(store) == {}
    assert [call.method for call in emulator.calls if not call.ok] == []


async def test_chats_without_settings_leave_no_trace_in_the_store(
    emulator: Emulator, library: Library, store: Store
) -> None:
    searcher = emulator.user(first_name="Amina", language_code="en")
    chooser = emulator.user(first_name="Ben", language_code="en")
    async with polling(build_application(TOKEN, emulator.base_url, library, store), 1):
        await Chat(emulator, emulator.private_chat(searcher), searcher).send("/search trafficking")
        await Chat(emulator, emulator.private_chat(chooser), chooser).send("/lang fr")
    # Stopped: everything is saved. Nobody can tell from the store that Amina used the bot.
    assert store.all_settings() == {chooser["id"]: {"language": "fr"}}
