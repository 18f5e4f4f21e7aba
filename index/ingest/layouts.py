"""How each language version of a UN report writes its parts, for index.parse_text.

| | headings | lettered headings | paragraphs | sub-items | summary | annex |
|---|---|---|---|---|---|---|
| en | `I. Introduction` | `A. Global level` | `1. Text` | `(a)` | Summary | Annex I |
| fr | `I. Introduction` | `A. …` | `1. Texte` | `a)` | Résumé | Annexe I |
| es | `I. Introducción` | `A. …` | `1. Texto` | `a)` | Resumen | Anexo I |
| ru | `I. Введение` | `А. …` (Cyrillic, Latin) | `1. Текст` | `а)` | Резюме | Приложение I |
| ar | `أولاً- مقدمة` | `ألف- …` | `1- نص`, `1 - نص` | `(أ)` | موجز | المرفق الأول |
| zh | `一. 导言`, `一、导言` | `A. …` | `1. 文本`, `１．文本` | `(a)`, `（a）` | 摘要 | 附件一 |

Arabic headings count in ordinal words (أولاً first, ثانياً second, …) and letter them by the
letters' names in abjad order (ألف, باء, جيم, …); Chinese headings count in Chinese numerals.
French, Spanish and Russian sub-items may also be written `(a)`, as English ones are. Paragraph
numbers may be written in any digits (`١٢`, `１２` are 12). An annex's label is always
the Roman numeral (`المرفق الثاني` and `附件二` are annex II), as paragraphs are matched across
language versions by their annex and number.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from index.language import arabic

_BULLETS = "•▪●◦"
_LATIN_HEADING = re.compile(r"(?P<label>[IVXLC]{2,}|[A-Z])\.\s+(?P<title>\S.*)")
_LATIN_NUMBERED = re.compile(r"(?P<number>\d{1,4})\.\s+(?P<rest>\S.*)")
_LATIN_NUMBER_ALONE = re.compile(r"(?P<number>\d{1,4})\.")
_ROMAN = re.compile(r"(?=[IVXLC])(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
# Lettered headings skip the letters that could be mistaken for others (Ё, Й, Ъ, Ы, Ь).
_CYRILLIC_LETTERS = "АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЩЭЮЯ"
_CHINESE_DIGITS = {char: value for value, char in enumerate("一二三四五六七八九", start=1)}
# Normalised (index.language.arabic.normalise): أولاً is اولا.
_ARABIC_ORDINALS = {
    word: value
    for value, word in enumerate(
        [
            *("اولا", "ثانيا", "ثالثا", "رابعا", "خامسا", "سادسا", "سابعا", "ثامنا", "تاسعا"),
            *("عاشرا", "حادي عشر", "ثاني عشر", "ثالث عشر", "رابع عشر", "خامس عشر"),
            *("سادس عشر", "سابع عشر", "ثامن عشر", "تاسع عشر", "عشرون"),
        ],
        start=1,
    )
}
_ARABIC_ANNEX_ORDINALS = {
    word: value
    for value, word in enumerate(
        [
            *("الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن"),
            *("التاسع", "العاشر"),
        ],
        start=1,
    )
}
_ARABIC_LETTERS = {
    name: value
    for value, name in enumerate(
        [
            *("الف", "باء", "جيم", "دال", "هاء", "واو", "زاي", "حاء", "طاء", "ياء", "كاف"),
            *("لام", "ميم", "نون", "سين", "عين", "فاء", "صاد", "قاف", "راء", "شين", "تاء"),
        ],
        start=1,
    )
}


@dataclass(frozen=True)
class Layout:
    """The patterns of one language's reports. `heading` matches a numbered or lettered heading
    (`label`, `title`); `section_number` and `letter_number` say what its label counts (None
    when it does not count that way); `annex` matches an annex line, whose `label`,
    when it has one, `annex_number` reads, and the annex's `title` when it stands on the same
    line (`Annex I — Title`, `Annex I: Title`); `appendix` matches an appendix's or enclosure's
    line (`label`, `title` likewise). A resolution or decision begins with its `opening`
    (`The General Assembly,`) and ends with its `adoption` (`37th plenary meeting`)."""

    heading: re.Pattern[str]
    section_number: Callable[[str], int | None]
    letter_number: Callable[[str], int | None]
    numbered: re.Pattern[str]
    number_alone: re.Pattern[str]
    sub_item: re.Pattern[str]
    summary: re.Pattern[str]
    contents: re.Pattern[str]
    contents_columns: re.Pattern[str]
    annex: re.Pattern[str]
    annex_number: Callable[[str], int | None]
    appendix: re.Pattern[str]
    opening: re.Pattern[str]
    adoption: re.Pattern[str]


def roman_value(label: str) -> int | None:
    """What a Roman numeral counts (`XIV` is 14); None for anything else."""
    if not _ROMAN.fullmatch(label):
        return None
    values = [_ROMAN_VALUES[char] for char in label]
    return sum(-v if v < after else v for v, after in zip(values, [*values[1:], 0], strict=True))


def roman_numeral(number: int) -> str:
    """`number` (1 to 399) in Roman numerals."""
    numeral = ""
    for value, letters in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X")):
        count, number = divmod(number, value)
        numeral += letters * count
    return numeral + ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX")[number]


def _latin_letter(label: str) -> int | None:
    return ord(label) - ord("A") + 1 if len(label) == 1 and "A" <= label <= "Z" else None


def _latin_or_cyrillic_letter(label: str) -> int | None:
    if len(label) == 1 and label in _CYRILLIC_LETTERS:
        return _CYRILLIC_LETTERS.index(label) + 1
    return _latin_letter(label)


def _chinese_number(label: str) -> int | None:
    """一 to 九十九 (十二 is 12, 二十 is 20), or a Roman numeral."""
    tens, ten, ones = label.partition("十")
    if not ten:
        return _CHINESE_DIGITS.get(label) if len(label) == 1 else roman_value(label)
    if len(tens) > 1 or len(ones) > 1:
        return None
    tens_value = _CHINESE_DIGITS.get(tens) if tens else 1
    ones_value = _CHINESE_DIGITS.get(ones) if ones else 0
    return None if tens_value is None or ones_value is None else tens_value * 10 + ones_value


def _arabic_ordinal(label: str) -> int | None:
    return _ARABIC_ORDINALS.get(" ".join(arabic.normalise(label).split()))


def _arabic_letter(label: str) -> int | None:
    return _ARABIC_LETTERS.get(arabic.normalise(label))


def _arabic_annex(label: str) -> int | None:
    return _ARABIC_ANNEX_ORDINALS.get(arabic.normalise(label))


# `Annex I — Title`, `Annex I: Title`, `Annex I. Title`: the title on the annex's own line.
_SAME_LINE_TITLE = r"(?:\s*(?:[—–-]|:|\.)\s*(?P<title>\S.*))?"


def _part(words: str, label: str) -> re.Pattern[str]:
    """An annex's (or appendix's) line: its word, maybe its `label`, maybe its title."""
    return re.compile(rf"(?:{words})(?:\s*(?P<label>{label}))?{_SAME_LINE_TITLE}")


def _words(*alternatives: str) -> re.Pattern[str]:
    return re.compile("|".join(alternatives), re.IGNORECASE)


@dataclass(frozen=True)
class _Words:
    """The words one language's layout is recognised by, as patterns."""

    summary: str
    contents: str
    columns: str
    annex: str
    appendix: str
    opening: str
    adoption: str


