"""Rendering: escaped, cited, within Telegram's limits."""

from __future__ import annotations

from bot.addresses import Place, ResultsPage
from bot.emulator.html import parse_html
from bot.replies.i18n import texts
from bot.replies.render import cite_reply, help_text, paragraph_reply, search_reply
from index import Hit, Paragraph, Report, SearchResult, Segment, Summary

USERNAME = "reportbot_test_bot"
PAGE = ResultsPage("0f3a9c2e", 0)
EN = texts("en")


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
    (reply,) = search_reply(EN, SearchResult(("<b>", "&"), (hit,)), USERNAME, PAGE)
    assert "<b>&lt;b&gt;</b> &amp; more" in reply.text
    assert "I. Introduction &lt;draft&gt;" in reply.text
    assert "<i>&lt;b&gt; &amp;</i>" in reply.text
    parse_html(reply.text)


def test_links_are_attribute_safe() -> None:
    link = 'https://x.test/?a=1&b="2"'
    (reply,) = paragraph_reply(EN, paragraph(1, "Text", link=link), [Place(1)], USERNAME)
    assert 'href="https://x.test/?a=1&amp;b=&quot;2&quot;"' in reply.text
    parse_html(reply.text)


def test_a_paragraph_longer_than_a_message_is_split_with_buttons_on_the_last() -> None:
    text = " ".join(f"Sentence number {n} about children & trafficking." for n in range(300))
    replies = paragraph_reply(EN, paragraph(2, text), [Place(1), Place(2), Place(3)], USERNAME)
    assert len(replies) > 1
    assert all(len(reply.text) <= 4096 for reply in replies)
    assert replies[-1].keyboard is not None
    assert all(reply.keyboard is None for reply in replies[:-1])
    shown = " ".join(parse_html(reply.text)[0] for reply in replies)
    assert "Sentence number 0 about" in shown
    assert "Sentence number 299 about children & trafficking." in shown


def test_first_and_last_paragraphs_have_one_neighbour_button() -> None:
    (first,) = paragraph_reply(EN, paragraph(1, "First."), [Place(1), Place(2)], USERNAME)
    (last,) = paragraph_reply(EN, paragraph(2, "Last."), [Place(1), Place(2)], USERNAME)
    (only,) = paragraph_reply(EN, paragraph(1, "Only."), [Place(1)], USERNAME)
    assert first.keyboard is not None
    assert [b.text for b in first.keyboard.inline_keyboard[0]] == ["para. 2 ▶"]
    assert last.keyboard is not None
    assert [b.text for b in last.keyboard.inline_keyboard[0]] == ["◀ para. 1"]
    assert only.keyboard is not None
    assert [[b.text for b in row] for row in only.keyboard.inline_keyboard] == [["Cite"]]


def test_a_paragraph_opened_from_results_leads_back_to_them() -> None:
    (reply,) = paragraph_reply(
        EN, paragraph(2, "Text."), [Place(1), Place(2), Place(3)], USERNAME, back=PAGE
    )
    assert reply.keyboard is not None
    rows = [[(b.text, b.callback_data) for b in row] for row in reply.keyboard.inline_keyboard]
    assert rows == [
        [("◀ para. 1", "n-A_HRC_58_19-1~0f3a9c2e.0"), ("para. 3 ▶", "n-A_HRC_58_19-3~0f3a9c2e.0")],
        [("↩ Results", "s-0f3a9c2e-0"), ("Cite", "c-A_HRC_58_19-2")],
    ]


def test_results_pages_turn_with_previous_and_next() -> None:
    hits = tuple(
        Hit(paragraph(n, f"Text {n}."), 1.0, Summary((Segment(f"Text {n}."),)))
        for n in range(6, 11)
    )
    (reply,) = search_reply(
        EN, SearchResult(("text",), hits), USERNAME, ResultsPage("0f3a9c2e", 1), has_next=True
    )
    assert reply.text.startswith("🔎 6–10 paragraphs for")
    assert "\n6. " in reply.text
    assert reply.keyboard is not None
    turns = [(b.text, b.callback_data) for b in reply.keyboard.inline_keyboard[-1]]
    assert turns == [("◀ Previous", "s-0f3a9c2e-0"), ("Next ▶", "s-0f3a9c2e-2")]


def test_a_citation_comes_with_a_button_that_copies_it() -> None:
    report = Report(symbol="A/HRC/58/19", title="Report of the Secretary-General")
    reply = cite_reply(EN, report, paragraph(2, "Text.", link="https://example.org/r#page=3"))
    expected = "Secretary-General, Report, A/HRC/58/19, para. 2"
    assert f"<code>{expected}</code>" in reply.text
    assert reply.keyboard is not None
    (button,) = reply.keyboard.inline_keyboard[0]
    assert button.copy_text is not None
    assert button.copy_text.text == f"{expected}, https://example.org/r#page=3"
    parse_html(reply.text)


def test_help_lists_the_indexed_reports() -> None:
    report = Report(symbol="A/HRC/58/19", title="Annual report", paragraph_count=4)
    text = help_text(EN, [report])
    assert "A/HRC/58/19" in text
    assert "4 paragraphs" in text
    parse_html(text)
