"""The words the paragraphs use, in memory, for finding the words near a misspelt one.

Whoosh finds them by walking its term index with a Levenshtein automaton, in Python: 100 to
200 ms a misspelt word in a library of 10,000 paragraphs or more, the slowest part of a search
with a typo. Here the words are held in lists by their first letters, and RapidFuzz compares the
typed word with a list in C, a millisecond or two.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

# A first letter typed wrong is rare, and requiring it keeps the look-up cheap.
SAME_START = 1


class Vocabulary:
    """Words, each once, looked up by their first `prefix` characters."""

    def __init__(self, words: Iterable[str], prefix: int = SAME_START) -> None:
        self._prefix = prefix
        grouped: defaultdict[str, list[str]] = defaultdict(list)
        for word in words:
            grouped[word[:prefix]].append(word)
        self._words = dict(grouped)

    def near(self, word: str, edits: int) -> list[str]:
        """The words at most `edits` insertions, deletions or substitutions away from `word`
        that begin as it does (its first `prefix` characters), `word` itself among them if it
        is a word here: what Whoosh's `terms_within` finds, without the few words further away
        that its automaton lets through."""
        same_start = self._words.get(word[: self._prefix], [])
        found = process.extract(
            word, same_start, scorer=Levenshtein.distance, score_cutoff=edits, limit=None
        )
        return sorted(candidate for candidate, _, _ in found)
