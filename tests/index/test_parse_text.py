"""Reading a report's plain text: preamble, summary, headings, numbered paragraphs."""

from __future__ import annotations

from textwrap import dedent

import pytest

from index.models import Paragraph, Report
from index.parse_text import parse_report_text
from tests.index.samples import SAMPLE_SYMBOL, SAMPLE_TEXT, sample_line

META = Report(symbol="A/HRC/1/1", title="A report", source_url="https://example.org/report")


def parse(text: str, meta: Report = META) -> Report:
    return parse_report_text(dedent(text), meta)


def by_number(report: Report) -> dict[int, Paragraph]:
    return {paragraph.number: paragraph for paragraph in report.paragraphs}


# The bundled report, A/HRC/58/19 as ReliefWeb shows it.


def test_the_bundled_report_has_its_summary_and_four_paragraphs(sample: Report) -> None:
    assert sample.symbol == SAMPLE_SYMBOL
    assert [p.number for p in sample.paragraphs] == [1, 2, 3, 4]
    assert sample.paragraph_count == 4
    assert sample.summary.startswith("In the present report, submitted pursuant to General")
    assert sample.summary.endswith("to end that form of violence against children.")


def test_the_page_preamble_is_not_content(sample: Report) -> None:
    content = [sample.summary, *(p.text for p in sample.paragraphs)]
    for preamble in ("Informing humanitarians", "Attachments", "Agenda item", "[EN/AR/RU/ZH]"):
        assert not any(preamble in text for text in content)


def test_the_bundled_paragraphs_stand_under_the_introduction(sample: Report) -> None:
    assert {p.section_path for p in sample.paragraphs} == {("I. Introduction",)}
    assert {(p.symbol, p.lang) for p in sample.paragraphs} == {(SAMPLE_SYMBOL, "en")}


def test_footnote_markers_are_removed_from_paragraph_1(sample: Report) -> None:
    text = sample.paragraphs[0].text
    assert "violence against children and in supporting" in text
    assert "children deprived of liberty and has encouraged" in text
    assert "resolution 62/141" in text
    assert "resolutions 76/147 and 78/187" in text
    assert "the 2030 Agenda for Sustainable Development" in text


def test_footnote_markers_are_removed_from_paragraph_4(sample: Report) -> None:
    assert "more than 60 contributions received. The report" in sample.paragraphs[3].text


@pytest.mark.parametrize(
    ("number", "markers"),
    [
        (1, {"children1": "children", "liberty2": "liberty"}),
        (2, {}),
        (3, {}),
        (4, {"received.3": "received."}),
    ],
)
def test_bundled_paragraphs_are_verbatim_but_for_the_markers(
    sample: Report, number: int, markers: dict[str, str]
) -> None:
    expected = sample_line(number)
    for marked, clean in markers.items():
        assert marked in expected
        expected = expected.replace(marked, clean)
    assert sample.paragraphs[number - 1].text == expected


def test_bundled_paragraph_links_quote_their_number_and_opening(sample: Report) -> None:
    source = sample.source_url
    assert source is not None
    assert sample.paragraphs[2].link == (
        f"{source}#:~:text=3.%20The%20Special%20Representative%20continues%20to%20identify"
    )
    assert all(
        p.link and p.link.startswith(f"{source}#:~:text={p.number}.") for p in sample.paragraphs
    )


def test_the_bundled_text_is_left_as_it_is() -> None:
    # The tests above read the markers out of the file; they must still be there.
    text = SAMPLE_TEXT.read_text(encoding="utf-8")
    assert "children1" in text
    assert "received.3" in text


# General cases, from texts written here.


def test_preamble_before_the_summary_is_dropped_and_summary_paragraphs_are_kept() -> None:
    report = parse(
        """\
        Site name
        World

        A report title (A/HRC/1/1)
        January 1 2025
        Agenda item 3

        Summary

        The first summary paragraph
        is wrapped.

        The second one.

        I. Introduction

        1. The first paragraph.
        """
    )
    assert report.summary == "The first summary paragraph is wrapped.\n\nThe second one."
    assert [p.text for p in report.paragraphs] == ["The first paragraph."]


def test_without_a_summary_the_report_starts_at_its_first_heading() -> None:
    report = parse(
        """\
        Some page header
        Another line of page furniture

        I. Introduction

        1. The first paragraph.
        """
    )
    assert report.summary == ""
    assert by_number(report)[1].section_path == ("I. Introduction",)


