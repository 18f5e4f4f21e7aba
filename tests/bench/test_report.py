"""docs/benchmarks.md and .json from a run's figures: a table per scale, the targets checked."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from bench import report
from bench.engines import Build, Concurrency, Ingest, MeaningCosts
from bench.measure import Latency
from bench.results import MB, Run, ScaleResult
from bench.serving import Serving

SERVING = Serving(
    cold_start_s=1.5,
    peak_rss_bytes=200 * MB,
    latency=Latency(p50=30.0, p95=60.0, p99=90.0, mean=35.0, count=200),
    throughput=320.0,
    chats=100,
    bare_throughput=900.0,
    limited_rate=29.8,
)
RESULT = ScaleResult(
    name="100k",
    paragraphs=100_000,
    reports=650,
    queries=500,
    generate_s=12.0,
    whoosh_build=Build(
        seconds=250.0,
        paragraphs=100_000,
        size_bytes=350 * MB,
        vectors_s=225.0,
        vectors_bytes=50 * MB,
    ),
    fts5_build=Build(seconds=5.0, paragraphs=100_000, size_bytes=100 * MB),
    whoosh_search=Latency(p50=30.0, p95=55.0, p99=90.0, mean=35.0, count=500),
    lexical_search=Latency(p50=20.0, p95=45.0, p99=80.0, mean=25.0, count=500),
    fts5_search=Latency(p50=5.0, p95=10.0, p99=20.0, mean=6.0, count=500),
    meaning=MeaningCosts(
        encode=Latency(p50=4.0, p95=6.0, p99=8.0, mean=4.5, count=500),
        scan=Latency(p50=8.0, p95=9.0, p99=12.0, mean=8.2, count=500),
        rows=100_000,
    ),
    incremental=Ingest(seconds=2.25, paragraphs=300, vectors_s=1.0),
    concurrency=(
        Concurrency("hybrid", searches=500, threads=2, alone=30.0, together=45.0),
        Concurrency("lexical", searches=500, threads=2, alone=40.0, together=44.0),
    ),
    serving=SERVING,
    seconds=400.0,
    others_cores={"build": 0.5, "search": 1.3},
)
RUN = Run(
    started="2025-06-01T10:00:00+00:00",
    seconds=754,
    machine={"CPU": "AMD EPYC", "cores": "2"},
    scales_asked=("1k", "100k"),
    options={"queries": 500},
    results=(RESULT,),
)


def _row(markdown: str, starting: str) -> str:
    return next(line for line in markdown.splitlines() if line.startswith(starting))


def test_a_scale_shows_both_engines_and_their_ratio() -> None:
    table = report.scale_table(RESULT)
    assert _row(table, "| build rate") == "| build rate (paragraphs/s) | 400 | 4,000 | 20,000 | |"
    assert _row(table, "| build time") == "| build time (s) | 250 | 25.0 | 5.00 | 5.00 |"
    assert _row(table, "| index size") == "| index size (MB) | 350 | 300 | 100 | 3.00 |"
    assert _row(table, "| search p95") == "| search p95 (ms) | 55.0 | 45.0 | 10.0 | 4.50 |"
    assert _row(table, "| incremental ingest of a 300-paragraph report") == (
        "| incremental ingest of a 300-paragraph report (s) | 2.25 | 1.25 | | |"
    )
    assert _row(table, "| end-to-end p95") == "| end-to-end p95 (ms) | 60.0 |"
    assert _row(table, "| sustained") == (
        "| sustained throughput (updates/s), 100 chats, rate limiter off | 320 |"
    )
    assert _row(table, "| peak RSS") == "| peak RSS (MB) | 200 |"


def test_a_scale_shows_what_search_by_meaning_costs() -> None:
    table = report.scale_table(RESULT)
    assert _row(table, "| build: the vectors step (paragraphs/s)") == (
        "| build: the vectors step (paragraphs/s) | 444 |"
    )
    assert _row(table, "| vectors on disk") == "| vectors on disk (MB) | 50.0 |"
    assert _row(table, "| incremental ingest: the vectors step") == (
        "| incremental ingest: the vectors step (s) | 1.00 |"
    )
    assert _row(table, "| query encoding") == "| query encoding p50 / p95 (ms) | 4.00 / 6.00 |"
    assert _row(table, "| vector scan") == (
        "| vector scan of 100,000 rows p50 / p95 (ms) | 8.00 / 9.00 |"
    )
    assert _row(table, "| searches/s, words and meaning") == (
        "| searches/s, words and meaning: 1 thread / 2 threads on one library "
        "| 30.0 / 45.0 (×1.50) |"
    )


def test_a_scale_says_what_it_measured_how_long_it_took_and_what_else_ran() -> None:
    lines = report.scale_table(RESULT).splitlines()
    assert lines[0] == (
        "100,000 paragraphs in 650 reports (generated in 12.0 s); 500 queries; "
        "6 min 40 s to measure."
    )
    assert lines[2] == (
        "Other work on the machine meanwhile, in cores busy on average: build 0.5, search 1.3."
    )


def test_a_scale_without_the_serving_process_says_so() -> None:
    table = report.scale_table(replace(RESULT, serving=None))
    assert "Serving process: not measured (--no-e2e)." in table
    assert "end-to-end" not in table


def test_targets_are_met_or_not_and_unmeasured_ones_say_so() -> None:
    rows = report.targets_table(RUN).splitlines()
    assert "| search p95, words and meaning | ≤ 60 ms at 100k | 55.0 ms | met |" in rows
    assert "| search p95, words only | ≤ 50 ms at 100k | 45.0 ms | met |" in rows
    assert "| search p95, words only | ≤ 150 ms at 320k | not measured | |" in rows
    assert "| Whoosh p95 / FTS5 p95, words only | ≤ 3 × at 100k | 4.50 × | **not met** |" in rows
    assert (
        "| index build, words | ≥ 3000 paragraphs/s at every scale | 4,000 paragraphs/s | met |"
        in rows
    )
    assert "| serving peak RSS | ≤ 350 MB at 100k | 200 MB | met |" in rows
    assert (
        "| sustained throughput, rate limiter off | ≥ 300 updates/s at 10k | not measured | |"
        in rows
    )


def test_a_target_at_every_scale_is_judged_by_the_worst() -> None:
    slow = replace(RESULT, name="1k", whoosh_build=Build(3.0, 1000, MB, vectors_s=2.0))
    rows = report.targets_table(replace(RUN, results=(slow, RESULT))).splitlines()
    assert (
        "| index build, words | ≥ 3000 paragraphs/s at every scale | 1,000 paragraphs/s "
        "| **not met** |" in rows
    )


def test_the_document_describes_the_machine_and_the_scales_not_run() -> None:
    markdown = report.markdown(RUN)
    assert (
        "Run 2025-06-01T10:00:00+00:00, 12 min 34 s in all; scales run: 100k (not run: 1k)."
        in markdown
    )
    assert "| CPU | AMD EPYC |" in markdown
    assert "## 100k" in markdown
    assert "## 1k" not in markdown


def test_the_json_has_every_figure_and_the_verdicts(tmp_path: Path) -> None:
    report.write(RUN, tmp_path)
    written = json.loads((tmp_path / "benchmarks.json").read_text())
    assert written["scales_run"] == ["100k"]
    assert written["scales_asked"] == ["1k", "100k"]
    (result,) = written["results"]
    assert result["whoosh_build"]["rate"] == 400
    assert result["whoosh_build"]["text_rate"] == 4000
    assert result["fts5_build"]["vectors_rate"] is None
    assert result["search_p95_ratio"] == 4.5
    assert result["incremental"]["vectors_s"] == 1.0
    assert [shared["speed_up"] for shared in result["concurrency"]] == [1.5, 1.1]
    assert result["serving"]["latency"]["p95"] == 60.0
    verdicts = {target["target"]: target["met"] for target in written["targets"]}
    assert verdicts["search p95, words and meaning ≤ 60 ms at 100k"] is True
    assert verdicts["search p95, words only ≤ 150 ms at 320k"] is None
    assert (tmp_path / "benchmarks.md").read_text() == report.markdown(RUN)
