"""UN document symbols as they stand in text (`A/HRC/59/41`, `CRC/C/GC/25`,
`E/CN.4/2005/L.10/Add.11`, `S/RES/2427 (2018)`), and the address of a document by its symbol."""

from __future__ import annotations

import re
from urllib.parse import quote

# The series a symbol opens with: the principal organs and the treaty bodies, the Secretariat,
# and a few subsidiary bodies' own series. A symbol must open with one of them: `A/B testing`,
# `24/7`, `1/2`, `26/02/2024` do not.
SERIES = (
    "A",
    "S",
    "E",
    "ST",
    "CRC",
    "CEDAW",
    "CCPR",
    "CAT",
    "CRPD",
    "CERD",
    "CMW",
    "CED",
    "HRI",
    "TD",
    "DP",
    "UNEP",
    "UNW",
    "SPLOS",
    "ISBA",
)

# One component after the series: a session or special session (`79`, `ES-10`, `S-33`), a body
# or kind (`HRC`, `RES`, `GC`, `CO`), a numbered part (`CN.4`, `C.3`, `L.10`, `Add.1`,
# `Rev.1`, `Corr.1`, `WG.6`, `CONF.157`) or a number, or numbers joined (`5-6`).
_COMPONENT = r"(?:(?:ES|S)-\d{1,3}|[A-Z][A-Za-z]{0,7}\.\d{1,3}|[A-Z]{1,8}|\d{1,4}(?:-\d{1,3})?)"

# A symbol starts at no letter, digit or path character (`…/en/A/HRC/59/41` in an address is
# not one); a symbol joined to another (`A/80/179-E/2025/50`) is two. It has at least two
# components after its series and ends before sentence punctuation: `A/HRC/59/41.` is
# `A/HRC/59/41`. A resolution's symbol may carry its year or session in brackets.
SYMBOL = (
    r"(?<![A-Za-z0-9/._@:#=?&])(?<![A-Za-z]-)"
    rf"(?P<core>(?:{'|'.join(sorted(SERIES, key=len, reverse=True))})(?:/{_COMPONENT}){{2,}})"
    r"(?![A-Za-z0-9/]|\.[A-Za-z0-9]|-(?!(?:A|S|E)/)[A-Za-z0-9])"
    r"(?P<year>\s?\((?:\d{4}|[IVXLC]{1,7})\))?"
)

_SYMBOL = re.compile(SYMBOL)
_LANGUAGES = frozenset({"ar", "zh", "en", "fr", "ru", "es"})


def symbol_of(match: re.Match[str]) -> tuple[str, int] | None:
    """The normalised symbol a match of `SYMBOL` stands for, and where it ends in the text;
    None when it is no symbol (no digit in it)."""
    core = match.group("core")
    if not any(character.isdigit() for character in core):
        return None
    year = match.group("year")
    if year and "/RES/" in core:
        return core + year.strip(), match.end("year")
    return core, match.end("core")


def find_symbols(text: str) -> list[tuple[int, int, str]]:
    """Each symbol in `text`: where it starts and ends, and the symbol normalised."""
    found = []
    for match in _SYMBOL.finditer(text):
        symbol = symbol_of(match)
        if symbol is not None:
            found.append((match.start(), symbol[1], symbol[0]))
    return found


def document_url(symbol: str, lang: str = "en") -> str:
    """The document in the UN Official Document System: `https://docs.un.org/en/A/RES/62/141`."""
    if lang not in _LANGUAGES:
        raise ValueError(f"not one of the six official languages: {lang!r}")
    return f"https://docs.un.org/{lang}/{quote(symbol, safe='/().-')}"
