"""The Whoosh schema: one document per paragraph, plus one per report for its metadata."""

from __future__ import annotations

from typing import Any

from whoosh.analysis import StemmingAnalyzer
from whoosh.fields import ID, NUMERIC, STORED, TEXT, Schema

# Values of the `kind` field.
PARAGRAPH = "paragraph"
REPORT = "report"

# Searched fields; a word in the paragraph's own text counts for more than one in its headings or
# its report's title, which every paragraph of the report shares.
BODY = "body"
SECTION = "section"
TITLE = "title"
BODY_BOOST = 2.0

# Headings of a section path are stored joined by a newline, which no heading contains.
SECTION_SEPARATOR = "\n"


def build_schema() -> Any:
    """A new schema; each index gets its own, so no analyzer cache is shared between indexes."""
    # English stemming and stop words for every searched field, so that one analysis of a query
    # word gives the term to look up in each of them.
    analyzer = StemmingAnalyzer()
    return Schema(
        # `symbol|lang|annex|number` for a paragraph, `symbol|lang` for a report.
        key=ID(unique=True),
        kind=ID(stored=True),
        symbol=ID(stored=True),
        lang=ID(stored=True),
        annex=ID(stored=True),
        number=NUMERIC(int, stored=True),
        # No phrase queries are built, so positions are not recorded.
        section=TEXT(analyzer=analyzer, stored=True, phrase=False),
        body=TEXT(analyzer=analyzer, stored=True, phrase=False),
        title=TEXT(analyzer=analyzer, phrase=False),
        page=STORED,
        notes=STORED,
        link=STORED,
        # Reports only: the Report's metadata and summary as JSON.
        report=STORED,
    )


def paragraph_key(symbol: str, lang: str, annex: str | None, number: int) -> str:
    return f"{symbol}|{lang}|{annex or ''}|{number}"


def report_key(symbol: str, lang: str) -> str:
    return f"{symbol}|{lang}"


def schema_fields(schema: Any) -> dict[str, str]:
    """Field names and types, to tell whether an index on disk was built with this schema."""
    return {name: type(schema[name]).__name__ for name in schema.names()}
