"""From whatever a user typed to a Whoosh query; no Whoosh query syntax is ever parsed."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import islice, pairwise
from typing import Any

from whoosh.query import And, Or, Phrase, Term

from index.language.analysis import WORD_PATTERN
from index.search.questions import is_question_word
from index.store.schema import BODY_BOOST, SECTION_BOOST, TITLE_BOOST, Fields

# Runs of text between spaces and punctuation, as the tokenizers find words, so that `16.2` or
# `62/141` are looked up as the same tokens they were indexed as; a language's analyzer may find
# several words in one run (Chinese writes none apart).
_WORD = re.compile(WORD_PATTERN)

# Enough for any real question; the rest of a pasted page is ignored, which keeps a search cheap
# however long the text (stop words and repeats count towards the words looked at; 4096
# characters is Telegram's longest message).
MAX_WORDS = 32
_MAX_WORDS_LOOKED_AT = 8 * MAX_WORDS
_MAX_CHARS_READ = 4096

# Synonyms count a little less than the words typed, so that a paragraph using the user's own
# word comes first among equals.
SYNONYM_BOOST = 0.8
# Neighbouring query words found next to each other in a paragraph's text, in either order, earn
# it a bonus, and another when within NEAR_SLOP words of each other: `child trafficking` ranks
# "child trafficking" and "trafficking in children" first, then "children … trafficked" in one
# clause, above a paragraph with children in one sentence and trafficking in another.
NEAR_SLOP = 5
NEAR_BOOST = 0.5
ADJACENT_BOOST = 1.0
# Only the first words earn these bonuses: each pair adds to the cost of every search, and a
# question seldom has more words that matter.
NEAR_WORDS = 8


@dataclass(frozen=True)
class QueryWord:
    """A word as the user typed it and the term it is indexed under (`Trafficking` → `traffick`)."""

    word: str
    term: str


@dataclass(frozen=True)
class Concept:
    """Words of the query that say one thing, and the other ways reports say it (term sequences
    from the thesaurus: `csam` for "child sexual abuse material" and the other way round)."""

    words: tuple[QueryWord, ...]
    synonyms: tuple[tuple[str, ...], ...] = ()
    # Typed in quotes: its words together and in order, as a phrase.
    exact: bool = False

    @property
    def terms(self) -> frozenset[str]:
        """Every term that matches this concept somewhere, for marking matched words."""
        synonyms = (term for phrase in self.synonyms for term in phrase)
        return frozenset([*(word.term for word in self.words), *synonyms])


@dataclass(frozen=True)
class Either:
    """Concepts typed with OR between them: any option will do; an option of several concepts
    (a group in parentheses) needs every one."""

    options: tuple[tuple[Concept | Either, ...], ...]

    @property
    def terms(self) -> frozenset[str]:
        return frozenset(term for option in self.options for c in option for term in c.terms)


# What a paragraph is asked to have.
Wanted = Concept | Either


def query_words(text: str, analyzer: Any, lang: str = "en") -> tuple[QueryWord, ...]:
    """The searchable words of `text` in `lang`, at most MAX_WORDS from its beginning: stop
    words, question words and one-letter words are dropped, and so are words whose term is
    taken."""
    words: list[QueryWord] = []
    terms: set[str] = set()
    for match in islice(_WORD.finditer(text[:_MAX_CHARS_READ]), _MAX_WORDS_LOOKED_AT):
        run = match.group()
        for token in analyzer(run, chars=True):
            word, term = run[token.startchar : token.endchar], str(token.text)
            if term not in terms and not is_question_word(word, lang):
                terms.add(term)
                words.append(QueryWord(word, term))
        if len(words) >= MAX_WORDS:
            break
    return tuple(words[:MAX_WORDS])


def must_be_exact(
    concepts: Sequence[Wanted], words: Sequence[QueryWord], rare: Callable[[str], bool]
) -> bool:
    """Whether the query has what must be found as typed, not by a paragraph merely close in
    meaning: words in quotes, a number or a symbol (`62/141`, `16.2`), or a rare name."""
    quoted = any(isinstance(concept, Concept) and concept.exact for concept in concepts)
    return quoted or any(
        any(char.isdigit() for char in word.word) or rare(word.term) for word in words
    )


def split_unknown_compounds(
    words: tuple[QueryWord, ...], analyzer: Any, indexed: Callable[[str], bool]
) -> tuple[QueryWord, ...]:
    """`words` with each one whose term `indexed` rejects replaced by the words inside it, when
    the analyzer indexes such words (Chinese: 气候灾害, a dictionary word no paragraph has, is
    searched as 气候 and 灾害, which paragraphs that put them apart have)."""
    found: list[QueryWord] = []
    for word in words:
        inner = [
            QueryWord(word.word[token.startchar : token.endchar], str(token.text))
            for token in analyzer(word.word, mode="index", chars=True)
            if str(token.text) != word.term
        ]
        found.extend(inner if inner and not indexed(word.term) else [word])
    return tuple(dict.fromkeys(found))


def all_of(concepts: Sequence[Wanted], fields: Fields) -> Any:
    """Paragraphs with every concept, each in the text, a heading or the report's title (in the
    language of `fields`); a concept of several words needs them all, in any order, or one of
    its synonyms."""
    return And([_strict(concept, fields) for concept in concepts])


def any_of(concepts: Sequence[Wanted], fields: Fields) -> Any:
    """Paragraphs with at least one of the words or synonyms; the more, the better they score."""
    return Or([_loose(concept, fields) for concept in concepts])


def _strict(concept: Wanted, fields: Fields) -> Any:
    if isinstance(concept, Either):
        return Or([And([_strict(part, fields) for part in option]) for option in concept.options])
    if concept.exact:
        return _anywhere(tuple(word.term for word in concept.words), fields)
    typed = And([_anywhere((word.term,), fields) for word in concept.words])
    synonyms = (_anywhere(synonym, fields, SYNONYM_BOOST) for synonym in concept.synonyms)
    return Or([typed, *synonyms])


def _loose(concept: Wanted, fields: Fields) -> Any:
    if isinstance(concept, Either):
        return Or([_loose(part, fields) for option in concept.options for part in option])
    if concept.exact:
        return _strict(concept, fields)
    typed = [_anywhere((word.term,), fields) for word in concept.words]
    synonyms = (_anywhere(synonym, fields, SYNONYM_BOOST) for synonym in concept.synonyms)
    return Or([*typed, *synonyms])


def _anywhere(terms: tuple[str, ...], fields: Fields, boost: float = 1.0) -> Any:
    """The term, or the terms as a phrase, in the text, a heading or the title."""
    weighted = (
        (fields.body, BODY_BOOST),
        (fields.section, SECTION_BOOST),
        (fields.title, TITLE_BOOST),
    )
    if len(terms) == 1:
        return Or([Term(field, terms[0], boost=weight * boost) for field, weight in weighted])
    return Or([Phrase(field, list(terms), boost=weight * boost) for field, weight in weighted])


def excluding(sequences: Sequence[tuple[str, ...]], fields: Fields) -> Any | None:
    """Paragraphs whose text or headings have any of the term sequences (of several terms: as a
    phrase): what a query's exclusions leave out; None for no exclusion."""
    parts = [
        Term(field, terms[0]) if len(terms) == 1 else Phrase(field, list(terms))
        for terms in sequences
        if terms
        for field in (fields.body, fields.section)
    ]
    return Or(parts) if parts else None


def rewards_nearness(concepts: Sequence[Wanted]) -> bool:
    """Whether there are `nearness_pairs` for these concepts: there are neighbouring words."""
    return len(_spellings(concepts)) > 1


def nearness_pairs(concepts: Sequence[Wanted]) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """The neighbouring query words whose standing close together in a paragraph earns it a
    bonus (index.search.nearness), each as any of its terms: the first NEAR_WORDS words' pairs."""
    return list(pairwise(_spellings(concepts)[:NEAR_WORDS]))


def _spellings(concepts: Sequence[Wanted]) -> list[tuple[str, ...]]:
    """Each query word's terms, in order: its own, and the one-word synonyms of a word that is a
    concept by itself (`child`: `child`, `children`, `minor`). Alternatives (OR) have none."""
    spellings: list[tuple[str, ...]] = []
    for concept in concepts:
        if isinstance(concept, Either):
            continue
        if len(concept.words) == 1:
            single = tuple(phrase[0] for phrase in concept.synonyms if len(phrase) == 1)
            spellings.append((concept.words[0].term, *single))
        else:
            spellings.extend((word.term,) for word in concept.words)
    return spellings
