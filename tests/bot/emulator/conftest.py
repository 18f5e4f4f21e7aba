"""The emulator's fixtures: the emulator, a raw client of it, python-telegram-bot's client of it,
a user, a chat and a webhook."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from telegram import Bot

from bot.emulator import Emulator
from tests.bot.emulator.clients import TOKEN, Api, Receiver


@pytest.fixture
async def emu() -> AsyncIterator[Emulator]:
    async with Emulator(token=TOKEN, bot_username="reportbot_sandbox_bot") as running:
        yield running


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as client:
        yield client


@pytest.fixture
def api(emu: Emulator, session: aiohttp.ClientSession) -> Api:
    return Api(session, emu.base_url + TOKEN)


@pytest.fixture
async def ptb(emu: Emulator) -> AsyncIterator[Bot]:
    """python-telegram-bot's Bot, talking to the emulator over HTTP."""
    async with Bot(TOKEN, base_url=emu.base_url) as running:
        yield running


@pytest.fixture
def user(emu: Emulator) -> dict[str, Any]:
    return emu.user(first_name="Ana", language_code="en")


@pytest.fixture
def chat(emu: Emulator, user: dict[str, Any]) -> dict[str, Any]:
    return emu.private_chat(user)


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    receiving = Receiver()
    receiving.gate.set()
    app = web.Application()
    app.router.add_post("/hook", receiving.handle)
    runner = web.AppRunner(app, shutdown_timeout=0.1)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    receiving.url = f"http://127.0.0.1:{runner.addresses[0][1]}/hook"
    yield receiving
    receiving.gate.set()
    await runner.cleanup()
