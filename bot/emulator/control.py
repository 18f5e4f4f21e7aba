"""The emulator as tests and the sandbox drive it: users act, the bot's calls are watched."""

from __future__ import annotations

import asyncio
import copy
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from http import HTTPStatus
from types import TracebackType
from typing import Any, Self

from bot.emulator.delivery import Delivery
from bot.emulator.errors import ApiError
from bot.emulator.server import Server
from bot.emulator.state import Call, ChatState, Fault, JsonObject, Pending, State
from bot.emulator.text import FormattedText, command_entities

MAX_INLINE_QUERY_LENGTH = 256
# Telegram's descriptions of the failures a bot meets in normal operation.
FAULT_DESCRIPTIONS = {
    403: "Forbidden: bot was blocked by the user",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}


_BOT_STATUSES = frozenset({"member", "left", "kicked"})


def _bot_member(bot: JsonObject, status: str) -> JsonObject:
    """The bot as a ChatMember with this status."""
    member: JsonObject = {"status": status, "user": copy.deepcopy(bot)}
    if status == "kicked":
        member["until_date"] = 0  # for ever
    return member


def _caption_entities(caption: str) -> JsonObject:
    entities = command_entities(caption)
    return {"caption_entities": entities} if entities else {}


class Emulator:
    """A Telegram Bot API server on loopback for one bot, with a Python hand on the other side.

    The bot talks to `base_url` over HTTP; users, chats and their actions are made here.
    Every object handed out is a copy: changing it changes nothing in the emulator.
    """

    def __init__(
        self,
        token: str = "123456:TEST",
        *,
        bot_username: str = "reportbot_sandbox_bot",
        bot_name: str = "ReportBot",
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        bot_id, colon, secret = token.partition(":")
        if not (bot_id.isdigit() and colon and secret):
            raise ValueError(f"a bot token looks like 123456:ABC, not {token!r}")
        bot = {"id": int(bot_id), "is_bot": True, "first_name": bot_name, "username": bot_username}
        self._state = State(token, bot)
        self._server = Server(self._state)
        self._delivery = Delivery(self._state)
        self._host = host
        self._port = port
        self._running = False
        self._down = False

    async def start(self) -> None:
        self._state.closing = False
        await self._server.start(self._host, self._port)
        self._delivery.start()
        self._running = True

    async def go_down(self) -> None:
        """Go down as a Bot API server does: open connections are cut mid-call and new ones
        refused (ECONNREFUSED) until `come_back`. Users go on acting meanwhile: their updates
        wait, and webhook delivery pauses."""
        if not self._running:
            raise RuntimeError("the emulator is not running")
        await self._delivery.stop()
        await self._server.stop(abruptly=True)
        self._down = True

    async def come_back(self) -> None:
        """Listen again after `go_down`, on the same port, with everything as it was."""
        if not self._down:
            raise RuntimeError("the emulator is not down: go_down() first")
        await self._server.start(self._host, self._server.port)
        self._delivery.start()
        self._down = False

    async def stop(self) -> None:
        # Pending long polls return at once, so the server's shutdown does not wait for them.
        self._state.closing = True
        self._state.pulse.fire()
        await self._delivery.stop()
        await self._server.stop()
        self._running = False
        self._down = False

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        """python-telegram-bot's `base_url`: the bot's token is appended to it."""
        if not self._running:
            raise RuntimeError("the emulator is not running: await start() first")
        # The port stays the same while the emulator is down, as a server's address does.
        return f"http://{self._host}:{self._server.port}/bot"

    @property
    def token(self) -> str:
        return self._state.token

    @property
    def bot(self) -> JsonObject:
        """The bot's User object."""
        return copy.deepcopy(self._state.bot)

    @property
    def calls(self) -> Sequence[Call]:
        """Every Bot API request so far, in the order they were answered."""
        return self._state.calls

    @property
    def arrivals(self) -> Sequence[str]:
        """The method of every request so far in the order they arrived, including those not
        answered yet (a `hang`) or never (cut, or given up by the client)."""
        return self._state.arrivals

    async def wait_arrived(
        self,
        method: str,
        since: int = 0,
        timeout: float = 10.0,  # noqa: ASYNC109
    ) -> None:
        """Return once a request for `method` has arrived, at index `since` of `arrivals` or
        later: the bot is making that call, whether or not it will be answered."""
        deadline = asyncio.get_running_loop().time() + timeout
        while method not in self._state.arrivals[since:]:
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                raise TimeoutError(f"no {method} request arrived within {timeout}s")
            await self._state.pulse.wait(remaining)

    def fail_next(
        self,
        method: str,
        status: int | None = None,
        *,
        description: str | None = None,
        retry_after: int | None = None,
        hang: float = 0,
        reset: bool = False,
        times: int | None = 1,
        chat_id: int | None = None,
    ) -> None:
        """Make the next `times` calls of `method` fail as Telegram's do (None: every call,
        until `clear_faults`), only those for `chat_id` if it is given.

        `status` 429 (implied by `retry_after`) is flood control, `{"ok": false, "error_code":
        429, "description": "Too Many Requests: retry after N", "parameters": {"retry_after":
        N}}`; 403 a user who blocked the bot; 5xx Telegram having trouble. `description`
        replaces Telegram's usual words. With `hang`, the answer comes that many seconds late:
        the failure, or without `status` the method's usual result; a hang longer than the
        client waits is a server that accepts a call and never answers. With `reset`, the
        connection is cut (a TCP reset) instead of answering, after the hang if there is one,
        and the call is not performed. The calls are recorded in `calls` as any other (a reset
        one with status 0); one whose client gave up waiting is not.
        """
        if retry_after is not None:
            if status not in (None, 429):
                raise ValueError("retry_after goes with status 429 (Too Many Requests)")
            if retry_after < 1:
                raise ValueError("Telegram's retry_after is a whole number of seconds, at least 1")
            status = 429
        elif status == 429:
            raise ValueError("a 429 needs the retry_after Telegram sends with it")
        if reset and status is not None:
            raise ValueError("a reset connection answers nothing: no status goes with it")
        if status is None and hang <= 0 and not reset:
            raise ValueError("a fault needs a status, a hang of some seconds, or a reset")
        if status is not None and not 400 <= status <= 599:
            raise ValueError(f"a failure is a 4xx or 5xx status, not {status}")
        if hang < 0 or (times is not None and times < 1):
            raise ValueError("hang is at least 0 seconds, and times at least 1 (or None)")
        error: ApiError | None = None
        if status == 429:
            error = ApiError(
                429,
                description or f"Too Many Requests: retry after {retry_after}",
                {"retry_after": retry_after},
            )
        elif status is not None:
            default = FAULT_DESCRIPTIONS.get(status) or HTTPStatus(status).phrase
            error = ApiError(status, description or default)
        self._state.faults.append(Fault(method.casefold(), chat_id, error, hang, reset, times))

    def clear_faults(self) -> None:
        """Forget the failures planned by `fail_next` that have not happened yet."""
        self._state.faults.clear()

    def user(
        self,
        first_name: str = "Test",
        *,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = None,
        id: int | None = None,
    ) -> JsonObject:
        """A new Telegram user (a User object), with a fresh id unless one is given."""
        user_id = next(self._state.user_ids) if id is None else id
        if user_id in self._state.users:
            raise ValueError(f"user {user_id} exists already")
        optional = {"last_name": last_name, "username": username, "language_code": language_code}
        user = {"id": user_id, "is_bot": False, "first_name": first_name}
        user.update({key: value for key, value in optional.items() if value is not None})
        self._state.users[user_id] = user
        return copy.deepcopy(user)

    def private_chat(self, user: Mapping[str, Any]) -> JsonObject:
        """The private chat between `user` and the bot (a Chat object)."""
        known = self._state.chats.get(user["id"])
        if known is None:
            names = ("first_name", "last_name", "username")
            chat = {"id": user["id"], "type": "private"}
            chat.update({key: user[key] for key in names if key in user})
            known = self._state.chats[user["id"]] = ChatState(chat, owner_id=user["id"])
        return copy.deepcopy(known.chat)

    def group_chat(
        self,
        title: str = "Group",
        *,
        id: int | None = None,
        admins: Iterable[Mapping[str, Any]] = (),
    ) -> JsonObject:
        """A new supergroup with the bot in it (a Chat object), `admins` its administrators."""
        chat_id = -next(self._state.group_ids) if id is None else id
        if chat_id >= 0 or chat_id in self._state.chats:
            raise ValueError(f"a new group needs a new negative id, not {chat_id}")
        chat = {"id": chat_id, "type": "supergroup", "title": title}
        admin_ids = {self._user(admin)["id"] for admin in admins}
        self._state.chats[chat_id] = ChatState(chat, owner_id=None, admin_ids=admin_ids)
        return copy.deepcopy(chat)

    def send_message(
        self, chat: Mapping[str, Any], user: Mapping[str, Any], text: str
    ) -> JsonObject:
        """`user` writes `text` in `chat`; returns the Update queued for the bot.

        Bot commands are marked with bot_command entities, as Telegram does.
        """
        state, sender = self._member(chat, user)
        if not text.strip():
            raise ValueError("Telegram clients do not send empty messages")
        message = self._state.add_message(
            state, sender, FormattedText(text, command_entities(text))
        )
        return self._state.queue("message", message)

    def press_button(
        self, message: Mapping[str, Any], data: str, user: Mapping[str, Any] | None = None
    ) -> JsonObject:
        """`user` presses a button with callback `data` under the bot's `message`.

        `message` is any version of the message (as sent or edited); the query carries its
        current version. `data` need not be on the current keyboard: a keyboard sent by an older
        version of the bot can send anything. `user` defaults to the private chat's user.
        Returns the Update queued.
        """
        current = self.message(message["chat"]["id"], message["message_id"])
        if current["from"]["id"] != self._state.bot["id"]:
            raise ValueError(f"message {current['message_id']} is not the bot's: it has no buttons")
        state = self._chat_state(current["chat"]["id"])
        if user is None:
            if state.owner_id is None:
                raise ValueError("say which user presses a button in a group")
            user = self._state.users[state.owner_id]
        query_id = self._state.new_query_id()
        self._state.open_callback_queries.add(query_id)
        query = {
            "id": query_id,
            "from": self._user(user),
            "message": current,
            "chat_instance": str(abs(hash((self._state.bot["id"], state.chat["id"])))),
            "data": data,
        }
        return self._state.queue("callback_query", query)

    def inline_query(
        self,
        user: Mapping[str, Any],
        query: str,
        offset: str = "",
        *,
        chat_type: str | None = None,
    ) -> JsonObject:
        """`user` types `@bot query` in some chat; returns the Update queued."""
        if len(query) > MAX_INLINE_QUERY_LENGTH:
            raise ValueError(f"an inline query has at most {MAX_INLINE_QUERY_LENGTH} characters")
        query_id = self._state.new_query_id()
        self._state.open_inline_queries.add(query_id)
        inline_query = {"id": query_id, "from": self._user(user), "query": query, "offset": offset}
        if chat_type is not None:
            inline_query["chat_type"] = chat_type
        return self._state.queue("inline_query", inline_query)

    # Updates of kinds a bot may not use, which reach it all the same unless it says which it
    # wants (allowed_updates).

    def send_sticker(
        self, chat: Mapping[str, Any], user: Mapping[str, Any], emoji: str = "👍"
    ) -> JsonObject:
        """`user` sends a sticker in `chat`; returns the Update queued."""
        state, sender = self._member(chat, user)
        file = self._file_ids()
        sticker = {**file, "type": "regular", "width": 512, "height": 512, "emoji": emoji}
        sticker |= {"is_animated": False, "is_video": False}
        return self._state.queue("message", self._state.add_message(state, sender, sticker=sticker))

    def send_photo(
        self, chat: Mapping[str, Any], user: Mapping[str, Any], caption: str | None = None
    ) -> JsonObject:
        """`user` sends a photo, with `caption` if given; returns the Update queued.

        Telegram sends a photo in several sizes, smallest first."""
        state, sender = self._member(chat, user)
        sizes = [{**self._file_ids(), "width": side, "height": side} for side in (90, 320, 800)]
        fields: JsonObject = {"photo": sizes}
        if caption is not None:
            fields |= {"caption": caption} | _caption_entities(caption)
        return self._state.queue("message", self._state.add_message(state, sender, **fields))

    def join(self, group: Mapping[str, Any], user: Mapping[str, Any]) -> JsonObject:
        """`user` joins `group`: the service message with new_chat_members; the Update queued."""
        state = self._group_state(group)
        member = self._user(user)
        return self._state.queue(
            "message", self._state.add_message(state, member, new_chat_members=[member])
        )

    def leave(self, group: Mapping[str, Any], user: Mapping[str, Any]) -> JsonObject:
        """`user` leaves `group`: the service message with left_chat_member; the Update queued."""
        state = self._group_state(group)
        member = self._user(user)
        return self._state.queue(
            "message", self._state.add_message(state, member, left_chat_member=member)
        )

    def edit_message(self, message: Mapping[str, Any], text: str) -> JsonObject:
        """The author of a user's text `message` changes it to `text`; returns the Update
        queued (edited_message)."""
        state = self._chat_state(message["chat"]["id"])
        stored = state.messages.get(message["message_id"])
        if stored is None or "text" not in stored or stored["from"]["id"] == self._state.bot["id"]:
            raise ValueError("only a user's text message, sent through the emulator, is edited")
        if not text.strip():
            raise ValueError("Telegram clients do not send empty messages")
        formatted = FormattedText(text, command_entities(text))
        stored["text"] = formatted.text
        stored.pop("entities", None)
        if formatted.entities:
            stored["entities"] = formatted.entities
        stored["edit_date"] = int(time.time())
        return self._state.queue("edited_message", stored)

    def channel(self, title: str = "Channel") -> JsonObject:
        """A new channel with the bot in it (a Chat object)."""
        chat_id = -next(self._state.group_ids)
        self._state.chats[chat_id] = ChatState(
            {"id": chat_id, "type": "channel", "title": title}, owner_id=None
        )
        return copy.deepcopy(self._state.chats[chat_id].chat)

    def channel_post(self, channel: Mapping[str, Any], text: str) -> JsonObject:
        """A post in `channel`, signed by the channel itself; returns the Update queued."""
        state = self._chat_state(channel["id"])
        if state.chat["type"] != "channel":
            raise ValueError(f"chat {channel['id']} is not a channel")
        post = self._state.add_message(state, None, FormattedText(text, []))
        return self._state.queue("channel_post", post)

    def set_bot_status(
        self, chat: Mapping[str, Any], status: str, by: Mapping[str, Any] | None = None
    ) -> JsonObject:
        """The bot's membership of `chat` changes to `status`, by `by`'s doing (a private
        chat's user by default): "kicked" (removed from a group, or blocked by the user), "left"
        or "member" (added back, or unblocked). Returns the Update queued (my_chat_member).

        While the bot is not a member, calls for the chat fail with Telegram's 403."""
        if status not in _BOT_STATUSES:
            raise ValueError(f"the bot's status is one of {sorted(_BOT_STATUSES)}, not {status!r}")
        state = self._chat_state(chat["id"])
        if by is None:
            if state.owner_id is None:
                raise ValueError("say who changes the bot's membership of a group")
            by = self._state.users[state.owner_id]
        changed = {
            "chat": copy.deepcopy(state.chat),
            "from": self._user(by),
            "date": int(time.time()),
            "old_chat_member": _bot_member(self._state.bot, state.bot_status),
            "new_chat_member": _bot_member(self._state.bot, status),
        }
        state.bot_status = status
        return self._state.queue("my_chat_member", changed)

    # Groups: a basic group, and its upgrade to a supergroup.

    def basic_group(
        self,
        title: str = "Group",
        *,
        admins: Iterable[Mapping[str, Any]] = (),
    ) -> JsonObject:
        """A new basic group (type "group", which Telegram upgrades to a supergroup when it
        grows or an admin asks) with the bot in it; `admins` its administrators."""
        chat_id = -next(self._state.basic_group_ids)
        chat = {"id": chat_id, "type": "group", "title": title}
        admin_ids = {self._user(admin)["id"] for admin in admins}
        self._state.chats[chat_id] = ChatState(chat, owner_id=None, admin_ids=admin_ids)
        return copy.deepcopy(chat)

    def migrate_to_supergroup(
        self, group: Mapping[str, Any], by: Mapping[str, Any]
    ) -> tuple[JsonObject, list[JsonObject]]:
        """`by`, an administrator, upgrades the basic `group` to a supergroup, as Telegram does:
        a new chat with a new id (same title and administrators), the service message with
        migrate_to_chat_id in the old chat, then the one with migrate_from_chat_id in the new.
        From then on any call naming the old id is refused with 400 "Bad Request: group chat
        was upgraded to a supergroup chat", parameters {"migrate_to_chat_id": new id}.

        Returns the supergroup (a Chat object) and the two Updates queued."""
        old = self._group_state(group)
        if old.chat["type"] != "group":
            raise ValueError(f"chat {group['id']} is not a basic group: only those are upgraded")
        admin = self._user(by)
        if admin["id"] not in old.admin_ids:
            raise ValueError("only a group's administrator upgrades it")
        new_id = -next(self._state.group_ids)
        supergroup = {"id": new_id, "type": "supergroup", "title": old.chat["title"]}
        new = ChatState(supergroup, owner_id=None, admin_ids=set(old.admin_ids))
        self._state.chats[new_id] = new
        updates = [
            self._state.queue(
                "message", self._state.add_message(old, admin, migrate_to_chat_id=new_id)
            ),
            self._state.queue(
                "message", self._state.add_message(new, admin, migrate_from_chat_id=old.chat["id"])
            ),
        ]
        old.migrated_to = new_id
        return copy.deepcopy(supergroup), updates

    # Delivery out of the ordinary: duplicates and updates out of order.

    def deliver(self, update: Mapping[str, Any]) -> None:
        """Deliver `update` (an Update as a user action returned it) to the bot, after those
        pending, as it is: again if it was delivered before (a duplicate) and whatever offset
        the bot has confirmed; after updates with higher update_ids if it was held back with
        `withhold` (out of order). By getUpdates or by webhook, as the bot receives updates.

        Telegram's rules then apply as to any update: by getUpdates it stays until an offset
        above its update_id confirms it. A bot that takes the last update_id of a batch as
        its offset (python-telegram-bot does) therefore gets again the updates of that batch
        with higher ids, which Telegram would never have put before it."""
        if not isinstance(update.get("update_id"), int) or len(update) != 2:
            raise ValueError("an Update has its update_id and one kind of content")
        self._state.updates.append(Pending(copy.deepcopy(dict(update)), redelivered=True))
        self._state.pulse.fire()

    def withhold(self, update: Mapping[str, Any]) -> None:
        """Keep a queued `update` from the bot until `deliver(update)` hands it over; updates
        queued meanwhile go first. Call it at once, in the same step as the action that
        queued the update: once the bot has fetched it, it cannot be held back."""
        entry = next((e for e in self._state.updates if e.update_id == update["update_id"]), None)
        if entry is None or entry.update_id <= self._state.fetched_update_id:
            raise ValueError(f"update {update['update_id']} is not waiting for the bot")
        self._state.updates.remove(entry)
        self._state.pulse.fire()

    def messages(self, chat_id: int) -> list[JsonObject]:
        """The chat's messages, users' and the bot's, as they are now (edits applied)."""
        return copy.deepcopy(list(self._chat_state(chat_id).messages.values()))

    def message(self, chat_id: int, message_id: int) -> JsonObject:
        found = self._chat_state(chat_id).messages.get(message_id)
        if found is None:
            raise KeyError(f"no message {message_id} in chat {chat_id}")
        return copy.deepcopy(found)

    def file(self, file_id: str) -> bytes:
        """The content of a file the bot sent (a Document's file_id), as Telegram keeps it."""
        stored = self._state.files.get(file_id)
        if stored is None:
            raise KeyError(f"the bot has sent no file {file_id!r}")
        return stored.content

    def bot_messages(self, chat_id: int, *, after: int = 0) -> list[JsonObject]:
        """The bot's messages in the chat with a message_id above `after`, as they are now."""
        return [
            message
            for message in self.messages(chat_id)
            # Channel posts have no sender, only sender_chat.
            if message.get("from", {}).get("id") == self._state.bot["id"]
            and message["message_id"] > after
        ]

    # A timeout parameter rather than asyncio.timeout(): each wait names its own deadline, and
    # the error it raises can list the calls made meanwhile.
    async def wait_for(
        self,
        predicate: Callable[[Call], bool],
        since: int = 0,
        timeout: float = 10.0,  # noqa: ASYNC109
    ) -> Call:
        """The first call at index `since` or later for which `predicate` holds, once there is
        one; TimeoutError, listing the calls made, if none comes within `timeout` seconds."""
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            for call in self._state.calls[since:]:
                if predicate(call):
                    return call
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                raise TimeoutError(self._no_match_report(since, timeout))
            await self._state.pulse.wait(remaining)

    async def wait_fetched(
        self,
        update: Mapping[str, Any],
        timeout: float = 10.0,  # noqa: ASYNC109
    ) -> None:
        """Return once the bot has received `update`, through getUpdates or its webhook."""
        await self._wait_until(
            lambda: self._state.fetched_update_id >= update["update_id"],
            f"the bot did not fetch update {update['update_id']}",
            timeout,
        )

    async def wait_confirmed(
        self,
        update: Mapping[str, Any],
        timeout: float = 10.0,  # noqa: ASYNC109
    ) -> None:
        """Return once a getUpdates has confirmed `update` (its offset is above the update's
        id), as soon as that request arrives: Telegram will not send the update again."""
        await self._wait_until(
            lambda: self._state.confirmed_offset > update["update_id"],
            f"the bot did not confirm update {update['update_id']}",
            timeout,
        )

    async def _wait_until(
        self,
        condition: Callable[[], bool],
        failure: str,
        timeout: float,  # noqa: ASYNC109
    ) -> None:
        deadline = asyncio.get_running_loop().time() + timeout
        while not condition():
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                raise TimeoutError(f"{failure} within {timeout}s")
            await self._state.pulse.wait(remaining)

    def _no_match_report(self, since: int, timeout: float) -> str:
        calls = self._state.calls[since:]
        polls = sum(call.method == "getUpdates" for call in calls)
        lines = [
            f"  #{since + index} {call.summary()}"
            for index, call in enumerate(calls)
            if call.method != "getUpdates"
        ]
        listing = "\n".join(lines) or "  (none)"
        return (
            f"no matching call within {timeout}s; calls from #{since} on, "
            f"besides {polls} getUpdates:\n{listing}"
        )

    def _chat_state(self, chat_id: int) -> ChatState:
        known = self._state.chats.get(chat_id)
        if known is None:
            raise ValueError(f"unknown chat {chat_id}: make it with private_chat or group_chat")
        return known

    def _member(
        self, chat: Mapping[str, Any], user: Mapping[str, Any]
    ) -> tuple[ChatState, JsonObject]:
        """The chat and the user writing in it, who must belong to a private chat to write."""
        state = self._chat_state(chat["id"])
        sender = self._user(user)
        if state.owner_id not in (None, sender["id"]):
            raise ValueError(f"user {sender['id']} is not in the private chat {state.chat['id']}")
        if state.migrated_to is not None:
            raise ValueError(f"chat {state.chat['id']} is now the supergroup {state.migrated_to}")
        return state, sender

    def _group_state(self, group: Mapping[str, Any]) -> ChatState:
        state = self._chat_state(group["id"])
        if state.chat["type"] not in ("group", "supergroup"):
            raise ValueError(f"chat {group['id']} is not a group")
        return state

    def _file_ids(self) -> JsonObject:
        """A file's two ids, as Telegram gives each file it stores."""
        file_id, file_unique_id = self._state.new_file_ids("photo")
        return {"file_id": file_id, "file_unique_id": file_unique_id}

    def _user(self, user: Mapping[str, Any]) -> JsonObject:
        known = self._state.users.get(user["id"])
        if known is None:
            raise ValueError(f"unknown user {user['id']}: make it with user()")
        return known
