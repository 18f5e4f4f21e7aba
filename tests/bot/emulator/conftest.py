"""A running emulator, a raw HTTP client that encodes parameters the way PTB does, and a webhook
that records what the emulator POSTs to it."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any

import aiohttp
import pytest
from aiohttp import web

from bot.emulator import Emulator

TOKEN = "123456:TEST-token"


@dataclass
class Api:
    """Bot API calls over HTTP: non-string values JSON-encoded in a form, as PTB sends them."""

    session: aiohttp.ClientSession
    url: str

    async def call(self, method: str, **params: Any) -> tuple[int, dict[str, Any]]:
        form = {k: v if isinstance(v, str) else json.dumps(v) for k, v in params.items()}
        async with self.session.post(f"{self.url}/{method}", data=form) as response:
            body: dict[str, Any] = await response.json()
            return response.status, body

    async def ok(self, method: str, **params: Any) -> Any:
        status, body = await self.call(method, **params)
        assert (status, body["ok"]) == (200, True), body
        return body["result"]

    async def error(self, method: str, **params: Any) -> tuple[int, str]:
        """Telegram's refusal: (error_code, description), checking it matches the HTTP status."""
        status, body = await self.call(method, **params)
        assert body["ok"] is False, body
        assert body["error_code"] == status
        description: str = body["description"]
        return status, description


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
def user(emu: Emulator) -> dict[str, Any]:
    return emu.user(first_name="Ana", language_code="en")


@pytest.fixture
def chat(emu: Emulator, user: dict[str, Any]) -> dict[str, Any]:
    return emu.private_chat(user)


@dataclass
class Received:
    at: float
    headers: dict[str, str]
    update: dict[str, Any]


@dataclass
class Receiver:
    """A webhook on loopback: records every POST, answers with `statuses` in turn, then 200.

    While `gate` is clear, requests wait before being answered.
    """

    url: str = ""
    received: list[Received] = field(default_factory=list)
    statuses: list[int] = field(default_factory=list)
    gate: asyncio.Event = field(default_factory=asyncio.Event)
    _arrived: asyncio.Condition = field(default_factory=asyncio.Condition)

    async def handle(self, request: web.Request) -> web.Response:
        update = json.loads(await request.read())
        async with self._arrived:
            self.received.append(Received(time.monotonic(), dict(request.headers), update))
            self._arrived.notify_all()
        await self.gate.wait()
        return web.Response(status=self.statuses.pop(0) if self.statuses else 200)

    def ids(self) -> list[int]:
        return [received.update["update_id"] for received in self.received]

    async def until(self, condition: Callable[[], bool]) -> None:
        """Once `condition` holds of what has arrived; TimeoutError after 5 seconds."""
        async with asyncio.timeout(5), self._arrived:
            await self._arrived.wait_for(condition)


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
