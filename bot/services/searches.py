"""Searches remembered for paging, behind short tokens that fit in callback data.

Only in memory, bounded and expiring: what people search for may be sensitive, so it is never
written to disk. After a restart an old page button finds nothing and the bot says so.
"""

from __future__ import annotations

import secrets

from cachetools import TTLCache

# How long a search is remembered, in seconds.
LIFETIME = 24 * 3600


class SearchMemory:
    """In this process's memory (bot/services/shared.py: in Redis, for several processes)."""

    def __init__(self, capacity: int = 5_000, lifetime: int = LIFETIME) -> None:
        self._queries: TTLCache[str, str] = TTLCache(maxsize=capacity, ttl=lifetime)

    async def remember(self, query: str) -> str:
        token = secrets.token_hex(4)
        self._local(token, query)
        return token

    async def recall(self, token: str) -> str | None:
        return self._queries.get(token)

    async def close(self) -> None:
        """Lets go of what it holds outside the process: nothing, in memory."""

    def _local(self, token: str, query: str) -> None:
        self._queries[token] = query
