"""Real UN PDFs (tests/index/ingest/formats/real/), read as a user's `reportbot ingest` reads them.

Each test is one of the faults the reader had on real General Assembly documents (issue 14):
page furniture left in the text, footnotes glued on under typed underscores, preambles dropped,
the adoption line glued onto the last paragraph, a decision without numbered paragraphs refused,
a decision of one sentence and an amendment, which number no paragraph, refused.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from index.ingest.files import Ingested, InputFile, read_reports
from index.models import NUMBERED, PREAMBULAR, UNNUMBERED, Paragraph, Report

REAL = Path(__file__).parent / "real"


def read(name: str) -> Ingested:
    (ingested,) = read_reports([InputFile(REAL / name)])
    return ingested


@pytest.fixture(scope="module")
def resolution_78_9() -> Report:
    return read("A_RES_78_9.pdf").report


@pytest.fixture(scope="module")
def resolution_79_71() -> Report:
    return read("A_RES_79_71.pdf").report


def of_kind(report: Report, kind: str) -> list[Paragraph]:
    return [p for p in report.paragraphs if p.kind == kind]


def test_no_header_footer_or_job_number_is_left_in_any_paragraph(
    resolution_79_71: Report,
) -> None:
    for paragraph in resolution_79_71.paragraphs:
        text = " ".join([paragraph.text, *paragraph.notes])
        for furniture in ("24-23077", "2/3", "3/3", "A/RES/79/71"):
            assert furniture not in text, paragraph.citation
    # The short title of the running header stands in the text only where the text says it.
    assert [p.citation for p in resolution_79_71.paragraphs if "Report of the" in p.text] == [
        "A/RES/79/71, para. 11"
    ]


def test_a_paragraph_crossing_a_page_reads_as_if_the_page_had_not_broken(
    resolution_79_71: Report,
) -> None:
    sixth_preambular = of_kind(resolution_79_71, PREAMBULAR)[5]
    assert sixth_preambular.text.endswith(
        "nor did the Conference succeed in commencing its substantive work by means of "
        "negotiations,"
    )
    assert of_kind(resolution_79_71, NUMBERED)[4].text.endswith(
        "if possible, to make recommendations, taking into account all relevant proposals, "
        "past, present and future, including those submitted as documents of the Conference, "
        "views presented and discussions held, and to endeavour to keep the membership of the "
        "Conference informed, as appropriate, of their consultations;"
    )


def test_footnotes_under_typed_underscores_are_the_notes_of_the_paragraphs_citing_them(
    resolution_79_71: Report,
) -> None:
    notes = [(p.citation, p.notes) for p in resolution_79_71.paragraphs if p.notes]
    assert notes == [
        (
            "resolution 79/71, first preambular paragraph",
            (
                "Official Records of the General Assembly, Seventy-ninth Session, Supplement "
                "No. 27 (A/79/27).",
            ),
        ),
        ("resolution 79/71, eleventh preambular paragraph", ("Ibid., para. 10.",)),
        (
            "A/RES/79/71, para. 3",
            ("Ibid., Sixty-fourth Session, Supplement No. 27 (A/64/27), para. 18.",),
        ),
        (
            "A/RES/79/71, para. 4",
            ("Ibid., Seventy-ninth Session, Supplement No. 27 (A/79/27), paras. 13 and 14.",),
        ),
        ("A/RES/79/71, para. 8", ("CD/8/Rev.10, paras. 32–36.",)),
    ]
    for paragraph in resolution_79_71.paragraphs:
        assert "____" not in paragraph.text
    # The markers are gone from the text, after a word, a year or a number alike.
    assert "adopted by the Conference on 29 May 2009, as well as" in (
        of_kind(resolution_79_71, NUMBERED)[2].text
    )
    assert "agenda items 5, 6 and 7, for the 2024 session" in (
        of_kind(resolution_79_71, NUMBERED)[3].text
    )
    assert of_kind(resolution_79_71, NUMBERED)[7].text.endswith("rules of procedure;")


def test_a_marker_after_a_year_is_taken_out(resolution_78_9: Report) -> None:
    second = of_kind(resolution_78_9, PREAMBULAR)[1]
    assert "Tashkent Declaration of 26 March 1998, by which" in second.text
    assert second.notes == ("A/53/96, annex II.",)


def test_preambular_paragraphs_are_kept_in_order_and_cited_as_the_un_cites_them(
    resolution_78_9: Report,
) -> None:
    preamble = of_kind(resolution_78_9, PREAMBULAR)
    assert [p.text.split()[0] for p in preamble] == [
        "Reaffirming",
        "Taking",
        "Welcoming",
        "Recognizing",
        "Welcoming",
        "Noting",
    ]
    assert [p.number for p in preamble] == [1, 2, 3, 4, 5, 6]
    assert preamble[2].citation == "resolution 78/9, third preambular paragraph"
    assert of_kind(resolution_78_9, NUMBERED)[2].citation == "A/RES/78/9, para. 3"
    assert [p.kind for p in resolution_78_9.paragraphs] == [PREAMBULAR] * 6 + [NUMBERED] * 5


def test_the_adoption_committee_and_numbered_title_are_metadata_not_text(
    resolution_78_9: Report,
) -> None:
    assert resolution_78_9.title == (
        "78/9. Commemoration of the twenty-fifth anniversary of the United Nations Special "
        "Programme for the Economies of Central Asia"
    )
    assert resolution_78_9.adoption == "37th plenary meeting, 20 November 2023"
    assert resolution_78_9.committee == "without reference to a Main Committee (A/78/L.8)"
    assert resolution_78_9.date == dt.date(2023, 11, 27)
    last = resolution_78_9.paragraphs[-1]
    assert last.text.endswith("including from the private sector.")
    assert "plenary" not in last.text


def test_a_decision_of_preambular_and_lettered_paragraphs_is_read_not_refused() -> None:
    ingested = read("A_80_L.1.pdf")
    report = ingested.report
    assert ingested.warnings == ()
    assert [(p.kind, p.number) for p in report.paragraphs] == [
        (PREAMBULAR, 1),
        (PREAMBULAR, 2),
        (PREAMBULAR, 3),
    ]
    third = report.paragraphs[2]
    pieces = third.text.split("\n")
    assert pieces[0].startswith("Recalling further the decision of the General Assembly")
    assert pieces[1].startswith("(a) Expresses its profound gratitude to France and Saudi Arabia")
    assert pieces[1].endswith("the Two-State Solution;")
    assert pieces[2].startswith("(b) Endorses the New York Declaration")
    assert third.notes == ("A/CONF.243/2025/1, annex.",)


def test_a_decision_of_one_sentence_is_read_as_one_paragraph_without_a_number() -> None:
    ingested = read("A_80_L.37.pdf")
    report = ingested.report
    assert ingested.warnings == ()
    assert (report.symbol, report.title) == (
        "A/80/L.37",
        "United Nations Pledging Conference for Development Activities",
    )
    (decision,) = report.paragraphs
    assert (decision.kind, decision.number) == (UNNUMBERED, 1)
    assert decision.citation == "A/80/L.37, first paragraph"
    # Verbatim, the organ's opening included: it is the first words of the decision's sentence.
    assert decision.text == (
        "The General Assembly, recalling its decision 75/511 B of 9 September 2021, by which it "
        "decided to adjust the scope of the United Nations Pledging Conference for Development "
        "Activities and to hold the Conference on an annual basis shortly after the operational "
        "activities for development segment of the Economic and Social Council session, and "
        "taking into account the letter dated 8 December 2025 from the Under-Secretary-General "
        "for Economic and Social Affairs addressed to the President of the General Assembly, "
        "decides to convene the next Pledging Conference for Development Activities in 2027."
    )
    # The masthead, the title, the sponsor's asterisk note and the job number are not text.
    assert decision.notes == ()


def test_an_amendment_to_a_draft_is_read_and_titled_as_the_draft() -> None:
    ingested = read("A_80_L.32.pdf")
    report = ingested.report
    assert ingested.warnings == ()
    # The amendment's masthead names its sponsor and the draft it amends, then the draft's title.
    assert (report.symbol, report.title, report.date) == (
        "A/80/L.32",
        "Strengthening of the coordination of emergency humanitarian assistance of the United "
        "Nations",
        dt.date(2025, 12, 8),
    )
    assert [(p.kind, p.number, p.citation, p.text) for p in report.paragraphs] == [
        (
            UNNUMBERED,
            1,
            "A/80/L.32, first paragraph",
            "In operative paragraph 69, replace “sexual and reproductive” with “emergency”.",
        )
    ]
