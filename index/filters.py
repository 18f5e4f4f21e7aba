"""Filters typed into a query: `report:A/HRC/58/19 trafficking` searches one report only."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_REPORT = re.compile(r"(?<!\S)report:(\S*)", re.IGNORECASE)


@dataclass(frozen=True)
class Filters:
    """The symbols named by `report:` filters, as typed."""

    reports: tuple[str, ...] = ()


def split_filters(text: str) -> tuple[str, Filters]:
    """The query's words without its filters, and the filters."""
    reports = tuple(value for value in _REPORT.findall(text) if value)
    return _REPORT.sub(" ", text), Filters(reports=reports)


def resolve_symbols(named: Iterable[str], indexed: Iterable[str]) -> tuple[list[str], list[str]]:
    """The indexed symbols named (matched without regard to case), and the names matching none."""
    by_key = {symbol.casefold(): symbol for symbol in indexed}
    found = [by_key[name.casefold()] for name in named if name.casefold() in by_key]
    unknown = [name for name in named if name.casefold() not in by_key]
    return found, unknown
