"""Message text and captions as Telegram stores them: parse modes, trimming, length limits, bot
commands."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bot.emulator.errors import ApiError
from bot.emulator.html import HtmlError, parse_html

MAX_MESSAGE_LENGTH = 4096
MAX_CAPTION_LENGTH = 1024
_WHITESPACE = " \t\n\r\v\f"
_BOT_COMMAND = re.compile(r"(?<![\w/<>])/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?(?![\w/<>])")


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit of Telegram's limits and entity offsets."""
    return len(text.encode("utf-16-le")) // 2


@dataclass(frozen=True)
class FormattedText:
    text: str
    entities: list[dict[str, Any]]


def format_text(
    text: str, parse_mode: str | None, entities: Sequence[dict[str, Any]] | None
) -> FormattedText:
    """The text and entities of a message; ApiError where Telegram would refuse it.

    As the Bot API server does, a parse mode takes precedence over explicit entities.
    """
    formatted = _parsed(text, parse_mode, entities)
    if not formatted.text:
        raise ApiError.bad_request("message text is empty")
    if utf16_len(formatted.text) > MAX_MESSAGE_LENGTH:
        raise ApiError.bad_request("message is too long")
    return formatted


def format_caption(
    caption: str, parse_mode: str | None, entities: Sequence[dict[str, Any]] | None
) -> FormattedText:
    """A media message's caption and its entities, as `format_text` reads a text; it may be
    empty (no caption)."""
    formatted = _parsed(caption, parse_mode, entities)
    if utf16_len(formatted.text) > MAX_CAPTION_LENGTH:
        raise ApiError.bad_request("message caption is too long")
    return formatted


def _parsed(
    text: str, parse_mode: str | None, entities: Sequence[dict[str, Any]] | None
) -> FormattedText:
    mode = (parse_mode or "").lower()
    if mode == "html":
        try:
            plain, parsed = parse_html(text)
        except HtmlError as error:
            raise ApiError.bad_request(f"can't parse entities: {error}") from None
    elif mode in ("markdown", "markdownv2"):
        raise ApiError.bad_request(f'parse_mode "{parse_mode}" is unsupported by the emulator')
    elif mode in ("", "none"):
        plain, parsed = text, [dict(entity) for entity in entities or ()]
    else:
        raise ApiError.bad_request("unsupported parse_mode")
    return _trimmed(plain, parsed)


def _trimmed(text: str, entities: list[dict[str, Any]]) -> FormattedText:
    """Telegram drops leading and trailing whitespace, cutting entities to what is left."""
    left = text.lstrip(_WHITESPACE)
    start = utf16_len(text) - utf16_len(left)
    kept = left.rstrip(_WHITESPACE)
    end = start + utf16_len(kept)
    fitted = []
    for entity in entities:
        first = max(entity["offset"], start)
        last = min(entity["offset"] + entity["length"], end)
        if last > first:
            fitted.append({**entity, "offset": first - start, "length": last - first})
    fitted.sort(key=lambda entity: (entity["offset"], -entity["length"]))
    return FormattedText(kept, fitted)


def command_entities(text: str) -> list[dict[str, Any]]:
    """The bot_command entities Telegram marks in a user's message."""
    return [
        {
            "type": "bot_command",
            "offset": utf16_len(text[: match.start()]),
            "length": utf16_len(match.group()),
        }
        for match in _BOT_COMMAND.finditer(text)
    ]
