"""Numbers from timings and processes: percentiles, sizes on disk, peak memory."""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Latency:
    """Milliseconds: the median, the 95th and 99th percentiles, over `count` samples."""

    p50: float
    p95: float
    p99: float
    mean: float
    count: int


def percentile(samples: Sequence[float], fraction: float) -> float:
    """The nearest-rank percentile: the smallest sample with at least `fraction` of the samples
    at or below it. Unlike interpolation, it is always a time that was actually measured."""
    if not samples:
        raise ValueError("no samples")
    if not 0 < fraction <= 1:
        raise ValueError(f"a percentile is a fraction in (0, 1], not {fraction}")
    ordered = sorted(samples)
    # round() first: 0.95 * 100 is 94.99999999999999 in floating point.
    rank = math.ceil(round(fraction * len(ordered), 9))
    return ordered[max(rank, 1) - 1]


def latency(seconds: Sequence[float]) -> Latency:
    """The distribution of durations given in seconds, in milliseconds."""
    millis = [1000 * value for value in seconds]
    return Latency(
        p50=percentile(millis, 0.50),
        p95=percentile(millis, 0.95),
        p99=percentile(millis, 0.99),
        mean=sum(millis) / len(millis),
        count=len(millis),
    )


def time_each(items: Iterable[T], work: Callable[[T], object]) -> list[float]:
    """How long `work` took for each item, in seconds."""
    durations = []
    for item in items:
        start = time.perf_counter()
        work(item)
        durations.append(time.perf_counter() - start)
    return durations


def size_on_disk(path: Path) -> int:
    """Bytes of the files under `path` (or of `path` itself), each hard-linked file once."""
    if path.is_file():
        return path.stat().st_size
    seen: set[tuple[int, int]] = set()
    total = 0
    for item in path.rglob("*"):
        if item.is_file() and not item.is_symlink():
            stat = item.stat()
            if (stat.st_dev, stat.st_ino) not in seen:
                seen.add((stat.st_dev, stat.st_ino))
                total += stat.st_size
    return total


def rss(pid: int) -> int:
    """The process's resident memory now (VmRSS), in bytes; Linux only."""
    return _status_kib(pid, "VmRSS") * 1024


def peak_rss(pid: int) -> int:
    """The process's peak resident memory so far (VmHWM), in bytes; Linux only."""
    return _status_kib(pid, "VmHWM") * 1024


def _status_kib(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name == field:
            return int(value.split()[0])
    raise LookupError(f"no {field} in /proc/{pid}/status")
