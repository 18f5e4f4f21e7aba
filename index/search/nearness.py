"""Bonuses for query words found close together in a paragraph's text.

`child trafficking` ranks "child trafficking" and "trafficking in children" first, then
"children … trafficked" in one clause, above a paragraph with children in one sentence and
trafficking in another (index.search.query sets the distances and bonuses). The bonuses are those of
Whoosh's span queries (an unordered `SpanNear2` of each pair of neighbouring query words, each
side any of the word's terms), but the words' positions are found by analysing the paragraph's
stored text as it was indexed, not by walking Whoosh's span matchers through the posting lists,
which took most of a search's time: only the best few paragraphs are ever given bonuses.
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from cachetools import LRUCache

from index.search.query import ADJACENT_BOOST, NEAR_BOOST, NEAR_SLOP
from index.store.schema import BODY_BOOST

Pair = tuple[tuple[str, ...], tuple[str, ...]]

# Words next to each other earn both.
_BONUSES = ((1, ADJACENT_BOOST), (NEAR_SLOP, NEAR_BOOST))


# Paragraphs whose analysis is remembered: the best paragraphs for the subjects people search
# for again and again. A paragraph's terms take about 1.5 kB (each term's text is shared).
REMEMBERED_TEXTS = 2_048


class AnalysedTexts:
    """Paragraphs' terms, where they stand, analysed once (the REMEMBERED_TEXTS latest): for
    one published index, where a document number is one paragraph."""

    def __init__(self, size: int = REMEMBERED_TEXTS) -> None:
        self._analysed: LRUCache[int, tuple[tuple[str, ...], array[int]]] = LRUCache(size)

    def positions(
        self, docnum: int, text: Callable[[], str], analyzer: Any, terms: frozenset[str]
    ) -> dict[str, list[int]]:
        """Where each of `terms` stands in the paragraph `docnum` (whose `text` is asked for
        only if it was not analysed yet), counted as the index counts positions."""
        analysed = self._analysed.get(docnum)
        if analysed is None:
            tokens = [
                (sys.intern(token.text), token.pos)
                for token in analyzer(text(), positions=True, mode="index")
            ]
            analysed = tuple(word for word, _ in tokens), array("I", (pos for _, pos in tokens))
            self._analysed[docnum] = analysed
        found: dict[str, list[int]] = {}
        for word, position in zip(*analysed, strict=True):
            if word in terms:
                found.setdefault(word, []).append(position)
        return found


def bonus(
    pairs: Sequence[Pair], where: Mapping[str, list[int]], scores: Mapping[str, float]
) -> float:
    """What a paragraph earns for each pair of query words found close together in it:
    `where` the terms stand in its text, and `scores` their scores in it (unboosted BM25F),
    as a span query would score the pair: its terms' scores in the paragraph, boosted."""
    total = 0.0
    for first, second in pairs:
        spans = _spans(first, where), _spans(second, where)
        boost = sum(weight for slop, weight in _BONUSES if _near(*spans, slop))
        total += boost * BODY_BOOST * _found(first, second, scores)
    return total


def most(pairs: Sequence[Pair], scores: Mapping[str, float]) -> float:
    """The most a paragraph whose text has the terms of `scores` can earn: every pair with
    words of both sides in it, next to each other (as `bonus` would count it)."""
    every = sum(weight for _, weight in _BONUSES)
    return sum(
        every * BODY_BOOST * _found(first, second, scores)
        for first, second in pairs
        if any(term in scores for term in first) and any(term in scores for term in second)
    )


def _found(first: tuple[str, ...], second: tuple[str, ...], scores: Mapping[str, float]) -> float:
    return sum(scores.get(term, 0.0) for term in (*first, *second))


def _spans(terms: tuple[str, ...], where: Mapping[str, list[int]]) -> list[tuple[int, int]]:
    """Where any of `terms` stands; of several terms, words next to each other make one span
    (as Whoosh's SpanOr merges them: `child children` is one span of either side, no pair)."""
    spans: list[tuple[int, int]] = []
    for position in sorted({position for term in terms for position in where.get(term, ())}):
        if len(terms) > 1 and spans and position <= spans[-1][1] + 1:
            spans[-1] = (spans[-1][0], position)
        else:
            spans.append((position, position))
    return spans


def _near(first: list[tuple[int, int]], second: list[tuple[int, int]], slop: int) -> bool:
    """Whether a span of each stands within `slop` words of the other, as Whoosh's unordered
    SpanNear2 finds them: overlapping spans are no pair, and for each span of the first side
    only the second's spans starting at most `slop` words before it are looked at."""
    for a_start, a_end in first:
        for b_start, b_end in second:
            if not a_start - slop <= b_start <= a_end + slop:
                continue
            if b_start > a_end:
                distance = b_start - a_end
            elif a_start > b_end:
                distance = a_start - b_end
            else:
                continue
            if distance <= slop:
                return True
    return False
