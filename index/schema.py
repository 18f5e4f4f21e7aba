"""The Whoosh schema: one document per paragraph, plus one per report for its metadata."""

from __future__ import annotations

from typing import Any

from whoosh.analysis import StemmingAnalyzer
from whoosh.fields import ID, NUMERIC, STORED, TEXT, Schema

# Values of the `kind` field.
PARAGRAPH = "paragraph"
REPORT = "report"

# Searched fields: the paragraph's own text, the headings it stands under, its report's title.
BODY = "body"
SECTION = "section"
TITLE = "title"

# How much a word counts in each field, measured on the labelled queries of tests/eval (`make
# quality`). The paragraph's own words count most (1 or 4 ranked worse than 2 or 3); a heading
# word marks every paragraph of its section, which helps those that use other words for the
# heading's subject (0, 0.5 and 2 ranked worse than 1). A title word marks every paragraph of the
# report: it made no difference between 0 and 1 on three reports, and is kept low so that it only
# breaks ties.
BODY_BOOST = 2.0
SECTION_BOOST = 1.0
TITLE_BOOST = 0.5

# Headings of a section path are stored joined by a newline, which no heading contains.
SECTION_SEPARATOR = "\n"


def build_schema() -> Any:
    """A new schema; each index gets its own, so no analyzer cache is shared between indexes."""
    # English stemming and stop words for every searched field, so that one analysis of a query
    # word gives the term to look up in each of them. Positions are kept for phrases and for
    # ranking words found close together higher; the body's unstemmed words are kept too, for
    # spelling suggestions that are real words.
    analyzer = StemmingAnalyzer()
    return Schema(
        # `symbol|lang|annex|number` for a paragraph, `symbol|lang` for a report.
        key=ID(unique=True),
        kind=ID(stored=True),
        symbol=ID(stored=True),
        lang=ID(stored=True),
        annex=ID(stored=True),
        number=NUMERIC(int, stored=True),
        section=TEXT(analyzer=analyzer, stored=True),
        body=TEXT(analyzer=analyzer, stored=True, spelling=True),
        title=TEXT(analyzer=analyzer),
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
    """Field names, types and what they record (positions or not), to tell whether an index on
    disk was built with this schema."""
    return {
        name: f"{type(schema[name]).__name__}/{type(schema[name].format).__name__}"
        for name in schema.names()
    }
