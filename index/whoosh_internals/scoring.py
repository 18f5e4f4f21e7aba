"""Whoosh's relevance scores for a whole query at once: a posting list at a time, in numpy.

Whoosh finds a query's best paragraphs by walking its matchers a paragraph at a time, in
Python: a few microseconds for each posting of each term, and a search for frequent words (each
with its synonyms, in the text, the headings and the report's title) walks hundreds of thousands
of postings — over a second at 100,000 paragraphs. Here each term's posting list is read once,
a block at a time, and scored with numpy in one go, exactly as Whoosh's BM25F scores it (same
statistics, same field lengths, same formula); `And` and `Or` add the scores of their parts, as
Whoosh's matchers do, over arrays with a slot per paragraph. Scored lists are kept, within a
memory budget, until another index is published: the words people search for are few and
frequent. Any other kind of query (a phrase) is scored by Whoosh's own matcher, and kept.

This reads Whoosh 2.7.4's postings below its public interface (the version is pinned);
tests/index/whoosh_internals/test_scoring.py checks the results against Whoosh's own search.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from cachetools import LRUCache
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.query import And, Or, Term
from whoosh.util.numeric import byte_to_length

Scores = npt.NDArray[np.float64]
Mask = npt.NDArray[np.bool_]
Docnums = npt.NDArray[np.int32]

# Scored posting lists kept, in bytes (12 a posting): a frequent word's list at 100,000
# paragraphs is some 70,000 postings, so this keeps the lists of a few dozen frequent terms.
CACHED_BYTES = 32 * 1024 * 1024


@dataclass(frozen=True)
class _Postings:
    """A term's paragraphs in one segment, ascending, and their scores without any boost."""

    docnums: Docnums
    scores: Scores

    @property
    def nbytes(self) -> int:
        return int(self.docnums.nbytes + self.scores.nbytes)

    def boosted(self, boost: float) -> _Postings:
        return self if boost == 1.0 else _Postings(self.docnums, self.scores * boost)


@dataclass(frozen=True)
class _Dense:
    """Scores of a combination of queries, with a slot for every document of a segment."""

    scores: Scores
    matched: Mask

    @classmethod
    def of(cls, found: _Postings | _Dense, size: int) -> _Dense:
        return found if isinstance(found, _Dense) else cls.combine([found], size, every=False)

    @classmethod
    def combine(
        cls, parts: list[_Postings | _Dense], size: int, *, every: bool, boost: float = 1.0
    ) -> _Dense:
        """The documents matching every part (or any), scored with the sum of their scores, as
        Whoosh's intersection and union matchers score them."""
        scores = np.zeros(size)
        matched = np.full(size, every, dtype=np.bool_)
        for part in parts:
            if isinstance(part, _Dense):
                scores += part.scores
                found = part.matched
            else:
                # A term's documents are each listed once: += adds to each once.
                scores[part.docnums] += part.scores
                found = np.zeros(size, dtype=np.bool_)
                found[part.docnums] = True
            if every:
                matched &= found
            else:
                matched |= found
        if every:
            # What some parts score counts only where all of them match.
            scores *= matched
        if boost != 1.0:
            scores *= boost
        return cls(scores, matched)


class _Segment:
    """What is read once from one of the index's segments."""

    def __init__(self, leaf: Any, offset: int) -> None:
        self.leaf = leaf
        self.reader = leaf.reader()
        self.offset = offset
        self.size = int(self.reader.doc_count_all())
        self.live: Mask = np.ones(self.size, dtype=np.bool_)
        if self.reader.has_deletions():
            self.live[:] = False
            self.live[np.fromiter(self.reader.all_doc_ids(), dtype=np.int64)] = True
        self._lengths: dict[str, npt.NDArray[np.uint8]] = {}

    def lengths(self, fieldname: str) -> npt.NDArray[np.uint8]:
        """Each paragraph's length in the field, as Whoosh keeps it: a byte standing for it."""
        if fieldname not in self._lengths:
            column = self.reader._perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
            lengths = np.zeros(self.size, dtype=np.uint8)
            if column is not None and column._count:
                kept = column._dbfile.get(column._basepos, column._count)
                lengths[: column._count] = np.frombuffer(kept, dtype=np.uint8)
            self._lengths[fieldname] = lengths
        return self._lengths[fieldname]


