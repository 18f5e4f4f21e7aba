"""Telling the operators' chat (REPORTBOT_ADMIN_CHAT_ID) that handling an update failed.

A notice names the exception's type and the handler it escaped from, never its message, the
update, or anything else that could carry users' words, ids or the token. At most one notice a
window: the failures in between are counted and summed up in the next notice.
"""

from __future__ import annotations

import logging
import time
import types
from collections import Counter
from typing import TYPE_CHECKING

from telegram.error import TelegramError

from bot.replies.messages import escape
from bot.services.throttle import MINUTE, Clock

if TYPE_CHECKING:
    from telegram import Bot

log = logging.getLogger(__name__)
# Our own code's modules: the outermost of their frames in a traceback is the handler.
OWN_PACKAGE = "bot."


def failure(error: BaseException) -> str:
    """`ValueError in search`: the exception's type and the handler it escaped from."""
    where = None
    trace: types.TracebackType | None = error.__traceback__
    while trace is not None and where is None:
        frame = trace.tb_frame
        if str(frame.f_globals.get("__name__", "")).startswith(OWN_PACKAGE):
            where = frame.f_code.co_qualname
        trace = trace.tb_next
    kind = type(error).__name__
    return f"{kind} in {where}" if where else kind


class Alerts:
    """Notices to one chat, at most one a `window` seconds; never raises."""

    def __init__(
        self, chat_id: int | None, clock: Clock = time.monotonic, window: float = MINUTE
    ) -> None:
        self.chat_id = chat_id
        self._clock = clock
        self._window = window
        self._last: float | None = None
        self._held: Counter[str] = Counter()
        self.failures = 0
        """Failures since the start, for the operators' /status."""

    async def notify(self, bot: Bot, error: BaseException) -> None:
        self.failures += 1
        if self.chat_id is None:
            return
        what = failure(error)
        now = self._clock()
        if self._last is not None and now - self._last < self._window:
            self._held[what] += 1
            return
        self._last = now
        lines = [f"⚠️ Handling an update failed: {escape(what)}."]
        if self._held:
            held = ", ".join(f"{escape(kind)} ×{count}" for kind, count in self._held.most_common())
            lines.append(f"… and {self._held.total()} more since the last notice: {held}.")
            self._held.clear()
        try:
            await bot.send_message(self.chat_id, "\n".join(lines))
        except TelegramError as error:
            # The notice is best effort: a failure to send it must not become another failure.
            log.warning("could not notify the operators' chat (%s)", type(error).__name__)