def test_without_headings_the_report_starts_at_its_first_numbered_paragraph() -> None:
    report = parse(
        """\
        A page header

        1. The first paragraph.

        2. The second paragraph.
        """
    )
    assert [(p.number, p.section_path, p.text) for p in report.paragraphs] == [
        (1, (), "The first paragraph."),
        (2, (), "The second paragraph."),
    ]


def test_lettered_headings_nest_under_the_roman_heading() -> None:
    report = parse(
        """\
        I. Introduction

        1. Introductory text.

        II. Activities

        A. Global level

        2. Global text.

        B. Regional level

        3. Regional text.

        III. Conclusions

        4. Concluding text.
        """
    )
    paragraphs = by_number(report)
    assert paragraphs[1].section_path == ("I. Introduction",)
    assert paragraphs[2].section_path == ("II. Activities", "A. Global level")
    assert paragraphs[3].section_path == ("II. Activities", "B. Regional level")
    assert paragraphs[4].section_path == ("III. Conclusions",)
    assert paragraphs[3].section == "B. Regional level"


def test_letters_that_are_roman_numerals_follow_the_letter_sequence() -> None:
    letters = "ABCDEFGHI"
    headings = "\n".join(
        f"{letter}. Topic {letter}\n\n{number}. Text {number}.\n"
        for number, letter in enumerate(letters, start=1)
    )
    report = parse(f"I. Activities\n\n{headings}\nII. Conclusions\n\n10. The end.\n")
    paragraphs = by_number(report)
    for number, letter in enumerate(letters, start=1):
        assert paragraphs[number].section_path == ("I. Activities", f"{letter}. Topic {letter}")
    assert paragraphs[10].section_path == ("II. Conclusions",)


def test_an_arabic_subheading_is_told_from_a_short_paragraph() -> None:
    report = parse(
        """\
        II. Activities

        A. Global level

        7. Text under the letter.

        1. Legislation

        8. Text under the subheading.

        9. A short paragraph

        10. The next paragraph.

        2. Policies

        11. Text under the second subheading.
        """
    )
    paragraphs = by_number(report)
    assert sorted(paragraphs) == [7, 8, 9, 10, 11]
    assert paragraphs[7].section_path == ("II. Activities", "A. Global level")
    assert paragraphs[8].section_path == ("II. Activities", "A. Global level", "1. Legislation")
    assert paragraphs[9].text == "A short paragraph"
    assert paragraphs[11].section_path == ("II. Activities", "A. Global level", "2. Policies")


def test_arabic_subheadings_directly_under_a_roman_heading_replace_each_other() -> None:
    report = parse(
        """\
        I. Introduction

        1. Introductory text.

        II. Activities

        1. Legislation

        2. Text on laws.

        2. Policies

        3. Text on policies.

        A. Regional level

        4. Regional text.
        """
    )
    assert [p.section_path for p in report.paragraphs] == [
        ("I. Introduction",),
        ("II. Activities", "1. Legislation"),
        ("II. Activities", "2. Policies"),
        ("II. Activities", "A. Regional level"),
    ]


def test_a_heading_wrapped_over_two_lines_is_one_heading() -> None:
    report = parse(
        "II. Activities of the Special Representative\nand results achieved\n\n1. Text.\n"
    )
    assert report.paragraphs[0].section_path == (
        "II. Activities of the Special Representative and results achieved",
    )


def test_a_numbered_title_before_the_first_paragraph_is_a_heading() -> None:
    report = parse("1. Introduction\n\n1. The text of the first paragraph.\n")
    assert [(p.number, p.section_path) for p in report.paragraphs] == [(1, ("1. Introduction",))]


def test_sub_items_stay_in_their_paragraph_one_per_line() -> None:
    report = parse(
        """\
        5. The Special Representative recommends that States:
        (a) Adopt laws;

        (b) Fund services, including:
        (i) Shelters;
        (ii) Helplines;
        (c) Collect data.

        6. Next paragraph.
        """
    )
    assert by_number(report)[5].text == (
        "The Special Representative recommends that States:\n(a) Adopt laws;\n"
        "(b) Fund services, including:\n(i) Shelters;\n(ii) Helplines;\n(c) Collect data."
    )
    assert by_number(report)[6].text == "Next paragraph."


