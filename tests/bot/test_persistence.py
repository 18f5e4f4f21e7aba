"""Chats' settings survive a kill at any moment, an unreadable file, and /forget erases them."""

from __future__ import annotations

import asyncio
import json
import logging
from pathlib import Path

import pytest

from bot.app import build_application, polling
from bot.context import ChatData
from bot.emulator import Emulator
from bot.persistence import JsonChatPersistence
from index import Library
from tests.bot.chats import TOKEN, USERNAME, Chat

SYMBOL = "A/HRC/58/19"


def on_disk(state: Path) -> dict[str, object]:
    loaded: dict[str, object] = json.loads(state.read_text(encoding="utf-8"))
    return loaded


def files(folder: Path) -> list[str]:
    return [path.name for path in folder.iterdir()]


async def saved(state: Path) -> dict[str, object]:
    """The file's chats once PTB's next save (every second) has run."""
    await asyncio.sleep(1.5)
    return on_disk(state)


async def test_a_write_replaces_the_file_whole_and_leaves_no_temp_file(tmp_path: Path) -> None:
    state = tmp_path / "bot-state.json"
    persistence = JsonChatPersistence(state)
    await persistence.update_chat_data(7, ChatData(report=SYMBOL))
    await persistence.update_chat_data(-100, ChatData(language="fr"))
    assert on_disk(state) == {"-100": {"language": "fr"}, "7": {"report": SYMBOL}}
    assert files(tmp_path) == [state.name]
    again = JsonChatPersistence(state)
    assert await again.get_chat_data() == {
        7: ChatData(report=SYMBOL),
        -100: ChatData(language="fr"),
    }


@pytest.mark.parametrize("content", ['{"7": {"report": "A/HRC', "[1, 2]", '{"x": {}}', "\0\1"])
async def test_an_unreadable_state_file_is_moved_aside_and_the_bot_starts_empty(
    emulator: Emulator,
    library: Library,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    content: str,
) -> None:
    state = tmp_path / "data" / "bot-state.json"
    state.parent.mkdir()
    state.write_text(content)
    user = emulator.user(first_name="Nadia", language_code="en")
    chat = Chat(emulator, emulator.private_chat(user), user)
    with caplog.at_level(logging.WARNING, logger="bot.persistence"):
        async with polling(build_application(TOKEN, emulator.base_url, library, state), 1):
            (reply,) = await chat.send("/settings")
    assert "(the most recent" in reply["text"]
    (aside,) = state.parent.glob("bot-state.json.corrupt-*")
    assert aside.read_text() == content
    (record,) = caplog.records
    assert "unreadable" in record.getMessage()
    # Nothing of the file in the log: it holds chats' settings.
    assert content not in caplog.text


async def test_forget_erases_a_private_chats_settings_on_disk_too(
    emulator: Emulator, library: Library, tmp_path: Path
) -> None:
    state = tmp_path / "data" / "bot-state.json"
    user = emulator.user(first_name="Nadia", language_code="en")
    chat = Chat(emulator, emulator.private_chat(user), user)
    async with polling(build_application(TOKEN, emulator.base_url, library, state), 1):
        await chat.send(f"/report {SYMBOL}")
        (reply,) = await chat.send("/lang fr")
        assert str(chat.id) in await saved(state)
        (reply,) = await chat.send("/forget")
        assert reply["text"] == (
            "J’ai effacé les paramètres de cette discussion : son rapport et sa langue."
        )
        assert await saved(state) == {}
        (reply,) = await chat.send("/settings")
        assert "(the most recent" in reply["text"]
    assert [call.method for call in emulator.calls if not call.ok] == []


async def test_in_a_group_only_administrators_may_forget(
    emulator: Emulator, library: Library, tmp_path: Path
) -> None:
    state = tmp_path / "data" / "bot-state.json"
    admin = emulator.user(first_name="Rosa", language_code="en")
    member = emulator.user(first_name="Tomas", language_code="en")
    group = emulator.group_chat(title="Coalition", admins=[admin])
    as_member = Chat(emulator, group, member)
    as_admin = Chat(emulator, group, admin)
    async with polling(build_application(TOKEN, emulator.base_url, library, state), 1):
        await as_admin.send(f"/report {SYMBOL}")
        (reply,) = await as_member.send(f"/forget@{USERNAME}")
        assert reply["text"] == "Only this group's administrators can change its settings."
        assert await saved(state) == {str(as_admin.id): {"report": SYMBOL}}
        (reply,) = await as_admin.send("/forget")
        assert reply["text"] == "I have erased this chat's settings: its report and its language."
        assert await saved(state) == {}
    assert [call.method for call in emulator.calls if not call.ok] == []


async def test_chats_without_settings_leave_no_trace_on_disk(
    emulator: Emulator, library: Library, tmp_path: Path
) -> None:
    state = tmp_path / "bot-state.json"
    searcher = emulator.user(first_name="Amina", language_code="en")
    chooser = emulator.user(first_name="Ben", language_code="en")
    async with polling(build_application(TOKEN, emulator.base_url, library, state), 1):
        await Chat(emulator, emulator.private_chat(searcher), searcher).send("/search trafficking")
        await Chat(emulator, emulator.private_chat(chooser), chooser).send("/lang fr")
    # Stopped: everything is saved. Nobody can tell from the file that Amina used the bot.
    assert on_disk(state) == {str(chooser["id"]): {"language": "fr"}}


async def test_settings_emptied_are_an_entry_removed(tmp_path: Path) -> None:
    state = tmp_path / "bot-state.json"
    persistence = JsonChatPersistence(state)
    await persistence.update_chat_data(7, ChatData(report=SYMBOL))
    await persistence.update_chat_data(8, ChatData())
    assert on_disk(state) == {"7": {"report": SYMBOL}}
    await persistence.update_chat_data(7, ChatData())
    assert on_disk(state) == {}
