"""Typos: a word no paragraph has is replaced by the nearest word that paragraphs do have."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from index.search.query import QueryWord
from index.store.schema import Fields

# Shorter words are too often real words of another meaning one letter away, or acronyms.
MIN_CHARS = 4
# Longer ones are no word of a report but pasted junk, whose look-up would take long.
MAX_CHARS = 30
# From this length two typos in a word are common ("childern" is two edits from "children").
TWO_EDITS_FROM = 8


def correct_spelling(
    words: tuple[QueryWord, ...],
    searcher: Any,
    analyzer: Any,
    known: Callable[[str], bool],
    fields: Fields,
    near: Callable[[str, int], list[str]],
) -> tuple[tuple[QueryWord, ...], tuple[tuple[str, str], ...]]:
    """`words` with each misspelt one replaced by the indexed word nearest to it, and the
    replacements made (as typed, as searched).

    A word is misspelt when no paragraph's text has it as typed, and a word one or two edits
    away (the fewest edits, then the most paragraphs) has a different stem that more paragraphs
    have than have the typed word's stem: "trafficing" (stem `traffic`, one paragraph) becomes
    "trafficking" (`traffick`, many). Words in headings or titles, words `known(term)` accepts
    (the thesaurus's), numbers, and words too short or too long to tell are never changed; nor
    is any word of a language whose paragraphs keep no words for spelling (`fields.spelling`).
    `near(word, edits)` gives the words kept for spelling at most `edits` edits from `word`
    that begin as it does (index.search.vocabulary).
    """
    if not fields.spelling:
        return words, ()
    reader = searcher.reader()
    checked: list[QueryWord] = []
    replaced: list[tuple[str, str]] = []
    for word in words:
        written = _as_written(word.word, analyzer)
        suggestion = (
            None
            if _is_known(word, written, reader, known, fields)
            else _nearest(word, written, reader, analyzer, fields.body, near)
        )
        if suggestion is None:
            checked.append(word)
        else:
            checked.append(suggestion)
            replaced.append((word.word, suggestion.word))
    # A correction may be a word the query already has.
    last = {word.term: word for word in reversed(checked)}
    return tuple(word for word in checked if last[word.term] is word), tuple(replaced)


def _as_written(word: str, analyzer: Any) -> str:
    """The word as the paragraphs' words are kept for spelling: lowercased, not stemmed (and for
    Arabic, normalised)."""
    return "".join(str(token.text) for token in analyzer(word, no_morph=True, removestops=False))


def _is_known(
    word: QueryWord, written: str, reader: Any, known: Callable[[str], bool], fields: Fields
) -> bool:
    return (
        not MIN_CHARS <= len(word.word) <= MAX_CHARS
        or any(character.isdigit() for character in word.word)
        or known(word.term)
        or (fields.words, written) in reader
        or any((field, word.term) in reader for field in (fields.section, fields.title))
    )


def _nearest(
    typed: QueryWord,
    written: str,
    reader: Any,
    analyzer: Any,
    body: str,
    near: Callable[[str, int], list[str]],
) -> QueryWord | None:
    floor = int(reader.doc_frequency(body, typed.term))
    most_edits = 2 if len(written) >= TWO_EDITS_FROM else 1
    for edits in range(1, most_edits + 1):
        # Whoosh's own corrector ranks candidates by frequency alone, whatever their distance.
        ranked = sorted(
            (-frequency, candidate, term)
            for candidate in near(written, edits)
            for term in _terms(candidate, analyzer)
            if term != typed.term and (frequency := int(reader.doc_frequency(body, term))) > floor
        )
        if ranked:
            _, candidate, term = ranked[0]
            return QueryWord(candidate, term)
    return None


def _terms(word: str, analyzer: Any) -> list[str]:
    return [str(token.text) for token in analyzer(word)]


def corrected_text(text: str, corrected: Sequence[tuple[str, str]]) -> str:
    """`text` with each misspelt word (as typed) replaced by its correction: what the query
    means, for a search by meaning, which typos mislead."""
    for typed, searched in corrected:
        text = re.sub(rf"(?<!\w){re.escape(typed)}(?!\w)", searched, text)
    return text