class Scorer:
    """Scores queries over one searcher's index, for one thread at a time."""

    def __init__(self, searcher: Any, cached_bytes: int = CACHED_BYTES) -> None:
        self._searcher = searcher
        weighting = searcher.weighting
        self._k1 = float(weighting.K1)
        self._b = weighting.B
        self._field_b: dict[str, float] = getattr(weighting, "_field_B", {})
        self._segments = [_Segment(leaf, offset) for leaf, offset in searcher.leaf_searchers()]
        self._cache: LRUCache[tuple[int, tuple[str, str]], _Postings] = LRUCache(
            cached_bytes, getsizeof=lambda postings: postings.nbytes
        )
        # Phrases' scores are kept whatever the budget: they are the thesaurus's, few and small,
        # and each costs a Whoosh phrase search through every paragraph to find again.
        self._phrases: dict[tuple[int, Any], _Postings] = {}

    @property
    def segments(self) -> int:
        return len(self._segments)

    def prepare(self, query: Any, segment: int) -> None:
        """Scores `query` (a phrase) in the index's `segment`-th segment now, for the searches
        that will need it."""
        self._cached(segment, query, self._segments[segment])

    def top(
        self,
        query: Any,
        limit: int,
        restriction: Any | None = None,
        exclusion: Any | None = None,
    ) -> list[tuple[int, float]]:
        """The `limit` best documents for `query` (document numbers and scores), best first,
        equal scores in index order, among those `restriction` matches and `exclusion` does
        not: what Whoosh's `searcher.search(query, limit=None, filter=restriction,
        mask=exclusion)` ranks first. (Asked for the `limit` best, Whoosh's collector may skip
        a match it wrongly judges too poor.)"""
        docnums: list[npt.NDArray[np.intp]] = []
        scores: list[Scores] = []
        for number, segment in enumerate(self._segments):
            found = self._dense(query, number, segment)
            matched = found.matched & segment.live
            if restriction is not None:
                matched &= self._dense(restriction, number, segment).matched
            if exclusion is not None:
                matched &= ~self._dense(exclusion, number, segment).matched
            local = np.flatnonzero(matched)
            docnums.append(local + segment.offset)
            scores.append(found.scores[local])
        return _best(np.concatenate(docnums), np.concatenate(scores), limit)

    def matching(self, query: Any) -> set[int]:
        """The live documents `query` matches."""
        found: set[int] = set()
        for number, segment in enumerate(self._segments):
            matched = self._dense(query, number, segment).matched & segment.live
            found.update((np.flatnonzero(matched) + segment.offset).tolist())
        return found

    def term_scores(
        self, fieldname: str, terms: Iterable[str], docnums: Sequence[int]
    ) -> list[dict[str, float]]:
        """For each of `docnums`, the unboosted score in it of each of `terms` it has."""
        found: list[dict[str, float]] = [{} for _ in docnums]
        wanted = np.asarray(docnums, dtype=np.int64)
        for number, segment in enumerate(self._segments):
            end = segment.offset + segment.size
            inside = np.flatnonzero((wanted >= segment.offset) & (wanted < end))
            if not len(inside):
                continue
            local = wanted[inside] - segment.offset
            for term in terms:
                postings = self._cached(number, Term(fieldname, term), segment)
                at = np.searchsorted(postings.docnums, local)
                at[at == len(postings.docnums)] = 0
                has = postings.docnums[at] == local if len(postings.docnums) else at < 0
                for index, place in zip(inside[has], at[has], strict=True):
                    found[index][term] = float(postings.scores[place])
        return found

    def _dense(self, query: Any, number: int, segment: _Segment) -> _Dense:
        return _Dense.of(self._evaluate(query, number, segment), segment.size)

    def _evaluate(self, query: Any, number: int, segment: _Segment) -> _Postings | _Dense:
        kind = type(query)
        if (kind is And or (kind is Or and not query.scale)) and query.subqueries:
            parts = [self._evaluate(part, number, segment) for part in query.subqueries]
            if len(parts) == 1:
                # Whoosh applies a compound's boost only to a combination of matchers.
                return parts[0]
            return _Dense.combine(parts, segment.size, every=kind is And, boost=query.boost)
        # Whoosh scales a query's scores by its boost: they are kept unboosted.
        return self._cached(number, query, segment).boosted(query.boost)

    def _cached(self, number: int, query: Any, segment: _Segment) -> _Postings:
        """The query's scores without its boost (a term's, read once however boosted)."""
        if type(query) is not Term:
            unboosted = query.with_boost(1.0)
            if (number, unboosted) not in self._phrases:
                self._phrases[number, unboosted] = self._whoosh_scores(unboosted, segment)
            return self._phrases[number, unboosted]
        key = (number, (query.fieldname, query.text))
        postings = self._cache.get(key)
        if postings is None:
            postings = self._read(segment, query.fieldname, query.text)
            # A list larger than the whole budget is not kept.
            if postings.nbytes <= self._cache.maxsize:
                self._cache[key] = postings
        return postings

    def _whoosh_scores(self, query: Any, segment: _Segment) -> _Postings:
        """The scores of any other query (a phrase), as its Whoosh matcher gives them."""
        docnums: list[int] = []
        scores: list[float] = []
        matcher = query.matcher(segment.leaf, self._searcher.context())
        while matcher.is_active():
            docnums.append(matcher.id())
            scores.append(matcher.score())
            matcher.next()
        return _Postings(np.array(docnums, dtype=np.int32), np.array(scores, dtype=np.float64))

    def _read(self, segment: _Segment, fieldname: str, text: str) -> _Postings:
        reader = segment.reader
        if (fieldname, text) not in reader:
            return _Postings(np.zeros(0, dtype=np.int32), np.zeros(0))
        field = reader.schema[fieldname]
        # Past Whoosh's `postings`, which would hide deleted documents behind a matcher that
        # takes them out one by one: `top` takes them out all at once.
        matcher = reader._terms.matcher(fieldname, field.to_bytes(text), field.format)
        ids, weights = _blocks(matcher)
        docnums = np.fromiter(ids, dtype=np.int32)
        tf = np.fromiter(weights, dtype=np.float64)
        if not field.scorable:
            # Whoosh scores a field without lengths (an ID) by the term's weight alone.
            return _Postings(docnums, tf)
        return _Postings(docnums, self._bm25(segment, fieldname, text, docnums, tf))

    def _bm25(
        self, segment: _Segment, fieldname: str, text: str, docnums: Docnums, tf: Scores
    ) -> Scores:
        # whoosh.scoring.bm25, with statistics of the whole index, as BM25FScorer takes them.
        searcher = self._searcher
        idf = searcher.idf(fieldname, text)
        average = searcher.avg_field_length(fieldname) or 1
        b = self._field_b.get(fieldname, self._b)
        length = _BYTE_LENGTHS[segment.lengths(fieldname)[docnums]]
        # A field that keeps no lengths counts 1, as Whoosh reads it.
        length[length == 0] = 1
        k1 = self._k1
        scores: Scores = idf * ((tf * (k1 + 1)) / (tf + k1 * ((1 - b) + b * length / average)))
        return scores


_BYTE_LENGTHS = np.array([byte_to_length(byte) for byte in range(256)], dtype=np.float64)


def _blocks(matcher: Any) -> tuple[Iterable[int], Iterable[float]]:
    """Every document number and weight of a term's postings, read a block at a time."""
    ids: list[int] = []
    weights: list[float] = []
    while matcher.is_active():
        matcher._read_ids()
        matcher._read_weights()
        ids.extend(matcher._ids)
        weights.extend(matcher._weights)
        matcher._next_block()
    return ids, weights


def _best(docnums: npt.NDArray[np.intp], scores: Scores, limit: int) -> list[tuple[int, float]]:
    if len(scores) > limit:
        # Whatever ties with the last one kept must be sorted too, to keep index order.
        cut = np.partition(scores, len(scores) - limit)[len(scores) - limit]
        kept = scores >= cut
        docnums, scores = docnums[kept], scores[kept]
    order = np.lexsort((docnums, -scores))[:limit]
    return [(int(docnums[i]), float(scores[i])) for i in order]
