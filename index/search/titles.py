"""Reports' titles, for phrases in them.

Every paragraph carries its report's title in a field of its own, so that a title's words find
the report's paragraphs; a phrase there is the same phrase in every paragraph of the report, and
is looked for once in each report's title rather than in each paragraph (index.library).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from whoosh.query import And, Or, Phrase, Term


@dataclass(frozen=True)
class Title:
    """A report's title as its paragraphs' title field has it: each term, where it stands."""

    positions: Mapping[str, frozenset[int]]

    @classmethod
    def analysed(cls, title: str, analyzer: Any) -> Title:
        found: dict[str, set[int]] = {}
        for token in analyzer(title, positions=True, mode="index"):
            found.setdefault(token.text, set()).add(token.pos)
        return cls({term: frozenset(places) for term, places in found.items()})

    def has(self, words: tuple[str, ...]) -> bool:
        """Whether the title has these terms one after the other, as a Whoosh phrase finds them."""
        return any(
            all(start + offset in self.positions.get(word, ()) for offset, word in enumerate(words))
            for start in self.positions.get(words[0], ())
        )


def phrases_in_titles(query: Any, field: str, titles: Mapping[str, Title]) -> Any:
    """`query` with each phrase in the title `field` replaced by its words in the paragraphs
    of the reports whose title has it (`titles`: by symbol, of the language of `field`): the
    same paragraphs, scored alike (a phrase scores as its words), found by looking at a few
    hundred titles instead of at every paragraph of every report whose title has the words."""
    if isinstance(query, Phrase) and query.fieldname == field and query.slop == 1:
        words = tuple(query.words)
        symbols = [symbol for symbol, title in titles.items() if title.has(words)]
        return And(
            [
                *(Term(field, word, boost=query.boost) for word in words),
                # Adds nothing to the score.
                Or([Term("symbol", symbol, boost=0.0) for symbol in symbols]),
            ]
        )
    if type(query) in (And, Or):
        return query.apply(lambda part: phrases_in_titles(part, field, titles))
    return query
