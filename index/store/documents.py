"""Reports and paragraphs as Whoosh documents, and back: what each field of a document holds."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from index.models import NUMBERED, Paragraph, Report
from index.store import schema


def check_report(report: Report) -> None:
    """Raises ValueError for a report the index cannot hold: no paragraphs, two paragraphs of
    one kind with one number, or a paragraph of another report."""
    if not report.paragraphs:
        raise ValueError(f"{report.symbol} has no paragraphs to add")
    numbers = [(p.annex, p.kind, p.number) for p in report.paragraphs]
    if len(set(numbers)) != len(numbers):
        raise ValueError(f"{report.symbol} has paragraphs with the same number")
    for paragraph in report.paragraphs:
        if (paragraph.symbol, paragraph.lang) != (report.symbol, report.lang):
            raise ValueError(f"paragraph {paragraph.citation} is not part of {report.symbol}")


def report_document(report: Report) -> dict[str, object]:
    """The report's document: its metadata and summary (the listing), and the words kept for
    spelling in its language."""
    listing = report.model_copy(
        update={
            "paragraphs": (),
            "paragraph_count": len(report.paragraphs),
            "version": report.fingerprint(),
        }
    )
    document: dict[str, object] = {
        "key": schema.report_key(report.symbol, report.lang),
        "kind": schema.REPORT,
        "symbol": report.symbol,
        "lang": report.lang,
        "report": listing.model_dump_json(),
    }
    fields = schema.fields(report.lang)
    if fields.spelling:
        # The writer analyses them (in a bulk transaction, in the process writing this document).
        document[fields.words] = tuple(paragraph.text for paragraph in report.paragraphs)
    return document


def paragraph_document(paragraph: Paragraph, title: str) -> dict[str, object]:
    fields = schema.fields(paragraph.lang)
    section = schema.SECTION_SEPARATOR.join(paragraph.section_path)
    return {
        "key": schema.paragraph_key(
            paragraph.symbol, paragraph.lang, paragraph.annex, paragraph.number, paragraph.kind
        ),
        "kind": schema.PARAGRAPH,
        "symbol": paragraph.symbol,
        "lang": paragraph.lang,
        "annex": paragraph.annex or "",
        "number": paragraph.number,
        "paragraph_kind": paragraph.kind,
        "text": paragraph.text,
        "section": section,
        fields.body: paragraph.text,
        fields.section: section,
        fields.title: title,
        "page": paragraph.page,
        # The notes' numbers beside their texts in the one stored field: a new field would
        # change the schema, and an index with another schema is rebuilt from the catalogue.
        "notes": {"numbers": list(paragraph.note_numbers), "texts": list(paragraph.notes)},
        "link": paragraph.link,
    }


def stored_key(stored: Mapping[str, Any]) -> str:
    """The key (schema.paragraph_key) of the paragraph a document's stored fields hold: the key
    itself is indexed, not stored."""
    return schema.paragraph_key(
        stored["symbol"],
        stored["lang"],
        stored.get("annex") or None,
        stored["number"],
        stored.get("paragraph_kind") or NUMBERED,
    )


def paragraph_from(stored: Mapping[str, Any]) -> Paragraph:
    """The paragraph a document's stored fields hold."""
    section = stored.get("section") or ""
    return Paragraph.model_validate(
        {
            "symbol": stored["symbol"],
            "lang": stored["lang"],
            "annex": stored.get("annex") or None,
            "number": stored["number"],
            "kind": stored.get("paragraph_kind") or NUMBERED,
            "section_path": section.split(schema.SECTION_SEPARATOR) if section else (),
            "text": stored["text"],
            "page": stored.get("page"),
            **_notes(stored.get("notes")),
            "link": stored.get("link"),
        }
    )


def report_from(stored: Mapping[str, Any]) -> Report:
    """The report's listing (metadata, summary and paragraph count) a report document holds."""
    return Report.model_validate_json(stored["report"])


def _notes(stored: Any) -> dict[str, Any]:
    """The notes and their numbers as a paragraph document stores them, or as indexes built
    before the numbers were kept stored the notes alone (a list of texts)."""
    if isinstance(stored, dict):
        return {"notes": stored.get("texts") or (), "note_numbers": stored.get("numbers") or ()}
    return {"notes": stored or ()}
