"""The meaning channel: paragraphs whose sentence vectors are nearest the query's, in any
language, one version of each paragraph, and the sentence of a paragraph nearest a query."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from index.language.official import ENGLISH
from index.store.vectors import Vectors

# Encodes texts into unit sentence vectors, one row each (index.language.meaning).
Encode = Callable[[Sequence[str]], npt.NDArray[np.float32]]

# How deep the channel goes: as deep as the words channel, for the fusion to weigh them alike.
DEPTH = 50
# The least cosine at which a paragraph is close enough in meaning to be shown at all: below,
# a query about nothing in the library would still be answered with the least far paragraphs.
# Chosen on the tuning queries (docs/search.md).
CLOSE = 0.15

# A sentence ends at one of these, followed by a space or the end (Chinese and Arabic ones too).
_SENTENCE = re.compile(r"[^.!?。！？؟]*(?:[.!?。！？؟]+[\"”’)\]）」』]*(?=\s|$)|[。！？؟]+|$)")


@dataclass(frozen=True)
class Near:
    """A paragraph version close in meaning: its key (index.store.schema.paragraph_key)."""

    key: str
    cosine: float

    @property
    def place(self) -> str:
        return place_of(self.key)

    @property
    def symbol(self) -> str:
        return self.key.split("|", 1)[0]


def nearest(
    vectors: Vectors,
    query: npt.NDArray[np.float32],
    symbols: Collection[str] | None,
    depth: int = DEPTH,
) -> list[Near]:
    """The paragraph versions of the reports `symbols` (None: all) nearest `query` and close
    enough, best first; several versions of one paragraph count towards `depth` as one."""
    allowed = vectors.mask(symbols=symbols)
    # Up to six versions of a paragraph: enough rows for `depth` paragraphs in every language.
    found = vectors.nearest(query, depth * 6, allowed)
    near: list[Near] = []
    places: set[str] = set()
    for key, cosine in found:
        if cosine < CLOSE:
            break
        near.append(Near(key, cosine))
        places.add(place_of(key))
        if len(places) == depth:
            break
    return near


def versions(near: Sequence[Near], reader: str, exists: Callable[[str], bool]) -> list[str]:
    """One key per paragraph, best first: the version in the reader's language where it is
    indexed, else the English one, else the nearest one."""
    keys: dict[str, str] = {}
    for found in near:
        if found.place in keys:
            continue
        symbol, lang, rest = found.key.split("|", 2)
        wanted = [] if lang == reader else [reader] if lang == ENGLISH else [reader, ENGLISH]
        preferred = (f"{symbol}|{other}|{rest}" for other in wanted)
        keys[found.place] = next((key for key in preferred if exists(key)), found.key)
    return list(keys.values())


def sentences(text: str) -> list[tuple[int, int]]:
    """The character spans of `text`'s sentences, without the spaces between them."""
    spans = []
    for match in _SENTENCE.finditer(text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        if start < end:
            spans.append((start, end))
    return spans


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
