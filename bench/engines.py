"""The two engines over one corpus: the bot's Whoosh library, and the FTS5 baseline.

Each is built from the same reports, timed from the first paragraph handed over to the index
published on disk, and searched with the same queries.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.corpus import generate_reports
from bench.fts5 import Fts5Baseline
from bench.measure import Latency, latency, size_on_disk, time_each
from index.library import Library
from index.models import Report

# The symbol of the report added to a built index, one no corpus has.
EXTRA_SYMBOL = "A/HRC/BENCH/1"


@dataclass(frozen=True)
class Build:
    seconds: float
    paragraphs: int
    size_bytes: int

    @property
    def rate(self) -> float:
        """Paragraphs indexed per second."""
        return self.paragraphs / self.seconds


def build_whoosh(index_dir: Path, reports: Sequence[Report]) -> Build:
    """A new library in `index_dir` holding `reports`, added in one bulk transaction, as
    `reportbot ingest` adds a large batch."""
    shutil.rmtree(index_dir, ignore_errors=True)
    library = Library(index_dir)
    try:
        start = time.perf_counter()
        with library.transaction(bulk=True) as batch:
            for report in reports:
                batch.add(report)
        seconds = time.perf_counter() - start
    finally:
        library.close()
    return Build(seconds, _paragraphs(reports), size_on_disk(index_dir))


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


def incremental_ingest(index_dir: Path, report: Report) -> float:
    """Seconds to add `report` to the library in `index_dir`, until it is published."""
    library = Library(index_dir)
    try:
        start = time.perf_counter()
        library.add(report)
        return time.perf_counter() - start
    finally:
        library.close()


def search_whoosh(index_dir: Path, queries: Sequence[str], warm_up: Sequence[str]) -> Latency:
    """Latency of the bot's search (summaries included) over `queries`, after searching for
    `warm_up` (other queries: the timed ones must not have been seen, in case of a cache), as
    the bot serving for a while searches: its thesaurus's phrases scored (`reportbot run` starts
    on them at once)."""
    library = Library(index_dir)
    try:
        library.warm_up()
        return _timed(lambda query: library.search(query, limit=5), queries, warm_up)
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
