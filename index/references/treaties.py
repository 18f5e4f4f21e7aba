"""The treaties whose articles are read, by their names in the six languages: the Convention on
the Rights of the Child and its optional protocols, the two Covenants, CEDAW, the Convention
against Torture and the Convention on the Rights of Persons with Disabilities."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

Family = Literal["convention", "covenant", "protocol"]

# What "the Convention", "the Covenant", "the Optional Protocol" can refer back to.
FAMILIES: dict[str, Family] = {
    "CRC": "convention",
    "CEDAW": "convention",
    "CAT": "convention",
    "CRPD": "convention",
    "ICCPR": "covenant",
    "ICESCR": "covenant",
    "OPSC": "protocol",
    "OPAC": "protocol",
    "OPIC": "protocol",
}


@dataclass(frozen=True)
class _Names:
    """A language's names of the treaties, as regular expressions (no leading article)."""

    names: tuple[tuple[str, str], ...]
    # "Optional Protocol", and the words that tell the protocols apart, which follow it within
    # its long name: "… on the sale of children, …".
    protocol: str
    subjects: tuple[tuple[str, str], ...]
    # A treaty named before: "the Convention", not followed by more of a name.
    back: tuple[tuple[Family, str], ...]


_NAMES: dict[str, _Names] = {
    "en": _Names(
        names=(
            ("CRC", r"Convention\s+on\s+the\s+Rights\s+of\s+the\s+Child"),
            ("CRPD", r"Convention\s+on\s+the\s+Rights\s+of\s+Persons\s+with\s+Disabilities"),
            (
                "CEDAW",
                r"Convention\s+on\s+the\s+Elimination\s+of\s+All\s+Forms\s+of\s+Discrimination"
                r"\s+against\s+Women",
            ),
            ("CAT", r"Convention\s+against\s+Torture"),
            ("ICCPR", r"International\s+Covenant\s+on\s+Civil\s+and\s+Political\s+Rights"),
            (
                "ICESCR",
                r"International\s+Covenant\s+on\s+Economic,\s+Social\s+and\s+Cultural\s+Rights",
            ),
        ),
        protocol=r"Optional\s+Protocol",
        subjects=(
            ("OPSC", r"sale\s+of\s+children"),
            ("OPAC", r"involvement\s+of\s+children\s+in\s+armed\s+conflict"),
            ("OPIC", r"communications\s+procedure"),
        ),
        back=(
            ("convention", r"Convention\b(?!\s+(?:on|against|for|of|concerning|relating|in)\b)"),
            ("covenant", r"Covenant\b(?!\s+on\b)"),
            ("protocol", r"(?:Optional\s+)?Protocol\b(?!\s+(?:to|on|of)\b)"),
        ),
    ),
    "fr": _Names(
        names=(
            ("CRC", r"Convention\s+relative\s+aux\s+droits\s+de\s+l['’]enfant"),
            ("CRPD", r"Convention\s+relative\s+aux\s+droits\s+des\s+personnes\s+handicapées"),
            (
                "CEDAW",
                r"Convention\s+sur\s+l['’]élimination\s+de\s+toutes\s+les\s+formes\s+de"
                r"\s+discrimination\s+à\s+l['’]égard\s+des\s+femmes",
            ),
            ("CAT", r"Convention\s+contre\s+la\s+torture"),
            (
                "ICCPR",
                r"Pacte\s+international\s+relatif\s+aux\s+droits\s+civils\s+et\s+politiques",
            ),
            (
                "ICESCR",
                r"Pacte\s+international\s+relatif\s+aux\s+droits\s+économiques,\s+sociaux"
                r"\s+et\s+culturels",
            ),
        ),
        protocol=r"Protocole\s+facultatif",
        subjects=(
            ("OPSC", r"vente\s+d['’]enfants"),
            ("OPAC", r"implication\s+d['’]enfants\s+dans\s+les\s+conflits\s+armés"),
            ("OPIC", r"procédure\s+de\s+présentation\s+de\s+communications"),
        ),
        back=(
            (
                "convention",
                r"Convention\b(?!\s+(?:relative|sur|contre|pour|internationale|de|du|des"
                r"|européenne|américaine|concernant)\b)",
            ),
            ("covenant", r"Pacte\b(?!\s+international\b)"),
            (
                "protocol",
                r"Protocole(?:\s+facultatif)?\b(?!\s+(?:à|se|concernant|relatif|établissant)\b)",
            ),
        ),
    ),
    "es": _Names(
        names=(
            ("CRC", r"Convención\s+sobre\s+los\s+Derechos\s+del\s+Niño"),
            (
                "CRPD",
                r"Convención\s+sobre\s+los\s+Derechos\s+de\s+las\s+Personas\s+con\s+Discapacidad",
            ),
            (
                "CEDAW",
                r"Convención\s+sobre\s+la\s+Eliminación\s+de\s+Todas\s+las\s+Formas\s+de"
                r"\s+Discriminación\s+contra\s+la\s+Mujer",
            ),
            ("CAT", r"Convención\s+contra\s+la\s+Tortura"),
            ("ICCPR", r"Pacto\s+Internacional\s+de\s+Derechos\s+Civiles\s+y\s+Políticos"),
            (
                "ICESCR",
                r"Pacto\s+Internacional\s+de\s+Derechos\s+Económicos,\s+Sociales\s+y\s+Culturales",
            ),
        ),
        protocol=r"Protocolo\s+Facultativo",
        subjects=(
            ("OPSC", r"venta\s+de\s+niños"),
            ("OPAC", r"participación\s+de\s+niños\s+en\s+los\s+conflictos\s+armados"),
            ("OPIC", r"procedimiento\s+de\s+comunicaciones"),
        ),
        back=(
            (
                "convention",
                r"Convención\b(?!\s+(?:sobre|contra|para|relativa|Internacional|Interamericana"
                r"|Europea|de|del)\b)",
            ),
            ("covenant", r"Pacto\b(?!\s+Internacional\b)"),
            (
                "protocol",
                r"Protocolo(?:\s+Facultativo)?\b(?!\s+(?:de|del|relativo|sobre|a)\b)",
            ),
        ),
    ),
    "ru": _Names(
        names=(
            ("CRC", r"Конвенци\w*\s+о\s+правах\s+реб[её]нка"),
            ("CRPD", r"Конвенци\w*\s+о\s+правах\s+инвалидов"),
            (
                "CEDAW",
                r"Конвенци\w*\s+о\s+ликвидации\s+всех\s+форм\s+дискриминации\s+в\s+отношении"
                r"\s+женщин",
            ),
            ("CAT", r"Конвенци\w*\s+против\s+пыток"),
            ("ICCPR", r"Международн\w+\s+пакт\w*\s+о\s+гражданских\s+и\s+политических\s+правах"),
            (
                "ICESCR",
                r"Международн\w+\s+пакт\w*\s+об\s+экономических,\s+социальных\s+и\s+культурных"
                r"\s+правах",
            ),
        ),
        protocol=r"Факультативн\w+\s+протокол\w*",
        subjects=(
            ("OPSC", r"торговли\s+детьми"),
            ("OPAC", r"участия\s+детей\s+в\s+вооруж[её]нных\s+конфликтах"),
            ("OPIC", r"процедуры\s+сообщений"),
        ),
        back=(
            ("convention", r"Конвенци\w*\b(?!\s+(?:о|об|против|по|относительно)\b)"),
            ("covenant", r"Пакт\w*\b(?!\s+(?:о|об)\b)"),
            ("protocol", r"(?:Факультативн\w+\s+)?протокол\w*\b(?!\s+(?:к|о|об)\b)"),
        ),
    ),
    "ar": _Names(
        names=(
            ("CRC", r"اتفاقية\s+حقوق\s+الطفل"),
            ("CRPD", r"اتفاقية\s+حقوق\s+الأشخاص\s+ذوي\s+الإعاقة"),
            ("CEDAW", r"اتفاقية\s+القضاء\s+على\s+جميع\s+أشكال\s+التمييز\s+ضد\s+المرأة"),
            ("CAT", r"اتفاقية\s+مناهضة\s+التعذيب"),
            ("ICCPR", r"العهد\s+الدولي\s+الخاص\s+بالحقوق\s+المدنية\s+والسياسية"),
            ("ICESCR", r"العهد\s+الدولي\s+الخاص\s+بالحقوق\s+الاقتصادية\s+والاجتماعية\s+والثقافية"),
        ),
        protocol=r"البروتوكول\s+الاختياري",
        subjects=(
            ("OPSC", r"بيع\s+الأطفال"),
            ("OPAC", r"اشتراك\s+الأطفال\s+في\s+المنازعات\s+المسلحة"),
            ("OPIC", r"إجراء\s+تقديم\s+البلاغات"),
        ),
        back=(
            (
                "convention",
                r"الاتفاقية(?!\w|\s+(?:الأوروبية|الأمريكية|الدولية|الإطارية|الخاصة|المتعلقة|بشأن))",
            ),
            ("covenant", r"العهد(?!\w|\s+الدولي)"),
            ("protocol", r"البروتوكول(?:\s+الاختياري)?(?!\w|\s+(?:ل|الملحق|المتعلق|بشأن))"),
        ),
    ),
}

