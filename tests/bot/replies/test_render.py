"""Rendering: escaped, cited, within Telegram's limits."""

from __future__ import annotations

import dataclasses
import re

import pytest

from bot.addresses import Place, ResultsPage
from bot.emulator.html import parse_html
from bot.replies import render
from bot.replies.bidi import FSI, PDI
from bot.replies.i18n import texts
from bot.replies.messages import MESSAGE_LIMIT
from bot.replies.render import (
    cite_reply,
    help_text,
    inline_result,
    left_out,
    paragraph_reply,
    search_reply,
    searched,
    syntax_notes,
)
from index import BOTH, LANGUAGES, MEANING, Hit, Paragraph, Report, SearchResult, Segment, Summary
from index.results import PREFIX_CUT as PREFIX_CUT_INDEX
from index.search.syntax import Note

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
    assert [[b.text for b in row] for row in only.keyboard.inline_keyboard] == [["Cite", "Save"]]


def test_a_paragraph_opened_from_results_leads_back_to_them() -> None:
    (reply,) = paragraph_reply(
        EN, paragraph(2, "Text."), [Place(1), Place(2), Place(3)], USERNAME, back=PAGE
    )
    assert reply.keyboard is not None
    rows = [[(b.text, b.callback_data) for b in row] for row in reply.keyboard.inline_keyboard]
    assert rows == [
        [("◀ para. 1", "n-A_HRC_58_19-1~0f3a9c2e.0"), ("para. 3 ▶", "n-A_HRC_58_19-3~0f3a9c2e.0")],
        [("↩ Results", "s-0f3a9c2e-0"), ("Cite", "c-A_HRC_58_19-2"), ("Save", "v-A_HRC_58_19-2")],
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


# Paragraphs found by meaning, and paragraphs in another language than the reader's.

RELATED = "≈ Related in meaning"
ELSEWHERE = "Some reports have no version in your language"


def found(number: int, match: str = "words", lang: str = "en") -> Hit:
    """A hit on paragraph `number` of a report, in `lang`, found by `match`."""
    shown = paragraph(number, f"Text {number}.").model_copy(update={"lang": lang})
    words = match != MEANING
    summary = Summary((Segment(f"Text {number}.", match=words),))
    return Hit(shown, 1.0, summary, match)  # type: ignore[arg-type]


def shown(text: str) -> str:
    """The text as Telegram shows it."""
    return parse_html(text)[0]


def entry(text: str, number: int) -> str:
    """Result `number`'s lines, up to the next result."""
    lines = shown(text).split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{number}. "))
    end = next(
        (i for i, line in enumerate(lines) if line.startswith(f"{number + 1}. ")), len(lines)
    )
    return "\n".join(lines[start:end])


def test_a_paragraph_found_by_meaning_alone_is_marked_as_related() -> None:
    hits = (found(3, "words"), found(4, MEANING), found(5, BOTH))
    (reply,) = search_reply(EN, SearchResult(("exploitation",), hits, meaning=True), USERNAME, PAGE)
    assert RELATED not in entry(reply.text, 1)
    assert RELATED in entry(reply.text, 2)
    # Found by its words too: its words are in bold, it needs no mark.
    assert RELATED not in entry(reply.text, 3)
    # The mark stands between the citation and the summary.
    assert entry(reply.text, 2).split("\n")[:3] == [
        "2. A/HRC/58/19, para. 4 — I. Introduction <draft>",
        RELATED,
        "Text 4.",
    ]
    parse_html(reply.text)


def test_some_of_the_words_is_said_only_of_paragraphs_found_by_words() -> None:
    some = "No paragraph has all of these words"
    by_meaning = SearchResult(("a", "b"), (found(4, MEANING),), matched_all=False, meaning=True)
    (reply,) = search_reply(EN, by_meaning, USERNAME, PAGE)
    assert some not in reply.text
    both = dataclasses.replace(by_meaning, hits=(found(3), found(4, MEANING)))
    (reply,) = search_reply(EN, both, USERNAME, PAGE)
    assert some in reply.text


def test_a_paragraph_in_another_language_is_named_and_the_header_says_why_once() -> None:
    hits = (found(3, lang="fr"), found(4, MEANING, lang="en"), found(5, lang="en"))
    result = SearchResult(("traite",), hits, lang="fr", meaning=True)
    (reply,) = search_reply(texts("fr"), result, USERNAME, PAGE)
    text = shown(reply.text)
    assert "para. 3 (" not in entry(reply.text, 1)
    assert entry(reply.text, 2).startswith("2. A/HRC/58/19, para. 4 (English) — ")
    assert entry(reply.text, 3).startswith("3. A/HRC/58/19, para. 5 (English) — ")
    assert text.count("Certains rapports n’ont pas de version dans votre langue (Français)") == 1
    assert "≈ Proche par le sens" in entry(reply.text, 2)


def test_results_all_in_the_readers_language_say_nothing_of_languages() -> None:
    hits = (found(3, lang="ru"), found(4, MEANING, lang="ru"))
    result = SearchResult(("торговля",), hits, lang="ru", meaning=True)
    (reply,) = search_reply(texts("ru"), result, USERNAME, PAGE)
    assert "(English)" not in reply.text
    assert "нет версии" not in reply.text


def test_words_searched_in_english_paragraphs_are_marked_like_any_other_language() -> None:
    """`fell_back_from`: the reader's words were looked for in English paragraphs."""
    hits = (found(3, lang="en"),)
    result = SearchResult(("62/141",), hits, lang="ru", fell_back_from="ru")
    (reply,) = search_reply(texts("ru"), result, USERNAME, PAGE)
    assert entry(reply.text, 1).startswith("1. A/HRC/58/19, para. 3 (English)")
    assert shown(reply.text).count("(Русский)") == 1
    # The old header line is gone: the mark and the line above say it.
    assert "показаны пункты на английском" not in reply.text


def test_no_hits_by_words_alone_in_a_language_no_report_has_suggest_english_words() -> None:
    nothing = SearchResult(("торговля",), (), lang="ru", fell_back_from="ru", meaning=False)
    (reply,) = search_reply(texts("ru"), nothing, USERNAME, PAGE)
    assert "попробуйте английские слова" in reply.text


def test_no_hits_when_meaning_was_searched_too_suggests_other_words_only() -> None:
    """Meaning is looked for in every language: English words would find nothing more."""
    nothing = SearchResult(("торговля",), (), lang="ru", fell_back_from="ru", meaning=True)
    (reply,) = search_reply(texts("ru"), nothing, USERNAME, PAGE)
    assert "попробуйте английские слова" not in reply.text
    assert "<code>/search" in reply.text


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_marks_are_valid_html_within_a_message_in_every_language(language: str) -> None:
    long = "word " * 700
    hits = tuple(
        dataclasses.replace(
            found(n, MEANING, lang="ar" if n % 2 else "en"), summary=Summary((Segment(long),))
        )
        for n in range(1, 6)
    )
    result = SearchResult(("x",), hits, lang="zh", meaning=True)
    replies = search_reply(texts(language), result, USERNAME, PAGE)
    for reply in replies:
        assert len(reply.text) <= MESSAGE_LIMIT
        parse_html(reply.text)
    text = "".join(shown(reply.text) for reply in replies)
    # An Arabic name beside a Latin citation is kept whole.
    assert f"({FSI}العربية{PDI})" in text


def test_an_inline_result_names_its_language_and_says_it_is_related_in_meaning() -> None:
    french = paragraph(4, "Texte.").model_copy(update={"lang": "fr"})
    offered = inline_result(EN, french, "Texte.", USERNAME, reader="en", related=True)
    assert offered.title == "A/HRC/58/19, para. 4 (Français) — I. Introduction <draft>"
    assert offered.description == f"{RELATED} · Texte."
    plain = inline_result(EN, paragraph(4, "Text."), "Text.", USERNAME, reader="en")
    assert plain.title == "A/HRC/58/19, para. 4 — I. Introduction <draft>"
    assert plain.description == "Text."


# What was searched (issue 16): the words, the alternatives, what was left out, what was adjusted.

NOTES = (*tuple(Note), PREFIX_CUT_INDEX)


@pytest.mark.parametrize(
    ("words", "html"),
    [
        (("children", "trafficking"), "<i>children trafficking</i>"),
        (("detention OR custody",), "<i>detention</i> or <i>custody</i>"),
        (("a OR b OR c",), "<i>a</i>, <i>b</i>, or <i>c</i>"),
        (
            ("migrant", "detention OR custody"),
            "<i>migrant</i> (<i>detention</i> or <i>custody</i>)",
        ),
        (('"child labour"', "traf*"), '<i>"child labour" traf*</i>'),
        (('"a OR b" OR c',), '<i>"a OR b"</i> or <i>c</i>'),
        (("(child labour) OR trafficking",), "<i>child labour</i> or <i>trafficking</i>"),
        (("((x OR y) z) OR w",), "<i>(x OR y) z</i> or <i>w</i>"),
        (("<b> OR a&b",), "<i>&lt;b&gt;</i> or <i>a&amp;b</i>"),
    ],
)
def test_what_was_searched_reads_as_typed_with_or_in_the_readers_language(
    words: tuple[str, ...], html: str
) -> None:
    assert searched(EN, words) == html


def test_alternatives_and_exclusions_say_or_in_each_language() -> None:
    assert searched(texts("fr"), ("détention OR garde",)) == "<i>détention</i> ou <i>garde</i>"
    assert searched(texts("ru"), ("дети OR подростки",)) == "<i>дети</i> или <i>подростки</i>"
    assert left_out(texts("es"), ("trata", '"trabajo infantil"')) == (
        '<i>trata</i> o <i>"trabajo infantil"</i>'
    )


def test_a_long_query_is_shown_cut_and_what_does_not_fit_gives_way_to_an_ellipsis() -> None:
    many = (" OR ".join(f"word{n}" for n in range(32)),)
    shown_text = shown(searched(EN, many))
    assert shown_text.startswith("word0, word1, ")
    assert shown_text.endswith(", or …")
    assert len(shown_text) < 150
    long_word = shown(searched(EN, ("x" * 500,)))
    assert long_word == "x" * 119 + "…"
    left = shown(left_out(EN, [f'"excluded phrase {n}"' for n in range(32)]))
    assert left.endswith(", or …")
    assert len(left) < 110


@pytest.mark.parametrize("language", LANGUAGES)
def test_what_was_searched_is_valid_html_within_limits_in_every_language(language: str) -> None:
    t = texts(language)
    result = SearchResult(
        ('"<b>child</b> & labour"', "detention OR custody OR x" + "y" * 300, "traf*"),
        (found(3), found(4)),
        reports=("A/HRC/58/19",),
        excluded=tuple(f"<i>{n}</i>" for n in range(40)),
        notes=tuple(sorted(str(note) for note in NOTES)),
        matched_all=False,
        corrected=(("trafficing", "trafficking"),),
        lang=language,
    )
    (reply,) = search_reply(t, result, USERNAME, PAGE)
    text = shown(reply.text)
    head = text.split("\n\n", 1)[0]
    assert {shown(note) for note in syntax_notes(t, result)} < set(head.splitlines())
    assert len(head) < 1500
    for special in (
        SearchResult(("a",), (), excluded=("b",), notes=(Note.DANGLING_OPERATOR,)),
        SearchResult((), (), excluded=("b",)),
        SearchResult((), (), notes=(Note.DANGLING_OPERATOR,)),
        SearchResult((), (), notes=(Note.PREFIX_TOO_SHORT,)),
    ):
        (reply,) = search_reply(t, special, USERNAME, PAGE, query="x")
        assert len(reply.text) <= MESSAGE_LIMIT
        parse_html(reply.text)
    assert len(render.words_hint(t)) <= 64


def test_each_note_is_said_in_one_short_line() -> None:
    for note in NOTES:
        result = SearchResult(("traf*",), (found(3),), notes=(str(note),))
        (line,) = syntax_notes(EN, result)
        assert len(line) < 100
    cut = SearchResult(("traf*", "child* OR exploit*"), (found(3),), notes=(PREFIX_CUT_INDEX,))
    assert syntax_notes(EN, cut) == [
        "Words ending in * stand for many words: the 50 most frequent of each were searched."
    ]


def test_nothing_to_search_tells_words_from_syntax_alone() -> None:
    """`NOT` or `----` have no word to search; `the NOT` and `a*` have words too short or too
    common to search."""
    dangling = SearchResult((), (), notes=(Note.DANGLING_OPERATOR,))
    for query in ("NOT", "----", "OR OR", "*", "()", 'report:A/HRC/58/19 NOT section:"a b"'):
        (reply,) = search_reply(EN, dangling, USERNAME, PAGE, query=query)
        assert reply.text.startswith("There is nothing to search for there"), query
    for query in ("the NOT", "a*"):
        (reply,) = search_reply(EN, dangling, USERNAME, PAGE, query=query)
        assert reply.text.startswith("Those words are too short or too common"), query
        assert reply.text.endswith("An OR, NOT or - with no word to apply to was ignored.")


@pytest.mark.parametrize("language", LANGUAGES)
def test_help_shows_the_search_syntax_by_example(language: str) -> None:
    text = help_text(texts(language), [])
    for example in (
        "<code>OR</code>",
        "<code>NOT</code>",
        "<code>detention OR custody</code>",
        '<code>"child labour"</code>',
        "<code>traffick*</code>",
        "<code>/search (detention OR custody) migrant -adult</code>",
    ):
        assert example in text
    assert re.search(r'<code>-"[^"]+"</code>', text)
    assert re.search(r"<code>NOT \w+</code>", text)
    assert len(text) <= MESSAGE_LIMIT
    parse_html(text)
