"""Footnote markers that web and PDF text glue to the words they annotate (`children1`)."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator

# Digits after two or more letters: `children1`, `liberty2`. Whether the letters are lowercase is
# checked in Python (`str.islower` knows every script), which keeps `G20`, `COVID19`, `P5` intact,
# and digits after Chinese or Arabic letters, which have no case (`2024年1月`, `第3段`).
# The lookahead leaves digits that go on (`abc12x`, `ab1.5`, `ab1/2`) alone.
_AFTER_WORD = re.compile(r"(?P<word>[^\W\d_]{2,})(?P<marker>\d{1,3})(?![\w/]|[.,]\d)")

# Digits after sentence punctuation or a closing bracket/quote that follows a letter:
# `received.3`, `(ILO).4`, `said.”5`, `children)6`, and in Chinese and Arabic `问题。3`,
# `الأطفال،3`. Numbers such as `1.5` or `SDG 16.2` have a digit, not a letter, before the
# punctuation; and digits that a word goes on from are no marker (`。3个国家`: "3 countries").
_CLOSING = r"[)\]\"”’）」]"
_AFTER_PUNCTUATION = re.compile(
    r"(?<!\S)(?P<token>\S*?[^\W\d_])"
    rf"(?P<punctuation>{_CLOSING}{{0,2}}[.,;:!?。，；：！？،؛؟]{_CLOSING}?|{_CLOSING}{{1,2}})"
    r"(?P<marker>\d{1,3})(?![\w/]|[.,]\d)"
)

# Digits after a number and its punctuation: `26 March 1998,1 by which`, `in 2015.4`,
# `items 5, 6 and 7,4 for`. Only a document's own footnote numbers are taken so (see
# `_marker_spans`): without them `2015,16` could be two numbers. After a full stop only a year
# is followed by a marker: `1.5 degrees` is a number.
_AFTER_NUMBER = re.compile(
    r"(?<![\d,.])(?:\d{4}\)?[.,;:]|\d{1,3}\)?[,;:])(?P<marker>\d{1,3})(?![\w/]|[.,]\d)"
)

# A marker a PDF printed raised right after a number (`12 August 1949⁴`, `(No. 181)²⁷`) is
# written in superscript digits by the PDF reader, for nothing else could tell it from the
# number.
_SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPERSCRIPT = re.compile(f"[{_SUPERSCRIPT_DIGITS}]{{1,3}}")
_PLAIN = str.maketrans(_SUPERSCRIPT_DIGITS, "0123456789")

# Units written without superscripts in extracted text: `km2` is square kilometres.
_UNITS = frozenset({"km", "cm", "mm"})

# Abbreviations that take a number after the period: `Add.1`, `Rev.2`, `No.5`.
_NUMBERED_ABBREVIATIONS = frozenset(
    {"add", "amend", "art", "arts", "corr", "no", "nos", "p", "para", "paras", "pp", "rev", "vol"}
)

_TRAILING_LETTERS = re.compile(r"[^\W\d_]+$")


def strip_footnote_markers(text: str, known: Collection[int] = ()) -> str:
    """`text` without the footnote markers glued to its words; all else untouched.

    With `known` footnote numbers (those the document has), only those numbers are markers.
    """
    return strip_footnote_markers_with_numbers(text, known)[0]


def strip_footnote_markers_with_numbers(
    text: str, known: Collection[int] = ()
) -> tuple[str, list[int]]:
    """`text` without its footnote markers, and the markers' numbers in the order they stand."""
    pieces: list[str] = []
    numbers: list[int] = []
    position = 0
    for start, end in _marker_spans(text, known):
        pieces.append(text[position:start])
        numbers.append(_number(text[start:end]))
        position = end
    pieces.append(text[position:])
    return "".join(pieces), numbers


def text_before_first_marker(text: str, known: Collection[int] = ()) -> str:
    """The words of `text` before the first word carrying a footnote marker (all if none).

    A browser matches a text fragment against the page's words, and `children1` is not `children`,
    so a link quotes only words that stand on the page exactly as here.
    """
    spans = _marker_spans(text, known)
    if not spans:
        return text
    marker_start = spans[0][0]
    word_start = max(text.rfind(" ", 0, marker_start), text.rfind("\n", 0, marker_start)) + 1
    return text[:word_start].rstrip()


def _marker_spans(text: str, known: Collection[int]) -> list[tuple[int, int]]:
    spans = sorted(
        [
            *_after_word(text),
            *_after_punctuation(text),
            *(match.span() for match in _SUPERSCRIPT.finditer(text)),
        ]
    )
    if not known:
        return spans
    spans = sorted([*spans, *(match.span("marker") for match in _AFTER_NUMBER.finditer(text))])
    # The document says which footnotes exist: a glued number that is none of them is text.
    return [(start, end) for start, end in spans if _number(text[start:end]) in known]


def _number(marker: str) -> int:
    return int(marker.translate(_PLAIN))


def plain_digits(text: str) -> str:
    """`text` with superscript digits as plain ones: a raised number that is no footnote's
    marker reads as the PDF's plain text would."""
    return text.translate(_PLAIN)


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
