"""Word documents built with python-docx: masthead, headings, typed and automatic numbering,
sub-items, tables and footnotes, as the parser reads them."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from index.errors import IngestError
from index.ingest.formats.docx import read_docx
from index.ingest.metadata import detect_metadata
from index.ingest.paragraphs import parse_document
from index.models import Report
from tests.index.ingest.formats.un_docx import (
    FOOTNOTES,
    LETTERED_DEFINITION,
    SYMBOL,
    add_list,
    numbered,
    write_report,
)


@pytest.fixture
def report_docx(tmp_path: Path) -> Path:
    return write_report(tmp_path / "report.docx")


def blocks(text: str) -> list[str]:
    return text.split("\n\n")


def test_paragraphs_come_in_order_a_block_each(report_docx: Path) -> None:
    text = read_docx(report_docx).text
    assert blocks(text)[:4] == [
        "Human Rights Council",
        "Fifty-eighth session",
        "Agenda item 3*",
        "Annual report of the Special Representative",
    ]
    assert "Region" in blocks(text)
    assert "Visits" in blocks(text)


def test_a_typed_number_and_tab_is_a_numbered_line(report_docx: Path) -> None:
    assert "3. She visited three regions2." in blocks(read_docx(report_docx).text)


def test_word_numbering_is_drawn_into_the_text(report_docx: Path) -> None:
    found = blocks(read_docx(report_docx).text)
    # Headings numbered by their style; paragraphs by the List Number style, continuing across
    # the heading; sub-items by a lettered list.
    assert "I. Introduction" in found
    assert "II. Activities" in found
    assert "1. The Special Representative is an advocate.1 She reports yearly." in found
    assert "2. Her work covers:" in found
    assert [block for block in found if block.startswith("(")] == [
        "(a) Birth registration;",
        "(b) Online exploitation.",
    ]


def test_footnotes_are_numbered_as_word_shows_them(report_docx: Path) -> None:
    document = read_docx(report_docx)
    # The masthead's asterisk is a custom mark: it keeps its `*` and takes no number.
    assert document.footnotes == FOOTNOTES


def test_the_front_matter_is_the_masthead_and_what_precedes_the_summary(
    report_docx: Path,
) -> None:
    front = read_docx(report_docx).front_matter.split("\n")
    assert front[:6] == [
        "United Nations",
        SYMBOL,
        "General Assembly",
        "Distr.: General",
        "13 January 2025",
        "Original: English",
    ]
    assert "Agenda item 3*" in front
    assert "Summary" not in front
    found = detect_metadata("\n".join(front))
    assert (found.symbol, found.body, found.agenda_item, found.lang) == (
        SYMBOL,
        "Human Rights Council",
        "3",
        "en",
    )
    assert found.date is not None
    assert found.date.isoformat() == "2025-01-13"


def test_the_document_parses_into_its_paragraphs(report_docx: Path) -> None:
    meta = Report(symbol=SYMBOL, title="Annual report")
    report = parse_document(read_docx(report_docx), meta)
    assert [(p.number, p.section) for p in report.paragraphs] == [
        (1, "I. Introduction"),
        (2, "II. Activities"),
        (3, "II. Activities"),
    ]
    first, second, third = report.paragraphs
    assert first.text == "The Special Representative is an advocate. She reports yearly."
    assert first.notes == (FOOTNOTES[1],)
    assert second.text.split("\n") == [
        "Her work covers:",
        "(a) Birth registration;",
        "(b) Online exploitation.",
    ]
    assert third.notes == (FOOTNOTES[2],)
    assert report.summary == "The report reviews the year."


def test_a_restarted_list_starts_again(tmp_path: Path) -> None:
    document = docx.Document()
    lettered = add_list(document, LETTERED_DEFINITION, 90)
    restarted = add_list(document, LETTERED_DEFINITION.replace('"90"', '"92"'), 92, restart=True)
    numbered(document.add_paragraph("First."), lettered)
    numbered(document.add_paragraph("Second."), lettered)
    numbered(document.add_paragraph("Again."), restarted)
    path = tmp_path / "lists.docx"
    document.save(str(path))
    assert blocks(read_docx(path).text) == ["(a) First.", "(b) Second.", "(a) Again."]


def test_a_number_in_the_text_is_not_drawn_twice(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("1. Already numbered.", style="List Number")
    document.add_paragraph("Numbered by Word.", style="List Number")
    path = tmp_path / "numbers.docx"
    document.save(str(path))
    assert blocks(read_docx(path).text) == ["1. Already numbered.", "2. Numbered by Word."]


def test_bullets_are_drawn_as_bullets(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("A point.", style="List Bullet")
    path = tmp_path / "bullets.docx"
    document.save(str(path))
    assert read_docx(path).text == "• A point."


def _zip(path: Path, files: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return path


@pytest.mark.parametrize(
    "make",
    [
        lambda path: path.write_bytes(b"\xd0\xcf\x11\xe0 an old binary .doc"),
        lambda path: path.write_bytes(b""),
        lambda path: _zip(path, {"word/document.xml": "<w:document/>"}),
        lambda path: path.write_bytes((Path(__file__).parent / "test_docx.py").read_bytes()[:100]),
    ],
    ids=["doc", "empty", "zip-without-word", "text"],
)
def test_what_is_no_word_document_is_an_error_naming_the_file(tmp_path: Path, make: Any) -> None:
    path = tmp_path / "report.docx"
    make(path)
    with pytest.raises(IngestError, match=r"not a Word \.docx document") as raised:
        read_docx(path)
    assert str(path) in str(raised.value)


def test_a_damaged_document_is_an_error_naming_the_file(report_docx: Path, tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.docx"
    with zipfile.ZipFile(report_docx) as source, zipfile.ZipFile(damaged, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "word/document.xml":
                content = content[: len(content) // 2]
            target.writestr(item, content)
    with pytest.raises(IngestError, match="damaged") as raised:
        read_docx(damaged)
    assert str(damaged) in str(raised.value)


def test_tracked_changes_read_as_accepted(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("1. Children ")
    paragraph._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="1" w:author="A" w:date="2025-01-01T00:00:00Z">'
            "<w:r><w:delText>often </w:delText></w:r></w:del>"
        )
    )
    paragraph._p.append(
        parse_xml(
            f'<w:ins {nsdecls("w")} w:id="2" w:author="A" w:date="2025-01-01T00:00:00Z">'
            "<w:r><w:t>always</w:t></w:r></w:ins>"
        )
    )
    paragraph.add_run(" count.")
    # Moved text stands where it was moved to; where it was moved from, it is gone.
    paragraph._p.append(
        parse_xml(
            f'<w:moveFrom {nsdecls("w")} w:id="3" w:author="A" w:date="2025-01-01T00:00:00Z">'
            "<w:r><w:t> Moved away.</w:t></w:r></w:moveFrom>"
        )
    )
    path = tmp_path / "tracked.docx"
    document.save(str(path))
    assert read_docx(path).text == "1. Children always count."
