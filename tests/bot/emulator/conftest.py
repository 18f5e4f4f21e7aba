"""A running emulator, and a raw HTTP client that encodes parameters the way PTB does."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import aiohttp
import pytest

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
