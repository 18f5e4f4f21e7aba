"""A killed ingest never wedges the next one: its worker processes die with it, and no process
it forked holds the ingest lock."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from bench.corpus import generate_reports
from index.library import Library
from index.store.generations import Generations
from tests.index.samples import SAMPLE_SYMBOL


def children(pid: int) -> set[int]:
    """The live processes whose parent is `pid`, read from /proc."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.add(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def still_alive_after(pids: set[int], seconds: float) -> set[int]:
    """The processes of `pids` still alive after waiting up to `seconds` for them to end."""
    deadline = time.monotonic() + seconds
    while any(alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    return {pid for pid in pids if alive(pid)}


@contextmanager
def running(script: str) -> Iterator[tuple[subprocess.Popen[str], set[int]]]:
    """`script` in a Python process of its own, and the processes it forked (as the test
    finds them): all killed at the end, whatever the test found."""
    process = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(script)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=os.getcwd(),
    )
    forked: set[int] = set()
    try:
        yield process, forked
    finally:
        process.kill()
        process.wait(timeout=10)
        for pid in forked:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)


def test_a_bulk_ingest_killed_takes_its_workers_with_it(
    sample_library: Library, tmp_path: Path
) -> None:
    root = tmp_path / "index"
    reports = list(generate_reports(600, seed=3))
    (tmp_path / "reports.jsonl").write_text(
        "".join(report.model_dump_json() + "\n" for report in reports)
    )
    script = f"""
        import time
        from pathlib import Path
        from index.library import Library
        from index.models import Report
        from index.store import transactions
        transactions.BULK_PROCESSES = 2  # workers even on a machine of one core
        lines = Path({str(tmp_path / "reports.jsonl")!r}).read_text().splitlines()
        library = Library(Path({str(root)!r}))
        with library.transaction(bulk=True) as batch:
            for line in lines:
                batch.add(Report.model_validate_json(line))
            print("adding", flush=True)
            time.sleep(60)
    """
    with running(script) as (process, workers):
        assert process.stdout is not None
        assert process.stdout.readline() == "adding\n"
        workers |= children(process.pid)
        assert workers, "a bulk transaction writes with worker processes"
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)

        assert still_alive_after(workers, 10) == set()
    assert [r.symbol for r in sample_library.reports()] == [SAMPLE_SYMBOL]
    # The next ingest neither waits nor is refused.
    with sample_library.transaction(wait=False) as batch:
        batch.add(reports[0])
    assert {r.symbol for r in sample_library.reports()} == {SAMPLE_SYMBOL, reports[0].symbol}


@pytest.mark.parametrize("ending", ["raise ValueError('a broken report')", "KeyboardInterrupt"])
def test_a_bulk_ingest_that_fails_ends_with_its_workers(
    sample_library: Library, tmp_path: Path, ending: str
) -> None:
    """A failure in the batch (or Ctrl-C sent to the ingest alone) gives the transaction up:
    the ingest exits, and leaves no worker behind."""
    root = tmp_path / "index"
    interrupt = ending == "KeyboardInterrupt"
    script = f"""
        import os, signal, time
        from pathlib import Path
        from bench.corpus import generate_reports
        from index.library import Library
        from index.store import transactions
        transactions.BULK_PROCESSES = 2  # workers even on a machine of one core
        library = Library(Path({str(root)!r}))
        with library.transaction(bulk=True) as batch:
            for report in generate_reports(600, seed=5):
                batch.add(report)
            print(os.getpid(), flush=True)
            # The workers are done with their jobs and wait for more.
            time.sleep(60 if {interrupt!r} else 2)
            {ending if not interrupt else "pass"}
    """
    with running(script) as (process, workers):
        assert process.stdout is not None
        process.stdout.readline()
        workers |= children(process.pid)
        assert workers, "a bulk transaction writes with worker processes"
        if interrupt:
            process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) != 0
        assert still_alive_after(workers, 10) == set()
        if not interrupt:
            # The batch's own error is the one told, not one from giving it up.
            assert process.stderr is not None
            assert process.stderr.read().strip().endswith("ValueError: a broken report")
    assert [r.symbol for r in sample_library.reports()] == [SAMPLE_SYMBOL]


def test_a_process_forked_while_the_lock_is_held_does_not_hold_it(tmp_path: Path) -> None:
    root = tmp_path / "index"
    script = f"""
        import os, time
        from pathlib import Path
        from index.store.generations import Generations
        with Generations(Path({str(root)!r})).locked(wait=False):
            if os.fork() == 0:
                time.sleep(60)
                os._exit(0)
            print("locked", flush=True)
            time.sleep(60)
    """
    with running(script) as (process, forked):
        assert process.stdout is not None
        assert process.stdout.readline() == "locked\n"
        forked |= children(process.pid)
        assert len(forked) == 1
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)

        assert all(alive(child) for child in forked)
        with Generations(root).locked(wait=False):
            pass
