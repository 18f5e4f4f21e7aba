"""Two rankings made one: the paragraphs found by their words and those close in meaning.

Reciprocal rank fusion (Cormack et al., 2009) adds, for each ranking a paragraph is in,
1 / (k + its rank there): it needs no common scale between BM25F scores and cosines, and a
paragraph high in both comes first. The weights and exceptions below were chosen on the tuning
queries of tests/eval/queries.toml (docs/search.md gives the figures); the held-out queries only
measured them.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import TypeVar

Place = TypeVar("Place", bound=Hashable)


@dataclass(frozen=True)
class Weights:
    """How much each ranking counts. A paragraph with only some of the query's words counts for
    the share it has of them to the power `partial`: "children" alone, of "kids locked up at
    the border", says little; three words of four say much. `words` counts for `elsewhere` of
    itself when the words were looked for in another language's paragraphs than the reader's
    (an English fallback): words of one language found in another's text are mostly chance
    (names, "migrants", numbers)."""

    words: float = 1.0
    partial: float = 2.0
    meaning: float = 1.0
    elsewhere: float = 0.3
    # Lower than the usual 60, which lets a paragraph eighth in both rankings go before one
    # first in one: the tuning queries across languages were answered best from 10 to 30.
    k: int = 30


WEIGHTS = Weights()


def fused(
    words: Sequence[Place],
    meaning: Sequence[Place],
    *,
    shares: Sequence[float],
    exact: int = 0,
    fell_back: bool = False,
    weights: Weights = WEIGHTS,
) -> list[Place]:
    """The places of both rankings, best first. `shares` are those of the query's words each of
    `words` has (1.0: all of them). The first `exact` of `words` keep the lead: they have what
    must be found as typed (a symbol, a number, a rare name), and nothing merely close in
    meaning goes before them."""
    scores: dict[Place, float] = {}
    words_weight = weights.words * (weights.elsewhere if fell_back else 1.0)
    for rank, (place, share) in enumerate(zip(words, shares, strict=True), 1):
        weight = words_weight * share**weights.partial
        scores[place] = scores.get(place, 0.0) + weight / (weights.k + rank)
    for rank, place in enumerate(meaning, 1):
        scores[place] = scores.get(place, 0.0) + weights.meaning / (weights.k + rank)
    leading = list(dict.fromkeys(words[:exact]))
    kept = set(leading)
    rest = sorted((place for place in scores if place not in kept), key=lambda p: -scores[p])
    return leading + rest
