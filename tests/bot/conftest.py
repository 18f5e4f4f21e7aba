"""The real bot (python-telegram-bot over loopback HTTP) against the project's Bot API emulator."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from bot.app import build_application, polling
from bot.emulator import Emulator
from bot.store import Store, open_store
from index import Library
from tests.bot.chats import TOKEN, USERNAME, Chat
from tests.bot.clock import Clock


@pytest.fixture
async def emulator() -> AsyncIterator[Emulator]:
    async with Emulator(token=TOKEN, bot_username=USERNAME) as running:
        yield running


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """The bot's database, on disk."""
    with open_store(tmp_path / "data") as opened:
        yield opened


@pytest.fixture
async def bot(emulator: Emulator, library: Library, store: Store) -> AsyncIterator[Emulator]:
    """The bot serving the emulator; afterwards, no call it made may have been rejected."""
    application = build_application(TOKEN, emulator.base_url, library, store)
    async with polling(application, poll_timeout=1):
        yield emulator
    rejected = [(call.method, call.response) for call in emulator.calls if not call.ok]
    assert rejected == []


@pytest.fixture
def private(bot: Emulator) -> Chat:
    user = bot.user(first_name="Amina", language_code="en")
    return Chat(bot, bot.private_chat(user), user)


@pytest.fixture
def group(bot: Emulator) -> Chat:
    user = bot.user(first_name="Lev", language_code="en")
    return Chat(bot, bot.group_chat(title="Child rights advocates"), user)


@pytest.fixture
def clock() -> Clock:
    return Clock()
