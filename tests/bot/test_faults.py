"""Telegram's failure modes, met by the real bot through the emulator: flood control (429), a
user who blocked the bot (403), the Bot API faltering (5xx) while the bot polls, and the 400s a
bot meets in normal operation (an edit that changes nothing, a message gone, a query too old)."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from typing import Any

import pytest

from bot.app import build_application, polling
from bot.emulator import Emulator
from config.settings import Settings
from index import Library
from tests.bot.chats import TOKEN, chat_with, one_more_poll, sent_to

# The failures these tests inject; any other refusal is the bot's own mistake.
INJECTED = {400, 403, 429, 500, 502}
NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are "
    "exactly the same as a current content and reply markup of the message"
)
TOO_OLD = "Bad Request: query is too old and response timeout expired or query ID is invalid"


@pytest.fixture
async def faulty_bot(emulator: Emulator, library: Library) -> AsyncIterator[Emulator]:
    """The bot serving the emulator; afterwards, only injected failures may have happened."""
    async with polling(build_application(TOKEN, emulator.base_url, library), poll_timeout=1):
        yield emulator
    rejected = [(c.method, c.response) for c in emulator.calls if not c.ok]
    assert [r for r in rejected if r[1]["error_code"] not in INJECTED] == []


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


def buttons(message: dict[str, Any]) -> dict[str, str]:
    """The message's buttons: their label and their callback data."""
    rows = message["reply_markup"]["inline_keyboard"]
    return {button["text"]: button.get("callback_data", "") for row in rows for button in row}


def no_trouble(caplog: pytest.LogCaptureFixture) -> bool:
    return not [record for record in caplog.records if record.levelno >= logging.WARNING]


async def test_an_edit_that_changes_nothing_is_left_at_that(
    faulty_bot: Emulator, caplog: pytest.LogCaptureFixture
) -> None:
    amina = chat_with(faulty_bot, "Amina")
    (shown,) = await amina.send("/para 3")
    # Telegram's own check, e.g. when the same button was pressed twice in quick succession.
    faulty_bot.fail_next("editMessageText", 400, description=NOT_MODIFIED)
    calls = await amina.press(shown, buttons(shown)["para. 4 ▶"])
    await one_more_poll(faulty_bot)
    assert [(c.method, c.status) for c in calls if c.method != "getUpdates"] == [
        ("editMessageText", 400),
        ("answerCallbackQuery", 200),
    ]
    assert len(sent_to(faulty_bot, amina)) == 1
    assert no_trouble(caplog)


async def test_a_message_gone_before_its_edit_is_sent_anew(
    faulty_bot: Emulator, caplog: pytest.LogCaptureFixture
) -> None:
    amina = chat_with(faulty_bot, "Amina")
    (shown,) = await amina.send("/para 3")
    faulty_bot.fail_next(
        "editMessageText", 400, description="Bad Request: message to edit not found"
    )
    await amina.press(shown, buttons(shown)["para. 4 ▶"], replies=1)
    assert faulty_bot.bot_messages(amina.id)[-1]["text"].startswith("A/HRC/58/19, para. 4")
    assert no_trouble(caplog)


async def test_a_button_answered_too_late_is_no_error(
    faulty_bot: Emulator, caplog: pytest.LogCaptureFixture
) -> None:
    amina = chat_with(faulty_bot, "Amina")
    (shown,) = await amina.send("/para 3")
    faulty_bot.fail_next("answerCallbackQuery", 400, description=TOO_OLD)
    await amina.press(shown, buttons(shown)["para. 4 ▶"])
    # The paragraph was shown all the same, and nobody was told something went wrong.
    (reply,) = await amina.send("/para 1")
    assert reply["text"].startswith("A/HRC/58/19, para. 1")
    assert faulty_bot.message(amina.id, shown["message_id"])["text"].startswith(
        "A/HRC/58/19, para. 4"
    )
    assert len(sent_to(faulty_bot, amina)) == 2
    assert no_trouble(caplog)


async def test_an_inline_query_answered_too_late_is_no_error(
    faulty_bot: Emulator, caplog: pytest.LogCaptureFixture
) -> None:
    amina = chat_with(faulty_bot, "Amina")
    faulty_bot.fail_next("answerInlineQuery", 400, description=TOO_OLD)
    since = len(faulty_bot.calls)
    faulty_bot.inline_query(amina.user, "trafficking")
    await faulty_bot.wait_for(lambda call: call.method == "answerInlineQuery", since=since)
    await amina.send("/help")
    assert no_trouble(caplog)


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
