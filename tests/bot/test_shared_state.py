"""Two bot processes serving one bot share what is short-lived through Redis: a result page
remembered by one is turned by the other, and an update delivered to both is answered once.

The two applications run in one test process, each with its own Redis client, as two workers
behind a load balancer would: each update is handed to the one the test chooses."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from telegram import Update

from bot.app import build_application
from bot.context import BotApplication
from bot.emulator import Emulator
from index import Library
from tests.bot.chats import TOKEN
from tests.bot.reading import buttons
from tests.services import REDIS, redis_prefix


@pytest.fixture
async def workers(
    emulator: Emulator, library: Library
) -> AsyncIterator[tuple[BotApplication, BotApplication]]:
    with redis_prefix() as prefix:
        one, other = (
            build_application(
                TOKEN, emulator.base_url, library, redis_url=REDIS, redis_prefix=prefix
            )
            for _ in range(2)
        )
        async with one, other:
            yield one, other
            for worker in (one, other):
                await worker.bot_data.services.searches.close()


async def handle(worker: BotApplication, update: dict[str, Any]) -> None:
    await worker.process_update(Update.de_json(update, worker.bot))


async def test_a_result_page_remembered_by_one_worker_is_found_by_the_other(
    emulator: Emulator, workers: tuple[BotApplication, BotApplication]
) -> None:
    one, other = workers
    user = emulator.user(first_name="Amina", language_code="en")
    chat = emulator.private_chat(user)
    await handle(one, emulator.send_message(chat, user, "/search trafficking"))
    (results,) = emulator.bot_messages(chat["id"])
    await handle(other, emulator.press_button(results, buttons(results)[0]["callback_data"], user))
    opened = emulator.message(chat["id"], results["message_id"])
    back = next(button for button in buttons(opened) if button["text"] == "↩ Results")
    # The search was remembered by the first worker; the second shows its results again.
    await handle(other, emulator.press_button(opened, back["callback_data"], user))
    shown = emulator.message(chat["id"], results["message_id"])
    assert shown["text"] == results["text"]
    assert "expired" not in shown["text"]


async def test_an_update_delivered_to_both_workers_is_answered_once(
    emulator: Emulator, workers: tuple[BotApplication, BotApplication]
) -> None:
    one, other = workers
    user = emulator.user(first_name="Amina", language_code="en")
    chat = emulator.private_chat(user)
    update = emulator.send_message(chat, user, "/para 3")
    await handle(one, update)
    await handle(other, update)
    assert len(emulator.bot_messages(chat["id"])) == 1
