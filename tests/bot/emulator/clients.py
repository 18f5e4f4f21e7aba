"""Clients of the emulator: a raw HTTP client of the Bot API, and a webhook that records posts.

The client encodes parameters the way PTB does; the webhook records what the emulator POSTs.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from aiohttp import web

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
