"""Reading a UN report's PDF: the text the parser needs, its footnotes, and its masthead apart."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from index.errors import IngestError
from index.ingest.formats.pdf import _lines, read_pdf
from index.ingest.paragraphs import parse_document
from index.ingest.source import SourceDocument
from index.models import Report
from tests.index.ingest.formats.un_pdf import (
    SYMBOL,
    write_annex_mid_page,
    write_footnote_over_pages,
    write_report,
    write_rule_in_text,
    write_scan,
    write_symbol_alone_on_top,
)

URL = "https://docs.un.org/en/A/HRC/58/19.pdf"
META = Report(symbol=SYMBOL, title="Annual report", source_url=URL)

MASTHEAD = [
    "United Nations",
    SYMBOL,
    "Distr.: General",
    "General Assembly",
    "13 January 2025",
    "Original: English",
    "Human Rights Council",
    "Fifty-eighth session",
    "24 February-4 April 2025",
    "Agenda item 3*",
    "Promotion and protection of all human rights, civil, political,",
    "economic, social and cultural rights, including the right to development",
]
TITLE = [
    "Annual report of the Special Representative of the",
    "Secretary-General on Violence against Children",
]
INTRODUCTION = ("I. Introduction",)
GLOBAL = ("II. Activities of the Special Representative", "A. Global level")
REGIONAL = ("II. Activities of the Special Representative", "B. Regional level")
ANNEX = ("Annex — Recommendations of the Special Representative",)
NOTE_3 = (
    "Contributions received by 31 October 2024 are on the web page of the Special Representative."
)


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory) -> SourceDocument:
    return read_pdf(write_report(tmp_path_factory.mktemp("pdf") / "report.pdf"))


@pytest.fixture(scope="module")
def report(document: SourceDocument) -> Report:
    return parse_document(document, META)


def test_every_paragraph_is_read_word_for_word_with_its_place(report: Report) -> None:
    assert [
        (p.annex, p.number, p.section_path, p.page, p.text, p.notes) for p in report.paragraphs
    ] == [
        (
            None,
            1,
            INTRODUCTION,
            2,
            "The Special Representative promotes the recommendations of the study on violence "
            "against children and of the global study on children deprived of liberty in all "
            "regions.",
            ("A/61/299.", "A/74/136."),
        ),
        (
            None,
            2,
            INTRODUCTION,
            2,
            "In the present report, the Special Representative reviews the actions she took in "
            "2024 at the global, regional and national levels.",
            (),
        ),
        (
            None,
            3,
            INTRODUCTION,
            3,
            "The Special Representative calls for the protection of children through "
            "multi-stakeholder action across borders.",
            (),
        ),
        (
            None,
            4,
            GLOBAL,
            3,
            "She is grateful for the more than 60 contributions received. The report also "
            "benefited from input from children.",
            (NOTE_3,),
        ),
        (
            None,
            5,
            GLOBAL,
            3,
            "The Special Representative recommends that States:\n"
            "(a) Adopt laws against trafficking;\n"
            "(b) Fund services for survivors.",
            (),
        ),
        (
            None,
            6,
            GLOBAL,
            3,
            "Trafficking in children continues to be driven by conflict, poverty and climate "
            "change, which force families to move.",
            (),
        ),
        (
            None,
            7,
            REGIONAL,
            4,
            "Regional organizations adopted action plans. They meet every year.",
            (),
        ),
        (None, 8, REGIONAL, 4, "The Special Representative visited three regions.", ()),
        ("I", 1, ANNEX, 5, "States should end the detention of children.", ()),
        (
            "I",
            2,
            ANNEX,
            5,
            "States should report on their progress to the Council.",
            ("See A/HRC/55/24.",),
        ),
    ]


def test_the_summary_comes_out_of_its_box(report: Report) -> None:
    assert report.summary == (
        "In the present report, submitted pursuant to General Assembly resolution 78/187, the "
        "Special Representative reviews the actions she took in 2024. She emphasizes the wide "
        "multi-stakeholder mobilization undertaken throughout 2024.\n\n"
        "The report is focused on the increase in trafficking in children."
    )


def test_paragraphs_link_to_their_page_of_the_pdf(report: Report) -> None:
    assert {(p.annex, p.number): p.link for p in report.paragraphs}[("I", 2)] == f"{URL}#page=5"


def test_the_front_matter_is_the_masthead_title_and_asterisk_note_as_they_read(
    document: SourceDocument,
) -> None:
    assert document.front_matter.split("\n") == [*MASTHEAD, *TITLE, "* A/HRC/58/1."]


def test_the_text_starts_at_the_summary_without_the_masthead(document: SourceDocument) -> None:
    lines = document.text.split("\n")
    assert lines[0] == "Summary"
    for masthead_line in [*MASTHEAD, *TITLE]:
        assert masthead_line not in lines
    assert "Distr." not in document.text


def test_the_footnotes_are_collected_by_number_and_out_of_the_text(
    document: SourceDocument,
) -> None:
    assert document.footnotes == {
        1: "A/61/299.",
        2: "A/74/136.",
        3: NOTE_3,
        4: "See A/HRC/55/24.",
    }
    for note in ("A/61/299", "A/74/136", "web page", "A/HRC/55/24", "A/HRC/58/1"):
        assert note not in document.text


def test_superscript_markers_stay_glued_to_their_words(document: SourceDocument) -> None:
    for marked in ("children1 ", "liberty2 ", "received.3 ", "Council.4"):
        assert marked in document.text


def test_headers_footers_job_numbers_and_barcodes_are_dropped(document: SourceDocument) -> None:
    lines = document.text.replace("\f", "").split("\n")
    assert SYMBOL not in lines
    assert not [line for line in lines if line.endswith("/5")]
    assert "GE.25-00123" not in document.text
    assert "2500123" not in document.text
    assert "recycle" not in document.text


def test_the_first_pages_top_is_masthead_where_later_pages_have_their_header(
    tmp_path: Path,
) -> None:
    document = read_pdf(write_symbol_alone_on_top(tmp_path / "symbol.pdf"))
    assert document.front_matter == SYMBOL
    assert [line for line in document.text.split("\n") if line] == [
        "I. Introduction",
        "1. The first paragraph.",
        "\f2. The second paragraph.",
    ]


def test_pages_are_separated_by_form_feeds(document: SourceDocument) -> None:
    pages = document.text.split("\f")
    assert len(pages) == 5
    assert pages[3].lstrip().startswith("and climate change")
    assert pages[4].lstrip().startswith("Annex")


def test_the_contents_table_is_text_for_the_parser_to_skip(document: SourceDocument) -> None:
    assert "\nI. Introduction 1-3 2\n" in document.text


def test_a_footnote_continued_on_the_next_page_is_one_footnote(tmp_path: Path) -> None:
    document = read_pdf(write_footnote_over_pages(tmp_path / "continued.pdf"))
    assert document.footnotes == {
        1: "The study was presented to the General Assembly at its sixty-first session.",
        2: "A/74/136.",
    }
    assert "first session" not in document.text
    report = parse_document(document, META)
    assert [p.notes for p in report.paragraphs] == [
        (document.footnotes[1],),
        (document.footnotes[2],),
    ]


def test_a_rule_with_body_text_under_it_is_not_a_footnote_rule(tmp_path: Path) -> None:
    document = read_pdf(write_rule_in_text(tmp_path / "table.pdf"))
    assert document.footnotes == {}
    report = parse_document(document, META)
    assert [(p.number, p.text) for p in report.paragraphs] == [
        (
            1,
            "The Special Representative made visits to regions, as shown below. Visits in 2024: 12",
        ),
        (2, "Most of the visits were made to the Sahel."),
    ]


def test_a_scanned_pdf_is_refused_naming_the_file(tmp_path: Path) -> None:
    path = write_scan(tmp_path / "scan.pdf")
    with pytest.raises(IngestError) as error:
        read_pdf(path)
    assert str(error.value) == f"{path}: has no text layer (a scanned PDF?)"


@pytest.mark.parametrize(
    "content",
    [b"Not a PDF at all.\n", b"", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R"],
)
def test_a_file_that_is_not_a_readable_pdf_is_refused_naming_it(
    tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(content)
    with pytest.raises(IngestError) as error:
        read_pdf(path)
    assert str(error.value).startswith(f"{path}: not a readable PDF (")


def cut_short(whole: bytes) -> bytes:
    return whole[: len(whole) // 2]


def without_media_box(whole: bytes) -> bytes:
    # pdfplumber fails on a page without a size with a TypeError of its own.
    return whole.replace(b"/MediaBox", b"/MediaBax", 1)


@pytest.mark.parametrize("damage", [cut_short, without_media_box])
def test_a_damaged_pdf_is_refused_naming_it(
    tmp_path: Path, damage: Callable[[bytes], bytes]
) -> None:
    path = tmp_path / "damaged.pdf"
    path.write_bytes(damage(write_report(tmp_path / "whole.pdf").read_bytes()))
    with pytest.raises(IngestError) as error:
        read_pdf(path)
    assert str(error.value).startswith(f"{path}: not a readable PDF (")


def test_a_missing_file_is_refused_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "missing.pdf"
    with pytest.raises(IngestError) as error:
        read_pdf(path)
    assert str(error.value) == f"{path}: cannot read the PDF (No such file or directory)"


def _chars_seen(*runs: str) -> list[dict[str, Any]]:
    """pdfplumber's characters for the runs of a line, each run's text as seen left to right:
    5 points a character, a space 3 points wide, runs 40 points apart."""
    chars: list[dict[str, Any]] = []
    x = 50.0
    for run in runs:
        for text in run:
            if text == " ":
                x += 3
                continue
            chars.append(
                {"text": text, "x0": x, "x1": x + 5, "top": 100.0, "bottom": 110.0, "size": 10.0}
                | {"y1": 700.0, "matrix": (10, 0, 0, 10, x, 690.0), "upright": True}
            )
            x += 5
        x += 40
    return chars


def test_a_line_in_arabic_is_read_right_to_left_its_runs_too() -> None:
    seen = "".join(reversed("الجمعية العامة"))
    [line] = _lines(_chars_seen("A/HRC/58/19", seen))
    assert line.runs == ("الجمعية العامة", "A/HRC/58/19")
    [line] = _lines(_chars_seen("A/HRC/58/19 " + "".join(reversed("الوثيقة"))))
    assert line.runs == ("الوثيقة A/HRC/58/19",)


def test_a_line_mostly_in_latin_letters_is_read_as_seen() -> None:
    [line] = _lines(_chars_seen("Agenda item 3", "A/HRC/58/19 م"))
    assert line.runs == ("Agenda item 3", "A/HRC/58/19 م")


# New York documents (issue 14): a running header in the body's size and no rule, footnotes under
# typed underscores, an annex heading mid-page.


@pytest.fixture(scope="module")
def new_york(tmp_path_factory: pytest.TempPathFactory) -> SourceDocument:
    return read_pdf(write_annex_mid_page(tmp_path_factory.mktemp("pdf") / "new_york.pdf"))


def test_running_headers_and_footers_go_by_their_place_and_repetition(
    new_york: SourceDocument,
) -> None:
    for furniture in ("Children and armed conflict", SYMBOL, "24-16433", "2/3", "3/3", "2416433"):
        assert furniture not in new_york.text


def test_footnotes_under_typed_underscores_are_footnotes_over_pages_too(
    new_york: SourceDocument,
) -> None:
    assert "___" not in new_york.text
    assert dict(new_york.footnotes) == {
        1: "See A/78/842.",
        2: "Attacks on schools are grave violations, as the Security Council has recognized.",
        3: "See A/79/1.",
    }


def test_an_annex_heading_mid_page_on_one_line_starts_the_annex(new_york: SourceDocument) -> None:
    warnings: list[str] = []
    report = parse_document(new_york, META, warnings)
    assert [
        (p.annex, p.number, p.section_path[:1], p.text, p.notes) for p in report.paragraphs
    ] == [
        (
            None,
            1,
            INTRODUCTION,
            "The Special Representative reports on children in armed conflict.",
            ("See A/78/842.",),
        ),
        (
            None,
            2,
            INTRODUCTION,
            "Children continue to bear the brunt of the conflicts, with quality education "
            "opportunities denied to them in emergencies.",
            (),
        ),
        (
            None,
            3,
            INTRODUCTION,
            "Attacks on schools increased in the period under review.",
            ("Attacks on schools are grave violations, as the Security Council has recognized.",),
        ),
        (
            None,
            4,
            INTRODUCTION,
            "The Special Representative recommends what was agreed in 2024.",
            ("See A/79/1.",),
        ),
        (
            "I",
            1,
            ("Annex I — Good practices submitted by States",),
            "States shared their good practices.",
            (),
        ),
        (
            "I",
            2,
            ("Annex I — Good practices submitted by States",),
            "Several States adopted laws.",
            (),
        ),
    ]
    assert warnings == []
