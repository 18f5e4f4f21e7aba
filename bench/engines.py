"""The two engines over one corpus: the bot's Whoosh library, and the FTS5 baseline.

Each is built from the same reports, timed from the first paragraph handed over to the index
published on disk, and searched with the same queries. The bot's library is searched as it
serves (words and meaning fused) and by its words alone, which is what FTS5 compares with; the
parts of search by meaning (the query's encoding, the scan of the vectors) are timed apart.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from bench.corpus import generate_reports
from bench.fts5 import Fts5Baseline
from bench.measure import Latency, latency, size_on_disk, time_each
from index.language.meaning import encoder
from index.language.official import ENGLISH
from index.library import Library
from index.models import Report
from index.results import HYBRID, Mode
from index.search.filters import split_filters
from index.search.meaning import nearest
from index.store.generations import Generations
from index.store.vectors import CODES, KEYS, SCALES, Vectors

# The symbol of the report added to a built index, one no corpus has.
EXTRA_SYMBOL = "A/HRC/BENCH/1"
# The files of a generation that hold its sentence vectors (index/store/vectors.py).
VECTOR_FILES = (CODES, SCALES, KEYS)


@dataclass(frozen=True)
class Build:
    seconds: float
    paragraphs: int
    size_bytes: int
    vectors_s: float = 0.0
    """Of `seconds`, the vectors step (Batch.encoded): the paragraphs read back, encoded and
    their vectors written; 0 for FTS5, which has none."""
    vectors_bytes: int = 0
    """Of `size_bytes`, the vectors' files."""

    @property
    def rate(self) -> float:
        """Paragraphs indexed per second, vectors included."""
        return self.paragraphs / self.seconds

    @property
    def text_s(self) -> float:
        """Seconds spent on the words: all of it but the vectors step."""
        return self.seconds - self.vectors_s

    @property
    def text_rate(self) -> float:
        """Paragraphs indexed per second by their words."""
        return self.paragraphs / self.text_s

    @property
    def vectors_rate(self) -> float | None:
        """Paragraphs encoded per second in the vectors step; None without one."""
        return self.paragraphs / self.vectors_s if self.vectors_s else None


@dataclass(frozen=True)
class Ingest:
    """One report added to a built library, until published."""

    seconds: float
    paragraphs: int
    vectors_s: float
    """Of `seconds`, the vectors step."""


@dataclass(frozen=True)
class MeaningCosts:
    """What search by meaning adds to a search: the query encoded, the vectors scanned."""

    encode: Latency
    """The query's text (its filters left out) made a vector by the sentence encoder."""
    scan: Latency
    """The nearest of all `rows` vectors found (index.search.meaning.nearest)."""
    rows: int


@dataclass(frozen=True)
class Concurrency:
    """Searches per second over one library: the same searches from one thread, and shared
    among `threads` threads."""

    mode: str
    searches: int
    threads: int
    alone: float
    together: float

    @property
    def speed_up(self) -> float:
        return self.together / self.alone


def build_whoosh(index_dir: Path, reports: Sequence[Report]) -> Build:
    """A new library in `index_dir` holding `reports`, added in one bulk transaction with their
    vectors, as `reportbot ingest` adds a large batch. The sentence encoder is loaded first (about
    a second, once per process), so that the vectors step is the encoding's."""
    shutil.rmtree(index_dir, ignore_errors=True)
    library = Library(index_dir)
    try:
        library.load_meaning()
        start = time.perf_counter()
        with library.transaction(bulk=True) as batch:
            for report in reports:
                batch.add(report)
        seconds = time.perf_counter() - start
    finally:
        library.close()
    assert batch.encoded is not None, "a transaction that ends has encoded"
    return Build(
        seconds,
        _paragraphs(reports),
        size_on_disk(index_dir),
        vectors_s=batch.encoded.seconds,
        vectors_bytes=_vectors_size(index_dir),
    )


def build_fts5(path: Path, reports: Sequence[Report]) -> Build:
    path.unlink(missing_ok=True)
    baseline = Fts5Baseline(path)
    try:
        start = time.perf_counter()
        count = baseline.add(reports)
        baseline.optimize()
        seconds = time.perf_counter() - start
    finally:
        baseline.close()
    return Build(seconds, count, size_on_disk(path))


def extra_report(paragraphs: int, seed: int) -> Report:
    """A report of `paragraphs` paragraphs that no corpus of `seed` has: those of another seed's
    corpus, numbered anew under a symbol of its own."""
    other = list(generate_reports(paragraphs, seed + 1))
    renumbered = tuple(
        p.model_copy(update={"symbol": EXTRA_SYMBOL, "number": number})
        for number, p in enumerate((p for report in other for p in report.paragraphs), start=1)
    )
    return other[0].model_copy(
        update={
            "symbol": EXTRA_SYMBOL,
            "paragraphs": renumbered,
            "paragraph_count": len(renumbered),
        }
    )


