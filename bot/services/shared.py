"""Short-lived state that several bot processes share through Redis (`REPORTBOT_REDIS_URL`):
result pages for ◀ ▶, and the update ids already handled.

With one process the in-memory ones serve (bot/services/searches.py, updates.py); with several
behind a load balancer, a ◀ ▶ pressed on another process than the search's still finds its
search, and a redelivered update is answered once, whichever process gets it. Each key expires
by itself; the bot never asks Redis to write anything to disk (docs/privacy.md says how to keep
Redis itself from doing so). When Redis cannot be reached the process goes on with its own
memory, says so once in the log, and uses Redis again as soon as it answers.
"""

from __future__ import annotations

import logging
import secrets

from redis import asyncio as redis
from redis.exceptions import RedisError

from bot.services.searches import LIFETIME, SearchMemory
from bot.services.updates import SeenUpdates

log = logging.getLogger(__name__)

PREFIX = "reportbot:"
# How long an update id is remembered: a webhook's redelivery comes within minutes.
UPDATE_LIFETIME = 3600
# A call to Redis that takes longer is a Redis that is not there.
TIMEOUT = 2.0


def connect(url: str) -> redis.Redis:
    return redis.Redis.from_url(url, socket_timeout=TIMEOUT, socket_connect_timeout=TIMEOUT)


class _Fallback:
    """Says once that Redis is out of reach, and once that it is back."""

    def __init__(self) -> None:
        self.down = False

    def lost(self, error: RedisError) -> None:
        if not self.down:
            # The error's type only: its message may hold the address, password included.
            log.warning(
                "Redis is out of reach (%s): using this process's memory", type(error).__name__
            )
        self.down = True

    def back(self) -> None:
        if self.down:
            log.warning("Redis answers again")
        self.down = False


class SharedSearches(SearchMemory):
    """Searches remembered for paging in Redis, by token, for as long as in memory."""

    def __init__(self, client: redis.Redis, lifetime: int = LIFETIME, prefix: str = PREFIX) -> None:
        super().__init__(lifetime=lifetime)
        self._client = client
        self._prefix = f"{prefix}search:"
        self._lifetime = lifetime
        self._fallback = _Fallback()

    async def remember(self, query: str) -> str:
        token = secrets.token_hex(4)
        try:
            await self._client.set(f"{self._prefix}{token}", query, ex=self._lifetime)
        except RedisError as error:
            self._fallback.lost(error)
            self._local(token, query)
        else:
            self._fallback.back()
        return token

    async def close(self) -> None:
        """Closes the Redis client (shared with SharedUpdates)."""
        await self._client.aclose()

    async def recall(self, token: str) -> str | None:
        try:
            found = await self._client.get(f"{self._prefix}{token}")
        except RedisError as error:
            self._fallback.lost(error)
            return await super().recall(token)
        self._fallback.back()
        if found is None:
            # Remembered here while Redis was away.
            return await super().recall(token)
        return found.decode() if isinstance(found, bytes) else str(found)


class SharedUpdates(SeenUpdates):
    """Update ids handled, in Redis: the first process to claim an id handles it."""

    def __init__(
        self, client: redis.Redis, lifetime: int = UPDATE_LIFETIME, prefix: str = PREFIX
    ) -> None:
        super().__init__()
        self._client = client
        self._prefix = f"{prefix}update:"
        self._lifetime = lifetime
        self._fallback = _Fallback()

    async def first_time(self, update_id: int) -> bool:
        try:
            claimed = await self._client.set(
                f"{self._prefix}{update_id}", b"", ex=self._lifetime, nx=True
            )
        except RedisError as error:
            self._fallback.lost(error)
            return await super().first_time(update_id)
        self._fallback.back()
        return bool(claimed)
