"""Reading a report's plain text: preamble, summary, headings, numbered paragraphs."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

import pytest

from index.ingest.paragraphs import parse_document, parse_report_text, starts_content
from index.ingest.source import SourceDocument
from index.library import Library
from index.models import Paragraph, Report
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


def test_a_numbered_subheading_is_told_from_a_short_paragraph() -> None:
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


def test_numbered_subheadings_directly_under_a_roman_heading_replace_each_other() -> None:
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


# The number alone on its line.


def test_a_number_alone_on_its_line_numbers_the_text_below_it() -> None:
    report = parse(
        """\
        I. Introduction

        11. The paragraph before.

        12.
        The text of paragraph twelve,
        wrapped.
        (a) With a sub-item.
        """
    )
    assert (
        by_number(report)[12].text == "The text of paragraph twelve, wrapped.\n(a) With a sub-item."
    )
    assert by_number(report)[12].section_path == ("I. Introduction",)


def test_a_number_alone_after_a_numbered_subheading_is_the_paragraph_it_expects() -> None:
    report = parse("I. Activities\n\n4. Text.\n\n1. Legislation\n\n5.\nText on laws.\n")
    assert by_number(report)[5].section_path == ("I. Activities", "1. Legislation")
    assert by_number(report)[5].text == "Text on laws."


def test_a_year_alone_on_a_line_is_not_a_paragraph() -> None:
    report = parse("1. The Agenda adopted in\n2015.\nIt was reviewed.\n\n2. Next.\n")
    assert by_number(report)[1].text == "The Agenda adopted in 2015. It was reviewed."
    assert sorted(by_number(report)) == [1, 2]


# Tables of contents.


@pytest.mark.parametrize(
    "entries",
    [
        # Paragraphs and page, as pdfplumber reads tab stops.
        "Paragraphs Page\nI. Introduction 1-4 3\nII. Activities 5-9 3\nA. Global level 5-7 3\n"
        "Annex\nList of contributions received 9",
        # Dot leaders, with and without paragraph ranges.
        "Page\nI. Introduction ........ 1–4 3\nII. Activities . . . . . . 5–9 3\n"
        "Annex ................. 9",
        # A web page: the page alone.
        "I. Introduction 3\nII. Activities of the Special Representative\nand results 3\n"
        "Annexes\nI. List of contributions received 9",
    ],
)
def test_a_table_of_contents_is_neither_headings_nor_paragraphs(entries: str) -> None:
    report = parse(
        f"Summary\n\nThe summary.\n\nContents\n{entries}\n\n"
        "I. Introduction\n\n1. The first paragraph ends with a count of 60\nstudies.\n\n"
        "II. Activities\n\n2. The second paragraph.\n"
    )
    assert report.summary == "The summary."
    assert [(p.annex, p.number, p.section_path, p.text) for p in report.paragraphs] == [
        (None, 1, ("I. Introduction",), "The first paragraph ends with a count of 60 studies."),
        (None, 2, ("II. Activities",), "The second paragraph."),
    ]


def test_the_body_after_a_table_of_contents_may_start_with_a_paragraph() -> None:
    report = parse("Contents\nI. Introduction 1-4 3\n\n1. The first paragraph.\n")
    assert [(p.number, p.text) for p in report.paragraphs] == [(1, "The first paragraph.")]


# Annexes.


ANNEXED = """\
    I. Introduction

    1. The first paragraph of the report.

    2. The last paragraph of the report.

    Annex

    Recommendations of the Special
    Representative

    1. The first paragraph of the annex.

    2. The second paragraph of the annex.
    """


def test_annex_paragraphs_restart_their_numbering_under_the_annex_title() -> None:
    report = parse(ANNEXED)
    assert [(p.annex, p.number, p.section_path, p.text) for p in report.paragraphs] == [
        (None, 1, ("I. Introduction",), "The first paragraph of the report."),
        (None, 2, ("I. Introduction",), "The last paragraph of the report."),
        (
            "I",
            1,
            ("Annex — Recommendations of the Special Representative",),
            "The first paragraph of the annex.",
        ),
        (
            "I",
            2,
            ("Annex — Recommendations of the Special Representative",),
            "The second paragraph of the annex.",
        ),
    ]
    assert report.paragraph_count == 4
    assert [p.citation for p in report.paragraphs] == [
        "A/HRC/1/1, para. 1",
        "A/HRC/1/1, para. 2",
        "A/HRC/1/1, annex I, para. 1",
        "A/HRC/1/1, annex I, para. 2",
    ]


def test_annex_paragraph_links_quote_their_number_like_the_body() -> None:
    annex_paragraph = by_annex(parse(ANNEXED))[("I", 1)]
    assert annex_paragraph.link == (
        "https://example.org/report#:~:text=1.%20The%20first%20paragraph%20of%20the%20annex."
    )


def test_annex_paragraphs_link_to_their_pdf_page() -> None:
    meta = META.model_copy(update={"source_url": "https://undocs.org/a.pdf"})
    report = parse("1. Body.\n\fAnnex II\n\n1. Annex text\n\fgoing on.\n", meta)
    paragraph = by_annex(report)[("II", 1)]
    assert (paragraph.page, paragraph.link, paragraph.text) == (
        2,
        "https://undocs.org/a.pdf#page=2",
        "Annex text going on.",
    )


@pytest.mark.parametrize(
    ("line", "label"),
    [("Annex", "I"), ("Annex I", "I"), ("Annex II", "II"), ("Annexes", "I"), ("ANNEX IV", "IV")],
)
def test_annex_lines_name_their_annex(line: str, label: str) -> None:
    report = parse(f"1. Body.\n\n{line}\n\n1. Annex text.\n")
    assert [(p.annex, p.number, p.section_path) for p in report.paragraphs] == [
        (None, 1, ()),
        (label, 1, (line,)),
    ]


def test_each_annex_restarts_the_numbering_and_has_its_own_headings() -> None:
    report = parse(
        """\
        II. Conclusions

        9. Body.

        Annexes

        Annex I

        List of contributions

        I. States

        1. States text.

        Annex II

        1. Second annex text.
        """
    )
    assert [(p.annex, p.number, p.section_path) for p in report.paragraphs] == [
        (None, 9, ("II. Conclusions",)),
        ("I", 1, ("Annex I — List of contributions", "I. States")),
        ("II", 1, ("Annex II",)),
    ]


def test_text_between_an_annex_title_and_its_first_paragraph_is_not_the_reports() -> None:
    report = parse(
        "1. The last paragraph.\n\nAnnex\n\nA title\n\nAn unnumbered letter.\n\n1. Annex text.\n"
    )
    assert [p.text for p in report.paragraphs] == ["The last paragraph.", "Annex text."]


@pytest.mark.parametrize("annex", ["annex", "Annex I"])
def test_an_annex_wrapped_alone_onto_a_line_of_a_sentence_is_text(annex: str) -> None:
    report = parse(f"1. As set out in\n{annex}\nto the present report.\n")
    assert [(p.annex, p.text) for p in report.paragraphs] == [
        (None, f"As set out in {annex} to the present report.")
    ]


def test_an_annex_starting_a_pdf_page_is_an_annex() -> None:
    report = parse("1. The last paragraph.\n\fAnnex\n1. Annex text.\n")
    assert [(p.annex, p.number, p.page) for p in report.paragraphs] == [(None, 1, 1), ("I", 1, 2)]


def by_annex(report: Report) -> dict[tuple[str | None, int], Paragraph]:
    return {(paragraph.annex, paragraph.number): paragraph for paragraph in report.paragraphs}


# Footnotes kept as notes.


NOTED = SourceDocument(
    text=(
        "I. Introduction\n\n"
        "1. The study on violence against children1 and on children deprived of\n"
        "liberty2 were received.1\n\n"
        "2. The G20 met in 2024; article7 is not a footnote.\n"
    ),
    footnotes={1: "A/61/299.", 2: "A/74/136."},
)


def test_a_paragraph_notes_the_footnotes_its_markers_cite_in_order_once() -> None:
    paragraph = by_number(parse_document(NOTED, META))[1]
    assert paragraph.text == (
        "The study on violence against children and on children deprived of liberty were received."
    )
    assert paragraph.notes == ("A/61/299.", "A/74/136.")
    assert paragraph.note_numbers == (1, 2)


def test_the_notes_and_their_numbers_are_kept_in_the_index(tmp_path: Path) -> None:
    report = parse_document(NOTED, META)
    library = Library(tmp_path / "index")
    try:
        library.add(report)
        found = library.paragraph(report.symbol, 1)
    finally:
        library.close()
    assert found is not None
    assert (found.notes, found.note_numbers) == (("A/61/299.", "A/74/136."), (1, 2))


def test_with_known_footnotes_only_their_numbers_are_markers() -> None:
    paragraph = by_number(parse_document(NOTED, META))[2]
    assert paragraph.text == "The G20 met in 2024; article7 is not a footnote."
    assert paragraph.notes == ()


def test_without_known_footnotes_markers_go_and_no_notes_come() -> None:
    report = parse_document(SourceDocument(NOTED.text), META)
    assert by_number(report)[2].text == "The G20 met in 2024; article is not a footnote."
    assert {p.notes for p in report.paragraphs} == {()}


def test_a_footnoted_link_quotes_the_words_before_the_first_known_marker() -> None:
    paragraph = by_number(parse_document(NOTED, META))[1]
    assert paragraph.link == (
        "https://example.org/report#:~:text=1.%20The%20study%20on%20violence%20against"
    )


def test_summary_and_headings_lose_known_markers_only() -> None:
    document = SourceDocument(
        "Summary\n\nA summary2 of point3.\n\nI. Introduction2\n\n1. Text.\n", {2: "A note."}
    )
    report = parse_document(document, META)
    assert report.summary == "A summary of point3."
    assert by_number(report)[1].section_path == ("I. Introduction",)


# Words hyphenated at line ends (the rule itself: tests/index/ingest/test_hyphenation.py).


def test_a_soft_hyphen_goes_and_a_compound_hyphen_stays() -> None:
    report = parse(
        """\
        Summary

        A multi-stakeholder effort.

        1. Child protec-
        tion needs multi-
        stakeholder work and cross-
        border cooperation.
        """
    )
    assert by_number(report)[1].text == (
        "Child protection needs multi-stakeholder work and cross-border cooperation."
    )


def test_a_hyphenated_heading_is_joined_by_the_same_rule() -> None:
    report = parse("II. Activities for the protec-\ntion of children\n\n1. Text.\n")
    assert by_number(report)[1].section_path == ("II. Activities for the protection of children",)


# Where the content of a report's first page begins.


@pytest.mark.parametrize(
    ("line", "starts"),
    [
        ("Summary", True),
        ("Contents", True),
        ("I. Introduction", True),
        ("1. The first paragraph.", True),
        ("12.", True),
        ("United Nations", False),
        ("A/HRC/58/19", False),
        ("Distr.: General", False),
        ("13 January 2025", False),
        ("Agenda item 3", False),
        ("Annual report of the Special Representative", False),
    ],
)
def test_content_starts_at_a_summary_contents_heading_or_paragraph(line: str, starts: bool) -> None:
    assert starts_content(line) is starts
