"""What travels through Telegram in deep-link payloads and callback data: paragraph addresses
and pages of search results.

Both must fit Telegram's rules: a /start payload is 1-64 characters of [A-Za-z0-9_-], callback
data 1-64 bytes. A symbol such as `A/HRC/58/19` becomes the slug `A_HRC_58_19`; slugs are resolved
back against the indexed symbols rather than decoded, so no escaping scheme is needed. Each kind
of callback data has its pattern, by which the application routes a button to its handler.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from index import NUMBERED, PARAGRAPH_KINDS, PREAMBULAR, ParagraphKind

MAX_BYTES = 64
DEFAULT_LANGUAGE = "en"
# The /start payload of the help button above inline results.
HELP_PAYLOAD = "help"


class Action(Enum):
    """What pressing or following the address does."""

    OPEN = "o"  # a new message with the paragraph (deep links, /para)
    NAVIGATE = "n"  # the paragraph, in place of what this message shows
    CITE = "c"  # a new message with the full reference, ready to copy
    SAVE = "v"  # into the chat's collection


# `o-A_HRC_58_19-3`, `o-A_HRC_58_19-I-3` for annex I, `o-A_RES_78_9-appendix_A-3` for another
# part, `o-A_RES_78_9-p3` for the third preambular paragraph (a kind other than numbered is the
# number's prefix: its first letter), `o-A_HRC_58_19-3-ru` for the Russian version (English, the
# default, is left out), `n-A_HRC_58_19-3~0f3a9c2e.1` with the results page to go back to. Slugs
# and parts hold no `-`, a number is digits after at most one letter, a language is two lower-case
# letters: the parts are told apart by position and form.
_AFTER_ACTION = (
    r"-([A-Za-z0-9_]{1,40})(?:-([A-Za-z0-9_]{1,20}))?-([a-z]?)(\d{1,6})(?:-([a-z]{2}))?"
    r"(?:~([0-9a-f]{8})\.(\d{1,2}))?$"
)
# A paragraph's kind by the letter that stands before its number in addresses and commands.
_KINDS_BY_LETTER: dict[str, ParagraphKind] = {
    kind[0]: kind for kind in PARAGRAPH_KINDS if kind != NUMBERED
}
# The order a reader meets them in: a resolution's preamble comes before its numbered paragraphs.
READING_ORDER: tuple[ParagraphKind, ...] = tuple(
    sorted(PARAGRAPH_KINDS, key=lambda kind: kind != PREAMBULAR)
)
RESULTS_PAGE = re.compile(r"^s-([0-9a-f]{8})-(\d{1,2})$")
# The chat's collection: a page of it (`k-0`), an entry removed from it on a page (`x-42-0`).
COLLECTION_PAGE = re.compile(r"^k-(\d{1,3})$")
ENTRY_REMOVAL = re.compile(r"^x-(\d{1,12})-(\d{1,3})$")
# A page of the paragraphs citing a report (`y-A_HRC_58_19-0-0`) or one of its paragraphs
# (`y-A_HRC_58_19-3-0`, its body's paragraph 3).
CITED_BY_PAGE = re.compile(r"^y-([A-Za-z0-9_]{1,40})-(\d{1,6})-(\d{1,3})$")
# A followed topic no longer followed (`u-7`).
TOPIC_REMOVAL = re.compile(r"^u-(\d{1,12})$")


def address_pattern(*actions: Action) -> re.Pattern[str]:
    """The addresses of these actions: a button's callback data tells which handler it goes to."""
    return re.compile(f"^([{''.join(action.value for action in actions)}]){_AFTER_ACTION}")


_ANY_ADDRESS = address_pattern(*Action)


@dataclass(frozen=True)
class ResultsPage:
    """Page `page` (from 0) of the search remembered under `token`."""

    token: str
    page: int

    def encode(self) -> str:
        return f"s-{self.token}-{self.page}"


def symbol_slug(symbol: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "_", symbol).strip("_")


def slug_symbol(slug: str, symbols: Iterable[str]) -> str | None:
    """The symbol among `symbols` whose slug `slug` is, if any."""
    return next((symbol for symbol in symbols if symbol_slug(symbol) == slug), None)


@dataclass(frozen=True)
class Place:
    """Where a paragraph stands in its report: the body or a part (`I` for annex I, or a part
    named in full: `appendix A`), its kind, and its number among that kind's paragraphs."""

    number: int
    annex: str | None = None
    kind: ParagraphKind = NUMBERED

    @property
    def code(self) -> str:
        """The number as addresses and commands write it: `3`, `pp3` (preambular)."""
        return f"{_prefix(self.kind)}{self.number}"

    @property
    def label(self) -> str:
        """As a button names it, in every language: `para. 3`, `pp. 3`, `¶ 3` (a text without
        numbers, counted by place)."""
        if self.kind == NUMBERED:
            return f"para. {self.number}"
        return f"pp. {self.number}" if self.kind == PREAMBULAR else f"¶ {self.number}"


