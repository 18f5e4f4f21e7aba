"""Telegram messages shown in a terminal: bold and italics as ANSI styles, links as text <URL>."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

_STYLES = {"bold": "1", "italic": "3", "underline": "4", "code": "2", "pre": "2"}
_RESET = "\033[0m"


def _utf16(text: str) -> bytes:
    return text.encode("utf-16-le")


def format_message(
    text: str, entities: Sequence[Mapping[str, Any]] = (), color: bool = False
) -> str:
    """The message text with its entities made visible; offsets are in UTF-16 code units."""
    units = _utf16(text)
    inserts: list[tuple[int, int, str]] = []  # (position, closers first, marker)
    for entity in entities:
        start = int(entity["offset"])
        end = start + int(entity["length"])
        kind = entity["type"]
        if kind == "text_link":
            inserts.append((end, 0, f" <{entity['url']}>"))
        elif color and kind in _STYLES:
            inserts.append((start, 1, f"\033[{_STYLES[kind]}m"))
            inserts.append((end, 0, _RESET))
    pieces: list[str] = []
    previous = 0
    for position, _, marker in sorted(inserts, key=lambda insert: insert[:2]):
        pieces.append(units[previous * 2 : position * 2].decode("utf-16-le"))
        pieces.append(marker)
        previous = position
    pieces.append(units[previous * 2 :].decode("utf-16-le"))
    return "".join(pieces)


def bold(text: str, color: bool) -> str:
    return f"\033[1m{text}{_RESET}" if color else text
