"""From whatever a user typed to a Whoosh query; no Whoosh query syntax is ever parsed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice
from typing import Any

from whoosh.query import And, Or, Term

from index.schema import BODY, BODY_BOOST, SECTION, TITLE

# The pattern Whoosh's tokenizer splits indexed text with, so that `16.2` or `62/141` are looked
# up as the same tokens they were indexed as.
_WORD = re.compile(r"\w+(?:\.?\w+)*")

# Enough for any real question; the rest of a pasted page is ignored, which keeps a search cheap
# however long the text (stop words and repeats count towards the words looked at; 4096
# characters is Telegram's longest message).
MAX_WORDS = 32
_MAX_WORDS_LOOKED_AT = 8 * MAX_WORDS
_MAX_CHARS_READ = 4096


@dataclass(frozen=True)
class QueryWord:
    """A word as the user typed it and the term it is indexed under (`Trafficking` → `traffick`)."""

    word: str
    term: str


def query_words(text: str, analyzer: Any) -> tuple[QueryWord, ...]:
    """The searchable words of `text`, at most MAX_WORDS from its beginning: stop words and
    one-letter words are dropped (the analyzer does), and so are words whose term is taken."""
    words: list[QueryWord] = []
    terms: set[str] = set()
    for match in islice(_WORD.finditer(text[:_MAX_CHARS_READ]), _MAX_WORDS_LOOKED_AT):
        word = match.group()
        for token in analyzer(word):
            term = str(token.text)
            if term not in terms:
                terms.add(term)
                words.append(QueryWord(word, term))
        if len(words) >= MAX_WORDS:
            break
    return tuple(words[:MAX_WORDS])


def all_of(words: tuple[QueryWord, ...]) -> Any:
    """Paragraphs with every word, each in the text, a heading or the report's title."""
    return And([_anywhere(word.term) for word in words])


def any_of(words: tuple[QueryWord, ...]) -> Any:
    """Paragraphs with at least one of the words; the more, the better they score."""
    return Or([_anywhere(word.term) for word in words])


def _anywhere(term: str) -> Any:
    return Or([Term(BODY, term, boost=BODY_BOOST), Term(SECTION, term), Term(TITLE, term)])
