"""The plain baseline: the same paragraphs in an SQLite FTS5 table, ranked by bm25.

Plain on purpose: Porter stemming, a short list of stop words, every word required first and
any word after (as the bot does), no spelling correction and no synonyms. Queries are the bot's
queries, translated so that no input can be FTS5 syntax: every word goes in double quotes, and
the bot's filters (`report:`, `year:`, `section:`) become conditions on stored columns.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from index.models import Report
from index.search.filters import split_filters
from index.search.questions import QUESTION_WORDS

# FTS5 indexes the text and the headings; the rest is stored to filter on and to cite.
_SCHEMA = """
CREATE VIRTUAL TABLE paragraphs USING fts5(
    body, section, symbol UNINDEXED, year UNINDEXED, number UNINDEXED,
    tokenize = 'porter unicode61 remove_diacritics 2'
)
"""
_INSERT = "INSERT INTO paragraphs (body, section, symbol, year, number) VALUES (?, ?, ?, ?, ?)"
# Without them, a question ("what does the report say about …") would require "what" and "does",
# and fall back to a slow OR over the commonest words of the language. The bot's own question
# words, and the function words its analyser leaves out.
_FUNCTION_WORDS = "a an and are as at be by can for from in it its of on or that the their this to"
STOP_WORDS = QUESTION_WORDS["en"] | frozenset(_FUNCTION_WORDS.split())
_PHRASE = re.compile(r'"([^"]*)"')
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Fts5Query:
    """A query as FTS5 runs it: MATCH expressions requiring all the terms, and any of them
    (None: a single term, so the same), and an SQL condition with its parameters."""

    every: str | None
    """None: nothing to search for (only stop words, punctuation or filters)."""
    some: str | None
    where: str
    params: tuple[str | int, ...]


def translate(query: str) -> Fts5Query:
    """The bot's query (words, "quoted phrases", filters) as a safe FTS5 query."""
    text, filters = split_filters(query)
    # A phrase keeps its stop words: they are part of it.
    terms = [_quoted(_WORD.findall(phrase.casefold())) for phrase in _PHRASE.findall(text)]
    terms += [_quoted([word]) for word in _words(_PHRASE.sub(" ", text))]
    terms = [term for term in dict.fromkeys(terms) if term != '""']
    conditions: list[str] = []
    params: list[str | int] = []
    if filters.reports:
        marks = ", ".join("?" * len(filters.reports))
        conditions.append(f"symbol COLLATE NOCASE IN ({marks})")
        params += filters.reports
    if filters.years:
        conditions.append(" OR ".join("year BETWEEN ? AND ?" for _ in filters.years))
        params += [year for span in filters.years for year in span]
    where = " AND ".join(f"({condition})" for condition in conditions) or "1"
    if not terms:
        return Fts5Query(every=None, some=None, where=where, params=tuple(params))
    every, some = " AND ".join(terms), " OR ".join(terms) if len(terms) > 1 else None
    section = [_quoted([word]) for value in filters.sections for word in _words(value)]
    if section:
        # A column filter applies to the parenthesised expression after it.
        required = f"section : ({' AND '.join(section)})"
        every = f"{every} AND {required}"
        some = None if some is None else f"({some}) AND {required}"
    return Fts5Query(every=every, some=some, where=where, params=tuple(params))


def _words(text: str) -> list[str]:
    words = (word.casefold() for word in _WORD.findall(text))
    return [word for word in words if word not in STOP_WORDS]


def _quoted(words: Iterable[str]) -> str:
    """An FTS5 string (a phrase if several words): inside double quotes nothing is syntax, and
    words (runs of \\w) hold no quote to escape."""
    return f'"{" ".join(words)}"'


@dataclass(frozen=True)
class Fts5Hit:
    rowid: int
    symbol: str
    number: int
    snippet: str
    score: float


class Fts5Baseline:
    """An FTS5 index in one SQLite file."""

    def __init__(self, path: Path) -> None:
        self._db = sqlite3.connect(path, check_same_thread=False)
        exists = self._db.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'paragraphs'"
        ).fetchone()
        if exists is None:
            self._db.execute(_SCHEMA)

    def add(self, reports: Iterable[Report]) -> int:
        """Adds the reports' paragraphs in one transaction; returns how many."""
        count = 0
        with self._db:
            for report in reports:
                rows = [
                    (p.text, " › ".join(p.section_path), p.symbol, report.year or 0, p.number)
                    for p in report.paragraphs
                ]
                self._db.executemany(_INSERT, rows)
                count += len(rows)
        return count

    def optimize(self) -> None:
        """Merges the index's segments into one, as a Whoosh writer's commit does."""
        with self._db:
            self._db.execute("INSERT INTO paragraphs (paragraphs) VALUES ('optimize')")

    def search(self, query: str, limit: int = 5) -> list[Fts5Hit]:
        """The best `limit` paragraphs with every term, then, if they are fewer, with some, each
        with a snippet of its text as the summary."""
        translated = translate(query)
        if translated.every is None:
            return []
        found = self._matching(translated.every, translated, limit)
        if translated.some is not None and len(found) < limit:
            # These include the paragraphs found already: as many more are asked for.
            seen = {hit.rowid for hit in found}
            more = self._matching(translated.some, translated, limit + len(found))
            found += [hit for hit in more if hit.rowid not in seen][: limit - len(found)]
        return found

    def _matching(self, match: str, query: Fts5Query, limit: int) -> list[Fts5Hit]:
        # ORDER BY rank is bm25() by default, and lets FTS5 sort inside the index.
        rows = self._db.execute(
            "SELECT rowid, symbol, number, snippet(paragraphs, 0, '<b>', '</b>', '…', 24), rank "
            f"FROM paragraphs WHERE paragraphs MATCH ? AND ({query.where}) "
            "ORDER BY rank LIMIT ?",
            (match, *query.params, limit),
        ).fetchall()
        return [Fts5Hit(*row) for row in rows]

    def close(self) -> None:
        self._db.close()
