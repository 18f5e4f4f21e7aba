"""A report's metadata as its front matter states it: a PDF masthead, a web page's header.

The front matter is plain text, a line per element, in any of the six official languages (the
examples here are English; the patterns give the others). What is recognised:

- `Title:`, `Symbol:`, `Date:` and `URL:` lines (written by hand, or by a format reader that
  found them in the file's own metadata) say the value outright and win over what follows;
- the symbol: a line that is only a symbol (a masthead), else one in parentheses (a ReliefWeb
  title, `… (A/HRC/58/19) [EN/AR/RU/ZH]`), else the first one;
- the title: ReliefWeb's title line without its `(symbol) [languages]` tail, else a
  resolution's or decision's numbered title (`78/9. Commemoration of …`), else the masthead's
  title: after `Agenda item 3` comes the agenda item's title and then the report's (a draft's
  sponsors, `France and Qatar: draft resolution`, an amendment's, `Russian Federation:*
  amendment to draft resolution A/80/L.18`, `Draft resolution submitted by …` and
  `Resolution adopted by …` left out);
- the committee a resolution was adopted on the report of, or none
  (`[without reference to a Main Committee (A/78/L.8)]`), without its brackets;
- the date: the first line that is only a date (`13 January 2025`, `January 13 2025`,
  `2025-01-13`, `13 января 2025 года`, `13 كانون الثاني/يناير 2025`, `2025年1月13日`), so that a
  session's dates (`24 February–4 April 2025`) are not taken for it;
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

from index.ingest.footnotes import strip_footnote_markers
from index.language.arabic import normalise, normalise_presentation_forms
from index.language.official import language_by_script


@dataclass(frozen=True)
class Metadata:
    """What the front matter says about its report; None where it says nothing."""

    symbol: str | None = None
    title: str | None = None
    date: dt.date | None = None
    body: str | None = None
    session: str | None = None
    agenda_item: str | None = None
    committee: str | None = None
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
            ("january", "jan", "janvier", "janv", "enero", "января", "يناير"),
            ("february", "feb", "février", "févr", "febrero", "февраля", "فبراير"),
            ("march", "mar", "mars", "marzo", "марта", "مارس"),
            ("april", "apr", "avril", "avr", "abril", "апреля", "أبريل"),
            ("may", "mai", "mayo", "мая", "مايو"),
            ("june", "jun", "juin", "junio", "июня", "يونيه", "يونيو"),
            ("july", "jul", "juillet", "juil", "julio", "июля", "يوليه", "يوليو"),
            ("august", "aug", "août", "agosto", "августа", "أغسطس"),
            (
                "september",
                "sep",
                "sept",
                "septembre",
                "septiembre",
                "setiembre",
                "сентября",
                "سبتمبر",
            ),
            ("october", "oct", "octobre", "octubre", "октября", "أكتوبر"),
            ("november", "nov", "novembre", "noviembre", "ноября", "نوفمبر"),
            ("december", "dec", "décembre", "déc", "diciembre", "декабря", "ديسمبر"),
        ],
        start=1,
    )
    # Arabic spelled by the search normalisation, so that `ابريل` is `أبريل`.
    for name in map(normalise, names)
}
_MONTH = r"(?P<month>[^\W\d_]{3,10})\.?"
# `\d` is any script's digit, and int() reads them all: Arabic-Indic digits are dates too.
_DATES = [
    # 13 January 2025, 1er janvier 2025, 13 de enero de 2025, 13 января 2025 года
    re.compile(
        rf"(?P<day>\d{{1,2}})(?:er)?\s+(?:de\s+)?{_MONTH}\s+(?:de\s+)?(?P<year>\d{{4}})"
        r"(?:\s+(?:года|г\.?))?"
    ),
    # 13 كانون الثاني/يناير 2025: UN Arabic names the month the Levantine way, then the Egyptian.
    re.compile(
        r"(?P<day>\d{1,2})\s+[^\W\d_]+(?:\s[^\W\d_]+)?\s*/\s*(?P<month>[^\W\d_]+)"
        r"\s+(?P<year>\d{4})"
    ),
    re.compile(r"(?P<year>\d{4})\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日"),
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
    r"|Генеральная Ассамблея|Совет Безопасности|Экономический и Социальный Совет"
    r"|Совет по правам человека"
    r"|الجمعية العامة|مجلس الأمن|المجلس الاقتصادي والاجتماعي|مجلس حقوق الإنسان"
    r"|大会|安全理事会|经济及社会理事会|人权理事会"
    r"|(?:Committee|Commission) (?:on|for|against) (?:the )?[A-Z][\w ,’']{3,80}"
)
_SESSION_NAMES = (
    # Fifty-eighth session, Eleventh special session, 2024 session, Soixante-dix-neuvième session
    r"(?:[A-Z][^\W\d_]+(?:-[^\W\d_]+)*(?<=st|nd|rd|th|me)|\d{4})"
    r"(?:\s+(?:special|emergency special|resumed|regular|organizational))?\s+session",
    # 58º período de sesiones, Quincuagésimo octavo período de sesiones
    r"(?:\d{1,3}\.?\s?[º°]|[A-Z][^\W\d_]+o(?:\s[^\W\d_]+o)?)\s+período"
    r"(?:\s+extraordinario)?\s+de\s+sesiones",
    # Пятьдесят восьмая сессия, Одиннадцатая специальная сессия
    r"(?:[А-ЯЁ][а-яё]+\s+)?[А-ЯЁа-яё]+ая(?:\s+(?:специальная|чрезвычайная))*\s+сессия",
    # الدورة الثامنة والخمسون, الدورة الاستثنائية الخامسة والثلاثون
    r"الدورة(?:\s+[^\W\d_]+){1,4}",
    # 第五十八届会议, 第三十五届特别会议
    r"第[〇零一二三四五六七八九十百]+届(?:紧急)?(?:特别)?会议",
)
_SESSION = re.compile(
    rf"(?P<name>{'|'.join(_SESSION_NAMES)})(?:\s*,?\s*(?P<dates>.*\d{{4}}(?:\s*года)?))?"
)
# `24 February– 4 April 2025` (ReliefWeb) is `24 February–4 April 2025`.
_DASH_SPACING = re.compile(r"\s*([–-])\s*")
# A month as `\w+`, or as UN Arabic names it, `كانون الثاني/يناير`.
_RANGE_MONTH = r"(?:\w+(?:\s\w+)?\s*/\s*)?\w+"
_DATE_RANGE = re.compile(
    # 24 February–4 April 2025, 24 февраля — 4 апреля 2025 года
    rf"\d{{1,2}}(?:\s+{_RANGE_MONTH})?(?:\s+\d{{4}})?\s*[–—-]\s*"
    rf"\d{{1,2}}\s+{_RANGE_MONTH}\s+\d{{4}}(?:\s+года)?"
    # 24 de febrero a 4 de abril de 2025
    r"|\d{1,2}(?:\s+de\s+\w+)?\s+al?\s+\d{1,2}\s+de\s+\w+\s+de\s+\d{4}"
    # 2025年2月24日至4月4日
    r"|\d{4}年\d{1,2}月\d{1,2}日\s*[至–-]\s*(?:\d{4}年)?(?:\d{1,2}月)?\d{1,2}日"
)
# `69 (a)`, and `69 a)` as Spanish and Russian write it, with Latin, Cyrillic or Arabic letters.
_AGENDA_NUMBER = r"\d{1,3}(?:\s*\(?[^\W\d_]{1,3}\))?"
_AGENDA_NUMBERS = rf"{_AGENDA_NUMBER}(?:\s*(?:,|،|、|and|et|y|и|و|和)\s*{_AGENDA_NUMBER})*"
_AGENDA = [
    re.compile(rf"(?:provisional\s+)?agenda\s+items?\s+(?P<item>{_AGENDA_NUMBERS})", re.I),
    re.compile(
        rf"items?\s+(?P<item>{_AGENDA_NUMBERS})\s+of\s+the\s+"
        r"(?:(?:preliminary|provisional)\s+list|(?:provisional\s+)?agenda)",
        re.I,
    ),
    re.compile(
        rf"points?\s+(?P<item>{_AGENDA_NUMBERS})\s+de\s+"
        r"(?:l[’']ordre\s+du\s+jour(?:\s+provisoire)?|la\s+liste\s+préliminaire)",
        re.I,
    ),
    re.compile(
        rf"temas?\s+(?P<item>{_AGENDA_NUMBERS})\s+"
        r"(?:del?\s+(?:la\s+)?(?:agenda|programa)(?:\s+provisional)?|de\s+la\s+lista\s+preliminar)",
        re.I,
    ),
    re.compile(
        rf"пункты?\s+(?P<item>{_AGENDA_NUMBERS})\s+"
        r"(?:(?:предварительной\s+)?повестки\s+дня|предварительного\s+перечня)",
        re.I,
    ),
    # البند 3 من جدول الأعمال, البندان 2 و 3 من جدول الأعمال المؤقت
    re.compile(
        rf"البند(?:ان)?\s+(?P<item>{_AGENDA_NUMBERS})\s+من\s+جدول\s+ال[أا]عمال(?:\s+المؤقت)?"
    ),
    re.compile(rf"(?:临时)?议程项目\s*(?P<item>{_AGENDA_NUMBERS})"),
]
# A resolution's or decision's title begins with its number: `78/9. Commemoration of …`,
# `79/573 B. …`, `S-32/1. …`, `ES-10/24. …`.
_NUMBERED_TITLE = re.compile(r"(?:[A-Z]{1,2}-)?\d{1,3}/\d{1,4}(?:\s?[A-Z])?\.\s+\S.*")
# Lines of a resolution's masthead before its title: who sponsors a draft or an amendment to
# one (`Russian Federation:* amendment to draft resolution A/80/L.18`), how it was adopted.
_NOT_TITLE = re.compile(
    r".*:\W*\s*(?:revised )?draft (?:resolution|decision)s?"
    r"|.*:\W*\s*amendments? to (?:revised )?draft (?:resolution|decision)s?\b.*"
    r"|Resolution adopted by .*"
    r"|(?:Revised )?[Dd]raft (?:resolution|decision)s? submitted by .*"
    r"|Decision adopted by .*|\[.*\]?"
)
_COMMITTEE = re.compile(r"\[(?P<committee>(?:without reference to|on the report of) .*)\]")
# Masthead lines that are not the title: the Organization, distribution, footnotes (`* A/1.`).
_MASTHEAD = re.compile(
    r"United Nations|Nations Unies|Naciones Unidas|Организация Объединенных Наций|الأمم المتحدة"
    r"|联合国|Distr\..*|Original\s*:.*|\*+\s*.*"
    # The language of the translation, over `Original:` (`Russian`, `Français`).
    r"|Arabic|Chinese|Russian|Français|Español"
    r"|Advance (?:unedited|edited) version|GE\.\d{2}-\d+.*",
    re.IGNORECASE,
)
# A title wraps onto the next line after one of these; Arabic and Chinese have no lower case
# to tell a continued line by, but for a comma.
_CONTINUES = re.compile(
    r"(?:[,،，、-]|\b(?:of|the|on|and|for|in|to|against|a|an|with|by|at|from|its|their))$"
)

# Agenda items are compared across languages: `٣` is `3`.
_DIGITS = str.maketrans(
    {chr(zero + digit): str(digit) for zero in (0x0660, 0x06F0, 0xFF10) for digit in range(10)}
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
    front_matter = normalise_presentation_forms(front_matter)
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
        committee=next(
            (match["committee"] for line in lines if (match := _COMMITTEE.fullmatch(line))), None
        ),
        lang=document_language(front_matter),
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
        number = int(month) if month.isdigit() else _MONTHS.get(normalise(month.casefold()))
        if number is None:
            continue
        try:
            return dt.date(int(match["year"]), number, int(match["day"]))
        except ValueError:
            return None
    return None


def document_language(text: str) -> str | None:
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
    numbered = next((unit for unit in _units(lines) if _NUMBERED_TITLE.fullmatch(unit)), None)
    return _clean_title(numbered) if numbered is not None else _masthead_title(lines)


def _masthead_title(lines: Sequence[str]) -> str | None:
    """The first title after the agenda item's, or after the masthead's last field."""
    agenda = [i for i, line in enumerate(lines) if _agenda_match(line) is not None]
    if agenda:
        units = _title_units(lines[agenda[-1] + 1 :])
        return _clean_title(units[1]) if len(units) > 1 else None
    fields = [i for i, line in enumerate(lines) if _is_masthead_field(line)]
    units = _title_units(lines[fields[-1] + 1 :] if fields else lines)
    return _clean_title(units[0]) if units else None


def _title_units(lines: Sequence[str]) -> list[str]:
    return [unit for unit in _units(lines) if not _NOT_TITLE.fullmatch(unit)]


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
            glue = "" if units[-1].endswith(("-", "，", "、")) else " "
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
            return " ".join(match["item"].split()).translate(_DIGITS)
    return None
