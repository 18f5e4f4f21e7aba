"""Footnote markers that web and PDF text glue to the words they annotate (`children1`)."""

from __future__ import annotations

import re
from collections.abc import Iterator

# Digits after two or more letters: `children1`, `liberty2`. Whether the letters are lowercase is
# checked in Python (`str.islower` knows every script), which keeps `G20`, `COVID19`, `P5` intact.
# The lookahead leaves digits that go on (`abc12x`, `ab1.5`, `ab1/2`) alone.
_AFTER_WORD = re.compile(r"(?P<word>[^\W\d_]{2,})(?P<marker>\d{1,3})(?![\w/]|[.,]\d)")

# Digits after sentence punctuation or a closing bracket/quote that follows a letter:
# `received.3`, `(ILO).4`, `said.”5`, `children)6`. Numbers such as `1.5` or `SDG 16.2` have a
# digit, not a letter, before the punctuation.
_AFTER_PUNCTUATION = re.compile(
    r"(?<!\S)(?P<token>\S*?[^\W\d_])"
    r"(?P<punctuation>[)\]\"”’]?[.,;:!?][)\]\"”’]?|[)\]\"”’])"
    r"(?P<marker>\d{1,3})(?![\w/]|[.,]\d)"
)

# Units written without superscripts in extracted text: `km2` is square kilometres.
_UNITS = frozenset({"km", "cm", "mm"})

# Abbreviations that take a number after the period: `Add.1`, `Rev.2`, `No.5`.
_NUMBERED_ABBREVIATIONS = frozenset(
    {"add", "amend", "art", "arts", "corr", "no", "nos", "p", "para", "paras", "pp", "rev", "vol"}
)

_TRAILING_LETTERS = re.compile(r"[^\W\d_]+$")


def strip_footnote_markers(text: str) -> str:
    """`text` without the footnote markers glued to its words; all else untouched."""
    pieces: list[str] = []
    position = 0
    for start, end in _marker_spans(text):
        pieces.append(text[position:start])
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def text_before_first_marker(text: str) -> str:
    """The words of `text` before the first word carrying a footnote marker (all if none).

    A browser matches a text fragment against the page's words, and `children1` is not `children`,
    so a link quotes only words that stand on the page exactly as here.
    """
    spans = _marker_spans(text)
    if not spans:
        return text
    marker_start = spans[0][0]
    word_start = max(text.rfind(" ", 0, marker_start), text.rfind("\n", 0, marker_start)) + 1
    return text[:word_start].rstrip()


def _marker_spans(text: str) -> list[tuple[int, int]]:
    return sorted([*_after_word(text), *_after_punctuation(text)])


def _after_word(text: str) -> Iterator[tuple[int, int]]:
    for match in _AFTER_WORD.finditer(text):
        word = match["word"]
        if word[-2:].islower() and word.lower() not in _UNITS:
            yield match.span("marker")


def _after_punctuation(text: str) -> Iterator[tuple[int, int]]:
    for match in _AFTER_PUNCTUATION.finditer(text):
        token = match["token"]
        if "/" in token:  # a document symbol: `A/HRC/55/24/Add.1`, `E/CN.4/2005`
            continue
        word = _TRAILING_LETTERS.search(token)
        if (
            match["punctuation"] == "."
            and word is not None
            and word.group().lower() in _NUMBERED_ABBREVIATIONS
        ):
            continue
        yield match.span("marker")
