"""Footnote markers glued to words are removed; numbers that belong to the text are not."""

from __future__ import annotations

import pytest

from index.ingest.footnotes import (
    strip_footnote_markers,
    strip_footnote_markers_with_numbers,
    text_before_first_marker,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on violence against children1 and in supporting", "on violence against children and in"),
        ("children deprived of liberty2 and has", "children deprived of liberty and has"),
        ("the more than 60 contributions received.3 The report", "received. The report"),
        ("survivors.12", "survivors."),
        ("the children,4 who", "the children, who"),
        ("Labour Organization (ILO).5 The", "Organization (ILO). The"),
        ("as she said: “no more.”6 Then", "“no more.” Then"),
        ("(see the study)7 and", "(see the study) and"),
        ("une société8 juste", "une société juste"),
    ],
)
def test_markers_are_removed(text: str, expected: str) -> None:
    assert expected in strip_footnote_markers(text)
    assert len(strip_footnote_markers(text)) < len(text)


@pytest.mark.parametrize(
    "text",
    [
        "General Assembly resolution 62/141, and 78/187.",
        "the 2030 Agenda for Sustainable Development",
        "the more than 60 contributions",
        "since the COVID-19 pandemic",
        "the G20 and the P5.",
        "target SDG 16.2 on violence",
        "warming of 1.5 degrees",
        "see A/HRC/55/24/Add.1 and E/CN.4/2005/12",
        "document A/79/150/Rev.1, No.5",
        "an area of 20 km2 was cleared",
        "COVID19 and H1N1",
        "in 2024, 3 reports",
        "paragraphs 3 and 4.",
        "children’s rights",
    ],
)
def test_numbers_of_the_text_are_kept(text: str) -> None:
    assert strip_footnote_markers(text) == text


def test_only_the_markers_change() -> None:
    text = "resolution 62/141, children1 and liberty2 in 2030. It received.3 The G20"
    assert strip_footnote_markers(text) == (
        "resolution 62/141, children and liberty in 2030. It received. The G20"
    )


def test_the_words_before_the_first_marker_are_those_the_page_shows_as_here() -> None:
    text = "the United Nations study on violence against children1 and in supporting"
    assert text_before_first_marker(text) == "the United Nations study on violence against"


def test_a_marker_after_punctuation_cuts_before_its_word() -> None:
    assert text_before_first_marker("She is grateful. It was received.3 The") == (
        "She is grateful. It was"
    )


def test_text_without_markers_is_whole() -> None:
    text = "The Special Representative continues to identify global challenges."
    assert text_before_first_marker(text) == text


def test_a_marker_on_the_first_word_leaves_nothing() -> None:
    assert text_before_first_marker("Children1 are") == ""


def test_the_numbers_of_the_stripped_markers_come_in_text_order() -> None:
    text = "children1 and liberty2 and children1 again, received.3 The G20"
    assert strip_footnote_markers_with_numbers(text) == (
        "children and liberty and children again, received. The G20",
        [1, 2, 1, 3],
    )


def test_known_footnotes_are_the_only_markers() -> None:
    text = "children1 in article7, received.3 and liberty2"
    assert strip_footnote_markers_with_numbers(text, {1, 2}) == (
        "children in article7, received.3 and liberty",
        [1, 2],
    )
    assert strip_footnote_markers(text, {1, 2}) == "children in article7, received.3 and liberty"


def test_known_footnotes_do_not_make_numbers_of_the_text_markers() -> None:
    text = "the G20, 20 km2 and SDG 16.2"
    assert strip_footnote_markers_with_numbers(text, {2, 20}) == (text, [])


def test_the_link_opening_stops_at_the_first_known_marker() -> None:
    text = "the study7 on children1 and"
    assert text_before_first_marker(text, {1}) == "the study7 on"
    assert text_before_first_marker(text) == "the"


# Scripts without capitals: Chinese and Arabic text keeps its numbers.


@pytest.mark.parametrize(
    "text",
    [
        "2024年1月，儿童人数达到12。",
        "第3段指出，1.6亿儿童在工作。",
        "问题。3个国家报告了进展。",
        "الفقرة ٣ من القرار 62/141",
        "في عام 2024، بلغ عدد الأطفال 12.",
        "الأطفال٣ في المدارس",
        "١٢- يستعرض هذا التقرير",
    ],
)
def test_numbers_in_chinese_and_arabic_text_are_kept(text: str) -> None:
    assert strip_footnote_markers(text) == text


@pytest.mark.parametrize(
    ("text", "stripped"),
    [
        ("贩运问题日益严重。3 另外，", "贩运问题日益严重。 另外，"),
        ("الأطفال.3 وقد", "الأطفال. وقد"),
        ("الأطفال،4 والنساء", "الأطفال، والنساء"),
        ("торговли детьми1 и", "торговли детьми и"),
    ],
)
def test_markers_after_chinese_arabic_and_cyrillic_words_go(text: str, stripped: str) -> None:
    assert strip_footnote_markers(text) == stripped


def test_a_marker_after_a_number_is_a_marker_where_the_document_has_that_footnote() -> None:
    known = [1, 4, 27]
    assert strip_footnote_markers_with_numbers(
        "the Geneva Conventions of 12 August 1949⁴ and (No. 181)²⁷ and items 5, 6 and 7,1 for",
        known,
    ) == (
        "the Geneva Conventions of 12 August 1949 and (No. 181) and items 5, 6 and 7, for",
        [4, 27, 1],
    )
    # A number is no marker: `1.5`, and a comma after a short number without such a footnote.
    assert strip_footnote_markers_with_numbers("warming of 1.5 degrees and 3,2 ratios", known) == (
        "warming of 1.5 degrees and 3,2 ratios",
        [],
    )


def test_a_marker_after_closing_quote_and_bracket_is_taken_out() -> None:
    assert strip_footnote_markers_with_numbers("against Cybercrime”),6 and all", [6]) == (
        "against Cybercrime”), and all",
        [6],
    )
