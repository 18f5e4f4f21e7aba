"""Messages shown in the sandbox's terminal."""

from __future__ import annotations

from bot.sandbox.terminal import format_message


def test_links_are_shown_with_their_url() -> None:
    text = "see the report"
    entities = [{"type": "text_link", "offset": 4, "length": 10, "url": "https://x.test/r"}]
    assert format_message(text, entities) == "see the report <https://x.test/r>"


def test_offsets_count_utf16_units_as_telegram_does() -> None:
    text = "🔎 bold link"
    entities = [
        {"type": "bold", "offset": 3, "length": 4},
        {"type": "text_link", "offset": 8, "length": 4, "url": "https://x.test"},
    ]
    assert format_message(text, entities, color=True) == (
        "🔎 \033[1mbold\033[0m link <https://x.test>"
    )


def test_without_color_styles_leave_the_text_alone() -> None:
    assert format_message("plain bold", [{"type": "bold", "offset": 6, "length": 4}]) == (
        "plain bold"
    )
