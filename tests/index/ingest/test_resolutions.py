"""Resolutions and decisions, annexes and numbering: the parts of a UN document issue 14 is about.

Plain text, as the PDF reader hands it to the parser (a blank line between paragraphs, form feeds
between pages).
"""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

import pytest

from index.errors import IngestError
from index.ingest.files import InputFile, read_reports
from index.ingest.metadata import detect_metadata
from index.ingest.paragraphs import parse_document, parse_report_text, starts_content
from index.ingest.source import SourceDocument
from index.models import NUMBERED, PREAMBULAR, UNNUMBERED, Paragraph, Report

META = Report(symbol="A/RES/78/9", title="T", source_url="https://example.org/resolution")

RESOLUTION = """\
    The General Assembly,

    Reaffirming its resolution 70/1 of 25 September 2015, entitled "Transforming our
    world: the 2030 Agenda for Sustainable Development",

    Noting that 2023 marks the twenty-fifth anniversary of the establishment of the
    \f
    Special Programme,

    Recalling its decision:

    (a) To hold a meeting;

    (b) To report on it,

    1. Congratulates the participating States;

    2. Stresses that the cost should be met through voluntary contributions.

    37th plenary meeting
    20 November 2023
"""


def parse(text: str, meta: Report = META, warnings: list[str] | None = None) -> Report:
    return parse_document(SourceDocument(dedent(text)), meta, warnings)


def places(report: Report) -> list[tuple[str | None, str, int]]:
    return [(p.annex, p.kind, p.number) for p in report.paragraphs]


def test_preambular_paragraphs_are_paragraphs_of_their_own_kind_in_order() -> None:
    report = parse(RESOLUTION)
    assert places(report) == [
        (None, PREAMBULAR, 1),
        (None, PREAMBULAR, 2),
        (None, PREAMBULAR, 3),
        (None, NUMBERED, 1),
        (None, NUMBERED, 2),
    ]
    first, second, third, *_ = report.paragraphs
    assert first.text.startswith("Reaffirming its resolution 70/1 of 25 September 2015")
    # A page break inside a preambular paragraph does not start another.
    assert second.text == (
        "Noting that 2023 marks the twenty-fifth anniversary of the establishment of the "
        "Special Programme,"
    )
    assert second.page == 1
    # Lettered subparagraphs stay with their paragraph.
    assert third.text == "Recalling its decision:\n(a) To hold a meeting;\n(b) To report on it,"


def test_a_preambular_paragraph_is_cited_by_its_place_in_the_preamble() -> None:
    first, second, third, operative, _ = parse(RESOLUTION).paragraphs
    assert third.place == "third preambular paragraph"
    assert third.citation == "resolution 78/9, third preambular paragraph"
    assert operative.citation == "A/RES/78/9, para. 1"
    # Its link quotes its opening words, with no number before them.
    assert first.link == (
        "https://example.org/resolution#:~:text=Reaffirming%20its%20resolution%2070%2F1%20of%2025"
    )
    draft = second.model_copy(update={"symbol": "A/C.3/80/L.12"})
    assert draft.citation == "A/C.3/80/L.12, second preambular paragraph"


def test_the_adoption_line_is_metadata_not_the_last_paragraph_s_text() -> None:
    report = parse(RESOLUTION)
    assert report.paragraphs[-1].text == (
        "Stresses that the cost should be met through voluntary contributions."
    )
    assert report.adoption == "37th plenary meeting, 20 November 2023"


def test_the_opening_of_a_resolution_is_where_its_content_starts() -> None:
    assert starts_content("The General Assembly,")
    assert starts_content("L'Assemblée générale,")
    # The organ's name alone is a masthead line.
    assert not starts_content("General Assembly")
    assert not starts_content("人权理事会")


def test_a_resolution_with_only_a_preamble_and_lettered_paragraphs_is_read() -> None:
    report = parse(
        """\
        The General Assembly,

        Recalling its resolution ES-10/24,

        Recalling further its decision 79/573 B:

        (a) Expresses its gratitude;

        (b) Endorses the Declaration.
        """
    )
    assert places(report) == [(None, PREAMBULAR, 1), (None, PREAMBULAR, 2)]
    assert report.paragraphs[1].text.endswith("(b) Endorses the Declaration.")


ANNEX_PLACES = [(None, NUMBERED, 44), (None, NUMBERED, 45), ("I", NUMBERED, 1), ("I", NUMBERED, 2)]
ANNEX_MID_PAGE = """\
    I. Introduction

    44. The Special Representative visited the region.

    45. The Special Representative recommends the following.

    {heading}

    1. States shared their good practices.

    2. Several States adopted laws.
"""


