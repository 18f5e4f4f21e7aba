"""Updates of different chats handled side by side, each chat's own in the order they came.

python-telegram-bot handles one update at a time unless told otherwise; then a slow search in one
chat holds up every other chat's reply. `ChatOrder` lets updates run concurrently but gives each
chat (or, for what has no chat, such as an inline query, each person) one turn at a time: a
second message in a chat is answered after the first, as people expect in a conversation.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

# Updates handled at once, across all chats: searches run in threads, and more at once than this
# only share the same cores.
RUNNING = 8
# Updates taken in at once, waiting for their chat's turn or for room among the RUNNING: a
# chat's waiting updates must not fill the room that other chats' updates need.
IN_FLIGHT = 256


class _Turns:
    """One chat's turn to be handled, and how many of its updates want it."""

    __slots__ = ("lock", "wanted")

    def __init__(self) -> None:
        self.lock = asyncio.Lock()
        self.wanted = 0


def order_key(update: object) -> int | None:
    """What an update waits its turn behind: its chat, else (an inline query) its sender; None
    for neither. A private chat's id is its person's: their inline queries take turns with it."""
    if not isinstance(update, Update):
        return None
    if update.effective_chat is not None:
        return update.effective_chat.id
    if update.effective_user is not None:
        return update.effective_user.id
    return None


class ChatOrder(BaseUpdateProcessor):
    """At most `running` updates handled at once; a chat's updates one after another, in order.

    PTB's own bound (`max_concurrent_updates`, here `in_flight`) counts the updates taken in,
    including those waiting for their chat's turn; `running` counts those being handled. A chat's
    turn is forgotten as soon as none of its updates wants it, so chats seen once leave nothing
    behind.
    """

    def __init__(self, running: int = RUNNING, in_flight: int = IN_FLIGHT) -> None:
        if not 1 <= running <= in_flight:
            raise ValueError(f"running must be from 1 to in_flight, not {running}")
        super().__init__(in_flight)
        self._most = running
        self._running = asyncio.Semaphore(running)
        self._turns: dict[int, _Turns] = {}

    @property
    def chats_waiting(self) -> int:
        """Chats (or people) with an update being handled or waiting for its turn."""
        return len(self._turns)

    async def initialize(self) -> None:
        """Afresh in the event loop that serves: asyncio's primitives belong to one loop."""
        self._running = asyncio.Semaphore(self._most)
        self._turns = {}

    async def shutdown(self) -> None:
        """Nothing to free: PTB has waited for every update taken in."""

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = order_key(update)
        turns = None
        if key is not None:
            turns = self._turns.get(key)
            if turns is None:
                turns = self._turns[key] = _Turns()
            turns.wanted += 1
        turn = turns.lock if turns is not None else contextlib.nullcontext()
        started = False
        try:
            # asyncio's locks are fair: a chat's updates get their turns in the order they came.
            async with turn, self._running:
                started = True
                await coroutine
        finally:
            if key is not None and turns is not None:
                turns.wanted -= 1
                if turns.wanted == 0:
                    del self._turns[key]
            # Cancelled before its turn came: its handling never starts, and Python must not
            # warn that it was never awaited.
            if not started and inspect.iscoroutine(coroutine):
                coroutine.close()
