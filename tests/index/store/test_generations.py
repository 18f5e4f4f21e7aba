"""Changing the index safely: whole new states published atomically, one ingest at a time."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from index.errors import IngestBusy
from index.library import Library
from index.models import Report
from tests.index.samples import SAMPLE_SYMBOL


def other_report(sample: Report, symbol: str = "A/HRC/99/1") -> Report:
    paragraphs = tuple(p.model_copy(update={"symbol": symbol}) for p in sample.paragraphs)
    return sample.model_copy(update={"symbol": symbol, "paragraphs": paragraphs})


def generation_folders(root: Path) -> set[str]:
    return {path.name for path in root.glob("gen-*")}


def test_a_failed_transaction_changes_nothing(
    sample_library: Library, sample: Report, tmp_path: Path
) -> None:
    root = tmp_path / "index"
    before = generation_folders(root)

    def add_then_fail() -> None:
        with sample_library.transaction() as batch:
            batch.add(other_report(sample))
            raise RuntimeError("broken file")

    with pytest.raises(RuntimeError, match="broken file"):
        add_then_fail()
    assert [r.symbol for r in sample_library.reports()] == [SAMPLE_SYMBOL]
    assert generation_folders(root) == before


def test_readers_see_the_old_state_until_the_new_one_is_published(
    sample_library: Library, sample: Report
) -> None:
    with sample_library.transaction() as batch:
        batch.add(other_report(sample))
        assert [r.symbol for r in sample_library.reports()] == [SAMPLE_SYMBOL]
        assert sample_library.search("trafficking").hits
    assert {r.symbol for r in sample_library.reports()} == {SAMPLE_SYMBOL, "A/HRC/99/1"}


def test_a_second_ingest_is_told_to_wait(
    sample_library: Library, sample: Report, tmp_path: Path
) -> None:
    other = Library(tmp_path / "index")
    try:
        with sample_library.transaction() as batch:
            batch.add(other_report(sample))
            with pytest.raises(IngestBusy, match="another ingest is changing the index"):
                other.add(other_report(sample, "A/HRC/99/2"))
    finally:
        other.close()
    assert {r.symbol for r in sample_library.reports()} == {SAMPLE_SYMBOL, "A/HRC/99/1"}


def test_old_states_are_pruned(sample_library: Library, sample: Report, tmp_path: Path) -> None:
    for n in range(4):
        sample_library.add(other_report(sample, f"A/HRC/99/{n}"))
    # The live state and the one before it, for readers that have not looked again yet.
    assert len(generation_folders(tmp_path / "index")) == 2


def test_an_ingest_killed_half_way_leaves_the_index_serving(
    sample_library: Library, sample: Report, tmp_path: Path
) -> None:
    root = tmp_path / "index"
    script = textwrap.dedent(
        f"""
        import sys, time
        from pathlib import Path
        from index.library import Library
        from index.models import Report
        report = Report.model_validate_json(Path({str(tmp_path / "r.json")!r}).read_text())
        library = Library(Path({str(root)!r}))
        with library.transaction() as batch:
            batch.add(report)
            print("adding", flush=True)
            time.sleep(60)
        """
    )
    (tmp_path / "r.json").write_text(other_report(sample).model_dump_json())
    process = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, cwd=os.getcwd()
    )
    assert process.stdout is not None
    assert process.stdout.readline() == "adding\n"
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)

    assert [r.symbol for r in sample_library.reports()] == [SAMPLE_SYMBOL]
    assert sample_library.paragraph_numbers(SAMPLE_SYMBOL) == [1, 2, 3, 4]
    # The lock died with the process; the next ingest also clears what it left behind.
    sample_library.add(other_report(sample, "A/HRC/99/3"))
    assert {r.symbol for r in sample_library.reports()} == {SAMPLE_SYMBOL, "A/HRC/99/3"}
    assert len(generation_folders(root)) == 2
