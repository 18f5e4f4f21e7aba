"""What the emulated Telegram knows: chats and their messages, pending updates, the webhook,
open queries, the bot's commands, and every call the bot made."""

from __future__ import annotations

import asyncio
import contextlib
import copy
import itertools
import time
from dataclasses import dataclass, field
from typing import Any

from bot.emulator.errors import ApiError
from bot.emulator.text import FormattedText

JsonObject = dict[str, Any]
# Without allowed_updates Telegram sends every kind but these.
_OPT_IN_UPDATES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})


@dataclass(frozen=True)
class Call:
    """One Bot API request and the emulator's answer to it."""

    method: str
    """The method's name as api.json spells it (as sent, if the method is unknown)."""
    params: dict[str, Any]
    """The parameters sent, decoded by type: numbers, booleans, objects and arrays."""
    status: int
    response: dict[str, Any]
    """The JSON body sent back: {"ok": true, "result": …} or {"ok": false, "description": …}."""
    answered_at: float = field(default_factory=time.monotonic)
    """When the answer was ready (time.monotonic), for measuring how long a reply took."""

    @property
    def ok(self) -> bool:
        return self.status == 200

    @property
    def result(self) -> Any:
        return self.response.get("result")

    @property
    def description(self) -> str | None:
        """Telegram's reason for refusing the call; None if it succeeded."""
        return self.response.get("description")

    def summary(self) -> str:
        outcome = "ok" if self.ok else f"{self.status} {self.description}"
        return f"{self.method}({self.params}) -> {outcome}"


class Pulse:
    """Wakes everyone waiting whenever the state changes; waiters then re-check what they need.

    Setting an event is synchronous, so the control API can signal without awaiting.
    """

    def __init__(self) -> None:
        self._event = asyncio.Event()

    def fire(self) -> None:
        self._event.set()
        self._event = asyncio.Event()

    async def wait(self, seconds: float) -> None:
        """Return at the next change, or after `seconds`."""
        # asyncio.timeout, not wait_for: in Python 3.11, cancelling a wait_for whose event was
        # just set leaves the caller hanging until the timeout.
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(max(seconds, 0)):
                await self._event.wait()


@dataclass
class ChatState:
    chat: JsonObject
    """The Chat object as it appears in messages."""
    owner_id: int | None
    """The user of a private chat."""
    admin_ids: set[int] = field(default_factory=set)
    """A group's administrators."""
    messages: dict[int, JsonObject] = field(default_factory=dict)
    last_message_id: int = 0


@dataclass
class Webhook:
    """Where updates go instead of getUpdates, once setWebhook has set it."""

    url: str
    secret_token: str | None
    max_connections: int
    last_error_date: int | None = None
    last_error_message: str | None = None


@dataclass
class Fault:
    """A failure the emulator answers with instead of performing a method (see
    Emulator.fail_next)."""

    method: str
    """The method's name, casefolded: Telegram takes method names in any case."""
    chat_id: int | None
    """Only calls for this chat fail; None: every call of the method."""
    error: ApiError | None
    """The answer; None: the call, once delayed, is performed as usual."""
    hang: float
    """Seconds to wait before answering."""
    times: int | None
    """How many more calls fail; None: every call, until the faults are cleared."""

    def matches(self, method: str, params: dict[str, Any]) -> bool:
        if method.casefold() != self.method:
            return False
        # chat_id arrives as a number, or as a string when it is an @username.
        return self.chat_id is None or str(params.get("chat_id")) == str(self.chat_id)


class State:
    def __init__(self, token: str, bot: JsonObject) -> None:
        self.token = token
        self.bot = bot
        self.users: dict[int, JsonObject] = {}
        self.chats: dict[int, ChatState] = {}
        self.updates: list[JsonObject] = []
        """Updates not yet confirmed by a getUpdates offset or delivered to the webhook."""
        self.fetched_update_id = 0
        """The highest update_id the bot has received, by getUpdates or its webhook."""
        self.allowed_updates: frozenset[str] | None = None
        self.webhook: Webhook | None = None
        self.open_callback_queries: set[str] = set()
        self.open_inline_queries: set[str] = set()
        self.commands: dict[str, list[JsonObject]] = {}
        self.calls: list[Call] = []
        self.faults: list[Fault] = []
        self.pulse = Pulse()
        self.closing = False
        self._update_ids = itertools.count(1)
        self._query_ids = itertools.count(4_000_000_000_000_000_001)
        self.user_ids = itertools.count(100_000_001)
        self.group_ids = itertools.count(1_001_000_000_001)  # as -100… supergroup ids

    def record(self, call: Call) -> None:
        self.calls.append(call)
        self.pulse.fire()

    def take_fault(self, method: str, params: dict[str, Any]) -> Fault | None:
        """The first fault planned for this call, counted as used; None if there is none."""
        for fault in self.faults:
            if fault.matches(method, params):
                if fault.times is not None:
                    fault.times -= 1
                    if fault.times == 0:
                        self.faults.remove(fault)
                return fault
        return None

    def queue(self, kind: str, payload: JsonObject) -> JsonObject:
        """Queue an update for the bot; return a copy of it."""
        update = {"update_id": next(self._update_ids), kind: copy.deepcopy(payload)}
        self.updates.append(update)
        self.pulse.fire()
        return copy.deepcopy(update)

    def pending(self) -> list[JsonObject]:
        """The updates waiting for the bot, of the kinds it asked for."""
        return [update for update in self.updates if self._allowed(update)]

    def _allowed(self, update: JsonObject) -> bool:
        kind = next(key for key in update if key != "update_id")
        if self.allowed_updates is None:
            return kind not in _OPT_IN_UPDATES
        return kind in self.allowed_updates

    def discard(self, update_id: int, *, received: bool) -> None:
        """Remove one pending update: the bot `received` it, or Telegram gave up on it."""
        self.updates = [update for update in self.updates if update["update_id"] != update_id]
        if received:
            self.fetched_update_id = max(self.fetched_update_id, update_id)
        self.pulse.fire()

    def new_query_id(self) -> str:
        return str(next(self._query_ids))

    def chat(self, chat_id: int | str) -> ChatState:
        chat = self.chats.get(chat_id) if isinstance(chat_id, int) else None
        if chat is None:
            raise ApiError.bad_request("chat not found")
        return chat

    def add_message(
        self, chat: ChatState, sender: JsonObject, text: FormattedText, **fields: Any
    ) -> JsonObject:
        """Store a new text message in `chat` and return it (the stored object itself)."""
        chat.last_message_id += 1
        message: JsonObject = {
            "message_id": chat.last_message_id,
            "from": copy.deepcopy(sender),
            "chat": copy.deepcopy(chat.chat),
            "date": int(time.time()),
            "text": text.text,
        }
        if text.entities:
            message["entities"] = text.entities
        message.update({name: value for name, value in fields.items() if value is not None})
        chat.messages[chat.last_message_id] = message
        return message
