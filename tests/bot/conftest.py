"""The real bot (python-telegram-bot over loopback HTTP) against the project's Bot API emulator."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import pytest

from bot.app import build_application, polling
from bot.emulator import Emulator
from index.library import Library

TOKEN = "4242424242:test-token-for-the-emulator"
USERNAME = "reportbot_test_bot"


@dataclass
class Chat:
    """One person talking to the bot in one chat, with what the bot sends there."""

    emulator: Emulator
    chat: dict[str, Any]
    user: dict[str, Any]

    @property
    def id(self) -> int:
        return int(self.chat["id"])

    def _sent_here(self, since: int) -> list[Any]:
        return [
            call
            for call in self.emulator.calls[since:]
            if call.method == "sendMessage" and call.ok and int(call.params["chat_id"]) == self.id
        ]

    async def send(self, text: str, replies: int = 1) -> list[dict[str, Any]]:
        """Send `text` and return the bot's next `replies` messages in this chat."""
        since = len(self.emulator.calls)
        self.emulator.send_message(self.chat, self.user, text)
        return await self._replies(since, replies)

    async def press(self, message: dict[str, Any], data: str, replies: int = 0) -> list[Any]:
        """Press a button; return the calls the bot made for it up to its answer."""
        since = len(self.emulator.calls)
        self.emulator.press_button(message, data, self.user)
        await self.emulator.wait_for(lambda call: call.method == "answerCallbackQuery", since=since)
        if replies:
            await self._replies(since, replies)
        return list(self.emulator.calls[since:])

    async def _replies(self, since: int, count: int) -> list[dict[str, Any]]:
        await self.emulator.wait_for(lambda _: len(self._sent_here(since)) >= count, since=since)
        return [call.response["result"] for call in self._sent_here(since)[:count]]


@pytest.fixture
async def emulator() -> AsyncIterator[Emulator]:
    async with Emulator(token=TOKEN, bot_username=USERNAME) as running:
        yield running


@pytest.fixture
async def bot(emulator: Emulator, library: Library) -> AsyncIterator[Emulator]:
    """The bot serving the emulator; afterwards, no call it made may have been rejected."""
    application = build_application(TOKEN, emulator.base_url, library)
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


class Clock:
    """Time that passes only when a test says so: limits and notices are timed by it."""

    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> Clock:
    return Clock()


def rejected_calls(emulator: Emulator, injected: frozenset[int] = frozenset()) -> list[Any]:
    """The calls Telegram refused other than with the `injected` statuses: the bot's mistakes."""
    return [
        (call.method, call.response)
        for call in emulator.calls
        if not call.ok and call.status not in injected
    ]
