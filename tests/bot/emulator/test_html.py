"""The strict HTML parse mode: what it accepts, the entities it makes, what it refuses."""

from __future__ import annotations

from typing import Any

import pytest

from bot.emulator.html import HtmlError, parse_html


def entity(kind: str, offset: int, length: int, **extra: Any) -> dict[str, Any]:
    return {"type": kind, "offset": offset, "length": length, **extra}


@pytest.mark.parametrize(
    ("html", "text", "entities"),
    [
        ("plain", "plain", []),
        ("<b>a</b><strong>b</strong>", "ab", [entity("bold", 0, 1), entity("bold", 1, 1)]),
        ("<i>a</i><em>b</em>", "ab", [entity("italic", 0, 1), entity("italic", 1, 1)]),
        ("<u>a</u><ins>b</ins>", "ab", [entity("underline", 0, 1), entity("underline", 1, 1)]),
        (
            "<s>a</s><strike>b</strike><del>c</del>",
            "abc",
            [entity("strikethrough", i, 1) for i in range(3)],
        ),
        (
            '<tg-spoiler>a</tg-spoiler><span class="tg-spoiler">b</span>',
            "ab",
            [entity("spoiler", 0, 1), entity("spoiler", 1, 1)],
        ),
        ("<code>x = 1</code>", "x = 1", [entity("code", 0, 5)]),
        ("<pre>x = 1</pre>", "x = 1", [entity("pre", 0, 5)]),
        (
            '<pre><code class="language-python">x</code></pre>',
            "x",
            [entity("pre", 0, 1, language="python")],
        ),
        ("<pre><code>x</code></pre>", "x", [entity("pre", 0, 1)]),
        ('<code class="language-python">x</code>', "x", [entity("code", 0, 1)]),
        ("<blockquote>q</blockquote>", "q", [entity("blockquote", 0, 1)]),
        ("<blockquote expandable>q</blockquote>", "q", [entity("expandable_blockquote", 0, 1)]),
        (
            '<a href="https://undocs.org/A/HRC/58/19">report</a>',
            "report",
            [entity("text_link", 0, 6, url="https://undocs.org/A/HRC/58/19")],
        ),
        (
            "<a href='https://t.me/bot?start=o-1&amp;x=2'>it</a>",
            "it",
            [entity("text_link", 0, 2, url="https://t.me/bot?start=o-1&x=2")],
        ),
        (
            '<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>',
            "👍",
            [entity("custom_emoji", 0, 2, custom_emoji_id="5368324170671202286")],
        ),
        # Entities sharing a range: outer first, then Telegram's order of types.
        ("<i><b>x</b></i>", "x", [entity("bold", 0, 1), entity("italic", 0, 1)]),
        ("<b>ab<i>c</i></b>", "abc", [entity("bold", 0, 3), entity("italic", 2, 1)]),
        ("<B>x</B>", "x", [entity("bold", 0, 1)]),
        ("<b>x</>", "x", [entity("bold", 0, 1)]),
        ('<b class="ignored">x</b >', "x", [entity("bold", 0, 1)]),
        ("<b></b>x", "x", []),
        ("&lt;&gt;&amp;&quot;&#39;&#x41;", "<>&\"'A", []),
        ("<b>&lt;x&gt;</b>", "<x>", [entity("bold", 0, 3)]),
    ],
)
def test_accepted_html_becomes_text_and_entities(
    html: str, text: str, entities: list[dict[str, Any]]
) -> None:
    assert parse_html(html) == (text, entities)


def test_offsets_and_lengths_count_utf16_code_units() -> None:
    # 😀 is one character but two UTF-16 code units; é is one of each.
    text, entities = parse_html("😀é <b>😀x</b> <i>y</i>")
    assert text == "😀é 😀x y"
    assert entities == [entity("bold", 4, 3), entity("italic", 8, 1)]


def test_a_numeric_entity_beyond_the_bmp_counts_two_units() -> None:
    assert parse_html("&#x1F600;<b>x</b>") == ("😀x", [entity("bold", 2, 1)])


@pytest.mark.parametrize(
    ("href", "url"),
    [
        ("https://example.org", "https://example.org/"),
        ("HTTP://example.org/x", "http://example.org/x"),
        ("example.org/path", "http://example.org/path"),
        ("tg://resolve?domain=reportbot", "tg://resolve?domain=reportbot"),
    ],
)
def test_link_urls_are_normalised_as_telegram_stores_them(href: str, url: str) -> None:
    assert parse_html(f'<a href="{href}">x</a>')[1] == [entity("text_link", 0, 1, url=url)]


@pytest.mark.parametrize("href", ["javascript:alert(1)", "not a link", "mailto:a@b.org"])
def test_a_link_telegram_cannot_use_keeps_its_text_without_an_entity(href: str) -> None:
    assert parse_html(f'<a href="{href}">x</a>') == ("x", [])


@pytest.mark.parametrize(
    ("html", "reason"),
    [
        ("<foo>x</foo>", 'Unsupported start tag "foo" at byte offset 0'),
        ("<br>", 'Unsupported start tag "br" at byte offset 0'),
        ("1 < 2", 'Unsupported start tag "" at byte offset 2'),
        ("é<p>", 'Unsupported start tag "p" at byte offset 2'),
        ("<b>x", 'Can\'t find end tag corresponding to start tag "b"'),
        ("<b><i>x</b></i>", 'Unmatched end tag at byte offset 7, expected "</i>", found "</b>"'),
        ("x</b>", "Unexpected end tag at byte offset 1"),
        ("<b>x</b", "Unclosed end tag at byte offset 4"),
        ("<b", "Unclosed start tag at byte offset 0"),
        ('<a href="https://x.org>x</a>', "Unclosed start tag at byte offset 0"),
        ("2 > 1", 'Unescaped ">" (write "&gt;") at byte offset 2'),
        ("R&D", 'Unescaped "&" (write "&amp;") at byte offset 1'),
        ("&lt", 'Unescaped "&" (write "&amp;") at byte offset 0'),
        ("&nbsp;", 'Unsupported HTML entity "&nbsp;" at byte offset 0'),
        ("&#xD800;", 'Unsupported HTML entity "&#xD800;" at byte offset 0'),
        ("<a>x</a>", 'Tag "a" must have a non-empty attribute "href" at byte offset 0'),
        ('<a href="">x</a>', 'Tag "a" must have a non-empty attribute "href" at byte offset 0'),
        ("<span>x</span>", 'Tag "span" must have class "tg-spoiler" at byte offset 0'),
        (
            '<tg-emoji emoji-id="x">y</tg-emoji>',
            "Invalid custom emoji identifier specified at byte offset 0",
        ),
        (
            "<b foo>x</b>",
            'Expected equal sign in declaration of an attribute of the tag "b" at byte offset 0',
        ),
        ('<b ="x">x</b>', 'Empty attribute name in the tag "b" at byte offset 0'),
        ("<a href=https://x.org>x</a>", "Unexpected end of name token at byte offset 8"),
    ],
)
def test_refused_html_names_the_reason_and_byte_offset(html: str, reason: str) -> None:
    with pytest.raises(HtmlError) as raised:
        parse_html(html)
    assert str(raised.value) == reason