@pytest.mark.parametrize(
    ("heading", "section"),
    [
        (
            "Annex I — Good practices submitted by States",
            "Annex I — Good practices submitted by States",
        ),
        (
            "Annex I: Good practices submitted by States",
            "Annex I — Good practices submitted by States",
        ),
        (
            "Annex I\n\nGood practices submitted by States",
            "Annex I — Good practices submitted by States",
        ),
        ("ANNEX", "ANNEX"),
    ],
)
def test_an_annex_heading_on_one_line_or_two_starts_the_annex(heading: str, section: str) -> None:
    text = dedent(ANNEX_MID_PAGE).format(heading=heading)
    report = parse_report_text(text, META)
    assert places(report) == ANNEX_PLACES
    assert report.paragraphs[1].text == "The Special Representative recommends the following."
    assert report.paragraphs[2].section_path == (section,)
    assert report.paragraphs[2].citation == "A/RES/78/9, annex I, para. 1"


@pytest.mark.parametrize(
    ("lang", "heading", "label"),
    [
        ("fr", "Annexe II", "II"),
        ("es", "Anexo II", "II"),
        ("ru", "Приложение II", "II"),
        ("ar", "المرفق الثاني", "II"),
        ("zh", "附件二", "II"),
        ("fr", "Annexe I : Bonnes pratiques", "I"),
    ],
)
def test_annex_headings_in_the_six_languages(lang: str, heading: str, label: str) -> None:
    text = f"1. Texte.\n\n2. Texte.\n\n{heading}\n\n1. Texte.\n"
    report = parse_report_text(text, META.model_copy(update={"lang": lang}))
    assert [(p.annex, p.number) for p in report.paragraphs] == [
        (None, 1),
        (None, 2),
        (label, 1),
    ]


def test_an_appendix_with_numbered_paragraphs_is_a_part_of_its_own() -> None:
    report = parse(
        """\
        1. The body.

        Appendix A

        Terms of reference

        1. The appendix's first paragraph.
        """
    )
    assert [(p.annex, p.number) for p in report.paragraphs] == [(None, 1), ("appendix A", 1)]
    appendix = report.paragraphs[1]
    assert appendix.citation == "A/RES/78/9, appendix A, para. 1"
    assert appendix.section_path == ("Appendix A — Terms of reference",)


def test_numbering_that_restarts_without_a_heading_starts_a_new_part_with_a_warning() -> None:
    warnings: list[str] = []
    report = parse(
        """\
        44. The Special Representative visited the region.

        45. The Special Representative recommends the following.
        \f
        Good practices submitted by States

        1. States shared their good practices.

        2. Several States adopted laws.
        """,
        warnings=warnings,
    )
    assert places(report) == ANNEX_PLACES
    assert report.paragraphs[1].text == "The Special Representative recommends the following."
    assert report.paragraphs[2].section_path == ("Good practices submitted by States",)
    assert warnings == [
        "A/RES/78/9: page 2: paragraph 1 after paragraph 45 without an annex heading; read as "
        "the start of annex I"
    ]


def test_a_list_inside_a_paragraph_stays_in_it_without_a_warning() -> None:
    warnings: list[str] = []
    report = parse(
        """\
        7. We will pursue the following objectives:

        1. Close all digital divides;

        2. Expand inclusion.

        8. Our cooperation will be guided by the Charter.
        """,
        warnings=warnings,
    )
    assert [p.number for p in report.paragraphs] == [7, 8]
    assert report.paragraphs[0].text == (
        "We will pursue the following objectives:\n1. Close all digital divides;\n"
        "2. Expand inclusion."
    )
    assert warnings == []


def test_numbering_that_goes_back_where_the_reader_cannot_tell_is_warned_of() -> None:
    warnings: list[str] = []
    report = parse(
        """\
        12. The Special Representative recommends:

        3. Something the reader cannot place.
        """,
        warnings=warnings,
    )
    assert [p.number for p in report.paragraphs] == [12]
    assert report.paragraphs[0].text.endswith("\n3. Something the reader cannot place.")
    assert warnings == [
        "A/RES/78/9: page 1: `3.` after paragraph 12 starts neither a new part nor the next "
        "paragraph; kept in paragraph 12"
    ]


