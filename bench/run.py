"""One scale, measured from the corpus to the serving process."""

from __future__ import annotations

import asyncio
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.corpus import generate_reports
from bench.engines import (
    build_fts5,
    build_whoosh,
    concurrency,
    extra_report,
    incremental_ingest,
    meaning_costs,
    search_fts5,
    search_whoosh,
)
from bench.machine import CpuSample, cpu_sample, others_cores
from bench.queries import queries
from bench.results import ScaleResult
from bench.serving import Load, Traffic, measure_serving
from index.results import HYBRID, LEXICAL

# The size of the report added to a built index: a long report, as the issue has it.
INCREMENTAL_PARAGRAPHS = 300
# Queries searched before timing starts, and sent by the chats of the throughput runs: each from
# a seed of its own, so that no timed query has been seen before, except as the mix repeats
# itself (people search for the same things), in case the bot caches results.
WARM_UP_QUERIES = 20
LOAD_QUERIES = 10_000


@dataclass(frozen=True)
class Options:
    queries: int = 500
    seed: int = 0
    e2e: bool = True
    load: Load = field(default_factory=Load)
    profile: bool = False
    """Profile the serving process with pyinstrument (its event loop thread)."""
    threads: int = 2
    """Threads searching one library at once, against one (the machine's cores)."""


class Steps:
    """A scale's steps: each announced on stderr as it starts (a large scale takes minutes),
    and what other work on the machine took of its cores meanwhile."""

    def __init__(self, name: str) -> None:
        self._name = name
        self._current: tuple[str, CpuSample] | None = None
        self.others_cores: dict[str, float] = {}

    def start(self, step: str, doing: str) -> None:
        self.end()
        print(f"{time.strftime('%H:%M:%S')} {self._name}: {doing}…", file=sys.stderr, flush=True)
        self._current = (step, cpu_sample())

    def end(self) -> None:
        if self._current is not None:
            step, since = self._current
            self.others_cores[step] = others_cores(since, cpu_sample())
            self._current = None


def measure_scale(name: str, paragraphs: int, options: Options, work_dir: Path) -> ScaleResult:
    work_dir.mkdir(parents=True, exist_ok=True)
    index_dir, fts5_file = work_dir / "whoosh", work_dir / "fts5.sqlite"
    steps = Steps(name)
    steps.start("generate", "generating the corpus")
    start = time.perf_counter()
    reports = list(generate_reports(paragraphs, options.seed))
    generate_s = time.perf_counter() - start
    steps.start("build", "building the Whoosh index, words then vectors")
    whoosh_build = build_whoosh(index_dir, reports)
    steps.start("build FTS5", "building the FTS5 index")
    fts5_build = build_fts5(fts5_file, reports)
    # The corpus is the largest thing in memory: the serving measurements need none of it.
    report_count = len(reports)
    del reports
    mix = queries(paragraphs, options.queries, options.seed)
    warm_up = queries(paragraphs, WARM_UP_QUERIES, options.seed + 1)
    steps.start("search", f"searching, {len(mix)} queries: words and meaning, words, FTS5")
    whoosh_search = search_whoosh(index_dir, mix, warm_up, HYBRID)
    lexical_search = search_whoosh(index_dir, mix, warm_up, LEXICAL)
    fts5_search = search_fts5(fts5_file, mix, warm_up)
    meaning = meaning_costs(index_dir, mix)
    steps.start("threads", f"searching from 1 thread, then from {options.threads}")
    shared = tuple(
        concurrency(index_dir, mix, warm_up, mode, options.threads) for mode in (HYBRID, LEXICAL)
    )
    serving = None
    if options.e2e:
        traffic = Traffic(
            first=warm_up[0],
            sequential=mix,
            load=queries(paragraphs, LOAD_QUERIES, options.seed + 2),
        )
        steps.start("serving", "serving: cold start, end to end, throughput")
        profile = work_dir / "bot-profile.txt" if options.profile else None
        serving = asyncio.run(measure_serving(index_dir, traffic, work_dir, options.load, profile))
    # Last: the serving process is measured on the index as built.
    steps.start("ingest", "incremental ingest")
    extra = extra_report(INCREMENTAL_PARAGRAPHS, options.seed)
    incremental = incremental_ingest(index_dir, extra)
    steps.end()
    return ScaleResult(
        name=name,
        paragraphs=paragraphs,
        reports=report_count,
        queries=len(mix),
        generate_s=generate_s,
        whoosh_build=whoosh_build,
        fts5_build=fts5_build,
        whoosh_search=whoosh_search,
        lexical_search=lexical_search,
        fts5_search=fts5_search,
        meaning=meaning,
        incremental=incremental,
        concurrency=shared,
        serving=serving,
        seconds=time.perf_counter() - start,
        others_cores=steps.others_cores,
    )
