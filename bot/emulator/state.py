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
from bot.emulator.files import StoredFile
from bot.emulator.text import FormattedText

JsonObject = dict[str, Any]
# Without allowed_updates Telegram sends every kind but these.
_OPT_IN_UPDATES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})
# The first characters of Telegram's file ids and unique ids, which encode the file's type.
_FILE_ID_PREFIXES = {
    "photo": ("AgACAgQAAxkBAAI", "AQAD"),
    "document": ("BQACAgQAAxkBAAI", "AgAD"),
}


@dataclass(frozen=True)
class Call:
    """One Bot API request and the emulator's answer to it."""

    method: str
    """The method's name as api.json spells it (as sent, if the method is unknown)."""
    params: dict[str, Any]
    """The parameters sent, decoded by type: numbers, booleans, objects and arrays; a file
    uploaded with the request as an `Upload`."""
    status: int
    """The HTTP status answered; 0 if the connection was cut instead (`fail_next(reset=True)`)."""
    response: dict[str, Any]
    """The JSON body sent back: {"ok": true, "result": …} or {"ok": false, "description": …};
    empty if none was."""
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
        if self.status == 0:
            outcome = "connection reset"
        else:
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
    bot_status: str = "member"
    """The bot's place in the chat: "member", or "kicked" (removed, or blocked by the user)
    or "left", when nothing the bot sends reaches the chat."""
    migrated_to: int | None = None
    """A group upgraded to a supergroup: the supergroup's id, which every call must use now."""

    def refusal(self) -> ApiError | None:
        """Telegram's answer to a call for this chat that cannot reach it, if it cannot."""
        if self.migrated_to is not None:
            return ApiError.bad_request(
                "group chat was upgraded to a supergroup chat",
                {"migrate_to_chat_id": self.migrated_to},
            )
        if self.bot_status == "member":
            return None
        if self.chat["type"] == "private":
            return ApiError(403, "Forbidden: bot was blocked by the user")
        place = f"{self.chat['type']} chat"
        if self.bot_status == "kicked":
            return ApiError(403, f"Forbidden: bot was kicked from the {place}")
        return ApiError(403, f"Forbidden: bot is not a member of the {place}")


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
    reset: bool
    """Cut the connection instead of answering (after the hang): the call is not performed."""
    times: int | None
    """How many more calls fail; None: every call, until the faults are cleared."""

    def matches(self, method: str, params: dict[str, Any]) -> bool:
        if method.casefold() != self.method:
            return False
        # chat_id arrives as a number, or as a string when it is an @username.
        return self.chat_id is None or str(params.get("chat_id")) == str(self.chat_id)


@dataclass(eq=False)
class Pending:
    """An update waiting to reach the bot."""

    update: JsonObject
    redelivered: bool = False
    """Delivered whatever offset the bot confirmed: a duplicate, or an update arriving after
    ones with higher update_ids (see Emulator.deliver). Once it has gone out in a getUpdates
    batch it is an ordinary update again, which the next offset above it confirms."""

    @property
    def update_id(self) -> int:
        update_id: int = self.update["update_id"]
        return update_id

    @property
    def kind(self) -> str:
        return next(key for key in self.update if key != "update_id")


class State:
    def __init__(self, token: str, bot: JsonObject) -> None:
        self.token = token
        self.bot = bot
        self.users: dict[int, JsonObject] = {}
        self.chats: dict[int, ChatState] = {}
        self.updates: list[Pending] = []
        """Updates not yet confirmed by a getUpdates offset or delivered to the webhook, in the
        order they go out."""
        self.fetched_update_id = 0
        """The highest update_id the bot has received, by getUpdates or its webhook."""
        self.confirmed_offset = 0
        """The highest offset a getUpdates has confirmed, from the moment the request arrived
        (a long poll is answered only later)."""
        self.allowed_updates: frozenset[str] | None = None
        self.webhook: Webhook | None = None
        self.open_callback_queries: set[str] = set()
        self.open_inline_queries: set[str] = set()
        self.commands: dict[str, list[JsonObject]] = {}
        self.calls: list[Call] = []
        self.arrivals: list[str] = []
        """The method named by every request, in the order they arrived, answered or not."""
        self.faults: list[Fault] = []
        self.pulse = Pulse()
        self.closing = False
        self._update_ids = itertools.count(1)
        self._query_ids = itertools.count(4_000_000_000_000_000_001)
        self.user_ids = itertools.count(100_000_001)
        self.group_ids = itertools.count(1_001_000_000_001)  # as -100… supergroup ids
        self.basic_group_ids = itertools.count(400_000_001)
        self.files: dict[str, StoredFile] = {}
        """The files the bot has sent, by file_id."""
        self._file_numbers = itertools.count(1)

    def arrive(self, method: str) -> None:
        self.arrivals.append(method)
        self.pulse.fire()

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
        self.updates.append(Pending(update))
        self.pulse.fire()
        return copy.deepcopy(update)

    def pending(self) -> list[Pending]:
        """The updates waiting for the bot, of the kinds it asked for."""
        return [entry for entry in self.updates if self._allowed(entry.kind)]

    def _allowed(self, kind: str) -> bool:
        if self.allowed_updates is None:
            return kind not in _OPT_IN_UPDATES
        return kind in self.allowed_updates

    def handed_over(self, batch: list[Pending]) -> None:
        """`batch` went out to the bot: note the highest update_id it has seen."""
        for entry in batch:
            entry.redelivered = False
            self.fetched_update_id = max(self.fetched_update_id, entry.update_id)
        if batch:
            self.pulse.fire()

    def discard(self, entry: Pending, *, received: bool) -> None:
        """Remove one pending update: the bot `received` it, or Telegram gave up on it."""
        self.updates = [other for other in self.updates if other is not entry]
        if received:
            self.handed_over([entry])
        self.pulse.fire()

    def new_query_id(self) -> str:
        return str(next(self._query_ids))

    def new_file_ids(self, kind: str) -> tuple[str, str]:
        """A new file's file_id and file_unique_id, for a "photo" or a "document"."""
        number = next(self._file_numbers)
        file_prefix, unique_prefix = _FILE_ID_PREFIXES[kind]
        return f"{file_prefix}{number:08d}", f"{unique_prefix}{number:08d}"

    def chat(self, chat_id: int | str) -> ChatState:
        """The chat a call names, if the bot can reach it; ApiError as Telegram's if not."""
        chat = self.chats.get(chat_id) if isinstance(chat_id, int) else None
        if chat is None:
            raise ApiError.bad_request("chat not found")
        refusal = chat.refusal()
        if refusal is not None:
            raise refusal
        return chat

    def add_message(
        self,
        chat: ChatState,
        sender: JsonObject | None,
        text: FormattedText | None = None,
        **fields: Any,
    ) -> JsonObject:
        """Store a new message in `chat` and return it (the stored object itself): from
        `sender`, or signed by the chat itself if None (a channel's post); with `text` and/or
        the other content in `fields` (those None left out)."""
        chat.last_message_id += 1
        message: JsonObject = {"message_id": chat.last_message_id}
        if sender is None:
            message["sender_chat"] = copy.deepcopy(chat.chat)
        else:
            message["from"] = copy.deepcopy(sender)
        message |= {"chat": copy.deepcopy(chat.chat), "date": int(time.time())}
        if text is not None:
            message["text"] = text.text
            if text.entities:
                message["entities"] = text.entities
        message.update({name: value for name, value in fields.items() if value is not None})
        chat.messages[chat.last_message_id] = message
        return message
