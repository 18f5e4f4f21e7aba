"""The numbers a list draws before its items: `IV`, `(d)`, as HTML lists and Word numbering
show them."""

from __future__ import annotations

_ROMAN = {
    1000: "M",
    900: "CM",
    500: "D",
    400: "CD",
    100: "C",
    90: "XC",
    50: "L",
    40: "XL",
    10: "X",
    9: "IX",
    5: "V",
    4: "IV",
    1: "I",
}


def roman(number: int) -> str:
    """`IV` for 4; '' for 0."""
    numeral = ""
    for value, letters in _ROMAN.items():
        count, number = divmod(number, value)
        numeral += letters * count
    return numeral


def letters(number: int) -> str:
    """`a`, …, `z`, `aa`, `ab`, … for 1, 2, …, as lists letter their items."""
    text = ""
    while number > 0:
        number, remainder = divmod(number - 1, 26)
        text = chr(ord("a") + remainder) + text
    return text