def _latin_layout(words: _Words, sub_item: str = r"\(?[a-z]{1,4}\)") -> Layout:
    """A layout in Latin letters; sub-items are `a)` or `(a)` unless `sub_item` says otherwise."""
    return Layout(
        heading=_LATIN_HEADING,
        section_number=roman_value,
        letter_number=_latin_letter,
        numbered=_LATIN_NUMBERED,
        number_alone=_LATIN_NUMBER_ALONE,
        sub_item=re.compile(rf"(?:{sub_item}|[{_BULLETS}])\s+\S"),
        summary=_words(words.summary),
        contents=_words(words.contents),
        contents_columns=_words(words.columns),
        annex=_part(words.annex, r"(?<=\s)[IVXLC]+\b"),
        annex_number=roman_value,
        appendix=_part(words.appendix, r"(?<=\s)(?:[IVXLC]+|[A-Z]|\d{1,2})\b"),
        opening=re.compile(words.opening),
        adoption=re.compile(words.adoption),
    )


# A resolution's opening names the organ adopting it, followed by a comma (without it, the
# organ's name alone is a masthead line).
_ORGANS = {
    "en": "The (?:General Assembly|Security Council|Economic and Social Council"
    "|Human Rights Council|Trusteeship Council)",
    "fr": "(?:L[’']Assemblée générale|Le Conseil de sécurité|Le Conseil économique et social"
    "|Le Conseil des droits de l[’']homme)",
    "es": "(?:La Asamblea General|El Consejo de Seguridad|El Consejo Económico y Social"
    "|El Consejo de Derechos Humanos)",
    "ru": "(?:Генеральная Ассамблея|Совет Безопасности|Экономический и Социальный Совет"
    "|Совет по правам человека)",
    "ar": "إن (?:الجمعية العامة|مجلس الأمن|المجلس الاقتصادي والاجتماعي|مجلس حقوق الإنسان)",
    "zh": "(?:大会|安全理事会|经济及社会理事会|人权理事会)",
}

