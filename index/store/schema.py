"""The Whoosh schema: one document per paragraph, plus one per report for its metadata.

Each language has its own searched fields (`body_fr`, `section_fr`, `title_fr`), analysed the
language's way (index.language.analysis): Whoosh gives a field one analyzer, so a paragraph fills
only the fields of its language, and a search in a language looks only in them. That also keeps
each language's statistics (how rare a term is) to its own paragraphs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from whoosh.fields import ID, STORED, TEXT, Schema

from index.language.analysis import analyzer_for
from index.language.official import LANGUAGES
from index.models import NUMBERED, ParagraphKind
from index.whoosh_internals.fields import WrittenWords

# Values of the `kind` field.
PARAGRAPH = "paragraph"
REPORT = "report"

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

# Languages whose paragraphs keep their words as written, for suggesting corrections of typos.
# Chinese has no spelling to correct in that sense: a wrong character is another word.
SPELLING_CHECKED = frozenset({"ar", "en", "fr", "ru", "es"})

# Values a RepeatedText field remembers the analysis of: a report's title and the few headings
# in force while its paragraphs are added.
REMEMBERED_VALUES = 64


@dataclass(frozen=True)
class Fields:
    """The searched fields of one language."""

    lang: str
    body: str
    section: str
    title: str
    # The words of the language's paragraphs as written (lowercased, not stemmed), kept once per
    # report for spelling suggestions (a WrittenWords field; languages in SPELLING_CHECKED only).
    words: str

    @property
    def spelling(self) -> bool:
        return self.lang in SPELLING_CHECKED


def fields(lang: str) -> Fields:
    return Fields(lang, f"body_{lang}", f"section_{lang}", f"title_{lang}", f"words_{lang}")


class RepeatedText(TEXT):  # type: ignore[misc]
    """A TEXT field for values that many documents in a row share (a report's title, a section's
    headings), analysed once: every paragraph gets the same terms, frequencies and positions."""

    def index(self, value: Any, **kwargs: Any) -> list[tuple[bytes, int, float, bytes]]:
        if kwargs:
            return list(super().index(value, **kwargs))
        remembered: dict[Any, list[tuple[bytes, int, float, bytes]]]
        remembered = self.__dict__.setdefault("_remembered", {})
        if value not in remembered:
            if len(remembered) >= REMEMBERED_VALUES:
                remembered.clear()
            remembered[value] = list(super().index(value))
        return remembered[value]

    def __getstate__(self) -> dict[str, Any]:
        # Whoosh pickles the schema into the index: what was analysed stays out.
        return {name: value for name, value in self.__dict__.items() if name != "_remembered"}


def build_schema() -> Any:
    """A new schema; each index gets its own, so no analyzer cache is shared between indexes."""
    searched: dict[str, Any] = {}
    for lang in LANGUAGES:
        # One analysis of a query word gives the term to look up in each of the language's
        # fields. Positions are kept for phrases and for ranking words found close together
        # higher.
        analyzer = analyzer_for(lang)
        names = fields(lang)
        searched[names.body] = TEXT(analyzer=analyzer)
        searched[names.section] = RepeatedText(analyzer=analyzer)
        searched[names.title] = RepeatedText(analyzer=analyzer)
        if names.spelling:
            searched[names.words] = WrittenWords(analyzer)
    return Schema(
        # `symbol|lang|annex|number` for a numbered paragraph, `symbol|lang|annex|kind:number`
        # for another kind (`preambular:3`, `unnumbered:1`), `symbol|lang` for a report.
        key=ID(unique=True),
        kind=ID(stored=True),
        symbol=ID(stored=True),
        lang=ID(stored=True),
        # Read from the stored fields, never searched.
        annex=STORED,
        number=STORED,
        # The paragraph's kind (index.models.ParagraphKind); `kind` says which documents are
        # paragraphs.
        paragraph_kind=STORED,
        text=STORED,
        section=STORED,
        page=STORED,
        notes=STORED,
        link=STORED,
        # Reports only: the Report's metadata and summary as JSON.
        report=STORED,
        **searched,
    )


def paragraph_key(
    symbol: str, lang: str, annex: str | None, number: int, kind: ParagraphKind = NUMBERED
) -> str:
    # Numbered paragraphs keep the key they always had; a paragraph of another kind (preambular,
    # unnumbered) is told apart from the numbered paragraph with its number.
    place = str(number) if kind == NUMBERED else f"{kind}:{number}"
    return f"{symbol}|{lang}|{annex or ''}|{place}"


def report_key(symbol: str, lang: str) -> str:
    return f"{symbol}|{lang}"


def schema_fields(schema: Any) -> dict[str, str]:
    """Field names, types and what they record (positions or not), to tell whether an index on
    disk was built with this schema."""
    return {
        name: f"{type(schema[name]).__name__}/{type(schema[name].format).__name__}"
        for name in schema.names()
    }
