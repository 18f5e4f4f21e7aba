"""Right-to-left lines as a PDF gives them, put back into reading order.

A PDF places each glyph where it is seen, and pdfplumber gives a line's characters left to
right, so a line of Arabic comes out backwards: its words, and the letters in them. Undoing that
is the Unicode bidirectional algorithm (UAX #9) run backwards, in the simple form that fits a
report's lines: a line whose letters are mostly right-to-left reads right to left, except its
runs of Latin letters and digits, which read left to right inside the run. The spaces and
punctuation between two such characters belong to their run (`A/HRC/58/19`, `Agenda item 3`),
but for one separator inside a number (`58/19`, `1,5`): numbers in right-to-left text are laid
out each on its own, so `13 2025` read right to left shows as `2025 13`. Brackets in
right-to-left text show mirrored (`(` as the glyph of `)`), and are turned back.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from enum import Enum


class _Kind(Enum):
    RIGHT_TO_LEFT = "R"
    LATIN = "L"
    NUMBER = "N"
    NEUTRAL = "O"


_KINDS = {
    "R": _Kind.RIGHT_TO_LEFT,
    "AL": _Kind.RIGHT_TO_LEFT,
    "L": _Kind.LATIN,
    "EN": _Kind.NUMBER,
    "AN": _Kind.NUMBER,
    # `%`, `°`, `$` go with the number beside them (UAX #9's rule W5).
    "ET": _Kind.NUMBER,
}
# A single one of these between two digits keeps a number whole (rule W4).
_NUMBER_SEPARATORS = frozenset({"CS", "ES"})
_MIRRORED = str.maketrans("()[]{}<>«»‹›", ")(][}{><»«›‹")


def is_right_to_left(text: str) -> bool:
    """Whether more of `text`'s letters are of a right-to-left script (Arabic) than not."""
    classes = [unicodedata.bidirectional(char) for char in text]
    return sum(cls in ("R", "AL") for cls in classes) > classes.count("L")


def reading_order(glyphs: Sequence[str]) -> str:
    """The text of a right-to-left line whose `glyphs` are given left to right, as they stand on
    the page (a space between words as `" "`), in the order it is read."""
    kinds = [_kind(glyph) for glyph in glyphs]
    units: list[str] = []
    start = 0
    while start < len(glyphs):
        if kinds[start] in (_Kind.RIGHT_TO_LEFT, _Kind.NEUTRAL):
            units.append(glyphs[start].translate(_MIRRORED))
            start += 1
            continue
        end = start + 1
        while True:
            after = end
            while after < len(glyphs) and kinds[after] is _Kind.NEUTRAL:
                after += 1
            if after == len(glyphs) or kinds[after] is _Kind.RIGHT_TO_LEFT:
                break
            if not _joins(kinds[end - 1], glyphs[end:after], kinds[after]):
                break
            end = after + 1
        units.append("".join(glyphs[start:end]))
        start = end
    return "".join(reversed(units))


def _kind(glyph: str) -> _Kind:
    return _KINDS.get(_bidi_class(glyph), _Kind.NEUTRAL)


def _bidi_class(glyph: str) -> str:
    # A glyph's text is one character, or a ligature's few, all of one direction.
    return unicodedata.bidirectional(glyph[0]) if glyph else ""


def _joins(left: _Kind, between: Sequence[str], right: _Kind) -> bool:
    """Whether two left-to-right characters with `between` them are in one run."""
    if left is _Kind.NUMBER and right is _Kind.NUMBER and between:
        return len(between) == 1 and _bidi_class(between[0]) in _NUMBER_SEPARATORS
    return True
