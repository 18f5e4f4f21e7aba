"""A run as tables: printed per scale as it is measured, and written to docs/ as Markdown and
JSON (both regenerated whole by every run)."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from bench.engines import Concurrency
from bench.measure import Latency
from bench.results import MB, Outcome, Run, ScaleResult
from index.results import HYBRID

MARKDOWN = "benchmarks.md"
JSON = "benchmarks.json"


def write(run: Run, out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / MARKDOWN).write_text(markdown(run), encoding="utf-8")
    (out_dir / JSON).write_text(
        json.dumps(to_json(run), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )


def to_json(run: Run) -> dict[str, Any]:
    return {
        "started": run.started,
        "seconds": round(run.seconds, 1),
        "machine": run.machine,
        "scales_asked": list(run.scales_asked),
        "scales_run": [result.name for result in run.results],
        "options": run.options,
        "results": [_result_json(result) for result in run.results],
        "targets": [_outcome_json(outcome) for outcome in run.outcomes()],
    }


def _result_json(result: ScaleResult) -> dict[str, Any]:
    figures = asdict(result)
    for build in ("whoosh_build", "fts5_build"):
        made = getattr(result, build)
        figures[build] |= {
            "rate": made.rate,
            "text_s": made.text_s,
            "text_rate": made.text_rate,
            "vectors_rate": made.vectors_rate,
        }
    for shared, measured in zip(figures["concurrency"], result.concurrency, strict=True):
        shared["speed_up"] = measured.speed_up
    figures["search_p95_ratio"] = result.search_ratio
    return figures


def _outcome_json(outcome: Outcome) -> dict[str, Any]:
    return {
        "target": f"{outcome.target.label} {outcome.target.wanted}",
        "value": outcome.value,
        "met": outcome.met,
    }


def markdown(run: Run) -> str:
    run_names = [result.name for result in run.results]
    missing = [name for name in run.scales_asked if name not in run_names]
    lines = [
        "# Benchmarks",
        "",
        _INTRO,
        "",
        f"Run {run.started}, {_duration(run.seconds)} in all; scales run: "
        f"{', '.join(run_names) or 'none'}"
        + (f" (not run: {', '.join(missing)})" if missing else "")
        + ".",
        "",
        "| machine | |",
        "|---|---|",
        *(f"| {name} | {value} |" for name, value in run.machine.items()),
        "",
        "Options: " + ", ".join(f"{name} {value}" for name, value in run.options.items()) + ".",
        "",
        "## Targets",
        "",
        targets_table(run),
        "",
    ]
    for result in run.results:
        lines += [f"## {result.name}", "", scale_table(result), ""]
    lines += [_HOW, ""]
    return "\n".join(lines)


def targets_table(run: Run) -> str:
    """The issue's targets against the scales run so far."""
    rows = [_outcome_row(outcome) for outcome in run.outcomes()]
    return "\n".join(["| target | wanted | measured | |", "|---|---|---|---|", *rows])


def _outcome_row(outcome: Outcome) -> str:
    target = outcome.target
    if outcome.value is None:
        return f"| {target.label} | {target.wanted} | not measured | |"
    verdict = "met" if outcome.met else "**not met**"
    return (
        f"| {target.label} | {target.wanted} | {_number(outcome.value)} {target.unit} | {verdict} |"
    )