def test_strict_makes_a_warning_an_error(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("A/HRC/1/1\n\n12. Recommends:\n\n3. Unplaced.\n", encoding="utf-8")
    (ingested,) = read_reports([InputFile(path)])
    assert ingested.warnings == (
        "A/HRC/1/1: page 1: `3.` after paragraph 12 starts neither a new part nor the next "
        "paragraph; kept in paragraph 12",
    )
    with pytest.raises(IngestError, match=r"r\.txt: A/HRC/1/1: page 1: `3\.` after paragraph 12"):
        read_reports([InputFile(path)], strict=True)


def test_ordinals_name_the_places_of_long_preambles() -> None:
    def place(number: int) -> str:
        return Paragraph(symbol="A/RES/1/1", number=number, kind=PREAMBULAR, text="x").place

    assert place(1) == "first preambular paragraph"
    assert place(21) == "twenty-first preambular paragraph"
    assert place(40) == "fortieth preambular paragraph"
    assert place(101) == "101st preambular paragraph"


def test_a_paragraph_without_a_number_is_cited_by_its_place() -> None:
    def paragraph(symbol: str, number: int, annex: str | None = None) -> Paragraph:
        return Paragraph(symbol=symbol, number=number, kind=UNNUMBERED, annex=annex, text="x")

    assert paragraph("A/80/L.37", 1).place == "first paragraph"
    assert paragraph("A/80/L.37", 1).citation == "A/80/L.37, first paragraph"
    assert paragraph("A/80/L.19", 2).citation == "A/80/L.19, second paragraph"
    assert paragraph("A/80/L.19", 2, "I").citation == "A/80/L.19, annex I, second paragraph"
    # A resolution's number stands for it only in its preamble's citations, as the UN cites them.
    assert paragraph("A/RES/80/1", 3).citation == "A/RES/80/1, third paragraph"


def test_a_decision_of_one_sentence_is_one_paragraph_without_a_number() -> None:
    report = parse(
        "The General Assembly, recalling its decision 75/511 B, decides to convene the\n"
        "next Pledging Conference in 2027.\n"
    )
    assert [(p.kind, p.number, p.text) for p in report.paragraphs] == [
        (
            UNNUMBERED,
            1,
            "The General Assembly, recalling its decision 75/511 B, decides to convene the "
            "next Pledging Conference in 2027.",
        )
    ]


def test_an_amendment_s_paragraphs_start_after_a_finished_sentence() -> None:
    report = parse(
        "Delete the thirty-eighth preambular paragraph reading:\n\n"
        "Recalling the inclusion of attacks against personnel\n"
        "\f\n"
        "as a war crime,\n"
    )
    assert [(p.kind, p.number, p.page, p.text) for p in report.paragraphs] == [
        (UNNUMBERED, 1, 1, "Delete the thirty-eighth preambular paragraph reading:"),
        (UNNUMBERED, 2, 1, "Recalling the inclusion of attacks against personnel as a war crime,"),
    ]


def test_numbered_or_preambular_paragraphs_leave_no_text_without_a_number() -> None:
    report = parse("Some words of a masthead\n\nThe General Assembly,\n\nRecalling it,\n")
    assert [(p.kind, p.number) for p in report.paragraphs] == [(PREAMBULAR, 1)]


def test_a_resolution_in_sections_numbers_each_afresh_with_its_own_preamble() -> None:
    warnings: list[str] = []
    report = parse(
        """\
        The General Assembly,

        I

        Construction in progress

        Recalling its resolution 77/263 A,

        1. Takes note of the report;

        2. Appropriates an amount for 2024;

        II

        Progress on the replacement of office blocks

        Having considered the report of the Secretary-General,

        1. Endorses the conclusions of the Advisory Committee;
        """,
        warnings=warnings,
    )
    assert [(p.annex, p.kind, p.number) for p in report.paragraphs] == [
        ("section I", PREAMBULAR, 1),
        ("section I", NUMBERED, 1),
        ("section I", NUMBERED, 2),
        ("section II", PREAMBULAR, 1),
        ("section II", NUMBERED, 1),
    ]
    last = report.paragraphs[-1]
    assert last.citation == "A/RES/78/9, section II, para. 1"
    assert last.section_path == ("II — Progress on the replacement of office blocks",)
    assert report.paragraphs[3].citation == (
        "resolution 78/9, section II, first preambular paragraph"
    )
    assert warnings == []


def test_sections_whose_numbering_runs_on_are_headings() -> None:
    report = parse(
        """\
        The General Assembly,

        Reaffirming the Convention,

        I
        Implementation of the Convention

        1. Reaffirms the unified character of the Convention;

        II
        Capacity-building

        2. Recognizes the importance of assisting developing States;
        """
    )
    assert [(p.annex, p.kind, p.number, p.section_path) for p in report.paragraphs] == [
        (None, PREAMBULAR, 1, ()),
        (None, NUMBERED, 1, ("I Implementation of the Convention",)),
        (None, NUMBERED, 2, ("II Capacity-building",)),
    ]


@pytest.mark.parametrize(
    ("masthead", "title"),
    [
        (
            "Item 35 of the provisional agenda*\nQuestion of Palestine\n"
            "France, Guinea and State of\nPalestine:** draft decision\n"
            "Endorsement of the New York Declaration",
            "Endorsement of the New York Declaration",
        ),
        (
            "Agenda item 23\nOperational activities for development\n"
            "Draft decision submitted by the President of the General Assembly*\n"
            "United Nations Pledging Conference for Development Activities",
            "United Nations Pledging Conference for Development Activities",
        ),
        (
            "Agenda item 13\nIntegrated and coordinated implementation\n"
            "Resolution adopted by the General Assembly on\n20 November 2023\n"
            "[without reference to a Main Committee (A/78/L.8)]\n"
            "78/9. Commemoration of the twenty-fifth anniversary",
            "78/9. Commemoration of the twenty-fifth anniversary",
        ),
    ],
)
def test_a_draft_s_sponsors_and_a_resolution_s_adoption_are_not_its_title(
    masthead: str, title: str
) -> None:
    assert detect_metadata(f"United Nations\nA/80/L.1\nGeneral Assembly\n{masthead}").title == title
