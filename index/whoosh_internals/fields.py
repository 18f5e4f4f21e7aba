"""A Whoosh field type of our own, written for Whoosh 2.7.4's codec (index.whoosh_internals.codec
writes its words with their terms)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from whoosh.fields import FieldType
from whoosh.formats import Existence


class WrittenWords(FieldType):  # type: ignore[misc]
    """The words of texts as written, each once, for spelling suggestions: `index.search.spelling`
    only asks whether a word is here and which words are near one.

    Whoosh's own `TEXT(spelling=True)` posts every paragraph's words again under a spelling field
    (to the segment's first document, whatever the paragraph), so the words of a report were as
    many postings as its text: nearly half of an index's postings, and of the time to write them.
    Here a report document holds its paragraphs' words, each once, and they go when it goes.
    """

    def __init__(self, analyzer: Any) -> None:
        self.analyzer = analyzer
        self.format = Existence()
        self.scorable = False
        self.stored = False
        self.unique = False
        self.vector = None
        self.column_type = None

    def index(self, value: Iterable[str], **kwargs: Any) -> list[tuple[bytes, int, float, bytes]]:
        """The words of each text in `value`, as Whoosh keeps the words of a `spelling` field: the
        language's analysis without its stemming (morphology)."""
        # What a word becomes depends on it alone (the analysis of a spelling-checked language
        # splits words at spaces, and no filter before the stemmer looks at their neighbours), so
        # each way of writing one is analysed once: a report repeats most of its words.
        written = {chunk for text in value for chunk in text.split()}
        words = {str(token.text) for token in self.analyzer(" ".join(written), no_morph=True)}
        return [(word.encode("utf-8"), 1, 1.0, b"") for word in sorted(words)]
