"""Numbers as UN texts write them: digits of any script, and the paragraphs a list or a range
of numbers cites (`14–18`, `12 and 19`, `14 à 18`, `第12和19段`)."""

from __future__ import annotations

import re

# Arabic-Indic, Persian and full-width digits, and the full-width slash and brackets Chinese
# text may use, as ASCII. One character for one, so offsets in the folded text are offsets in
# the text as written.
_FOLD = str.maketrans(
    {chr(zero + digit): str(digit) for zero in (0x0660, 0x06F0, 0xFF10) for digit in range(10)}
    | {"／": "/", "（": "(", "）": ")"}
)

# A range longer than this is cited by its two ends: expanding `paras. 1–300` would be noise.
LONGEST_RANGE = 50

# Subdivisions that name no paragraph of their own: `14 (b)`, article `24 (3)`.
_SUBDIVISION = re.compile(r"\(\s*(?:[a-z]{1,3}|\d{1,2})\s*\)")
# The words and dashes of a range in the six languages; anything else between numbers lists them.
_TOKEN = re.compile(r"\d+|(?P<range>[–—‑-]|\bto\b|\bà\b|\ba\b|\bпо\b|至|到|إلى)")


def fold_digits(text: str) -> str:
    """`text` with every digit in ASCII (and `／（）` as `/()`), the same length as `text`."""
    return text.translate(_FOLD)


def cited_numbers(text: str) -> tuple[int, ...]:
    """The numbers a list cites, ranges expanded: `14–18` is 14 to 18, `12 and 19` is 12 and 19;
    a range of more than `LONGEST_RANGE` numbers is kept as its two ends."""
    numbers: list[int] = []
    in_range = False
    for token in _TOKEN.finditer(_SUBDIVISION.sub(" ", text)):
        if token.group("range"):
            in_range = bool(numbers)
            continue
        number = int(token.group())
        if in_range and number > numbers[-1] and number - numbers[-1] < LONGEST_RANGE:
            numbers.extend(range(numbers[-1] + 1, number + 1))
        else:
            numbers.append(number)
        in_range = False
    return tuple(numbers)
