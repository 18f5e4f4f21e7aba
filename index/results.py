"""What a search returns: hits with their paragraph and a query-biased summary."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

from index.models import Paragraph

# How a hit was found: it has some of the query's words, or it is close in meaning to the query
# (a sentence encoder's), or both. A hit found by meaning alone has none of the query's words.
Match = Literal["words", "meaning", "both"]
WORDS: Final = "words"
MEANING: Final = "meaning"
BOTH: Final = "both"
MATCHES: Final = (WORDS, MEANING, BOTH)

# A prefix (`traf*`) stood for more words than a search looks for: its most frequent ones were.
PREFIX_CUT: Final = "prefix_cut"

# How a search ranks: by the words (Whoosh's BM25F with phrases, typos and synonyms), by meaning
# (the sentence encoder alone), or the two fused (the default).
Mode = Literal["lexical", "semantic", "hybrid"]
LEXICAL: Final = "lexical"
SEMANTIC: Final = "semantic"
HYBRID: Final = "hybrid"
MODES: Final = (LEXICAL, SEMANTIC, HYBRID)


@dataclass(frozen=True)
class Segment:
    """A run of summary text; `match` marks the words the query matched."""

    text: str
    match: bool = False


@dataclass(frozen=True)
class Summary:
    """A short extract of the paragraph's own words, as segments to render."""

    segments: tuple[Segment, ...]

    @property
    def plain(self) -> str:
        return "".join(segment.text for segment in self.segments)


@dataclass(frozen=True)
class Hit:
    """A paragraph found, in its own language (`paragraph.lang`), which is the search's unless no
    version in the search's language is indexed. A hit that matched by `MEANING` alone has a
    summary of the sentence closest in meaning to the query, with no word marked."""

    paragraph: Paragraph
    score: float
    summary: Summary
    match: Match = WORDS
    share: float = 0.0
    """The share of the query's words the paragraph has: 1.0 when it has them all (or their
    synonyms), 0.0 when it was found by meaning alone."""
    closeness: float | None = None
    """How close in meaning to the query, as the sentence encoder's cosine (from -1 to 1); None
    when meaning was not searched or did not find it."""


@dataclass(frozen=True)
class SearchResult:
    """`words` are the query words searched for; `matched_all` is False when no paragraph had
    every word and the search fell back to any of them. `reports` are the symbols a `report:`
    filter narrowed the search to, `unknown_reports` those it named that are not indexed.
    `corrected` pairs each word typed that no paragraph has with the word searched for instead
    (`("trafficing", "trafficking")`).

    `lang` is the reader's language: the query's, or the chat's when the query does not tell.
    Hits are in it where their report has a version in it; otherwise in their own language
    (English first), which is each hit's `paragraph.lang`. `fell_back_from` is the reader's
    language when its words were searched for in English paragraphs: no report is in that
    language, or none of its paragraphs has the words while English ones do; None otherwise.
    `excluded` are the words and phrases the query left out (`-trafficking`, `NOT "child
    labour"`), as typed; `notes` what was adjusted in reading its syntax (index.search.syntax's
    Note values, and PREFIX_CUT when a prefix stood for more words than were searched).
    `meaning` tells whether the search looked for meaning too: False in lexical mode, or when the
    index has no vectors yet (`Library.missing_vectors`)."""

    words: tuple[str, ...]
    hits: tuple[Hit, ...]
    matched_all: bool = True
    reports: tuple[str, ...] = ()
    unknown_reports: tuple[str, ...] = ()
    corrected: tuple[tuple[str, str], ...] = ()
    lang: str = "en"
    fell_back_from: str | None = None
    meaning: bool = False
    excluded: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
