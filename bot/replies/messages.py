"""Packing rendered HTML into messages Telegram accepts: at most 4096 characters each.

Blocks are either markup (short, built by the renderer) or long plain text (a paragraph),
which is escaped here and, when it alone exceeds the limit, cut at line, sentence or word
boundaries before escaping, so no tag or entity is ever cut in half.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

MESSAGE_LIMIT = 4096
_TAGS = re.compile(r"<[^>]*>")
_BREAKS = (re.compile(r"\n"), re.compile(r"(?<=[.!?;:])\s"), re.compile(r"\s"))


def escape(text: str) -> str:
    return html.escape(text, quote=False)


def plain(markup: str) -> str:
    """The text of the bot's own markup, without its tags: for a terminal."""
    return html.unescape(_TAGS.sub("", markup))


def attribute(value: str) -> str:
    return html.escape(value, quote=True)


@dataclass(frozen=True)
class Markup:
    """HTML the renderer built; kept whole."""

    html: str


@dataclass(frozen=True)
class Plain:
    """Verbatim text, escaped when packed, split if it is too long for one message."""

    text: str


Block = Markup | Plain


def _cut(text: str, limit: int) -> list[str]:
    """Plain-text pieces whose escaped form fits `limit`, cut at the gentlest boundary."""
    pieces: list[str] = []
    rest = text
    while len(escape(rest)) > limit:
        # Escaping at most quintuples a character (& → &amp;), so this prefix always fits.
        window = rest[: limit // 5] if len(escape(rest[:limit])) > limit else rest[:limit]
        cut = len(window)
        for pattern in _BREAKS:
            found = [m.end() for m in pattern.finditer(window) if m.end() > len(window) // 2]
            if found:
                cut = found[-1]
                break
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    pieces.append(rest)
    return [piece for piece in pieces if piece]


def pack(blocks: list[Block], limit: int = MESSAGE_LIMIT, separator: str = "\n\n") -> list[str]:
    """Join blocks into as few messages as fit, in order."""
    parts: list[str] = []
    for block in blocks:
        if isinstance(block, Markup):
            parts.append(block.html)
        else:
            parts.extend(escape(piece) for piece in _cut(block.text, limit))
    messages: list[str] = []
    current = ""
    for part in parts:
        joined = f"{current}{separator}{part}" if current else part
        if len(joined) <= limit:
            current = joined
        else:
            messages.append(current)
            current = part
    if current:
        messages.append(current)
    return messages
