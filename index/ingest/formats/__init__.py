"""Readers that turn a report's file (PDF, web page, Word, text) into a SourceDocument."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from index.errors import IngestError
from index.ingest.formats.docx import read_docx
from index.ingest.formats.html import read_html
from index.ingest.formats.text import read_text
from index.ingest.source import SourceDocument


def _read_pdf(path: Path) -> SourceDocument:
    # pdfplumber and pdfminer are only loaded for a PDF.
    from index.ingest.formats.pdf import read_pdf

    return read_pdf(path)


_READERS: dict[str, Callable[[Path], SourceDocument]] = {
    ".pdf": _read_pdf,
    ".html": read_html,
    ".htm": read_html,
    ".docx": read_docx,
    ".txt": read_text,
    ".md": read_text,
}
SUPPORTED_SUFFIXES = tuple(_READERS)


def read_document(path: Path) -> SourceDocument:
    """The report in `path`, read by its suffix's reader; IngestError names the file and why."""
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        raise IngestError(
            f"{path}: cannot read {path.suffix or 'files without a suffix'}; "
            f"reports can be {', '.join(SUPPORTED_SUFFIXES)}"
        )
    return reader(path)