def _prefix(kind: ParagraphKind) -> str:
    """`pp` for preambular paragraphs, as UN drafts number them (PP3, OP3); a letter for any other
    kind but numbered, which has none."""
    if kind == NUMBERED:
        return ""
    return "pp" if kind == PREAMBULAR else kind[0]


def parse_place(words: list[str], annex: str | None) -> Place | None:
    """The paragraph that /para's last words name in a part: `3`, `3.`, `pp3`, `pp 3` (the
    third preambular paragraph), `op3` (operative: numbered); None for anything else."""
    match = re.fullmatch(r"(?i)(pp|op|[a-z])? ?(\d{1,6})\.?", " ".join(words))
    if match is None:
        return None
    prefix = (match[1] or "").lower()
    if prefix in ("", "op"):
        kind: ParagraphKind | None = NUMBERED
    else:
        kind = PREAMBULAR if prefix == "pp" else _KINDS_BY_LETTER.get(prefix)
    return None if kind is None else Place(int(match[2]), annex, kind)


@dataclass(frozen=True)
class Address:
    action: Action
    slug: str
    place: Place
    back: ResultsPage | None = None
    lang: str = DEFAULT_LANGUAGE

    def encode(self) -> str:
        annex = f"-{self.place.annex.replace(' ', '_')}" if self.place.annex else ""
        kind = self.place.kind[0] if self.place.kind != NUMBERED else ""
        lang = f"-{self.lang}" if self.lang != DEFAULT_LANGUAGE else ""
        back = f"~{self.back.token}.{self.back.page}" if self.back else ""
        encoded = f"{self.action.value}-{self.slug}{annex}-{kind}{self.place.number}{lang}{back}"
        if len(encoded.encode()) > MAX_BYTES:
            raise ValueError(f"address longer than {MAX_BYTES} bytes: {encoded!r}")
        return encoded

    def resolve(self, symbols: Iterable[str]) -> str | None:
        """The indexed symbol this address points to, if any still is."""
        return slug_symbol(self.slug, symbols)


def address(
    action: Action,
    symbol: str,
    place: Place,
    back: ResultsPage | None = None,
    lang: str = DEFAULT_LANGUAGE,
) -> Address:
    return Address(action, symbol_slug(symbol), place, back, lang)


def parse_address(data: str | None) -> Address | None:
    """The paragraph address in callback data or a /start payload; None for anything else."""
    match = _ANY_ADDRESS.match(data or "")
    if match is None:
        return None
    action, slug, annex, letter, number, lang, token, page = match.groups()
    kind = _KINDS_BY_LETTER.get(letter) if letter else NUMBERED
    if kind is None:
        return None
    place = Place(int(number), annex.replace("_", " ") if annex else None, kind)
    back = ResultsPage(token, int(page)) if token else None
    return Address(Action(action), slug, place, back, lang or DEFAULT_LANGUAGE)


def parse_page(data: str | None) -> ResultsPage | None:
    match = RESULTS_PAGE.match(data or "")
    return ResultsPage(match[1], int(match[2])) if match else None


@dataclass(frozen=True)
class CollectionPage:
    """Page `page` (from 0) of the chat's collection."""

    page: int

    def encode(self) -> str:
        return f"k-{self.page}"


@dataclass(frozen=True)
class EntryRemoval:
    """The saved entry `entry` removed, from page `page` of the collection, shown again."""

    entry: int
    page: int

    def encode(self) -> str:
        return f"x-{self.entry}-{self.page}"


@dataclass(frozen=True)
class TopicRemoval:
    topic: int

    def encode(self) -> str:
        return f"u-{self.topic}"


def parse_collection_page(data: str | None) -> CollectionPage | None:
    match = COLLECTION_PAGE.match(data or "")
    return CollectionPage(int(match[1])) if match else None


def parse_entry_removal(data: str | None) -> EntryRemoval | None:
    match = ENTRY_REMOVAL.match(data or "")
    return EntryRemoval(int(match[1]), int(match[2])) if match else None


def parse_topic_removal(data: str | None) -> TopicRemoval | None:
    match = TOPIC_REMOVAL.match(data or "")
    return TopicRemoval(int(match[1])) if match else None


@dataclass(frozen=True)
class CitedByPage:
    """Page `page` (from 0) of the paragraphs citing the report of slug `slug`, or its body's
    paragraph `number` (0: the report as a whole)."""

    slug: str
    number: int
    page: int

    def encode(self) -> str:
        return f"y-{self.slug}-{self.number}-{self.page}"

    def resolve(self, symbols: Iterable[str]) -> str | None:
        return slug_symbol(self.slug, symbols)


def cited_by_page(symbol: str, number: int | None, page: int = 0) -> CitedByPage:
    return CitedByPage(symbol_slug(symbol), number or 0, page)


def parse_cited_by_page(data: str | None) -> CitedByPage | None:
    match = CITED_BY_PAGE.match(data or "")
    return CitedByPage(match[1], int(match[2]), int(match[3])) if match else None