def scale_table(result: ScaleResult) -> str:
    """One scale's figures: the bot's library (words and meaning, and words alone) beside
    FTS5, search by meaning's own costs, then the serving process's."""
    whoosh, fts5, ingest = result.whoosh_build, result.fts5_build, result.incremental
    lines = [
        f"{result.paragraphs:,} paragraphs in {result.reports:,} reports "
        f"(generated in {result.generate_s:.1f} s); {result.queries} queries; "
        f"{_duration(result.seconds)} to measure.",
        "",
        _others(result.others_cores),
        "",
        "| | the bot: words and meaning | words only | FTS5 (baseline) | words only/FTS5 |",
        "|---|---:|---:|---:|---:|",
        _row("build rate (paragraphs/s)", whoosh.rate, whoosh.text_rate, fts5.rate, ratio=False),
        _row("build time (s)", whoosh.seconds, whoosh.text_s, fts5.seconds),
        _row(
            "index size (MB)",
            whoosh.size_bytes / MB,
            (whoosh.size_bytes - whoosh.vectors_bytes) / MB,
            fts5.size_bytes / MB,
        ),
        *(
            _row(
                f"search {name} (ms)",
                getattr(result.whoosh_search, name),
                getattr(result.lexical_search, name),
                getattr(result.fts5_search, name),
            )
            for name in ("p50", "p95", "p99", "mean")
        ),
        f"| incremental ingest of a {ingest.paragraphs}-paragraph report (s) "
        f"| {_number(ingest.seconds)} | {_number(ingest.seconds - ingest.vectors_s)} | | |",
        "",
        "| search by meaning, its parts | |",
        "|---|---:|",
        f"| build: the vectors step (paragraphs/s) | {_number(whoosh.vectors_rate or 0)} |",
        f"| build: the vectors step (s) | {_number(whoosh.vectors_s)} |",
        f"| vectors on disk (MB) | {_number(whoosh.vectors_bytes / MB)} |",
        f"| incremental ingest: the vectors step (s) | {_number(ingest.vectors_s)} |",
        f"| query encoding p50 / p95 (ms) | {_pair(result.meaning.encode)} |",
        f"| vector scan of {result.meaning.rows:,} rows p50 / p95 (ms) "
        f"| {_pair(result.meaning.scan)} |",
        *(_concurrency_row(shared) for shared in result.concurrency),
    ]
    serving = result.serving
    if serving is None:
        return "\n".join([*lines, "", "Serving process: not measured (--no-e2e)."])
    limited = "not measured" if serving.limited_rate is None else _number(serving.limited_rate)
    lines += [
        "",
        "| the bot serving this index (`reportbot run`, its own process) | |",
        "|---|---:|",
        f"| cold start to first reply (s) | {_number(serving.cold_start_s)} |",
        f"| end-to-end p50 (ms), one chat, one query at a time | {_number(serving.latency.p50)} |",
        f"| end-to-end p95 (ms) | {_number(serving.latency.p95)} |",
        f"| end-to-end p99 (ms) | {_number(serving.latency.p99)} |",
        f"| sustained throughput (updates/s), {serving.chats} chats, rate limiter off "
        f"| {_number(serving.throughput)} |",
        f"| the same without search (`/search` alone: the usage reply) "
        f"| {_number(serving.bare_throughput)} |",
        f"| delivery (messages/s), same load, rate limiter on | {limited} |",
        f"| peak RSS (MB) | {_number(serving.peak_rss_bytes / MB)} |",
    ]
    return "\n".join(lines)


def _others(cores: dict[str, float]) -> str:
    """What other work on the machine took of its cores during each step."""
    if not cores:
        return "Other work on the machine meanwhile: not measured."
    steps = ", ".join(f"{step} {value:.1f}" for step, value in cores.items())
    return f"Other work on the machine meanwhile, in cores busy on average: {steps}."


def _pair(measured: Latency) -> str:
    return f"{_number(measured.p50)} / {_number(measured.p95)}"


def _concurrency_row(shared: Concurrency) -> str:
    kind = "words and meaning" if shared.mode == HYBRID else "words only"
    return (
        f"| searches/s, {kind}: 1 thread / {shared.threads} threads on one library "
        f"| {_number(shared.alone)} / {_number(shared.together)} "
        f"(×{shared.speed_up:.2f}) |"
    )


def _row(label: str, both: float, words: float, fts5: float, *, ratio: bool = True) -> str:
    """The bot's figure with words and meaning, with words only, FTS5's, and how many times
    FTS5's the words-only one is."""
    times = f" {words / fts5:.2f} " if ratio and fts5 else " "
    return f"| {label} | {_number(both)} | {_number(words)} | {_number(fts5)} |{times}|"


