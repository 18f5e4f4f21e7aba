"""Searches remembered for paging, behind short tokens that fit in callback data.

Only in memory, bounded and expiring: what people search for may be sensitive, so it is never
written to disk. After a restart an old page button finds nothing and the bot says so.
"""

from __future__ import annotations

import secrets
import time
from collections import OrderedDict


class SearchMemory:
    def __init__(self, capacity: int = 5_000, lifetime: float = 24 * 3600) -> None:
        self._capacity = capacity
        self._lifetime = lifetime
        self._queries: OrderedDict[str, tuple[str, float]] = OrderedDict()

    def remember(self, query: str) -> str:
        token = secrets.token_hex(4)
        self._queries[token] = (query, time.monotonic())
        while len(self._queries) > self._capacity:
            self._queries.popitem(last=False)
        return token

    def recall(self, token: str) -> str | None:
        found = self._queries.get(token)
        if found is None:
            return None
        query, when = found
        if time.monotonic() - when > self._lifetime:
            del self._queries[token]
            return None
        return query
