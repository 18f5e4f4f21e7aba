"""Telegram's failure modes, met by the real bot through the emulator: flood control (429), a
user who blocked the bot (403) and the Bot API faltering (5xx) while the bot polls."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

import pytest

from bot.app import build_application, polling
from bot.emulator import Call, Emulator
from config.settings import Settings
from index.library import Library
from tests.bot.conftest import TOKEN, Chat

# The failures these tests inject; any other refusal is the bot's own mistake.
INJECTED = {403, 429, 500, 502}


@pytest.fixture
async def faulty_bot(emulator: Emulator, library: Library) -> AsyncIterator[Emulator]:
    """The bot serving the emulator; afterwards, only injected failures may have happened."""
    async with polling(build_application(TOKEN, emulator.base_url, library), poll_timeout=1):
        yield emulator
    rejected = [(c.method, c.response) for c in emulator.calls if not c.ok]
    assert [r for r in rejected if r[1]["error_code"] not in INJECTED] == []


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


async def test_a_429_is_waited_out_and_the_reply_delivered_once(faulty_bot: Emulator) -> None:
    amina = chat_with(faulty_bot, "Amina")
    faulty_bot.fail_next("sendMessage", retry_after=1, chat_id=amina.id)
    faulty_bot.send_message(amina.chat, amina.user, "/help")
    delivered = await faulty_bot.wait_for(lambda call: call.method == "sendMessage" and call.ok)
    await one_more_poll(faulty_bot)
    calls = sent_to(faulty_bot, amina)
    assert [call.status for call in calls] == [429, 200]
    assert calls[0].params["text"] == calls[1].params["text"]
    assert faulty_bot.bot_messages(amina.id) == [delivered.result]


async def test_a_user_who_blocked_the_bot_costs_no_retries_and_no_other_chat(
    faulty_bot: Emulator, caplog: pytest.LogCaptureFixture
) -> None:
    blocked, other = chat_with(faulty_bot, "Amina"), chat_with(faulty_bot, "Ben")
    # A blocked user stays blocked: every message to that chat is refused.
    faulty_bot.fail_next("sendMessage", 403, chat_id=blocked.id, times=None)
    secret = "/search trafficking in children near my street"
    since = len(faulty_bot.calls)
    faulty_bot.send_message(blocked.chat, blocked.user, secret)
    await faulty_bot.wait_for(lambda call: call.status == 403, since=since)

    (reply,) = await other.send("/help")
    assert "/search" in reply["text"]
    await one_more_poll(faulty_bot)
    refused = sent_to(faulty_bot, blocked)
    assert {call.status for call in refused} == {403}
    # No retry storm: the reply, and at most the error handler's apology, each tried once.
    assert len(refused) <= 2
    logged = "\n".join(
        record.getMessage() + (str(record.exc_info[1]) if record.exc_info else "")
        for record in caplog.records
        if record.levelno >= logging.WARNING
    )
    assert "Forbidden: bot was blocked by the user" in logged
    assert "trafficking" not in logged
    assert str(blocked.id) not in logged


async def test_a_user_who_blocked_the_bot_is_tried_once_and_logged_once(
    faulty_bot: Emulator, caplog: pytest.LogCaptureFixture
) -> None:
    blocked = chat_with(faulty_bot, "Amina")
    faulty_bot.fail_next("sendMessage", 403, chat_id=blocked.id, times=None)
    since = len(faulty_bot.calls)
    faulty_bot.send_message(blocked.chat, blocked.user, "/help")
    await faulty_bot.wait_for(lambda call: call.status == 403, since=since)
    await one_more_poll(faulty_bot)
    assert len(sent_to(faulty_bot, blocked)) == 1
    assert len([r for r in caplog.records if r.levelno >= logging.WARNING]) == 1


async def test_polling_survives_server_errors_and_handles_the_update_once(
    emulator: Emulator, library: Library
) -> None:
    amina = chat_with(emulator, "Amina")
    emulator.fail_next("getUpdates", 500)
    emulator.fail_next("getUpdates", 502)
    # Written while the Bot API is failing: it must reach the bot once the API is back.
    update = emulator.send_message(amina.chat, amina.user, "/help")
    async with polling(build_application(TOKEN, emulator.base_url, library), poll_timeout=1):
        await emulator.wait_for(lambda call: bool(sent_to(emulator, amina)))
        await one_more_poll(emulator)
    polls = [call for call in emulator.calls if call.method == "getUpdates"]
    assert [call.status for call in polls[:2]] == [500, 502]
    delivered = [
        call
        for call in polls
        if any(u["update_id"] == update["update_id"] for u in call.result or [])
    ]
    assert len(delivered) == 1
    assert [call.status for call in sent_to(emulator, amina)] == [200]


def test_the_rate_limiter_is_on_unless_the_settings_turn_it_off(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = "http://127.0.0.1:9/bot"
    assert build_application(TOKEN, url, library).bot.rate_limiter is not None
    unlimited = build_application(TOKEN, url, library, rate_limit=False)
    assert unlimited.bot.rate_limiter is None
    monkeypatch.delenv("REPORTBOT_RATE_LIMIT", raising=False)
    assert Settings(_env_file=None).rate_limit is True
    monkeypatch.setenv("REPORTBOT_RATE_LIMIT", "false")
    assert Settings(_env_file=None).rate_limit is False