LAYOUTS: dict[str, Layout] = {
    "en": _latin_layout(
        _Words(
            summary=r"summary:?",
            contents=r"(?:table of )?contents",
            columns=r"(?:paragraphs\s+)?pages?|paragraphs",
            # Lowercase `annex` alone on a line is a wrapped sentence, not an annex.
            annex=r"Annex(?:es)?|ANNEX(?:ES)?",
            appendix=r"Appendix|APPENDIX|Enclosure|ENCLOSURE",
            opening=rf"{_ORGANS['en']},",
            adoption=r"\d{1,4}(?:st|nd|rd|th) (?:plenary )?meeting",
        ),
        sub_item=r"\([a-z]{1,4}\)",
    ),
    "fr": _latin_layout(
        _Words(
            summary=r"résumé:?",
            contents=r"table des matières",
            columns=r"(?:paragraphes\s+)?pages?|paragraphes",
            annex=r"Annexes?|ANNEXES?",
            appendix=r"Appendice|APPENDICE|Pièce jointe|PIÈCE JOINTE",
            opening=rf"{_ORGANS['fr']},",
            adoption=r"\d{1,4}e séance(?: plénière)?",
        )
    ),
    "es": _latin_layout(
        _Words(
            summary=r"resumen:?",
            contents=r"índice",
            columns=r"(?:párrafos\s+)?páginas?|párrafos",
            annex=r"Anexos?|ANEXOS?",
            appendix=r"Apéndice|APÉNDICE|Adjunto|ADJUNTO",
            opening=rf"{_ORGANS['es']},",
            adoption=r"\d{1,4}a sesión(?: plenaria)?",
        )
    ),
    "ru": Layout(
        heading=re.compile(r"(?P<label>[IVXLC]{2,}|[A-ZА-Я])\.\s+(?P<title>\S.*)"),
        section_number=roman_value,
        letter_number=_latin_or_cyrillic_letter,
        numbered=_LATIN_NUMBERED,
        number_alone=_LATIN_NUMBER_ALONE,
        sub_item=re.compile(rf"(?:\(?[a-zа-я]{{1,4}}\)|[{_BULLETS}])\s+\S"),
        summary=_words(r"резюме:?"),
        contents=_words(r"содержание"),
        contents_columns=_words(r"(?:пункты\s+)?(?:стр\.|страница)|пункты"),
        annex=_part(r"Приложени[ея]|ПРИЛОЖЕНИ[ЕЯ]", r"(?<=\s)[IVXLC]+\b"),
        annex_number=roman_value,
        appendix=_part(r"Добавление|ДОБАВЛЕНИЕ", r"(?<=\s)(?:[IVXLC]+|[A-ZА-Я]|\d{1,2})\b"),
        opening=re.compile(rf"{_ORGANS['ru']},"),
        adoption=re.compile(r"\d{1,4}-е (?:пленарное )?заседание"),
    ),
    "ar": Layout(
        heading=re.compile(r"(?P<label>\S+(?:\s+عشر)?)\s*[-–—]\s*(?P<title>\S.*)"),
        section_number=_arabic_ordinal,
        letter_number=_arabic_letter,
        numbered=re.compile(r"(?P<number>\d{1,4})\s?[-–.]\s*(?!\d)(?P<rest>\S.*)"),
        number_alone=re.compile(r"(?P<number>\d{1,4})\s?[-–.]"),
        sub_item=re.compile(rf"(?:\([\u0621-\u064a]{{1,4}}\)|[{_BULLETS}])\s*\S"),
        summary=re.compile(r"موجز:?|ملخص:?"),
        contents=re.compile(r"المحتويات"),
        contents_columns=re.compile(r"(?:الفقرات\s+)?الصفحة|الفقرات"),
        annex=_part(r"المرفق|مرفق|المرفقات", r"(?<=\s)[^\s:—–-]+"),
        annex_number=_arabic_annex,
        appendix=_part(r"التذييل|تذييل|الضميمة", r"(?<=\s)[^\s:—–-]+"),
        opening=re.compile(rf"{_ORGANS['ar']}[،,]"),
        adoption=re.compile(r"الجلسة(?: العامة)? \d{1,4}"),
    ),
    "zh": Layout(
        heading=re.compile(
            r"(?P<label>[一二三四五六七八九十]{1,3}|[IVXLC]{2,}|[A-Z])\s*[、.．]\s*(?P<title>\S.*)"
        ),
        section_number=_chinese_number,
        letter_number=_latin_letter,
        # `1.文本`: Chinese needs no space after the number, but `1.5亿` is no paragraph 1.
        numbered=re.compile(r"(?P<number>\d{1,4})[.．](?:\s+|(?!\d))(?P<rest>\S.*)"),
        number_alone=re.compile(r"(?P<number>\d{1,4})[.．]"),
        sub_item=re.compile(rf"(?:[(（][a-z]{{1,4}}[)）]|[{_BULLETS}])\s*\S"),
        summary=re.compile(r"摘\s?要[:：]?"),
        contents=re.compile(r"目\s?录"),
        contents_columns=re.compile(r"(?:段\s?次\s*)?页\s?次|段\s?次|页\s?码"),
        annex=re.compile(
            r"附\s?件\s*(?P<label>[一二三四五六七八九十]{1,3})?(?:\s*[—–:：]\s*(?P<title>\S.*))?"
        ),
        annex_number=_chinese_number,
        appendix=re.compile(
            r"(?:附\s?录|附\s?文)\s*(?P<label>[一二三四五六七八九十]{1,3})?(?:\s*[—–:：]\s*(?P<title>\S.*))?"
        ),
        opening=re.compile(rf"{_ORGANS['zh']}[，,]"),
        adoption=re.compile(r"第\s?\d{1,4}\s?次全体会议"),
    ),
}


def layout_for(lang: str) -> Layout:
    """The layout of reports in `lang`; English's for a language without its own."""
    return LAYOUTS.get(lang, LAYOUTS["en"])
