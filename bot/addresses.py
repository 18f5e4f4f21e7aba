"""Paragraph addresses that travel through Telegram: deep-link payloads and callback data.

Both must fit Telegram's rules: a /start payload is 1-64 characters of [A-Za-z0-9_-], callback
data 1-64 bytes. A symbol such as `A/HRC/58/19` becomes the slug `A_HRC_58_19`; slugs are resolved
back against the indexed symbols rather than decoded, so no escaping scheme is needed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

MAX_BYTES = 64
# `o-A_HRC_58_19-3`, or `o-A_HRC_58_19-I-3` for annex I: slugs hold no `-`, so the parts are
# told apart by position.
_ADDRESS = re.compile(r"^([on])-([A-Za-z0-9_]{1,48})(?:-([A-Z0-9]{1,6}))?-(\d{1,6})$")


class Action(Enum):
    """What pressing or following the address does."""

    OPEN = "o"  # a new message with the paragraph (from search results, deep links)
    NAVIGATE = "n"  # replace the paragraph shown in this message with its neighbour


def symbol_slug(symbol: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "_", symbol).strip("_")


@dataclass(frozen=True)
class Address:
    action: Action
    slug: str
    number: int
    annex: str | None = None

    def encode(self) -> str:
        annex = f"-{self.annex}" if self.annex else ""
        encoded = f"{self.action.value}-{self.slug}{annex}-{self.number}"
        if len(encoded.encode()) > MAX_BYTES:
            raise ValueError(f"address longer than {MAX_BYTES} bytes: {encoded!r}")
        return encoded

    def resolve(self, symbols: Iterable[str]) -> str | None:
        """The indexed symbol this address points to, if any still is."""
        return next((symbol for symbol in symbols if symbol_slug(symbol) == self.slug), None)


def address(action: Action, symbol: str, number: int, annex: str | None = None) -> Address:
    return Address(action, symbol_slug(symbol), number, annex)


def parse_address(data: str | None) -> Address | None:
    """The address in callback data or a /start payload; None for anything else."""
    match = _ADDRESS.match(data or "")
    if match is None:
        return None
    action, slug, annex, number = match.groups()
    return Address(Action(action), slug, int(number), annex)
