"""A store in a real SQLite file in the test's folder, dated by a clock the test turns."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.store import Store, open_store
from tests.bot.clock import Clock


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir: Path, clock: Clock) -> Iterator[Store]:
    with open_store(data_dir, clock=clock) as opened:
        yield opened