# Chinese writes a treaty's name in 《》 before its article: 《儿童权利公约》第19条.
_CHINESE_NAMES = {
    "儿童权利公约": "CRC",
    "残疾人权利公约": "CRPD",
    "消除对妇女一切形式歧视公约": "CEDAW",
    "公民权利和政治权利国际公约": "ICCPR",
    "经济社会文化权利国际公约": "ICESCR",
}
_CHINESE_SUBJECTS = {"买卖儿童": "OPSC", "武装冲突": "OPAC", "来文程序": "OPIC"}
_CHINESE_BACK: dict[str, tuple[Family, ...]] = {
    "公约": ("convention", "covenant"),
    "任择议定书": ("protocol",),
}
_CHINESE_TITLE = re.compile(r"《(?P<name>[^《》]{1,120})》")

# How far after "Optional Protocol" the words telling which one may stand.
_SUBJECT_WINDOW = 160


@dataclass(frozen=True)
class Treaty:
    """A treaty read at a place in the text: its key, or the families it may refer back to."""

    key: str | None
    back: tuple[Family, ...]
    end: int


@cache
def _compiled(
    lang: str,
) -> tuple[
    tuple[tuple[str, re.Pattern[str]], ...],
    re.Pattern[str],
    tuple[tuple[str, re.Pattern[str]], ...],
    tuple[tuple[Family, re.Pattern[str]], ...],
]:
    names = _NAMES[lang]
    return (
        tuple((key, re.compile(name, re.IGNORECASE)) for key, name in names.names),
        re.compile(names.protocol, re.IGNORECASE),
        tuple((key, re.compile(words, re.IGNORECASE)) for key, words in names.subjects),
        tuple((family, re.compile(words)) for family, words in names.back),
    )


