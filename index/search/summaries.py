"""Query-biased summaries: the sentences of a paragraph that best match the query, trimmed."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from whoosh import highlight

from index.results import Segment, Summary

MAX_CHARS = 200
ELLIPSIS = "…"
# Between two sentences that are not next to each other in the paragraph.
GAP = f" {ELLIPSIS} "
# How much of a long sentence to keep before the match it is cut around, for context.
_LEAD_CHARS = 40
# With the Chinese and Arabic sentence ends.
_SENTENCE_ENDS = ".!?。！？؟"
_SENTENCE_CLOSERS = '.!?"”’)]。！？؟）」』'
_SENTENCE_OPENERS = '"“‘([（「『'
# Punctuation that would dangle before an ellipsis.
_DANGLING = " ,;:–—-"


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    cut_start: bool = False
    cut_end: bool = False


@dataclass(frozen=True)
class _Sentence:
    span: _Span
    matches: tuple[tuple[int, int], ...]  # character ranges of matched words
    terms: frozenset[str]


def summarize(
    text: str, terms: Collection[str], analyzer: Any, max_chars: int = MAX_CHARS
) -> Summary:
    """At most `max_chars` of `text`'s own words: its best-matching sentence, more sentences if
    they fit, a long sentence cut at word boundaries around its matches with `…` where cut.

    `terms` are indexed terms (as the analyzer makes them); the words of `text` that analyze to
    one are the summary's matched segments. Without any, the paragraph's opening is the summary.
    Sub-items' line breaks become spaces: a summary is one line.
    """
    flat = text.replace("\n", " ")
    sentences = _matching_sentences(flat, terms, analyzer)
    if not sentences:
        return _opening(flat, max_chars)
    # Most query words, then most matches; among equals a sentence shown whole, then the first.
    best, *others = sorted(
        sentences,
        key=lambda s: (
            -len(s.terms),
            -len(s.matches),
            s.span.end - s.span.start > max_chars,
            s.span.start,
        ),
    )
    spans = [_fit(flat, best, max_chars)]
    for sentence in others:
        # Kept in paragraph order, as they are shown.
        candidate = sorted([*spans, sentence.span], key=lambda span: span.start)
        if _rendered_length(flat, candidate) <= max_chars:
            spans = candidate
    matches = [match for sentence in sentences for match in sentence.matches]
    return _render(flat, spans, matches)


def summarize_sentence(text: str, span: tuple[int, int], max_chars: int = MAX_CHARS) -> Summary:
    """The sentence of `text` at `span`, cut at a word with `…` when longer than `max_chars`:
    the summary of a paragraph found by meaning, which has none of the query's words to mark."""
    start, end = span
    return _opening(text[start:end].replace("\n", " "), max_chars)


def _matching_sentences(text: str, terms: Collection[str], analyzer: Any) -> list[_Sentence]:
    tokens = analyzer(text, chars=True, mode="query", removestops=False)
    tokens = highlight.set_matched_filter(tokens, frozenset(terms))
    # No sentence is too long to be considered; long ones are trimmed afterwards.
    fragmenter = highlight.SentenceFragmenter(
        maxchars=len(text), sentencechars=_SENTENCE_ENDS, charlimit=None
    )
    sentences: list[_Sentence] = []
    for fragment in fragmenter.fragment_tokens(text, tokens):
        start, end = int(fragment.startchar), int(fragment.endchar)
        # The fragmenter spans first to last word; take in the sentence's punctuation too.
        while start > 0 and text[start - 1] in _SENTENCE_OPENERS:
            start -= 1
        while end < len(text) and text[end] in _SENTENCE_CLOSERS:
            end += 1
        matches = tuple((int(token.startchar), int(token.endchar)) for token in fragment.matches)
        found = frozenset(str(token.text) for token in fragment.matches)
        sentences.append(_Sentence(_Span(start, end), matches, found))
    return sentences


def _fit(text: str, sentence: _Sentence, max_chars: int) -> _Span:
    """The sentence, or the window of it with the most matches, cut at word boundaries."""
    span = sentence.span
    if span.end - span.start <= max_chars:
        return span
    width = max_chars - 2 * len(ELLIPSIS)
    best: tuple[int, int, int] | None = None  # (start, end, anchor)
    best_count = -1
    for anchor, _ in sentence.matches:
        start = max(span.start, anchor - _LEAD_CHARS)
        end = min(span.end, start + width)
        start = max(span.start, end - width)
        count = sum(1 for m_start, m_end in sentence.matches if start <= m_start and m_end <= end)
        if count > best_count:
            best, best_count = (start, end, anchor), count
    assert best is not None, "a matching sentence has a match"
    start, end, anchor = best
    cut_start, cut_end = start > span.start, end < span.end
    if cut_start:
        space = text.find(" ", start - 1, anchor)
        start = space + 1 if space != -1 else anchor
    if cut_end:
        space = text.rfind(" ", anchor, end + 1)
        end = space if space != -1 else end
        while end > anchor and text[end - 1] in _DANGLING:
            end -= 1
    return _Span(start, end, cut_start, cut_end)


def _opening(text: str, max_chars: int) -> Summary:
    if len(text) <= max_chars:
        return Summary((Segment(text),))
    end = text.rfind(" ", 0, max_chars)
    end = end if end > 0 else max_chars - len(ELLIPSIS)
    while end > 0 and text[end - 1] in _DANGLING:
        end -= 1
    return Summary((Segment(text[:end] + ELLIPSIS),))


def _rendered_length(text: str, spans: Sequence[_Span]) -> int:
    return sum(len(segment.text) for segment in _segments(text, spans, []))


def _render(text: str, spans: Sequence[_Span], matches: Sequence[tuple[int, int]]) -> Summary:
    merged: list[Segment] = []
    for segment in _segments(text, spans, matches):
        if merged and not merged[-1].match and not segment.match:
            merged[-1] = Segment(merged[-1].text + segment.text)
        elif segment.text:
            merged.append(segment)
    return Summary(tuple(merged))


def _segments(
    text: str, spans: Sequence[_Span], matches: Sequence[tuple[int, int]]
) -> list[Segment]:
    segments: list[Segment] = []
    previous: _Span | None = None
    for span in spans:
        if previous is not None:
            between = text[previous.end : span.start]
            # Neighbouring sentences keep the space between them; others are marked as apart.
            adjacent = not between.strip() and not previous.cut_end and not span.cut_start
            segments.append(Segment(between if adjacent else GAP))
        elif span.cut_start:
            segments.append(Segment(ELLIPSIS))
        segments.extend(_marked(text, span, matches))
        previous = span
    if previous is not None and previous.cut_end:
        segments.append(Segment(ELLIPSIS))
    return segments


def _marked(text: str, span: _Span, matches: Sequence[tuple[int, int]]) -> list[Segment]:
    segments: list[Segment] = []
    position = span.start
    for start, end in sorted(matches):
        if span.start <= start and end <= span.end:
            segments.append(Segment(text[position:start]))
            segments.append(Segment(text[start:end], match=True))
            position = end
    segments.append(Segment(text[position : span.end]))
    return segments