def test_wrapped_lines_are_joined_with_single_spaces() -> None:
    report = parse(
        """\
        1.  The Special   Representative
            continues to identify global
        challenges,  and a line broken at a low-
        risk hyphen.
        """
    )
    assert by_number(report)[1].text == (
        "The Special Representative continues to identify global challenges, "
        "and a line broken at a low-risk hyphen."
    )


def test_a_wrapped_line_starting_with_a_year_is_not_a_paragraph() -> None:
    report = parse(
        """\
        1. The Assembly adopted the Agenda in
        2015. It has since been reviewed.
        2. The next paragraph.
        """
    )
    assert by_number(report)[1].text == (
        "The Assembly adopted the Agenda in 2015. It has since been reviewed."
    )
    assert sorted(by_number(report)) == [1, 2]


def test_paragraph_numbers_only_increase() -> None:
    report = parse(
        """\
        3. Third paragraph, listing:

        1. is not a new paragraph here.

        4. Fourth paragraph.
        """
    )
    assert sorted(by_number(report)) == [3, 4]
    assert by_number(report)[3].text == "Third paragraph, listing:\n1. is not a new paragraph here."


def test_a_page_break_inside_a_sentence_continues_it() -> None:
    report = parse("1. A sentence broken by a\n\nA/HRC/1/1\n\n3\n\npage break.\n")
    assert by_number(report)[1].text == "A sentence broken by a page break."


def test_pdf_pages_are_counted_and_linked() -> None:
    meta = META.model_copy(update={"source_url": "https://undocs.org/a.pdf"})
    report = parse(
        "I. Introduction\n\n1. On page one.\n\f2. On page two.\n\f\f3. Page four.\n", meta
    )
    assert [(p.number, p.page) for p in report.paragraphs] == [(1, 1), (2, 2), (3, 4)]
    assert by_number(report)[2].link == "https://undocs.org/a.pdf#page=2"


def test_text_without_form_feeds_has_no_pages() -> None:
    assert {p.page for p in parse("1. One.\n\n2. Two.\n").paragraphs} == {None}


def test_a_table_of_contents_ends_the_summary_and_is_skipped() -> None:
    report = parse(
        """\
        Summary

        The summary.

        Contents
        I. Introduction ........................ 3
        II. Activities . . . . . . . . . . . . . 4

        I. Introduction

        1. The first paragraph.
        """
    )
    assert report.summary == "The summary."
    assert [(p.number, p.section_path) for p in report.paragraphs] == [(1, ("I. Introduction",))]


def test_annexes_are_not_the_reports_paragraphs() -> None:
    report = parse("1. The last paragraph.\n\nAnnex I\n\n1. An annex paragraph.\n")
    assert [p.text for p in report.paragraphs] == ["The last paragraph."]


def test_markers_are_removed_from_summary_and_headings_too() -> None:
    report = parse("Summary\n\nA summary2 of it.\n\nI. Introduction1\n\n1. Text.\n")
    assert report.summary == "A summary of it."
    assert by_number(report)[1].section_path == ("I. Introduction",)


def test_paragraphs_carry_the_reports_symbol_language_and_links() -> None:
    meta = Report(symbol="A/HRC/2/2", lang="fr", title="Rapport", source_url=None)
    report = parse("1. Premier paragraphe.\n", meta)
    (paragraph,) = report.paragraphs
    assert (paragraph.symbol, paragraph.lang, paragraph.link) == ("A/HRC/2/2", "fr", None)
    assert paragraph.citation == "A/HRC/2/2, para. 1"
    assert report.title == "Rapport"


def test_a_web_link_quotes_only_words_before_a_marker() -> None:
    report = parse("1. Children1 are at risk.\n\n2. Studies on children2 show.\n")
    paragraphs = by_number(report)
    assert paragraphs[1].link == "https://example.org/report#:~:text=1."
    assert paragraphs[2].link == "https://example.org/report#:~:text=2.%20Studies%20on"


def test_text_without_numbered_paragraphs_gives_none() -> None:
    report = parse("Summary\n\nOnly a summary.\n")
    assert (report.paragraphs, report.paragraph_count) == ((), 0)
    assert report.summary == "Only a summary."


def test_windows_line_endings_are_read_like_any_other() -> None:
    report = parse("I. Introduction\r\n\r\n1. First\r\nline.\r\n")
    assert by_number(report)[1].text == "First line."