def _protocol_subject(text: str, start: int, lang: str) -> tuple[str, int] | None:
    """Which optional protocol the words after `start` name, and where they end."""
    _, protocol, subjects, _ = _compiled(lang)
    window = text[start : start + _SUBJECT_WINDOW]
    following = protocol.search(window)
    if following is not None:
        window = window[: following.start()]
    found = [
        (match.start(), key, start + match.end())
        for key, pattern in subjects
        if (match := pattern.search(window)) is not None
    ]
    if not found:
        return None
    _, key, end = min(found)
    return key, end


def treaty_at(text: str, position: int, lang: str) -> Treaty | None:
    """The treaty named at `position` (after "article 19 of the"), if any."""
    names, protocol, _, back = _compiled(lang)
    for key, pattern in names:
        if (match := pattern.match(text, position)) is not None:
            return Treaty(key, (), match.end())
    if (match := protocol.match(text, position)) is not None:
        subject = _protocol_subject(text, match.end(), lang)
        if subject is not None:
            return Treaty(subject[0], (), subject[1])
    for family, pattern in back:
        if (match := pattern.match(text, position)) is not None:
            return Treaty(None, (family,), match.end())
    return None


def chinese_treaty(name: str, end: int) -> Treaty | None:
    """The treaty a Chinese title in 《》 names."""
    name = re.sub(r"[\s、及]", "", name)
    if name in _CHINESE_BACK:
        return Treaty(None, _CHINESE_BACK[name], end)
    if "任择议定书" in name:
        for words, key in _CHINESE_SUBJECTS.items():
            if words in name:
                return Treaty(key, (), end)
        return None
    if name.startswith("禁止酷刑"):
        return Treaty("CAT", (), end)
    named = _CHINESE_NAMES.get(name)
    return None if named is None else Treaty(named, (), end)


def treaty_mentions(text: str, lang: str) -> list[tuple[int, str]]:
    """Where each treaty is named in `text`, in order: what "the Convention" refers back to.
    A protocol's name holds its convention's, which counts as named there too."""
    mentions: list[tuple[int, str]] = []
    if lang == "zh":
        for title in _CHINESE_TITLE.finditer(text):
            treaty = chinese_treaty(title.group("name"), title.end())
            if treaty is not None and treaty.key is not None:
                mentions.append((title.start(), treaty.key))
            if "儿童权利公约" in title.group("name") and (treaty is None or treaty.key != "CRC"):
                mentions.append((title.start(), "CRC"))
        return sorted(mentions)
    names, protocol, _, _ = _compiled(lang)
    for key, pattern in names:
        mentions.extend((match.start(), key) for match in pattern.finditer(text))
    for match in protocol.finditer(text):
        subject = _protocol_subject(text, match.end(), lang)
        if subject is not None:
            mentions.append((match.start(), subject[0]))
    return sorted(mentions)


def referred_back(
    mentions: list[tuple[int, str]], position: int, families: tuple[Family, ...]
) -> str | None:
    """The treaty "the Convention" at `position` refers back to: the last of its family named
    before it in the text; None when none was."""
    for start, key in reversed(mentions):
        if start < position and FAMILIES[key] in families:
            return key
    return None
