"""Plain text and Markdown reports: their text as the parser reads it, and their front matter."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.errors import IngestError
from index.ingest.formats.text import read_text
from index.ingest.paragraphs import parse_document
from index.models import Report
from tests.index.samples import SAMPLE_TEXT

META = Report(symbol="A/HRC/1/1", title="A report")

MARKDOWN = """\
---
title: Annual report
---

# Annual report of the Special Representative (A/HRC/1/1)

Human Rights Council
*Fifty-eighth session*

## Summary

The **summary**, with snake_case kept and `code` unticked.

## I. Introduction

1\\. The Special Representative[^1] is an _independent_ advocate.[^note] She reports to
the Council.

2\\. Her work covers:

- birth registration;
* the [online exploitation](https://example.org/online) of children.

### A. Global level

3. She cooperates with \\*all\\* partners.

[^1]: General Assembly resolution 62/141.
[^note]: See A/61/299,
    para. 3.
"""


def write(directory: Path, name: str, content: str | bytes) -> Path:
    path = directory / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_a_text_file_is_its_text_and_its_preamble_the_front_matter(tmp_path: Path) -> None:
    text = SAMPLE_TEXT.read_text(encoding="utf-8")
    document = read_text(write(tmp_path, "report.txt", text))
    assert document.text == text
    assert document.front_matter == text.split("\nSummary\n")[0].strip()
    assert document.footnotes == {}


def test_a_byte_order_mark_and_windows_line_ends_are_tolerated(tmp_path: Path) -> None:
    text = "A/HRC/1/1\r\n\r\nSummary\r\n\r\nShort.\r\n\r\n1. First.\r\n"
    document = read_text(write(tmp_path, "r.txt", "\ufeff".encode() + text.encode()))
    assert document.text == text.replace("\r\n", "\n")
    assert document.front_matter == "A/HRC/1/1"


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"\xff\xfe\x00garbage", "not UTF-8"), (b"text\x00with nul", "binary")],
)
def test_what_is_not_utf8_text_is_an_error_naming_the_file(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = write(tmp_path, "broken.txt", content)
    with pytest.raises(IngestError, match=reason) as raised:
        read_text(path)
    assert str(path) in str(raised.value)


def test_a_missing_file_is_an_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="cannot read it"):
        read_text(tmp_path / "gone.txt")


def test_markdown_is_read_as_the_text_it_renders(tmp_path: Path) -> None:
    document = read_text(write(tmp_path, "report.md", MARKDOWN))
    lines = document.text.split("\n")
    assert "Summary" in lines
    assert "I. Introduction" in lines
    assert "A. Global level" in lines
    assert "The summary, with snake_case kept and code unticked." in lines
    assert "1. The Special Representative1 is an independent advocate.2 She reports to" in lines
    assert "• birth registration;" in lines
    assert "• the online exploitation of children." in lines
    assert "3. She cooperates with *all* partners." in lines
    assert not any(mark in document.text for mark in ("#", "**", "[^", "](", "\\"))
    assert document.footnotes == {
        1: "General Assembly resolution 62/141.",
        2: "See A/61/299, para. 3.",
    }


def test_markdown_front_matter_stops_at_the_summary(tmp_path: Path) -> None:
    front = read_text(write(tmp_path, "report.md", MARKDOWN)).front_matter.split("\n")
    assert "Annual report of the Special Representative (A/HRC/1/1)" in front
    assert "Fifty-eighth session" in front
    assert "Summary" not in front
    assert not any("summary" in line for line in front)


def test_markdown_parses_into_headings_paragraphs_and_notes(tmp_path: Path) -> None:
    report = parse_document(read_text(write(tmp_path, "report.md", MARKDOWN)), META)
    by_number = {paragraph.number: paragraph for paragraph in report.paragraphs}
    assert sorted(by_number) == [1, 2, 3]
    assert by_number[1].text == (
        "The Special Representative is an independent advocate. She reports to the Council."
    )
    assert by_number[1].notes == ("General Assembly resolution 62/141.", "See A/61/299, para. 3.")
    assert by_number[2].text.split("\n")[1:] == [
        "• birth registration;",
        "• the online exploitation of children.",
    ]
    assert by_number[3].section_path == ("I. Introduction", "A. Global level")
    assert report.summary == "The summary, with snake_case kept and code unticked."


def test_a_text_file_is_not_read_as_markdown(tmp_path: Path) -> None:
    text = "## I. Introduction\n\n1. A *starred* word.\n"
    assert read_text(write(tmp_path, "r.txt", text)).text == text
