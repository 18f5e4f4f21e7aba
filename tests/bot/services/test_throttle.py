"""Throttling of searches: the limiter on its own, then the real bot through the emulator, where a
person searching too fast is asked politely to slow down and nobody else waits for them."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest

from bot.app import build_application, polling
from bot.emulator import Emulator
from bot.services.throttle import SearchLimits, SearchThrottle, Throttle, admit
from bot.webhook import SECRET_HEADER, webhook
from index import Library
from tests.bot.chats import TOKEN, Chat, rejected_calls
from tests.bot.clock import Clock
from tests.bot.loopback import free_port

SLOW_DOWN = "You're searching quickly: please wait 30 seconds and try again."

# The limiter


def test_a_burst_of_count_then_one_per_window_share(clock: Clock) -> None:
    throttle = Throttle(3, window=60, clock=clock)
    assert [admit((throttle, "amina")).allowed for _ in range(4)] == [True, True, True, False]
    clock.advance(19)
    assert not admit((throttle, "amina")).allowed
    clock.advance(1)
    assert admit((throttle, "amina")).allowed
    assert not admit((throttle, "amina")).allowed


def test_a_refusal_says_how_long_to_wait_in_whole_seconds(clock: Clock) -> None:
    throttle = Throttle(2, window=60, clock=clock)
    admit((throttle, "amina"))
    admit((throttle, "amina"))
    assert admit((throttle, "amina")).wait == 30
    clock.advance(29.5)
    assert admit((throttle, "amina")).wait == 1


def test_a_refusal_is_to_be_explained_once_a_window(clock: Clock) -> None:
    throttle = Throttle(1, window=60, clock=clock)
    admit((throttle, "amina"))
    assert [admit((throttle, "amina")).warn for _ in range(3)] == [True, False, False]
    clock.advance(59)
    assert not admit((throttle, "amina")).warn
    clock.advance(1)
    assert admit((throttle, "amina")).allowed
    assert admit((throttle, "amina")).warn


def test_keys_have_their_own_buckets(clock: Clock) -> None:
    throttle = Throttle(1, clock=clock)
    assert admit((throttle, "amina")).allowed
    assert not admit((throttle, "amina")).allowed
    assert admit((throttle, "ben")).allowed


def test_a_refused_request_spends_nothing_from_the_other_buckets(clock: Clock) -> None:
    users, groups = Throttle(1, clock=clock), Throttle(2, clock=clock)
    assert admit((users, "amina"), (groups, "group")).allowed
    for _ in range(5):
        assert not admit((users, "amina"), (groups, "group")).allowed
    assert admit((users, "ben"), (groups, "group")).allowed
    assert not admit((users, "carla"), (groups, "group")).allowed


def test_a_count_of_zero_is_no_limit_and_keeps_nothing(clock: Clock) -> None:
    throttle = Throttle(0, clock=clock)
    assert all(admit((throttle, n)).allowed for n in range(1000))
    assert len(throttle) == 0


def test_memory_is_bounded_idle_keys_go_and_the_least_recent_past_the_bound(clock: Clock) -> None:
    throttle = Throttle(5, window=60, clock=clock, max_keys=100)
    for n in range(1000):
        admit((throttle, n))
    assert len(throttle) == 100
    clock.advance(60)
    admit((throttle, "latest"))
    assert len(throttle) == 1


def test_search_limits_hold_people_and_groups_and_count_refusals(clock: Clock) -> None:
    throttle = SearchThrottle(SearchLimits(per_user=1, per_group=5, inline_per_user=1), clock)
    assert throttle.search(1, 1, group=False).allowed
    assert not throttle.search(1, 1, group=False).allowed
    # In a group the person's own limit still holds, and the group's too.
    assert not throttle.search(1, -100, group=True).allowed
    assert throttle.inline(1).allowed
    assert not throttle.inline(1).allowed
    assert throttle.refused == 3


# Through the emulator


@pytest.fixture
async def limited(emulator: Emulator, library: Library, clock: Clock) -> AsyncIterator[Emulator]:
    """The bot allowing each person 2 searches a minute, each group 3, and 2 inline queries."""
    limits = SearchLimits(per_user=2, per_group=3, inline_per_user=2)
    application = build_application(TOKEN, emulator.base_url, library, limits=limits, clock=clock)
    async with polling(application, poll_timeout=1):
        yield emulator
    assert rejected_calls(emulator) == []


def person(emulator: Emulator, name: str, chat: dict[str, Any] | None = None) -> Chat:
    user = emulator.user(first_name=name, language_code="en")
    return Chat(emulator, chat or emulator.private_chat(user), user)


def buttons(message: dict[str, Any]) -> list[dict[str, Any]]:
    return [button for row in message["reply_markup"]["inline_keyboard"] for button in row]


async def said(chat: Chat, texts: list[str]) -> list[str]:
    """Send each text, then /help, and return all the bot said in the chat meanwhile except the
    help: a chat's updates are handled in order, so once /help is answered, the rest have been."""
    emulator = chat.emulator
    before, since = len(emulator.bot_messages(chat.id)), len(emulator.calls)
    for text in [*texts, "/help"]:
        emulator.send_message(chat.chat, chat.user, text)
    await emulator.wait_for(
        lambda call: (
            call.method == "sendMessage"
            and call.params["chat_id"] == chat.id
            and "/cite" in call.params["text"]
        ),  # the help, which names every command
        since=since,
    )
    return [message["text"] for message in emulator.bot_messages(chat.id)[before:-1]]


