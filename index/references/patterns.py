"""Each language's words (words.py) and the symbol (symbols.py) made into the four patterns the
reader runs: documents (with the paragraphs cited of them), resolutions and decisions, the same
report's paragraphs, and treaty articles."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from index.references.symbols import SYMBOL
from index.references.words import WORDS, Body, Words

# A resolution's or decision's number: the Security Council's `2427 (2018)`; the General
# Assembly's before 1976, `217 A (III)`; a session's, special session's or emergency special
# session's, or a year's (Economic and Social Council), `62/141`, `S-27/2`, `ES-10/21`,
# `2005/20`; or a bare number, taken only as the Security Council's (reader.py).
RESOLUTION_NUMBER = (
    r"(?:\d{1,4}\s*\(\d{4}\)"
    r"|\d{1,4}\s*(?:[A-Z]\s*)?\([IVXLC]{1,7}\)"
    r"|(?:ES-|S-)?\d{1,4}/\d{1,4}"
    r"|\d{1,4})"
    r"(?![\d/]|\.\d)"
)
# A number in a list of numbers, never the start of a fraction or a decimal: `1/3`, `16.2`.
_NUMBER = r"\d{1,4}(?![\d/]|[.,]\d)"
# An article's number, with the paragraph or subparagraph it may name: `24 (3)`, `2 (1) (a)`.
ARTICLE_NUMBER = r"\d{1,3}(?![\d/]|[.,]\d)(?:\s?\(\d{1,2}\))?(?:\s?\([a-z]\))?"


@dataclass(frozen=True)
class Patterns:
    """A language's compiled patterns, and the bodies' names for telling whose a resolution is."""

    document: re.Pattern[str]
    resolution: re.Pattern[str]
    own_paragraph: re.Pattern[str]
    article: re.Pattern[str]
    resolution_number: re.Pattern[str]  # a number of a list, and the date after it
    # A list of resolutions going on after words on their subject: "… 77/333 of 25 August 2023
    # on United Nations action on sexual exploitation and abuse, 72/304 of 13 July 2018, …".
    continuation: re.Pattern[str] | None
    article_number: re.Pattern[str]
    decision: re.Pattern[str]
    bodies: tuple[tuple[Body, re.Pattern[str]], ...]
    short_bodies: tuple[tuple[Body, re.Pattern[str]], ...]


def _numbers(words: Words) -> str:
    """A list of paragraph numbers: `14–18`, `12 and 19`, `12, 15 and 19`, `14 (b)`."""
    item = rf"{_NUMBER}(?:\s?\([a-z]\))?(?:(?:{words.range_}){_NUMBER}(?:\s?\([a-z]\))?)?"
    return rf"{words.numbers_lead}{item}(?:(?:{words.and_}){item})*"


def _optional(group: str, fragment: str, after: str = "", before: str = "") -> str:
    """`(?:before(?P<group>fragment)after)?`, or nothing when the language has no such words."""
    return rf"(?:{before}(?P<{group}>{fragment}){after})?" if fragment else ""


def _continuation(words: Words) -> str | None:
    """A list of resolutions resumed after words on the subject of those before it: each number
    with its date, no digit or end of sentence in the words between (nor a blank line, nor
    another "resolution": reader.py)."""
    if not words.date:
        return None
    dated = rf"{RESOLUTION_NUMBER}(?:{words.date})"
    return (
        rf"(?:{words.date})?(?P<gap>[^\d.;:!?]{{1,200}}?)(?:{words.and_})"
        rf"(?P<nums>{dated}(?:(?:{words.and_}){dated})*)"
    )


def _general(words: Words) -> tuple[str, str, str, str]:
    """The four patterns of a language that writes "resolution 62/141", "para. 14"."""
    numbers = _numbers(words)
    resolutions = rf"{RESOLUTION_NUMBER}(?:(?:{words.date})?(?:{words.and_}){RESOLUTION_NUMBER})*"
    paragraph = rf"(?<!\w)(?:{words.paragraph})"
    document = (
        rf"(?:(?P<pkw>{paragraph})\s*(?P<pnums>{numbers}){words.of_document})?"
        rf"{SYMBOL}"
        rf"(?:{words.after_symbol}(?P<skw>{paragraph})\s*(?P<snums>{numbers}))?"
    )
    resolution = (
        rf"(?:(?P<pkw>{paragraph})\s*(?P<pnums>{numbers}){words.of_resolution})?"
        + _optional("before", words.body_before, after=r"\s+")
        + rf"(?P<kw>(?<!\w)(?:{words.resolution}))\s+"
        + _optional("construct", words.body_construct, after=r"\s+")
        + rf"(?P<nums>{resolutions})"
        + _optional("after", words.body_after, before=r"\s+")
        + rf"(?:{words.after_symbol}(?P<skw>{paragraph})\s*(?P<snums>{numbers}))?"
    )
    own = (
        rf"(?P<see>(?<!\w)(?:{words.see})"
        rf"(?:\s+(?P<pos1>{words.position})\s*,?)?(?:\s+(?:le|les|el|los))?\s+)?"
        # Atomic: a list cut short ("paras. 12" of "paras. 12 and 19 of …") is no reference.
        rf"(?P<kw>{paragraph})\s*(?>(?P<nums>{numbers}))"
        rf"(?:\s+(?P<pos2>{words.position})(?!\w)|\s+(?P<present>{words.present}))?"
        + (rf"(?!\s*,?\s+(?:{words.elsewhere}))" if words.elsewhere else "")
    )
    articles = rf"{ARTICLE_NUMBER}(?:(?:{words.and_}){ARTICLE_NUMBER})*"
    article = rf"(?P<kw>(?<!\w)(?:{words.article}))\s*(?P<nums>{articles}){words.of_treaty}"
    return document, resolution, own, article


def _chinese(words: Words) -> tuple[str, str, str, str]:
    """Chinese patterns: 大会第62/141号决议, A/79/312，第14段, 见上文第27段,
    《儿童权利公约》第19条."""
    item = rf"{_NUMBER}(?:(?:{words.range_}){_NUMBER})?"
    numbers = rf"{item}(?:(?:{words.and_}){item})*"
    resolutions = rf"{RESOLUTION_NUMBER}(?:(?:{words.and_}){RESOLUTION_NUMBER})*"
    document = rf"{SYMBOL}(?:{words.after_symbol}第\s*(?P<snums>{numbers})\s*段)?"
    resolution = (
        rf"(?:(?P<before>{words.body_before})\s*)?第\s*(?P<nums>{resolutions})\s*号\s*"
        rf"(?P<kw>{words.resolution})(?:\s*[，,]?\s*第\s*(?P<snums>{numbers})\s*段)?"
    )
    own = (
        rf"(?P<see>{words.see}\s*)?(?:(?P<pos1>{words.position})|(?P<present>{words.present}))?"
        rf"\s*(?P<kw>第)\s*(?P<nums>{numbers})\s*段"
    )
    articles = rf"{ARTICLE_NUMBER}(?:(?:{words.and_}){ARTICLE_NUMBER})*"
    article = (
        r"(?:《(?P<name>[^《》]{1,120})》|(?P<bare>公约|任择议定书))"
        rf"\s*第\s*(?P<nums>{articles})\s*条"
    )
    return document, resolution, own, article


@cache
def patterns(lang: str) -> Patterns:
    """The patterns of one of the six languages."""
    words = WORDS[lang]
    document, resolution, own, article = (_chinese if lang == "zh" else _general)(words)
    continuation = _continuation(words)
    return Patterns(
        document=re.compile(document),
        resolution=re.compile(resolution),
        own_paragraph=re.compile(own),
        article=re.compile(article),
        resolution_number=re.compile(
            rf"(?P<number>{RESOLUTION_NUMBER})" + (rf"(?:{words.date})?" if words.date else "")
        ),
        article_number=re.compile(ARTICLE_NUMBER),
        continuation=None if continuation is None else re.compile(continuation),
        decision=re.compile(words.decision),
        bodies=tuple((body, re.compile(name)) for body, name in words.bodies),
        short_bodies=tuple((body, re.compile(name)) for body, name in words.short_bodies),
    )
