"""A query read (index.search.syntax) as what one language's paragraphs are asked to have:
concepts for its words, phrases, prefixes and alternatives, and term sequences for what it
leaves out."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from index.search.query import Concept, Either, QueryWord, Wanted, query_words
from index.search.synonyms import Thesaurus
from index.search.syntax import AllOf, AnyOf, Parsed, Phrase, Prefix, Term, Word

# The words a prefix wanted stands for, at most: the most frequent ones. More would make a
# search by `pro*` costly, and the reply says when some were left out. A prefix excluded stands
# for all its words (as many as the index's reading looks at): what it leaves out must go.
PREFIX_WORDS = 50

# The typed words as searched, and the corrections made (index.search.spelling).
Correct = Callable[
    [tuple[QueryWord, ...]], tuple[tuple[QueryWord, ...], tuple[tuple[str, str], ...]]
]
# The indexed terms starting so, most frequent first.
Expand = Callable[[str], list[str]]


@dataclass(frozen=True)
class Clauses:
    """`words`: the query's words outside quotes and alternatives, as searched (corrected);
    `concepts`: everything a paragraph is asked to have; `shown`: what the reply names as
    searched; `excluded`: the term sequences that leave a paragraph out; `prefix_cut`: a
    prefix stood for more words than PREFIX_WORDS."""

    words: tuple[QueryWord, ...]
    concepts: tuple[Wanted, ...]
    shown: tuple[str, ...]
    corrected: tuple[tuple[str, str], ...] = ()
    excluded: tuple[tuple[str, ...], ...] = ()
    prefix_cut: bool = False


class Reader:
    """Reads queries in one language."""

    def __init__(
        self,
        lang: str,
        analyzer: Any,
        thesaurus: Thesaurus,
        correct: Correct,
        split_compounds: Callable[[tuple[QueryWord, ...]], tuple[QueryWord, ...]],
        expand: Expand,
    ) -> None:
        self._lang = lang
        self._analyzer = analyzer
        self._thesaurus = thesaurus
        self._correct = correct
        self._split = split_compounds
        self._expand = expand
        self._cut = False

    def read(self, parsed: Parsed) -> Clauses:
        self._cut = False
        typed = query_words(
            " ".join(clause.text for clause in parsed.required if isinstance(clause, Word)),
            self._analyzer,
            self._lang,
        )
        words, corrected = self._correct(typed) if typed else ((), ())
        words = self._split(words)
        concepts: list[Wanted] = list(self._thesaurus.concepts(words))
        shown = [word.word for word in words]
        for clause in parsed.required:
            if isinstance(clause, Word):
                continue
            wanted = self._wanted(clause)
            if wanted is not None:
                concepts.append(wanted)
                shown.append(str(clause))
        excluded = [
            sequence for term in parsed.excluded for sequence in self._sequences(term) if sequence
        ]
        return Clauses(
            words=words,
            concepts=tuple(concepts),
            shown=tuple(shown),
            corrected=corrected,
            excluded=tuple(excluded),
            prefix_cut=self._cut,
        )

    def _wanted(self, clause: Term | AnyOf | AllOf) -> Wanted | None:
        """The concept of a clause; None when nothing of it is searchable (stop words)."""
        if isinstance(clause, AnyOf):
            options = [self._option(option) for option in clause.options]
            kept = tuple(option for option in options if option)
            return Either(kept) if kept else None
        if isinstance(clause, AllOf):
            parts = self._option(clause)
            return Either((parts,)) if parts else None
        if isinstance(clause, Phrase):
            terms = self._terms(" ".join(clause.words))
            return Concept(terms, exact=True) if terms else None
        if isinstance(clause, Prefix):
            expansions = self._expand(clause.start.casefold())
            self._cut = self._cut or len(expansions) > PREFIX_WORDS
            synonyms = tuple((term,) for term in expansions[:PREFIX_WORDS])
            return Concept((QueryWord(str(clause), clause.start.casefold()),), synonyms)
        words = query_words(clause.text, self._analyzer, self._lang)
        concepts = self._thesaurus.concepts(words)
        if not concepts:
            return None
        return concepts[0] if len(concepts) == 1 else Either((concepts,))

    def _option(self, option: Term | AllOf) -> tuple[Wanted, ...]:
        parts = option.parts if isinstance(option, AllOf) else (option,)
        found = (self._wanted(part) for part in parts)
        return tuple(wanted for wanted in found if wanted is not None)

    def _terms(self, text: str) -> tuple[QueryWord, ...]:
        """Every indexed word of `text`, question words included: words in quotes are wanted
        as typed."""
        return tuple(
            QueryWord(text[token.startchar : token.endchar], str(token.text))
            for token in self._analyzer(text, chars=True)
        )

    def _sequences(self, term: Term) -> Sequence[tuple[str, ...]]:
        if isinstance(term, Prefix):
            return [(found,) for found in self._expand(term.start.casefold())]
        text = term.text if isinstance(term, Word) else " ".join(term.words)
        return [tuple(word.term for word in self._terms(text))]
