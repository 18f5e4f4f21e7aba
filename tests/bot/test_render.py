"""Rendering: escaped, cited, within Telegram's limits."""

from __future__ import annotations

from bot.emulator.html import parse_html
from bot.render import help_text, paragraph_reply, search_reply
from index.models import Paragraph, Report
from index.results import Hit, SearchResult, Segment, Summary

USERNAME = "reportbot_test_bot"


def paragraph(number: int, text: str, link: str | None = "https://example.org/r") -> Paragraph:
    return Paragraph(
        symbol="A/HRC/58/19",
        number=number,
        section_path=("I. Introduction <draft>",),
        text=text,
        link=link,
    )


def test_report_text_and_queries_are_escaped() -> None:
    hit = Hit(
        paragraph(2, "Use <b> & more"),
        1.0,
        Summary((Segment("Use "), Segment("<b>", match=True), Segment(" & more"))),
    )
    (reply,) = search_reply(SearchResult(("<b>", "&"), (hit,)), USERNAME)
    assert "<b>&lt;b&gt;</b> &amp; more" in reply.text
    assert "I. Introduction &lt;draft&gt;" in reply.text
    assert "<i>&lt;b&gt; &amp;</i>" in reply.text
    parse_html(reply.text)


def test_links_are_attribute_safe() -> None:
    link = 'https://x.test/?a=1&b="2"'
    (reply,) = paragraph_reply(paragraph(1, "Text", link=link), [1], USERNAME)
    assert 'href="https://x.test/?a=1&amp;b=&quot;2&quot;"' in reply.text
    parse_html(reply.text)


def test_a_paragraph_longer_than_a_message_is_split_with_buttons_on_the_last() -> None:
    text = " ".join(f"Sentence number {n} about children & trafficking." for n in range(300))
    replies = paragraph_reply(paragraph(2, text), [1, 2, 3], USERNAME)
    assert len(replies) > 1
    assert all(len(reply.text) <= 4096 for reply in replies)
    assert replies[-1].keyboard is not None
    assert all(reply.keyboard is None for reply in replies[:-1])
    shown = " ".join(parse_html(reply.text)[0] for reply in replies)
    assert "Sentence number 0 about" in shown
    assert "Sentence number 299 about children & trafficking." in shown


def test_first_and_last_paragraphs_have_one_neighbour_button() -> None:
    (first,) = paragraph_reply(paragraph(1, "First."), [1, 2], USERNAME)
    (last,) = paragraph_reply(paragraph(2, "Last."), [1, 2], USERNAME)
    (only,) = paragraph_reply(paragraph(1, "Only."), [1], USERNAME)
    assert first.keyboard is not None
    assert [b.text for b in first.keyboard.inline_keyboard[0]] == ["para. 2 ▶"]
    assert last.keyboard is not None
    assert [b.text for b in last.keyboard.inline_keyboard[0]] == ["◀ para. 1"]
    assert only.keyboard is None


def test_help_lists_the_indexed_reports() -> None:
    report = Report(symbol="A/HRC/58/19", title="Annual report", paragraph_count=4)
    text = help_text([report])
    assert "A/HRC/58/19" in text
    assert "4 paragraphs" in text
    parse_html(text)
