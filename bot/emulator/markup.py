"""Telegram's rules for inline keyboards beyond the field types api.json gives."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from bot.emulator.errors import ApiError

# "Exactly one of the fields other than text, icon_custom_emoji_id, and style must be used."
ACTIONS = (
    "url",
    "callback_data",
    "web_app",
    "login_url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "copy_text",
    "callback_game",
    "pay",
)
MAX_CALLBACK_DATA_BYTES = 64
_BUTTON_URL = re.compile(r"(?i)(https?|tg)://\S+")


def check_reply_markup(markup: Mapping[str, Any]) -> None:
    """Raise ApiError for an inline keyboard Telegram refuses; other markups pass."""
    for row in markup.get("inline_keyboard", ()):
        for button in row:
            _check_button(button)


def _check_button(button: Mapping[str, Any]) -> None:
    if not button["text"]:
        raise ApiError.bad_request("can't parse inline keyboard button: text must be non-empty")
    actions = [name for name in ACTIONS if name in button]
    if not actions:
        raise ApiError.bad_request(
            "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
        )
    if len(actions) > 1:
        raise ApiError.bad_request(
            "can't parse inline keyboard button: exactly one of its optional fields must be used, "
            f"found {', '.join(actions)}"
        )
    if "callback_data" in button:
        size = len(button["callback_data"].encode())
        if not 1 <= size <= MAX_CALLBACK_DATA_BYTES:
            raise ApiError.bad_request("BUTTON_DATA_INVALID")
    if "url" in button and not _BUTTON_URL.fullmatch(button["url"]):
        raise ApiError.bad_request("BUTTON_URL_INVALID")
