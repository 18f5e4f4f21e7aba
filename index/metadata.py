"""A report's metadata as its front matter states it: a PDF masthead, a web page's header.

The front matter is plain text, a line per element. What is recognised:

- `Title:`, `Symbol:`, `Date:` and `URL:` lines (written by hand, or by a format reader that
  found them in the file's own metadata) say the value outright and win over what follows;
- the symbol: a line that is only a symbol (a masthead), else one in parentheses (a ReliefWeb
  title, `… (A/HRC/58/19) [EN/AR/RU/ZH]`), else the first one;
- the title: ReliefWeb's title line without its `(symbol) [languages]` tail, else the masthead's
  title: after `Agenda item 3` comes the agenda item's title and then the report's;
- the date: the first line that is only a date (`13 January 2025`, `January 13 2025`,
  `2025-01-13`), so that a session's dates (`24 February–4 April 2025`) are not taken for it;
- the body: the last line naming one (a masthead names `General Assembly`, then the
  `Human Rights Council` under it); the session with its dates; the agenda item's number;
- the language: the script (Arabic, Cyrillic, Chinese), else the word after `Original:`, which
  is written in the text's language (`English`, `anglais`, `inglés`), else the masthead's
  `Distr.` line and the commonest short words.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from index.footnotes import strip_footnote_markers
from index.languages import language_by_script


@dataclass(frozen=True)
class Metadata:
    """What the front matter says about its report; None where it says nothing."""

    symbol: str | None = None
    title: str | None = None
    date: dt.date | None = None
    body: str | None = None
    session: str | None = None
    agenda_item: str | None = None
    lang: str | None = None
    source_url: str | None = None


# Segments after the organ's letters: `HRC`, `CN.4`, `Add.1`, `S-35`, `58`.
_SYMBOL = re.compile(
    r"(?<![\w/.])[A-Z]{1,8}(?:/(?:[A-Z][A-Za-z]{0,9}(?:[.-]\d{1,4})*|\d{1,5}))+(?![\w/])"
)
_LABEL = re.compile(r"(?P<key>title|symbol|date|url)\s*:\s*(?P<value>\S.*)", re.IGNORECASE)
# ReliefWeb's title: `Annual report … (A/HRC/58/19) [EN/AR/RU/ZH]`.
_TITLE_TAIL = re.compile(r"\s*[-–—:]?\s*\((?P<symbol>[^()]*)\)\s*(?:\[[A-Za-z/, ]+\])?\s*$")

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan", "janvier", "janv", "enero"),
            ("february", "feb", "février", "févr", "febrero"),
            ("march", "mar", "mars", "marzo"),
            ("april", "apr", "avril", "avr", "abril"),
            ("may", "mai", "mayo"),
            ("june", "jun", "juin", "junio"),
            ("july", "jul", "juillet", "juil", "julio"),
            ("august", "aug", "août", "agosto"),
            ("september", "sep", "sept", "septembre", "septiembre", "setiembre"),
            ("october", "oct", "octobre", "octubre"),
            ("november", "nov", "novembre", "noviembre"),
            ("december", "dec", "décembre", "déc", "diciembre"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>[^\W\d_]{3,10})\.?"
_DATES = [
    # 13 January 2025, 1er janvier 2025, 13 de enero de 2025
    re.compile(rf"(?P<day>\d{{1,2}})(?:er)?\s+(?:de\s+)?{_MONTH}\s+(?:de\s+)?(?P<year>\d{{4}})"),
    # January 13 2025 (ReliefWeb), January 13, 2025
    re.compile(rf"{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})"),
    re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"),
]

# The principal organs and the subsidiary bodies a masthead names under them.
_BODY = re.compile(
    r"General Assembly|Security Council|Economic and Social Council|Human Rights Council"
    r"|Assemblée générale|Conseil de sécurité|Conseil économique et social"
    r"|Conseil des droits de l[’']homme"
    r"|Asamblea General|Consejo de Seguridad|Consejo Económico y Social"
    r"|Consejo de Derechos Humanos"
    r"|(?:Committee|Commission) (?:on|for|against) (?:the )?[A-Z][\w ,’']{3,80}"
)
# `Fifty-eighth session`, `Eleventh special session`, `2024 session`, `Cinquante-huitième session`
_SESSION = re.compile(
    r"(?P<name>(?:[A-Z][^\W\d_]+(?:-[^\W\d_]+)?(?<=st|nd|rd|th|me)|\d{4})"
    r"(?:\s+(?:special|emergency special|resumed|regular|organizational))?\s+session)"
    r"(?:\s*,?\s*(?P<dates>.*\d{4}))?"
)
# `24 February– 4 April 2025` (ReliefWeb) is `24 February–4 April 2025`.
_DASH_SPACING = re.compile(r"\s*([–-])\s*")
_DATE_RANGE = re.compile(r"\d{1,2}(?:\s+\w+)?(?:\s+\d{4})?\s*[–-]\s*\d{1,2}\s+\w+\s+\d{4}")
_AGENDA_NUMBER = r"\d{1,3}(?:\s*\([a-z]{1,3}\))?"
_AGENDA_NUMBERS = rf"{_AGENDA_NUMBER}(?:\s*(?:,|and|et|y)\s*{_AGENDA_NUMBER})*"
_AGENDA = [
    re.compile(rf"(?:provisional\s+)?agenda\s+items?\s+(?P<item>{_AGENDA_NUMBERS})", re.I),
    re.compile(
        rf"items?\s+(?P<item>{_AGENDA_NUMBERS})\s+of\s+the\s+(?:preliminary|provisional)\s+list",
        re.I,
    ),
    re.compile(rf"points?\s+(?P<item>{_AGENDA_NUMBERS})\s+de\s+l[’']ordre\s+du\s+jour", re.I),
    re.compile(rf"temas?\s+(?P<item>{_AGENDA_NUMBERS})\s+de(?:l)?\s+(?:la\s+)?agenda", re.I),
]
# Masthead lines that are not the title: the Organization, distribution, footnotes (`* A/1.`).
_MASTHEAD = re.compile(
    r"United Nations|Nations Unies|Naciones Unidas|Distr\..*|Original\s*:.*|\*+\s*.*"
    r"|Advance (?:unedited|edited) version|GE\.\d{2}-\d+.*",
    re.IGNORECASE,
)
# A title wraps onto the next line after one of these.
_CONTINUES = re.compile(
    r"(?:[,-]|\b(?:of|the|on|and|for|in|to|against|a|an|with|by|at|from|its|their))$"
)

_ORIGINAL = re.compile(r"Original\s*:\s*(?P<word>[^\W\d_]+)", re.IGNORECASE)
# The word after `Original:` names the original language in the language of this text.
_ORIGINAL_WORDS = {
    "en": ("english", "french", "spanish", "arabic", "russian", "chinese"),
    "fr": ("anglais", "français", "espagnol", "arabe", "russe", "chinois"),
    "es": ("inglés", "francés", "español", "árabe", "ruso", "chino"),
}
_DISTRIBUTION = {
    "en": re.compile(r"Distr\.:\s*(?:General|Limited|Restricted)"),
    "fr": re.compile(r"Distr\.\s*:?\s*(?:générale|limitée|restreinte)"),
    "es": re.compile(r"Distr\.\s*(?:general|limitada|reservada)\b"),
}
_SHORT_WORDS = {
    "en": frozenset({"the", "and", "of", "to", "in", "for", "is", "on", "that", "with", "by"}),
    "fr": frozenset({"le", "les", "des", "du", "et", "pour", "dans", "est", "sur", "au", "aux"}),
    "es": frozenset({"el", "los", "las", "del", "y", "para", "por", "que", "con", "una", "es"}),
}
# A report in Arabic, Russian or Chinese quotes names and symbols in Latin letters.
_SCRIPT_SHARE = 0.3
# Enough text to tell a language by; a whole report would only take longer.
_LANGUAGE_SAMPLE = 20_000


def detect_metadata(front_matter: str) -> Metadata:
    """What `front_matter` says about its report."""
    lines = [" ".join(line.split()) for line in front_matter.splitlines()]
    lines = [line for line in lines if line]
    labels = _labels(lines)
    symbol = labels.get("symbol") or _symbol(lines)
    return Metadata(
        symbol=symbol,
        title=_clean_title(labels["title"]) if "title" in labels else _title(lines),
        date=parse_date(labels.get("date", "")) or _first_date(lines),
        body=next((line for line in reversed(lines) if _BODY.fullmatch(line)), None),
        session=_session(lines),
        agenda_item=_agenda_item(lines),
        lang=detect_language(front_matter),
        source_url=labels.get("url"),
    )


def find_symbols(text: str) -> list[str]:
    """The UN document symbols in `text`, in order: `A/HRC/58/19`, `E/CN.4/2005/1`, …"""
    return [
        found
        for found in _SYMBOL.findall(text)
        if any(char.isdigit() for char in found) and "/" in found
    ]


def parse_date(text: str) -> dt.date | None:
    """The date `text` is, if it is nothing but a date."""
    text = text.strip().rstrip(".")
    for pattern in _DATES:
        match = pattern.fullmatch(text)
        if match is None:
            continue
        month = match["month"]
        number = int(month) if month.isdigit() else _MONTHS.get(month.casefold())
        if number is None:
            continue
        try:
            return dt.date(int(match["year"]), number, int(match["day"]))
        except ValueError:
            return None
    return None


def detect_language(text: str) -> str | None:
    """`ar`, `ru`, `zh` by script; `en`, `fr`, `es` by what a masthead or the words say; None
    when `text` does not tell (a symbol alone, say)."""
    text = text[:_LANGUAGE_SAMPLE]
    letters = "".join(char for char in text if char.isalpha())
    if not letters:
        return None
    by_script = language_by_script(letters, _SCRIPT_SHARE)
    if by_script is not None:
        return by_script
    original = _ORIGINAL.search(text)
    if original is not None:
        word = original["word"].casefold()
        for lang, names in _ORIGINAL_WORDS.items():
            if word in names:
                return lang
    for lang, distribution in _DISTRIBUTION.items():
        if distribution.search(text):
            return lang
    found = re.findall(r"[^\W\d_]+", text.casefold())
    counts = {lang: sum(word in short for word in found) for lang, short in _SHORT_WORDS.items()}
    best = max(counts, key=lambda lang: counts[lang])
    return best if counts[best] else None


def _labels(lines: Iterable[str]) -> dict[str, str]:
    labels: dict[str, str] = {}
    for line in lines:
        match = _LABEL.fullmatch(line)
        if match is not None:
            labels.setdefault(match["key"].casefold(), match["value"].strip())
    return labels


def _symbol(lines: Sequence[str]) -> str | None:
    for line in lines:
        if line in find_symbols(line):
            return line
    in_parentheses: list[str] = []
    for line in lines:
        for inside in re.findall(r"\(([^()]*)\)", line):
            in_parentheses += find_symbols(inside)
    if in_parentheses:
        return in_parentheses[0]
    anywhere = find_symbols("\n".join(lines))
    return anywhere[0] if anywhere else None


def _title(lines: Sequence[str]) -> str | None:
    for line in lines:
        tail = _TITLE_TAIL.search(line)
        if tail is not None and find_symbols(tail["symbol"]) and tail.start() > 0:
            return _clean_title(line[: tail.start()])
    return _masthead_title(lines)


def _masthead_title(lines: Sequence[str]) -> str | None:
    """The first title after the agenda item's, or after the masthead's last field."""
    agenda = [i for i, line in enumerate(lines) if _agenda_match(line) is not None]
    if agenda:
        units = _units(lines[agenda[-1] + 1 :])
        return _clean_title(units[1]) if len(units) > 1 else None
    fields = [i for i, line in enumerate(lines) if _is_masthead_field(line)]
    units = _units(lines[fields[-1] + 1 :] if fields else lines)
    return _clean_title(units[0]) if units else None


def _is_masthead_field(line: str) -> bool:
    return bool(
        _MASTHEAD.fullmatch(line)
        or _BODY.fullmatch(line)
        or _SESSION.fullmatch(line)
        or _DATE_RANGE.fullmatch(line)
        or parse_date(line)
        or line in find_symbols(line)
    )


def _units(lines: Sequence[str]) -> list[str]:
    """Lines joined where one wraps onto the next; masthead fields and footnotes left out."""
    units: list[str] = []
    wrapping = False
    for line in lines:
        if _is_masthead_field(line) or _LABEL.fullmatch(line):
            wrapping = False
            continue
        if units and (wrapping or line[:1].islower()):
            glue = "" if units[-1].endswith("-") else " "
            units[-1] = f"{units[-1]}{glue}{line}"
        else:
            units.append(line)
        wrapping = bool(_CONTINUES.search(line))
    return units


def _clean_title(title: str) -> str | None:
    tail = _TITLE_TAIL.search(title)
    if tail is not None and find_symbols(tail["symbol"]):
        title = title[: tail.start()]
    cleaned = strip_footnote_markers(title).rstrip("* ").strip()
    return cleaned or None


def _first_date(lines: Iterable[str]) -> dt.date | None:
    return next((date for date in map(parse_date, lines) if date is not None), None)


def _session(lines: Sequence[str]) -> str | None:
    for index, line in enumerate(lines):
        match = _SESSION.fullmatch(line)
        if match is None:
            continue
        dates = match["dates"]
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if not dates and _DATE_RANGE.fullmatch(following):
            dates = following
        if not dates:
            return match["name"]
        dates = _DASH_SPACING.sub(r"\1", dates.strip())
        return f"{match['name']}, {dates}"
    return None


def _agenda_match(line: str) -> re.Match[str] | None:
    stripped = line.rstrip("*").strip()
    return next(
        (match for pattern in _AGENDA if (match := pattern.fullmatch(stripped)) is not None), None
    )


def _agenda_item(lines: Iterable[str]) -> str | None:
    for line in lines:
        match = _agenda_match(line)
        if match is not None:
            return " ".join(match["item"].split())
    return None
