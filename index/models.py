"""The one model that carries a report and its paragraphs from ingestion to the reply."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict

# A report's paragraphs are numbered; a resolution's or decision's preamble is not, and its
# paragraphs are counted apart from the operative ones (the UN cites "third preambular paragraph").
# A text with neither (a decision of one sentence, an amendment to a draft) has paragraphs
# without numbers, counted by their place as a preamble's are.
ParagraphKind = Literal["numbered", "preambular", "unnumbered"]
NUMBERED: ParagraphKind = "numbered"
PREAMBULAR: ParagraphKind = "preambular"
UNNUMBERED: ParagraphKind = "unnumbered"
PARAGRAPH_KINDS: tuple[ParagraphKind, ...] = (NUMBERED, PREAMBULAR, UNNUMBERED)

# `A/RES/78/9` is cited as `resolution 78/9`, as the UN cites its resolutions by number.
_RESOLUTION = re.compile(r"(?:[A-Z]+/)?RES/(?P<number>.+)")
_ORDINALS = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
]
_TENS = ["twent", "thirt", "fort", "fift", "sixt", "sevent", "eight", "ninet"]


def part_name(annex: str) -> str:
    """How a part is cited: `annex I` for an annex's numeral, others by name (`section XVI`)."""
    return annex if annex[:1].islower() else f"annex {annex}"


def ordinal(number: int) -> str:
    """`number` as an English ordinal word, as the UN writes a preambular paragraph's place:
    `third`, `twenty-first`; `100th` beyond the words."""
    if 1 <= number < 20:
        return _ORDINALS[number - 1]
    tens, ones = divmod(number, 10)
    if not 2 <= tens <= 9:
        suffix = "th" if 10 <= number % 100 < 20 else {1: "st", 2: "nd", 3: "rd"}.get(ones, "th")
        return f"{number}{suffix}"
    return f"{_TENS[tens - 2]}ieth" if ones == 0 else f"{_TENS[tens - 2]}y-{_ORDINALS[ones - 1]}"


def official_url(symbol: str, lang: str) -> str:
    """The UN's own viewer for a document symbol, in one language."""
    return f"https://docs.un.org/{lang}/{symbol}"


class Paragraph(BaseModel):
    """One paragraph of a report, verbatim: numbered, a resolution's preambular paragraph, or a
    paragraph of a text that numbers none; the last two numbered by their place (1 for the
    first)."""

    model_config = ConfigDict(frozen=True)

    symbol: str
    lang: str = "en"
    # Annexes restart their numbering: `I` for annex I, None for the report's body; appendices,
    # enclosures and a resolution's sections are named in full (`appendix A`, `section XVI`),
    # as they are cited.
    annex: str | None = None
    number: int
    kind: ParagraphKind = NUMBERED
    section_path: tuple[str, ...] = ()
    text: str
    page: int | None = None
    notes: tuple[str, ...] = ()
    # Each note's number in the report, as its footnote marks it: empty when not known (a
    # paragraph read from text without footnotes, or indexed before the numbers were kept).
    note_numbers: tuple[int, ...] = ()
    link: str | None = None

    @property
    def section(self) -> str:
        """The innermost heading the paragraph stands under (`I. Introduction`), or ''."""
        return self.section_path[-1] if self.section_path else ""

    @property
    def citation(self) -> str:
        """How the UN cites it: `A/HRC/58/19, para. 3`, `A/HRC/58/19, annex I, para. 3`, a
        preambular paragraph by its resolution's number, `resolution 78/9, third preambular
        paragraph`, and a paragraph without a number by its place, `A/80/L.37, first
        paragraph`."""
        resolution = _RESOLUTION.fullmatch(self.symbol)
        if self.kind == PREAMBULAR and resolution is not None:
            return f"resolution {resolution['number']}, {self.place}"
        return f"{self.symbol}, {self.place}"

    @property
    def place(self) -> str:
        """Where in the report: `para. 3`, `annex I, para. 3`, `third preambular paragraph`,
        `first paragraph`."""
        annex = f"{part_name(self.annex)}, " if self.annex else ""
        if self.kind == PREAMBULAR:
            return f"{annex}{ordinal(self.number)} preambular paragraph"
        if self.kind == UNNUMBERED:
            # The UN cites a paragraph without a number by its place, as it does a preamble's:
            # `A/80/L.32, first paragraph`. A decision of one paragraph is cited by its symbol
            # alone, but one paragraph cannot tell that it is its text's only one, and a place
            # that is always there keeps every paragraph's citation one of a kind.
            return f"{annex}{ordinal(self.number)} paragraph"
        return f"{annex}para. {self.number}"

    @property
    def official_url(self) -> str:
        return official_url(self.symbol, self.lang)


class Report(BaseModel):
    """A report's metadata and summary; `paragraphs` is filled by ingestion.

    Listings read back from the index carry no paragraphs, only `paragraph_count`.
    """

    model_config = ConfigDict(frozen=True)

    symbol: str
    lang: str = "en"
    title: str
    date: dt.date | None = None
    body: str | None = None
    session: str | None = None
    agenda_item: str | None = None
    # A resolution's or decision's adoption, as its last lines state it (`37th plenary
    # meeting, 20 November 2023`), and the committee whose report it was adopted on, as its
    # masthead does (`without reference to a Main Committee (A/78/L.8)`).
    adoption: str | None = None
    committee: str | None = None
    source_url: str | None = None
    summary: str = ""
    paragraphs: tuple[Paragraph, ...] = ()
    paragraph_count: int = 0
    # What this version of the report holds, as a fingerprint of its metadata and paragraphs
    # (`fingerprint`), set when it is indexed: the same report ingested again has the same
    # version, a corrected one another. Empty for listings of indexes built before it was kept.
    version: str = ""

    @property
    def year(self) -> int | None:
        return self.date.year if self.date else None

    @property
    def official_url(self) -> str:
        return official_url(self.symbol, self.lang)

    def fingerprint(self) -> str:
        """A digest of everything the report holds but its version: its metadata and every
        paragraph. Short, as it travels in the bot's records, yet far from any chance clash."""
        # ASCII JSON: any text can be held, a lone surrogate from a broken file included.
        held = json.dumps(self.model_dump(exclude={"version", "paragraph_count"}), default=str)
        return hashlib.blake2b(held.encode(), digest_size=12).hexdigest()
