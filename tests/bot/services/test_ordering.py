"""Updates of different chats side by side, each chat's in order: the processor, then the bot."""

from __future__ import annotations

import asyncio
import datetime as dt
import threading
import warnings
from collections.abc import Iterator
from typing import Any

import pytest
from telegram import Chat as TelegramChat
from telegram import InlineQuery, Message, Update, User

from bot.emulator import Emulator
from bot.services.ordering import ChatOrder, order_key
from index import Library, SearchResult
from tests.bot.chats import chat_with, sent_to

NOW = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)


def message(update_id: int, chat_id: int) -> Update:
    chat = TelegramChat(chat_id, TelegramChat.PRIVATE if chat_id > 0 else TelegramChat.GROUP)
    return Update(update_id, message=Message(update_id, NOW, chat, text="x"))


def inline_query(update_id: int, user_id: int) -> Update:
    user = User(user_id, "Ines", is_bot=False)
    return Update(update_id, inline_query=InlineQuery(str(update_id), user, "x", ""))


class Journal:
    """What the handlers did, in the order they did it."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.now = 0
        self.most = 0

    async def handle(self, name: str, seconds: float = 0.01) -> None:
        self.lines.append(f"start {name}")
        self.now += 1
        self.most = max(self.most, self.now)
        await asyncio.sleep(seconds)
        self.now -= 1
        self.lines.append(f"end {name}")


async def processed(order: ChatOrder, work: list[tuple[Update, Any]]) -> None:
    """The updates taken in as PTB takes them: a task each, in the order they came."""
    async with order:
        await asyncio.gather(
            *(asyncio.create_task(order.process_update(update, job)) for update, job in work)
        )


def test_an_update_waits_behind_its_chat_or_else_its_sender() -> None:
    assert order_key(message(1, -100123)) == -100123
    # An inline query has no chat: its sender's, whose private chat has the same id.
    assert order_key(inline_query(2, 42)) == order_key(message(3, 42)) == 42
    assert order_key(Update(4)) is None
    assert order_key("not an update") is None


async def test_a_chats_updates_are_handled_one_after_another_in_order() -> None:
    journal = Journal()
    order = ChatOrder()
    await processed(
        order,
        [
            (message(1, 7), journal.handle("first", 0.05)),
            (message(2, 7), journal.handle("second", 0.0)),
            (message(3, 7), journal.handle("third", 0.02)),
        ],
    )
    assert journal.lines == [
        "start first",
        "end first",
        "start second",
        "end second",
        "start third",
        "end third",
    ]
    # Nothing is kept of a chat none of whose updates is waiting.
    assert order.chats_waiting == 0


async def test_different_chats_are_handled_side_by_side() -> None:
    journal = Journal()
    await processed(
        ChatOrder(),
        [
            (message(1, 7), journal.handle("slow in 7", 0.1)),
            (message(2, 8), journal.handle("quick in 8", 0.0)),
            (inline_query(3, 9), journal.handle("inline by 9", 0.0)),
        ],
    )
    assert journal.lines.index("end quick in 8") < journal.lines.index("end slow in 7")
    assert journal.lines.index("end inline by 9") < journal.lines.index("end slow in 7")


async def test_no_more_than_running_updates_are_handled_at_once() -> None:
    journal = Journal()
    await processed(
        ChatOrder(running=3),
        [(message(n, n), journal.handle(f"chat {n}", 0.02)) for n in range(1, 11)],
    )
    assert journal.most == 3
    assert len(journal.lines) == 20


async def test_a_chat_waiting_its_turn_leaves_room_to_other_chats() -> None:
    """A chat's waiting updates do not take the places of other chats' updates."""
    journal = Journal()
    busy = [(message(n, 7), journal.handle(f"7/{n}", 0.05)) for n in range(1, 6)]
    await processed(ChatOrder(running=2), [*busy, (message(6, 8), journal.handle("8", 0.0))])
    assert journal.lines.index("end 8") < journal.lines.index("end 7/2")


async def test_an_update_cancelled_before_its_turn_is_not_left_unawaited() -> None:
    journal = Journal()
    order = ChatOrder()
    async with order:
        first = asyncio.create_task(order.process_update(message(1, 7), journal.handle("1", 0.1)))
        second = asyncio.create_task(order.process_update(message(2, 7), journal.handle("2")))
        await asyncio.sleep(0.01)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            second.cancel()
            await first
            with pytest.raises(asyncio.CancelledError):
                await second
    assert journal.lines == ["start 1", "end 1"]
    assert order.chats_waiting == 0


def test_running_must_be_positive_and_within_what_is_taken_in() -> None:
    with pytest.raises(ValueError, match="running"):
        ChatOrder(running=0)
    with pytest.raises(ValueError, match="running"):
        ChatOrder(running=10, in_flight=5)


# The bot, through the emulator: a search held in one chat.

HELD = "held"


class Gate:
    """Holds every search for HELD until opened (the library's search runs in a thread)."""

    def __init__(self, library: Library) -> None:
        self._search = library.search
        self.opened = threading.Event()

    def search(self, query: str, **options: Any) -> SearchResult:
        if HELD in query:
            assert self.opened.wait(10), "the test never opened the gate"
            query = query.replace(HELD, "")
        return self._search(query, **options)


@pytest.fixture
def gate(library: Library, monkeypatch: pytest.MonkeyPatch) -> Iterator[Gate]:
    held = Gate(library)
    monkeypatch.setattr(library, "search", held.search)
    yield held
    held.opened.set()


async def test_a_slow_search_in_one_chat_does_not_hold_up_another_chats_reply(
    bot: Emulator, gate: Gate
) -> None:
    slow, quick = chat_with(bot, "Amina"), chat_with(bot, "Lev")
    bot.send_message(slow.chat, slow.user, f"/search {HELD} trafficking")
    (reply,) = await quick.send("/search trafficking")
    assert "A/HRC/58/19, para. 3" in reply["text"]
    assert sent_to(bot, slow) == []
    gate.opened.set()
    since = len(bot.calls)
    await bot.wait_for(lambda _: len(sent_to(bot, slow)) == 1, since=since)
    assert "A/HRC/58/19, para. 3" in sent_to(bot, slow)[0].params["text"]


async def test_two_messages_in_one_chat_are_answered_in_order(bot: Emulator, gate: Gate) -> None:
    first, other = chat_with(bot, "Amina"), chat_with(bot, "Lev")
    bot.send_message(first.chat, first.user, f"/search {HELD} trafficking")
    bot.send_message(first.chat, first.user, "/reports")
    # Another chat's answer: by then the bot has taken in both messages of the first chat.
    await other.send("/reports")
    assert sent_to(bot, first) == []
    gate.opened.set()
    since = len(bot.calls)
    await bot.wait_for(lambda _: len(sent_to(bot, first)) == 2, since=since)
    search, reports = (call.params["text"] for call in sent_to(bot, first))
    assert "para. 3" in search
    assert "A/HRC/58/19" in reports
    assert "para. 3" not in reports