def incremental_ingest(index_dir: Path, report: Report) -> Ingest:
    """`report` added to the library in `index_dir` with its vectors, as `Library.add` does,
    until it is published (the encoder loaded before, as in a process that has searched)."""
    library = Library(index_dir)
    try:
        library.load_meaning()
        start = time.perf_counter()
        with library.transaction() as batch:
            batch.add(report)
        seconds = time.perf_counter() - start
    finally:
        library.close()
    assert batch.encoded is not None, "a transaction that ends has encoded"
    return Ingest(seconds, len(report.paragraphs), batch.encoded.seconds)


def search_whoosh(
    index_dir: Path, queries: Sequence[str], warm_up: Sequence[str], mode: Mode = HYBRID
) -> Latency:
    """Latency of the bot's search in `mode` (summaries included) over `queries`, after
    searching for `warm_up` (other queries: the timed ones must not have been seen, in case of a
    cache), as the bot serving for a while searches: its thesaurus's phrases scored (`reportbot
    run` starts on them at once), the sentence encoder loaded. A library of its own, so that
    one mode's searches leave nothing in memory for the other's."""
    library = Library(index_dir)
    try:
        library.warm_up()
        library.load_meaning()
        return _timed(lambda query: library.search(query, limit=5, mode=mode), queries, warm_up)
    finally:
        library.close()


def meaning_costs(index_dir: Path, queries: Sequence[str]) -> MeaningCosts:
    """The two steps search by meaning adds, each timed alone over `queries`: the encoding of
    the query's text and the scan of every vector of the published index for the nearest."""
    live = Generations(index_dir).current()
    vectors = None if live is None else Vectors.open(live)
    if vectors is None:
        raise RuntimeError(f"the index in {index_dir} has no vectors")
    texts = [split_filters(query)[0] for query in queries]
    model = encoder()
    model.load()
    encode = time_each(texts, lambda text: model.encode([text]))
    queried = model.encode(texts)
    # As a search in English with no filter runs it: every row a candidate.
    scan = time_each(list(queried), lambda vector: nearest(vectors, vector, ENGLISH, None))
    return MeaningCosts(latency(encode), latency(scan), len(vectors))


def concurrency(
    index_dir: Path, queries: Sequence[str], warm_up: Sequence[str], mode: Mode, threads: int
) -> Concurrency:
    """Searches per second in `mode` over one library, `queries` from one thread and then from
    `threads` threads at once; each run a new library (nothing remembered from the other run),
    twice, the better run of each kept: the machine may be shared."""
    runs = [1, threads, threads, 1]
    rates = [_throughput(index_dir, queries, warm_up, mode, count) for count in runs]
    alone = max(rate for rate, count in zip(rates, runs, strict=True) if count == 1)
    together = max(rate for rate, count in zip(rates, runs, strict=True) if count == threads)
    return Concurrency(mode, len(queries), threads, alone, together)


def _throughput(
    index_dir: Path, queries: Sequence[str], warm_up: Sequence[str], mode: Mode, threads: int
) -> float:
    """Searches per second, `queries` shared among `threads` threads over one library."""
    library = Library(index_dir)
    try:
        library.warm_up()
        library.load_meaning()
        for query in warm_up:
            library.search(query, limit=5, mode=mode)
        start = time.perf_counter()
        with ThreadPoolExecutor(threads, thread_name_prefix="search") as pool:
            list(pool.map(lambda query: library.search(query, limit=5, mode=mode), queries))
        return len(queries) / (time.perf_counter() - start)
    finally:
        library.close()


def search_fts5(path: Path, queries: Sequence[str], warm_up: Sequence[str]) -> Latency:
    baseline = Fts5Baseline(path)
    try:
        return _timed(lambda query: baseline.search(query, limit=5), queries, warm_up)
    finally:
        baseline.close()


def _timed(
    search: Callable[[str], object], queries: Sequence[str], warm_up: Sequence[str]
) -> Latency:
    # The first searches load synonyms, open files and fill the operating system's caches.
    for query in warm_up:
        search(query)
    return latency(time_each(queries, search))


def _paragraphs(reports: Sequence[Report]) -> int:
    return sum(len(report.paragraphs) for report in reports)


def _vectors_size(index_dir: Path) -> int:
    """Bytes of the published index's vectors files."""
    live = Generations(index_dir).current()
    if live is None:
        return 0
    return sum(size_on_disk(live / name) for name in VECTOR_FILES if (live / name).exists())
