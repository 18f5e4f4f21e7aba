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

MAX_BYTES = 64
DEFAULT_LANGUAGE = "en"
# The /start payload of the help button above inline results.
HELP_PAYLOAD = "help"


class Action(Enum):
    """What pressing or following the address does."""

    OPEN = "o"  # a new message with the paragraph (deep links, /para)
    NAVIGATE = "n"  # the paragraph, in place of what this message shows
    CITE = "c"  # a new message with the full reference, ready to copy


# `o-A_HRC_58_19-3`, `o-A_HRC_58_19-I-3` for annex I, `o-A_HRC_58_19-3-ru` for the Russian
# version (English, the default, is left out), `n-A_HRC_58_19-3~0f3a9c2e.1` with the results page
# to go back to. Slugs hold no `-`, annexes are upper case and languages lower case, so the parts
# are told apart by position and case.
_AFTER_ACTION = (
    r"-([A-Za-z0-9_]{1,40})(?:-([A-Z0-9]{1,6}))?-(\d{1,6})(?:-([a-z]{2}))?"
    r"(?:~([0-9a-f]{8})\.(\d{1,2}))?$"
)
RESULTS_PAGE = re.compile(r"^s-([0-9a-f]{8})-(\d{1,2})$")


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


@dataclass(frozen=True)
class Address:
    action: Action
    slug: str
    number: int
    annex: str | None = None
    back: ResultsPage | None = None
    lang: str = DEFAULT_LANGUAGE

    def encode(self) -> str:
        annex = f"-{self.annex}" if self.annex else ""
        lang = f"-{self.lang}" if self.lang != DEFAULT_LANGUAGE else ""
        back = f"~{self.back.token}.{self.back.page}" if self.back else ""
        encoded = f"{self.action.value}-{self.slug}{annex}-{self.number}{lang}{back}"
        if len(encoded.encode()) > MAX_BYTES:
            raise ValueError(f"address longer than {MAX_BYTES} bytes: {encoded!r}")
        return encoded

    def resolve(self, symbols: Iterable[str]) -> str | None:
        """The indexed symbol this address points to, if any still is."""
        return next((symbol for symbol in symbols if symbol_slug(symbol) == self.slug), None)


def address(
    action: Action,
    symbol: str,
    number: int,
    annex: str | None = None,
    back: ResultsPage | None = None,
    lang: str = DEFAULT_LANGUAGE,
) -> Address:
    return Address(action, symbol_slug(symbol), number, annex, back, lang)


def parse_address(data: str | None) -> Address | None:
    """The paragraph address in callback data or a /start payload; None for anything else."""
    match = _ANY_ADDRESS.match(data or "")
    if match is None:
        return None
    action, slug, annex, number, lang, token, page = match.groups()
    back = ResultsPage(token, int(page)) if token else None
    return Address(Action(action), slug, int(number), annex, back, lang or DEFAULT_LANGUAGE)


def parse_page(data: str | None) -> ResultsPage | None:
    match = RESULTS_PAGE.match(data or "")
    return ResultsPage(match[1], int(match[2])) if match else None
