"""The meaning channel: paragraphs whose sentence vectors are nearest the query's, in any
language, one version of each paragraph, and the sentence of a paragraph nearest a query."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from index.language.official import ENGLISH, LANGUAGES
from index.store.vectors import Vectors

# Encodes texts into unit sentence vectors, one row each (index.language.meaning).
Encode = Callable[[Sequence[str]], npt.NDArray[np.float32]]

# How deep the channel goes: as deep as the words channel, for the fusion to weigh them alike.
DEPTH = 50
# The least cosine at which a paragraph is close enough in meaning to be shown at all: below,
# a query about nothing in the library would still be answered with the least far paragraphs.
# Chosen on the tuning queries (docs/search.md).
CLOSE = 0.15

# A sentence ends at one of these followed by a space or the end, or at a Chinese one.
_SENTENCE_END = re.compile(r"[.!?؟]+[\"”’)\]）」』]*(?=\s|$)|[。！？]+[”’）」』]*")


@dataclass(frozen=True)
class Near:
    """A paragraph close in meaning: the key (index.store.schema.paragraph_key) of the version
    to show, and of the version compared with the query, when that is another."""

    key: str
    cosine: float
    compared: str

    @property
    def place(self) -> str:
        return place_of(self.key)


def nearest(
    vectors: Vectors,
    query: npt.NDArray[np.float32],
    reader: str,
    symbols: Collection[str] | None,
    depth: int = DEPTH,
) -> list[Near]:
    """The paragraphs of the reports `symbols` (None: all) nearest `query` and close enough,
    best first. Each is shown in the reader's language where its report has it, else in
    English, else in the first of the UN's order; and compared with the query in that version
    and in English (the query may be in English whatever the chat's language), not in every
    version: a paragraph in six languages would have six chances to come close by chance."""
    by_report: dict[str, set[str]] = {}
    for symbol, lang in vectors.reports:
        if symbols is None or symbol in symbols:
            by_report.setdefault(symbol, set()).add(lang)
    shown = {
        symbol: next(lang for lang in (reader, ENGLISH, *LANGUAGES) if lang in langs)
        for symbol, langs in by_report.items()
    }
    compared = {(symbol, lang) for symbol, lang in shown.items()} | {
        (symbol, ENGLISH) for symbol, langs in by_report.items() if ENGLISH in langs
    }
    # Every row wanted (a library in one language): no mask, whose rows a scan would copy.
    allowed = None if compared >= vectors.reports else vectors.mask(compared)
    near: dict[str, Near] = {}
    for key, cosine in vectors.nearest(query, 2 * depth, allowed):
        if cosine < CLOSE:
            break
        symbol, _, rest = key.split("|", 2)
        found = Near(f"{symbol}|{shown[symbol]}|{rest}", cosine, key)
        near.setdefault(found.place, found)
    return list(near.values())[:depth]


def sentences(text: str) -> list[tuple[int, int]]:
    """The character spans of `text`'s sentences, without the spaces between them. A full stop
    followed by a small letter or a digit ends no sentence ("para. 3", "e.g. the")."""
    spans = []
    start = 0
    for found in _SENTENCE_END.finditer(text):
        after = text[found.end() :].lstrip()
        if after and (after[0].islower() or after[0].isdigit()):
            continue
        spans.append((start, found.end()))
        start = found.end()
    spans.append((start, len(text)))
    trimmed = []
    for first, last in spans:
        while first < last and text[first].isspace():
            first += 1
        if first < last:
            trimmed.append((first, last))
    return trimmed


def closest_sentence(text: str, query: npt.NDArray[np.float32], encode: Encode) -> tuple[int, int]:
    """The span of `text`'s sentence nearest in meaning to `query`."""
    spans = sentences(text) or [(0, len(text))]
    if len(spans) == 1:
        return spans[0]
    cosines = encode([text[start:end] for start, end in spans]) @ query
    return spans[int(np.argmax(cosines))]


def place_of(key: str) -> str:
    """A paragraph whatever its language: its key without the language."""
    symbol, _, rest = key.split("|", 2)
    return f"{symbol}|{rest}"
