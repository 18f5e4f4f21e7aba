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
    (`("trafficing", "trafficking")`).

    `lang` is the language of the paragraphs searched (each hit's `paragraph.lang`).
    `fell_back_from` is the query's language when English paragraphs were searched instead: no
    report is in that language (whether or not English ones match), or none of its paragraphs
    matched while English ones did; None when the query's own language was searched."""

    words: tuple[str, ...]
    hits: tuple[Hit, ...]
    matched_all: bool = True
    reports: tuple[str, ...] = ()
    unknown_reports: tuple[str, ...] = ()
    corrected: tuple[tuple[str, str], ...] = ()
    lang: str = "en"
    fell_back_from: str | None = None
