"""`make bench BENCH_ARGS=…`: scales are paragraph counts, `k` for thousands."""

from __future__ import annotations

import argparse

import pytest

from bench.__main__ import parse_scales


def test_scales_are_named_as_typed_and_counted_in_paragraphs() -> None:
    assert parse_scales("1k, 10K,300") == [("1k", 1000), ("10k", 10_000), ("300", 300)]


@pytest.mark.parametrize("text", ["", " , ", "0", "1m", "ten", "-5", "1.5k"])
def test_anything_else_is_refused(text: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError):
        parse_scales(text)
