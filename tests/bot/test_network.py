"""The network failing under the real bot: a Bot API server that goes down and comes back, a
connection reset mid-call, a server that never answers; and update offsets across restarts.

What a user sees, decided here: updates written while the Bot API is unreachable are answered
once it is back, each exactly once. A reply cut on its way (reset, or the server going down
mid-call) is not retried by python-telegram-bot: the error handler gets its NetworkError, logs it
and apologises if it can; if the server is still down the apology fails too, and that message
goes unanswered. The bot never answers an update twice.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from telegram import Bot
from telegram.error import NetworkError
from telegram.ext import Updater
from telegram.request import HTTPXRequest

from bot.app import ALLOWED_UPDATES, build_application, polling, running
from bot.context import BotApplication
from bot.emulator import Call, Emulator
from index import Library
from tests.bot.chats import TOKEN, Chat, chat_with, one_more_poll, sent_to
from tests.bot.console import TOKEN as CLI_TOKEN
from tests.bot.console import start_bot, stop_bot


def fetched(emulator: Emulator, update_id: int) -> int:
    """How many times the bot received the update by getUpdates."""
    return sum(
        update["update_id"] == update_id
        for call in emulator.calls
        if call.method == "getUpdates" and call.ok
        for update in call.result
    )


def answered_everything_once(emulator: Emulator, chats: list[Chat], updates: list[int]) -> None:
    for update_id in updates:
        assert fetched(emulator, update_id) == 1, update_id
    for chat in chats:
        assert [call.status for call in sent_to(emulator, chat)] == [200]


def network_errors_handled(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    """What the bot's error handler logged of NetworkErrors (PTB's own polling logs aside)."""
    return [
        record
        for record in caplog.records
        if record.name.startswith("bot.")
        and record.exc_info is not None
        and isinstance(record.exc_info[1], NetworkError)
    ]


@pytest.fixture
async def serving(emulator: Emulator, library: Library) -> AsyncIterator[Emulator]:
    async with polling(build_application(TOKEN, emulator.base_url, library), poll_timeout=1):
        yield emulator


async def test_polling_recovers_when_the_server_is_back_and_answers_what_was_written_meanwhile(
    serving: Emulator,
) -> None:
    amina, ben = chat_with(serving, "Amina"), chat_with(serving, "Ben")
    await amina.send("/help")
    await serving.go_down()
    written = [serving.send_message(ben.chat, ben.user, "/help")["update_id"]]
    # The bot polls in vain meanwhile (refused), backing off by PTB's schedule.
    await asyncio.sleep(1.5)
    await serving.come_back()
    since = len(serving.calls)
    await serving.wait_for(lambda call: bool(sent_to(serving, ben)), since=since, timeout=30)
    await one_more_poll(serving)
    answered_everything_once(serving, [amina, ben], written)
    assert sent_to(serving, ben)[0].params["text"] == sent_to(serving, amina)[0].params["text"]


async def test_a_poll_cut_by_a_reset_is_made_again_and_loses_nothing(serving: Emulator) -> None:
    amina = chat_with(serving, "Amina")
    await one_more_poll(serving)
    serving.fail_next("getUpdates", reset=True)
    update = serving.send_message(amina.chat, amina.user, "/help")
    await serving.wait_for(lambda call: bool(sent_to(serving, amina)), timeout=30)
    await one_more_poll(serving)
    assert [call.status for call in serving.calls if call.method == "getUpdates"].count(0) == 1
    answered_everything_once(serving, [amina], [update["update_id"]])


async def test_a_reply_cut_by_a_reset_reaches_the_error_handler_and_the_user_gets_an_apology(
    serving: Emulator, caplog: pytest.LogCaptureFixture
) -> None:
    amina = chat_with(serving, "Amina")
    serving.fail_next("sendMessage", reset=True, chat_id=amina.id)
    update = serving.send_message(amina.chat, amina.user, "/help")
    await serving.wait_for(lambda call: call.method == "sendMessage" and call.ok, timeout=30)
    await one_more_poll(serving)
    cut, apology = sent_to(serving, amina)
    assert (cut.status, apology.status) == (0, 200)
    assert "/search" in cut.params["text"]
    assert apology.params["text"] != cut.params["text"]
    assert len(network_errors_handled(caplog)) == 1
    assert fetched(serving, update["update_id"]) == 1


async def test_a_reply_cut_as_the_server_goes_down_is_lost_once_and_nothing_is_answered_twice(
    serving: Emulator, caplog: pytest.LogCaptureFixture
) -> None:
    amina = chat_with(serving, "Amina")
    serving.fail_next("sendMessage", hang=3600, chat_id=amina.id)
    since = len(serving.arrivals)
    lost = serving.send_message(amina.chat, amina.user, "/help")
    await serving.wait_arrived("sendMessage", since=since)
    await serving.go_down()  # the reply's connection is cut; the apology finds no server
    await asyncio.sleep(1.5)
    serving.clear_faults()
    await serving.come_back()
    since = len(serving.calls)
    later = serving.send_message(amina.chat, amina.user, "/help")
    await serving.wait_for(lambda call: call.method == "sendMessage", since=since, timeout=30)
    await one_more_poll(serving)
    assert [call.status for call in sent_to(serving, amina)] == [200]
    assert len(network_errors_handled(caplog)) == 1
    assert (fetched(serving, lost["update_id"]), fetched(serving, later["update_id"])) == (1, 1)


@asynccontextmanager
async def polling_impatiently(
    application: BotApplication, emulator: Emulator, patience: float
) -> AsyncIterator[None]:
    """Long polling (1 s) by PTB's own Updater whose HTTP client waits only `patience` seconds
    more than the poll for an answer, where the bot's default is 5: a hanging server is met
    without the test waiting as long."""
    request = HTTPXRequest(read_timeout=patience)
    bot = Bot(TOKEN, base_url=emulator.base_url, get_updates_request=request)
    updater = Updater(bot, application.update_queue)
    async with running(application), updater:
        await updater.start_polling(timeout=1, allowed_updates=list(ALLOWED_UPDATES))
        try:
            yield
        finally:
            await updater.stop()


async def test_a_poll_the_server_never_answers_times_out_and_polling_goes_on(
    emulator: Emulator, library: Library
) -> None:
    amina = chat_with(emulator, "Amina")
    application = build_application(TOKEN, emulator.base_url, library)
    async with polling_impatiently(application, emulator, patience=0.5):
        await one_more_poll(emulator)
        emulator.fail_next("getUpdates", hang=3600, times=2)
        since = len(emulator.arrivals)
        await emulator.wait_arrived("getUpdates", since=since)
        update = emulator.send_message(amina.chat, amina.user, "/help")
        await emulator.wait_for(lambda call: bool(sent_to(emulator, amina)), timeout=30)
        await one_more_poll(emulator)
    # Two polls hung and were given up (never answered); the next got the update.
    answered = [call for call in emulator.calls if call.method == "getUpdates"]
    assert emulator.arrivals.count("getUpdates") - len(answered) == 2
    answered_everything_once(emulator, [amina], [update["update_id"]])


def polled_offsets(calls: list[Call] | tuple[Call, ...]) -> list[int]:
    return [call.params.get("offset", 0) for call in calls if call.method == "getUpdates"]


async def test_a_killed_bot_gets_no_confirmed_update_again_and_loses_none_pending(
    tmp_path: Path,
) -> None:
    env = {
        "PATH": "/usr/bin:/bin",
        "REPORTBOT_INDEX_DIR": str(tmp_path / "index"),
        "REPORTBOT_DATA_DIR": str(tmp_path / "data"),
        "REPORTBOT_TOKEN": CLI_TOKEN,
    }
    async with Emulator(token=CLI_TOKEN, bot_username="reportbot_live_bot") as emulator:
        env["REPORTBOT_API_BASE_URL"] = emulator.base_url
        user = emulator.user(first_name="Mariam", language_code="en")
        chat = Chat(emulator, emulator.private_chat(user), user)
        first = await start_bot(env)
        try:
            handled = emulator.send_message(chat.chat, user, "/help")
            await emulator.wait_for(lambda call: call.method == "sendMessage", timeout=30)
            # Confirmed: a later poll's offset is past it.
            await emulator.wait_confirmed(handled, timeout=30)
            # The server goes away; what is written now waits for the bot, which is killed.
            await emulator.go_down()
            pending = emulator.send_message(chat.chat, user, "/reports")
        finally:
            first.kill()
            await asyncio.wait_for(first.communicate(), 30)
        await emulator.come_back()

        since = len(emulator.calls)
        second = await start_bot(env)
        try:
            await emulator.wait_for(
                lambda call: call.method == "sendMessage", since=since, timeout=30
            )
            await emulator.wait_confirmed(pending, timeout=30)
        finally:
            code, _ = await stop_bot(second)
        assert code == 0
        assert fetched(emulator, handled["update_id"]) == 1
        assert fetched(emulator, pending["update_id"]) == 1
        replies = [call for call in emulator.calls if call.method == "sendMessage"]
        assert [call.status for call in replies] == [200, 200]
        assert "A/HRC/58/19" in replies[1].params["text"]
