"""Packing rendered HTML into messages Telegram accepts."""

from __future__ import annotations

from bot.replies.messages import MESSAGE_LIMIT, Markup, Plain, pack


def test_short_blocks_share_one_message() -> None:
    assert pack([Markup("<b>A</b>"), Plain("x < y & z")]) == ["<b>A</b>\n\nx &lt; y &amp; z"]


def test_blocks_move_to_a_new_message_when_the_limit_is_reached() -> None:
    messages = pack([Markup("a" * 3000), Markup("b" * 3000)])
    assert messages == ["a" * 3000, "b" * 3000]


def test_a_long_text_is_cut_at_sentence_ends_and_loses_nothing() -> None:
    sentence = "Children must be protected from trafficking. "
    text = (sentence * 200).strip()
    messages = pack([Plain(text)])
    assert len(messages) > 1
    assert all(len(message) <= MESSAGE_LIMIT for message in messages)
    assert all(message.endswith("trafficking.") for message in messages)
    assert " ".join(messages) == text


def test_escaping_counts_towards_the_limit_and_entities_are_never_cut() -> None:
    text = "&" * 5000
    messages = pack([Plain(text)], limit=1000)
    assert all(len(message) <= 1000 for message in messages)
    assert all(message.replace("&amp;", "") == "" for message in messages)
    assert sum(message.count("&amp;") for message in messages) == 5000


def test_lines_are_preferred_to_words_as_cut_points() -> None:
    line = ("word " * 150).strip()
    messages = pack([Plain("\n".join([line] * 10))], limit=2000)
    assert len(messages) == 5
    assert all(message.split("\n") == [line, line] for message in messages)
