"""The words near a misspelt one: what Whoosh's own look-up finds, found in memory."""

from __future__ import annotations

import random
from typing import Any

from rapidfuzz.distance import Levenshtein

from index.search.vocabulary import SAME_START, Vocabulary
from index.store import schema

WORDS = schema.fields("en").words


def _typos(words: list[str], count: int) -> list[str]:
    """Words of the corpus with a letter changed, dropped or added, and some as they are."""
    rng = random.Random(11)
    typos = []
    for word in rng.sample(words, count):
        at = rng.randrange(1, len(word)) if len(word) > 1 else 1
        letter = rng.choice("aeioustrn")
        typos.append(
            rng.choice(
                [
                    word,
                    word[:at] + letter + word[at + 1 :],
                    word[:at] + word[at + 1 :],
                    word + letter,
                ]
            )
        )
    return typos


def test_the_near_words_are_those_whoosh_finds(searcher: Any) -> None:
    reader = searcher.reader()
    kept = [word.decode("utf-8") for word in reader.lexicon(WORDS)]
    vocabulary = Vocabulary(kept)
    found_some = False
    for typo in _typos(kept, 150):
        for edits in (1, 2):
            near = vocabulary.near(typo, edits)
            whoosh = set(reader.terms_within(WORDS, typo, edits, prefix=SAME_START))
            found_some = found_some or len(near) > 1
            # Whoosh's walk of its term index with the automaton lets a few words one edit
            # further through (two letters swapped, counted as one edit): those are left out.
            assert set(near) == {
                word for word in whoosh if Levenshtein.distance(typo, word) <= edits
            }, (typo, edits)
    assert found_some


def test_near_words_are_a_few_edits_away_and_begin_alike() -> None:
    vocabulary = Vocabulary(["children", "chidlren", "xhildren", "child"])
    assert vocabulary.near("chilren", 1) == ["chidlren", "children"]
    # "xhildren" is two edits away too, but begins otherwise; "child" is three.
    assert vocabulary.near("chilren", 2) == ["chidlren", "children"]
    assert vocabulary.near("children", 0) == ["children"]
