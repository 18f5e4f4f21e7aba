"""Percentiles are nearest-rank: always a time that was measured, never an interpolation."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bench.measure import latency, peak_rss, percentile, size_on_disk


def test_the_median_of_an_odd_count_is_the_middle_sample() -> None:
    assert percentile([5.0, 1.0, 3.0], 0.5) == 3.0


def test_the_95th_percentile_of_100_samples_is_the_95th_smallest() -> None:
    samples = [float(n) for n in range(100, 0, -1)]
    assert percentile(samples, 0.95) == 95.0
    assert percentile(samples, 0.99) == 99.0
    assert percentile(samples, 1.0) == 100.0


def test_a_high_percentile_of_few_samples_is_the_largest() -> None:
    assert percentile([1.0, 2.0, 3.0, 4.0, 5.0], 0.95) == 5.0


def test_a_single_sample_is_every_percentile() -> None:
    assert percentile([7.0], 0.5) == percentile([7.0], 0.99) == 7.0


@pytest.mark.parametrize("fraction", [0.0, -0.5, 1.5])
def test_a_percentile_is_a_fraction_above_zero_up_to_one(fraction: float) -> None:
    with pytest.raises(ValueError, match="fraction"):
        percentile([1.0], fraction)


def test_there_is_no_percentile_of_nothing() -> None:
    with pytest.raises(ValueError, match="no samples"):
        percentile([], 0.5)


def test_latency_is_in_milliseconds() -> None:
    measured = latency([0.010, 0.020, 0.030, 0.040])
    assert (measured.p50, measured.p95, measured.p99) == pytest.approx((20.0, 40.0, 40.0))
    assert measured.mean == pytest.approx(25.0)
    assert measured.count == 4


def test_a_hard_linked_file_counts_once_on_disk(tmp_path: Path) -> None:
    (tmp_path / "a").write_bytes(b"x" * 100)
    os.link(tmp_path / "a", tmp_path / "b")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c").write_bytes(b"y" * 10)
    assert size_on_disk(tmp_path) == 110
    assert size_on_disk(tmp_path / "sub" / "c") == 10


def test_peak_rss_of_this_process_is_some_megabytes() -> None:
    assert peak_rss(os.getpid()) > 1024**2
