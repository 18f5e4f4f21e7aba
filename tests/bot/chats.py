"""Talking to the bot through the emulator: a person in a chat, and what the bot sent there.

Also the token and username the bot serves as, and the calls Telegram refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.emulator import Call, Emulator

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


def chat_with(emulator: Emulator, name: str) -> Chat:
    user = emulator.user(first_name=name, language_code="en")
    return Chat(emulator, emulator.private_chat(user), user)


def sent_to(emulator: Emulator, chat: Chat) -> list[Call]:
    return [
        call
        for call in emulator.calls
        if call.method == "sendMessage" and int(call.params["chat_id"]) == chat.id
    ]


async def one_more_poll(emulator: Emulator) -> None:
    """Return once the bot has polled again, so anything it was to send meanwhile is sent."""
    since = len(emulator.calls)
    await emulator.wait_for(lambda call: call.method == "getUpdates" and call.ok, since=since)


def rejected_calls(emulator: Emulator, injected: frozenset[int] = frozenset()) -> list[Any]:
    """The calls Telegram refused other than with the `injected` statuses: the bot's mistakes."""
    return [
        (call.method, call.response)
        for call in emulator.calls
        if not call.ok and call.status not in injected
    ]
