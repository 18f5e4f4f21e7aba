"""What a search returns: hits with their paragraph and a query-biased summary."""

from __future__ import annotations

from dataclasses import dataclass

from index.models import Paragraph


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
    paragraph: Paragraph
    score: float
    summary: Summary


@dataclass(frozen=True)
class SearchResult:
    """`words` are the query words searched for; `matched_all` is False when no paragraph had
    every word and the search fell back to any of them. `reports` are the symbols a `report:`
    filter narrowed the search to, `unknown_reports` those it named that are not indexed.
    `corrected` pairs each word typed that no paragraph has with the word searched for instead
    (`("trafficing", "trafficking")`)."""

    words: tuple[str, ...]
    hits: tuple[Hit, ...]
    matched_all: bool = True
    reports: tuple[str, ...] = ()
    unknown_reports: tuple[str, ...] = ()
    corrected: tuple[tuple[str, str], ...] = ()
