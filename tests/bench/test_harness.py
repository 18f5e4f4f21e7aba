"""`make bench` end to end at a tiny scale: a corpus, both engines, the bot in its own process
against the emulator, and the documents written. Figures are not checked: speed is the
benchmark's business, not the tests'."""

from __future__ import annotations

import json
from pathlib import Path

from bench.__main__ import main

# Options of this tiny run, so that it takes seconds.
TINY = [
    "--queries",
    "8",
    "--sequential",
    "4",
    "--chats",
    "4",
    "--warm-up",
    "0.2",
    "--window",
    "0.5",
]


def test_a_tiny_run_measures_everything_and_writes_the_documents(tmp_path: Path) -> None:
    out, work = tmp_path / "docs", tmp_path / "work"
    assert main(["--scales", "300", *TINY, "--out", str(out), "--work", str(work)]) == 0
    written = json.loads((out / "benchmarks.json").read_text())
    assert written["scales_run"] == ["300"]
    (result,) = written["results"]
    assert result["paragraphs"] == result["whoosh_build"]["paragraphs"] == 300
    assert result["fts5_build"]["paragraphs"] == 300
    assert result["whoosh_build"]["vectors_rate"] > 0
    assert result["whoosh_search"]["count"] == result["fts5_search"]["count"] == 8
    assert result["lexical_search"]["count"] == result["meaning"]["scan"]["count"] == 8
    assert result["meaning"]["rows"] == 300
    assert result["incremental"]["paragraphs"] == 300
    assert result["incremental"]["vectors_s"] > 0
    assert [shared["mode"] for shared in result["concurrency"]] == ["hybrid", "lexical"]
    assert all(shared["together"] > 0 for shared in result["concurrency"])
    serving = result["serving"]
    assert serving["latency"]["count"] == 4
    assert serving["throughput"] > 0
    assert serving["limited_rate"] > 0
    assert serving["peak_rss_bytes"] > 0
    assert "## 300" in (out / "benchmarks.md").read_text()
