"""Saved web pages: a ReliefWeb report page and a plain UN page, as the parser reads them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from index.errors import IngestError
from index.ingest.formats.html import read_html
from index.ingest.metadata import detect_metadata
from index.ingest.paragraphs import parse_document
from index.models import Report
from tests.index.ingest.formats.web_pages import (
    CANONICAL,
    FOOTNOTES,
    RELIEFWEB_PAGE,
    TITLE,
    UN_PAGE,
)


def write(directory: Path, content: str | bytes, name: str = "page.html") -> Path:
    path = directory / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line]


def test_the_reliefweb_page_is_its_report_without_the_site(tmp_path: Path) -> None:
    text = read_html(write(tmp_path, RELIEFWEB_PAGE)).text
    noise = [
        "Skip to main content",
        "Informing humanitarians",
        "Updates",
        "World",
        "OHCHR",
        "Attachments",
        "Download",
        "Please refer to the attached file",
        "Report details",
        "Share on",
        "ReliefWeb",
        "dataLayer",
        "font-size",
    ]
    assert [word for word in noise if word in text] == []


def test_each_block_element_is_a_line_and_blank_lines_separate_them(tmp_path: Path) -> None:
    text = read_html(write(tmp_path, RELIEFWEB_PAGE)).text
    blocks = text.split("\n\n")
    assert (
        "Human Rights Council\nFifty-eighth session\n24 February– 4 April 2025\nAgenda item 3"
        in (blocks)
    )
    assert "I. Introduction" in blocks
    assert "A. Global level" in blocks
    assert "(a) Ongoing crises;" in blocks
    assert (
        "2. In the present report, the Special Representative reviews actions she took in 2024."
        in blocks
    )


def test_footnotes_leave_the_text_and_their_markers_stay_glued(tmp_path: Path) -> None:
    document = read_html(write(tmp_path, RELIEFWEB_PAGE))
    assert document.footnotes == FOOTNOTES
    assert "violence against children.1 The Assembly" in document.text
    assert "deprived of liberty2 and encouraged" in document.text
    assert "contributions received.3" in document.text
    assert not any(note in document.text for note in FOOTNOTES.values())


def test_the_front_matter_has_the_title_the_masthead_the_dates_and_the_address(
    tmp_path: Path,
) -> None:
    front = lines(read_html(write(tmp_path, RELIEFWEB_PAGE)).front_matter)
    assert front[0] == f"Title: {TITLE} (A/HRC/58/19) [EN/AR/RU/ZH]"
    assert front[1:6] == [
        "January 13 2025",
        "Human Rights Council",
        "Fifty-eighth session",
        "24 February– 4 April 2025",
        "Agenda item 3",
    ]
    assert {"OHCHR", "2025-01-20", "2025-01-13"} <= {line.lstrip("• ") for line in front}
    assert front[-1] == f"URL: {CANONICAL}"
    assert "Summary" not in front


def test_the_reliefweb_page_s_metadata(tmp_path: Path) -> None:
    found = detect_metadata(read_html(write(tmp_path, RELIEFWEB_PAGE)).front_matter)
    assert (found.symbol, found.title, found.lang) == ("A/HRC/58/19", TITLE, "en")
    # The date the report bears, not the day ReliefWeb posted it.
    assert found.date == dt.date(2025, 1, 13)
    assert found.session == "Fifty-eighth session, 24 February–4 April 2025"
    assert (found.body, found.agenda_item, found.source_url) == (
        "Human Rights Council",
        "3",
        CANONICAL,
    )


def test_the_reliefweb_page_parses_into_its_paragraphs(tmp_path: Path) -> None:
    meta = Report(symbol="A/HRC/58/19", title=TITLE, source_url=CANONICAL)
    report = parse_document(read_html(write(tmp_path, RELIEFWEB_PAGE)), meta)
    assert [p.number for p in report.paragraphs] == [1, 2, 3, 4]
    first, _, third, fourth = report.paragraphs
    assert first.text.startswith("The Special Representative is an independent global advocate")
    assert first.notes == (FOOTNOTES[1], FOOTNOTES[2])
    assert third.text.split("\n")[1:] == [
        "(a) Ongoing crises;",
        "(b) The increased use of technology by traffickers.",
    ]
    assert fourth.section_path == ("II. Activities", "A. Global level")
    assert fourth.notes == (FOOTNOTES[3],)
    assert report.summary.startswith("In the present report, submitted pursuant")
    assert first.link is not None
    assert first.link.startswith(f"{CANONICAL}#:~:text=1.%20The%20Special")


def test_list_items_show_the_numbers_and_bullets_the_browser_draws(tmp_path: Path) -> None:
    document = read_html(write(tmp_path, UN_PAGE))
    assert lines(document.text) == [
        "I. Introduction",
        "1. The report covers birth registration.1",
        "2. It also covers:",
        "(a) Civil records;",
        "(b) Identity documents.",
        "9. A paragraph that numbers itself.",
        "• A bullet.",
    ]
    assert document.footnotes == {1: "General Assembly resolution 78/187."}


def test_a_page_s_title_dates_and_address_come_from_its_tags(tmp_path: Path) -> None:
    found = detect_metadata(read_html(write(tmp_path, UN_PAGE)).front_matter)
    assert (found.symbol, found.title) == ("A/79/123", "Rights of the child")
    assert (found.date, found.source_url) == (dt.date(2024, 7, 1), "https://www.un.org/en/A/79/123")


def test_without_a_heading_the_title_is_the_page_title_without_the_site(tmp_path: Path) -> None:
    page = UN_PAGE.replace("<h1>Rights of the child (A/79/123)</h1>", "")
    front = read_html(write(tmp_path, page)).front_matter
    assert lines(front)[0] == "Title: Rights of the child"


def test_the_page_s_own_encoding_is_respected(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="windows-1252"></head><body><main>'
        "<p>1. Les droits de l’enfant – protégés.</p></main></body></html>"
    )
    path = write(tmp_path, page.encode("cp1252"))
    assert read_html(path).text == "1. Les droits de l’enfant – protégés."


def test_a_page_saved_as_utf16_is_read(tmp_path: Path) -> None:
    page = "<html><body><main><p>1. Les droits de l’enfant.</p></main></body></html>"
    assert read_html(write(tmp_path, page.encode("utf-16"))).text == "1. Les droits de l’enfant."


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "not a web page"),
        (b"<html><body><nav>Menu</nav><script>x()</script></body></html>", "no text"),
        (b"", "no text"),
    ],
)
def test_what_is_no_web_page_is_an_error_naming_the_file(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = write(tmp_path, content)
    with pytest.raises(IngestError, match=reason) as raised:
        read_html(path)
    assert str(path) in str(raised.value)
