"""Updates as Telegram really delivers them: some twice, and queries sometimes answered late."""

from __future__ import annotations

import logging
from collections.abc import Awaitable

from cachetools import FIFOCache
from telegram.error import BadRequest

log = logging.getLogger(__name__)

# Far more than can be in flight: a webhook redelivers within minutes, polling not at all.
SEEN_UPDATES = 10_000
# Telegram's words when a callback or inline query is answered after its ~15 seconds, or twice.
_EXPIRED_QUERY = ("query is too old", "query id is invalid")


class SeenUpdates:
    """The latest update ids, in a bounded memory. Ids may come out of order (a webhook with
    several connections), so it is the ids themselves that are kept, not the highest."""

    def __init__(self, size: int = SEEN_UPDATES) -> None:
        self._ids: FIFOCache[int, None] = FIFOCache(maxsize=size)

    async def first_time(self, update_id: int) -> bool:
        """True the first time `update_id` is seen (within the last `size` ids), then False."""
        if update_id in self._ids:
            return False
        self._ids[update_id] = None
        return True


async def answer_in_time(answer: Awaitable[bool]) -> None:
    """Answer a callback or inline query, unless it has expired: then the person has moved on
    and there is nobody to tell, so it is not an error."""
    try:
        await answer
    except BadRequest as error:
        if not any(words in error.message.casefold() for words in _EXPIRED_QUERY):
            raise
        log.debug("a query expired before it was answered")
