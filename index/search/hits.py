"""Ranked paragraphs as the hits a search returns: each summarised by the query's words where
it has them, else by its sentence closest in meaning to the query, and labelled with how it was
found."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import numpy.typing as npt

from index.results import BOTH, MEANING, WORDS, Hit, Match
from index.search.meaning import Encode, closest_sentence
from index.search.reading import Ranked
from index.search.summaries import summarize, summarize_sentence


def hit(
    ranked: Ranked,
    terms: frozenset[str],
    terms_lang: str,
    analyzers: Mapping[str, Any],
    query: npt.NDArray[np.float32] | None,
    encode: Encode,
) -> Hit:
    """The hit for `ranked`. `terms` are the query's terms, as `terms_lang`'s analyzer makes
    them; `query` is its sentence vector (None when meaning was not searched)."""
    paragraph = ranked.paragraph
    summary = summarize(
        paragraph.text, terms if paragraph.lang == terms_lang else (), analyzers[paragraph.lang]
    )
    has_words = ranked.by_words or any(segment.match for segment in summary.segments)
    if has_words:
        match: Match = BOTH if ranked.by_meaning else WORDS
        return Hit(paragraph, ranked.score, summary, match, ranked.share, ranked.closeness)
    if query is not None:
        summary = summarize_sentence(
            paragraph.text, closest_sentence(paragraph.text, query, encode)
        )
    return Hit(paragraph, ranked.score, summary, MEANING, ranked.share, ranked.closeness)