async def test_a_person_searching_too_fast_is_asked_once_to_slow_down(
    limited: Emulator, clock: Clock
) -> None:
    amina = person(limited, "Amina")
    replies = await said(amina, ["/search trafficking"] * 5 + ["trafficking"])
    assert [r.startswith("🔎") for r in replies] == [True, True, False]
    assert replies[2] == SLOW_DOWN
    clock.advance(30)
    (served,) = await said(amina, ["/search trafficking"])
    assert served.startswith("🔎")


async def test_the_slow_down_is_in_the_persons_language(limited: Emulator) -> None:
    user = limited.user(first_name="Élise", language_code="fr")
    elise = Chat(limited, limited.private_chat(user), user)
    replies = await said(elise, ["/search traite"] * 3)
    assert replies[-1] == "Vous cherchez vite : attendez 30 secondes, puis réessayez."


async def test_one_person_flooding_a_group_starves_nobody(limited: Emulator) -> None:
    group = limited.group_chat(title="Advocates")
    flooder, colleague = person(limited, "Lev", group), person(limited, "Mira", group)
    elsewhere = person(limited, "Noor")
    replies = await said(flooder, ["/search trafficking"] * 6)
    assert [r.startswith("🔎") for r in replies] == [True, True, False]
    # Lev's refused searches spent none of the group's three.
    (served,) = await said(colleague, ["/search children"])
    assert served.startswith("🔎")
    (served,) = await said(elsewhere, ["/search children"])
    assert served.startswith("🔎")


async def test_a_group_searching_too_fast_together_is_told_once(limited: Emulator) -> None:
    group = limited.group_chat(title="Advocates")
    people = [person(limited, name, group) for name in ("Lev", "Mira", "Omar", "Pia")]
    replies = await said(people[0], ["/search trafficking"])
    replies += await said(people[1], ["/search trafficking"])
    replies += await said(people[2], ["/search trafficking", "/search children"])
    replies += await said(people[3], ["/search children"] * 3)
    assert [r.startswith("🔎") for r in replies] == [True, True, True, False]
    assert replies[-1].startswith("You're searching quickly: please wait 20 seconds")


async def test_result_pages_pressed_too_fast_get_a_notice_not_a_message(limited: Emulator) -> None:
    amina = person(limited, "Amina")
    (results,) = await amina.send("/search trafficking")
    opened = next(b for b in buttons(results) if b["text"] == "para. 4")
    calls = await amina.press(results, opened["callback_data"])
    (edit,) = [c for c in calls if c.method == "editMessageText"]
    shown = edit.result
    back = next(b for b in buttons(shown) if b["text"] == "↩ Results")
    calls = await amina.press(shown, back["callback_data"])
    assert [c.method for c in calls if c.method != "getUpdates"] == [
        "editMessageText",
        "answerCallbackQuery",
    ]
    calls = await amina.press(limited.message(amina.id, shown["message_id"]), back["callback_data"])
    (answer,) = [c for c in calls if c.method == "answerCallbackQuery"]
    assert answer.params["text"] == SLOW_DOWN
    assert not any(c.method in ("editMessageText", "sendMessage") for c in calls)


async def test_inline_queries_too_fast_get_no_results_and_a_button_saying_why(
    limited: Emulator,
) -> None:
    user = limited.user(first_name="Ines", language_code="en")
    answers = []
    for _ in range(3):
        since = len(limited.calls)
        limited.inline_query(user, "trafficking")
        call = await limited.wait_for(lambda c: c.method == "answerInlineQuery", since=since)
        answers.append(call.params)
    assert all(answer["results"] for answer in answers[:2])
    assert answers[2]["results"] == []
    assert answers[2]["button"]["text"] == "Searching too fast: try again in 30 s"
    # Telegram may show the same answer again, but not after the wait is over.
    assert answers[2]["cache_time"] == 30
    # Before anything is typed nothing is searched: the opening results are still offered.
    since = len(limited.calls)
    limited.inline_query(user, "")
    call = await limited.wait_for(lambda c: c.method == "answerInlineQuery", since=since)
    assert call.params["results"]


# Anonymous administrators: Telegram shows every group's as one user, GroupAnonymousBot.
ANONYMOUS = {
    "id": 1087968824,
    "is_bot": True,
    "first_name": "Group",
    "username": "GroupAnonymousBot",
}
SECRET = "webhook-secret_0123456789"


async def test_anonymous_administrators_of_different_groups_do_not_share_a_limit(
    emulator: Emulator, library: Library, clock: Clock
) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/hook"
    groups = [emulator.group_chat(title=title) for title in ("North", "South")]
    application = build_application(
        TOKEN, emulator.base_url, library, limits=SearchLimits(per_user=1), clock=clock
    )
    async with (
        webhook(application, library, url=url, secret=SECRET, listen="127.0.0.1", port=port),
        aiohttp.ClientSession() as http,
    ):
        for update_id, group in enumerate(groups, 1):
            text = "/search trafficking"
            message = {
                "message_id": 1,
                "date": 1_700_000_000,
                "chat": group,
                "from": ANONYMOUS,
                "sender_chat": group,
                "text": text,
                "entities": [{"type": "bot_command", "offset": 0, "length": 7}],
            }
            headers = {SECRET_HEADER: SECRET}
            update = {"update_id": update_id, "message": message}
            async with http.post(url, json=update, headers=headers) as response:
                assert response.status == 200
        await emulator.wait_for(
            lambda _: all(emulator.bot_messages(group["id"]) for group in groups)
        )
    for group in groups:
        (reply,) = emulator.bot_messages(group["id"])
        assert reply["text"].startswith("🔎")
    assert rejected_calls(emulator) == []
