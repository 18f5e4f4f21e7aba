"""Filters typed into a query: `report:A/HRC/58/19`, `section:recommendations`, `year:2024`.

A filter is a name, a colon and a value with no space after the colon; `section:"juvenile
justice"` takes several words in quotes. Filters are never searched for as words; one without a
value, or a `year:` that is not a year, is ignored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_FILTER = re.compile(
    r'(?<!\S)(?P<name>report|section|year):(?:"(?P<quoted>[^"]*)"|(?P<value>\S*))', re.IGNORECASE
)
_YEARS = re.compile(r"(?P<first>\d{4})(?:[-–](?P<last>\d{4}))?")


@dataclass(frozen=True)
class Filters:
    """`reports`: the symbols named by `report:` filters, as typed; a paragraph of any of them
    will do. `sections`: the words of `section:` filters, every one of which the paragraph's
    headings must have. `years`: the (first, last) years of `year:` filters (`year:2024`,
    `year:2020-2024`); a report dated in any of them will do."""

    reports: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()
    years: tuple[tuple[int, int], ...] = ()


def split_filters(text: str) -> tuple[str, Filters]:
    """The query's words without its filters, and the filters."""
    reports: list[str] = []
    sections: list[str] = []
    years: list[tuple[int, int]] = []

    def take(match: re.Match[str]) -> str:
        name = match["name"].casefold()
        value = (match["quoted"] if match["quoted"] is not None else match["value"]).strip()
        if name == "report" and value:
            reports.append(value)
        elif name == "section" and value:
            sections.append(value)
        elif name == "year" and (span := _YEARS.fullmatch(value)):
            first, last = int(span["first"]), int(span["last"] or span["first"])
            years.append((min(first, last), max(first, last)))
        return " "

    rest = _FILTER.sub(take, text)
    return rest, Filters(reports=tuple(reports), sections=tuple(sections), years=tuple(years))


def resolve_symbols(named: Iterable[str], indexed: Iterable[str]) -> tuple[list[str], list[str]]:
    """The indexed symbols named (matched without regard to case), and the names matching none."""
    by_key = {symbol.casefold(): symbol for symbol in indexed}
    found = [by_key[name.casefold()] for name in named if name.casefold() in by_key]
    unknown = [name for name in named if name.casefold() not in by_key]
    return found, unknown


def in_years(year: int | None, years: Iterable[tuple[int, int]]) -> bool:
    return year is not None and any(first <= year <= last for first, last in years)
