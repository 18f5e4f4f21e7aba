"""A clock for the bot that tests turn by hand."""

from __future__ import annotations


class Clock:
    """Time that passes only when a test says so: limits and notices are timed by it."""

    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds
