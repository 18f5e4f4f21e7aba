"""Throttling of expensive work: token buckets per user and per chat, in memory.

A bucket holds up to `count` tokens and refills at `count` per `window` seconds; a search takes
one. So a person may make a burst of `count` searches, then one every `window / count` seconds.
Time comes from a clock the caller gives (tests turn it by hand). A bucket untouched for a whole
window is full again, the same as no bucket, so it is dropped; past `max_keys` the least recently
used ones go too: memory stays bounded however many people write.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass

from cachetools import TTLCache

Clock = Callable[[], float]
MINUTE = 60.0
MAX_KEYS = 10_000


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    wait: int = 0
    """Whole seconds until the request would be allowed (0 if it is)."""
    warn: bool = False
    """Refused, and nobody refusing it has said so within its window: say it now."""


ALLOWED = Verdict(allowed=True)


@dataclass
class _Bucket:
    tokens: float
    updated: float
    warned: float | None = None


class Throttle:
    """`count` requests a `window` seconds for each key, in bursts of up to `count`; a count of
    0 means no limit (and no memory spent)."""

    def __init__(
        self,
        count: int,
        window: float = MINUTE,
        clock: Clock = time.monotonic,
        max_keys: int = MAX_KEYS,
    ) -> None:
        if count < 0 or window <= 0 or max_keys < 1:
            raise ValueError("a throttle needs count >= 0, window > 0 and max_keys >= 1")
        self.count = count
        self.window = window
        self._clock = clock
        # Each bucket expires a window after it was last used, when it would be full again.
        self._buckets: TTLCache[Hashable, _Bucket] = TTLCache(max_keys, window, timer=clock)

    def __len__(self) -> int:
        return len(self._buckets)

    def wait(self, key: Hashable) -> float:
        """Seconds until `key` may go ahead: 0 if it may now."""
        if not self.count:
            return 0.0
        bucket = self._bucket(key)
        return max(0.0, (1 - bucket.tokens) * self.window / self.count)

    def take(self, key: Hashable) -> None:
        if self.count:
            self._bucket(key).tokens -= 1

    def should_warn(self, key: Hashable) -> bool:
        """True at most once a window for `key`: a refusal is explained, a flood of them is not."""
        bucket = self._bucket(key)
        if bucket.warned is not None and bucket.updated - bucket.warned < self.window:
            return False
        bucket.warned = bucket.updated
        return True

    def _bucket(self, key: Hashable) -> _Bucket:
        """`key`'s bucket refilled to now, as the most recently used."""
        now = self._clock()
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = _Bucket(tokens=float(self.count), updated=now)
        else:
            refill = (now - bucket.updated) * self.count / self.window
            bucket.tokens = min(float(self.count), bucket.tokens + refill)
            bucket.updated = now
        self._buckets[key] = bucket
        return bucket


def admit(*checks: tuple[Throttle, Hashable]) -> Verdict:
    """Let a request through only if every (throttle, key) has a token, and then take one from
    each; a refused request takes none, so one person's flood does not spend a group's budget."""
    waits = [(throttle.wait(key), throttle, key) for throttle, key in checks]
    refusing = [(wait, throttle, key) for wait, throttle, key in waits if wait > 0]
    if not refusing:
        for _, throttle, key in waits:
            throttle.take(key)
        return ALLOWED
    # Every refusing key is marked as told, so that none of them says it again this window.
    warned = [throttle.should_warn(key) for _, throttle, key in refusing]
    seconds = max(wait for wait, _, _ in refusing)
    return Verdict(allowed=False, wait=max(1, math.ceil(seconds)), warn=any(warned))


@dataclass(frozen=True)
class SearchLimits:
    """Searches a minute (0: no limit)."""

    per_user: int = 10
    """By one person, in any chat: /search, words in a private chat, result pages."""
    per_group: int = 20
    """In one group, by everyone together."""
    inline_per_user: int = 30
    """Inline queries by one person."""


class SearchThrottle:
    """Who may search now: each person within their limit, each group within its own."""

    def __init__(self, limits: SearchLimits, clock: Clock = time.monotonic) -> None:
        self.users = Throttle(limits.per_user, clock=clock)
        self.groups = Throttle(limits.per_group, clock=clock)
        self.inline_users = Throttle(limits.inline_per_user, clock=clock)
        self.refused = 0
        """Searches refused since the start, for the operators' /status."""

    def search(self, user_id: int | None, chat_id: int, *, group: bool) -> Verdict:
        checks: list[tuple[Throttle, Hashable]] = []
        if user_id is not None:
            checks.append((self.users, user_id))
        # A group's anonymous administrators and channels post as the chat: the group's limit
        # still holds them.
        if group:
            checks.append((self.groups, chat_id))
        return self._counted(admit(*checks))

    def inline(self, user_id: int) -> Verdict:
        return self._counted(admit((self.inline_users, user_id)))

    def _counted(self, verdict: Verdict) -> Verdict:
        if not verdict.allowed:
            self.refused += 1
        return verdict