def _number(value: float) -> str:
    """Three significant figures or so: the noise is larger than the fourth."""
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def _duration(seconds: float) -> str:
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest} s" if minutes else f"{rest} s"


_INTRO = """\
Regenerated by `make bench` (options: `make bench BENCH_ARGS=--help`); do not edit by hand.
The synthetic corpus (`bench/corpus.py`) and query mix (`bench/queries.py`) are the same, from
the same seed, for the bot's Whoosh index and for the baseline, an SQLite FTS5 table ranked by
bm25 (`bench/fts5.py`). The bot searches by words and meaning (the default, hybrid) and by words
only, which is what FTS5 compares with. The machine may be shared and noisy: each scale says how
many cores other work kept busy during each step; compare the Whoosh/FTS5 ratios across runs
rather than raw times."""

_HOW = """## How it is measured

- **Build**: the corpus is generated first (not timed), then added to a new index in one
  bulk transaction, `Library.transaction(bulk=True)` (a writer process per core), as `reportbot
  ingest` adds a batch of 5,000 paragraphs or more, until the index is published on disk: the
  words first, then the vectors step (`Batch.encoded`: the paragraphs read back, encoded by the
  sentence encoder on one core, their int8 vectors written), with the encoder loaded beforehand
  (about a second, once per process). "Words only" is the build less its vectors step. FTS5
  inserts the same paragraphs in one transaction and merges its segments (`optimize`). Size:
  the files on disk, the vectors' files apart.
- **Search**: `Library.search(query, limit=5)`, the bot's search with its summaries, in hybrid
  mode (words and meaning fused: the query encoded, the vectors scanned, as the bot serves) and
  in lexical mode (words only), each on a library of its own over the query mix after a
  warm-up of 20 other queries (another seed: a cache, if any, has seen none of the timed ones);
  FTS5: every term required, then any term if fewer than five match (as the bot does),
  `ORDER BY rank` (bm25) `LIMIT 5` with `snippet()` as the summary. Words are quoted, so no
  query is FTS5 syntax; `report:` and `year:` filter stored columns, `section:` the headings
  column. Percentiles are nearest-rank.
- **Search by meaning, its parts**: the query's text (filters left out) encoded alone, and the
  nearest of all the index's vectors found alone (`index.search.meaning.nearest`), each timed
  over the query mix. Then the same searches from one thread and shared among several threads
  over one library (a new library for each run, twice each, the better run kept), hybrid and
  words only: the Whoosh part of a search holds the library's lock, the encoding and the scan
  do not.
- **Incremental ingest**: one more report added to the built index with its vectors, as
  `Library.add` does, until published; its vectors step apart.
- **Serving**: `reportbot run` in its own process against the project's Bot API emulator,
  which runs in the benchmark's process (two processes, so two cores). It loads the sentence
  encoder in a thread of its own as it starts. Cold start: from spawning the process to its
  first reply. End to end: from the update being queued at the emulator to the emulator
  answering the bot's sendMessage, one chat sending `/search <query>` after each reply.
  Throughput: many private chats, each sending its next query as soon as it has its reply;
  replies counted over a window after a warm-up, with the rate limiter off
  (`REPORTBOT_RATE_LIMIT=false`), then the same with `/search` alone (the usage reply, which
  touches no index: what the bot and python-telegram-bot cost without search), then with the
  rate limiter on (a second process). The per-person search limits are off
  (`REPORTBOT_SEARCHES_PER_USER=0`): a few chats send what thousands of people would. The
  throughput queries come from another seed than the timed ones, 10,000 of them, repeating as
  people's searches do. Peak RSS: `VmHWM` of the serving process after all of it.
- **Other work on the machine**: for each step, the machine's busy CPU time (`/proc/stat`)
  less the benchmark's own and its children's, over the step's duration: how many of the
  cores something else was using.
- `--profile` records the serving process's event loop with pyinstrument
  (`var/bench/<scale>/bot-profile.txt`); searches run in worker threads, which only a
  whole-process sampler such as py-spy (`py-spy record --threads --pid …`) shows."""
