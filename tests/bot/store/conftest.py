"""A store in a real database, dated by a clock the test turns: a SQLite file in the test's
folder, and, for every test that asks for `store`, a PostgreSQL schema of its own too."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.store import Store, open_store
from tests.bot.clock import Clock
from tests.services import postgresql_schema

ENGINES = ("sqlite", "postgresql")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture(params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def database_url(engine: str) -> Iterator[str | None]:
    """What `open_store` is given: None for the SQLite file under the data folder."""
    if engine == "sqlite":
        yield None
        return
    with postgresql_schema() as url:
        yield url


@pytest.fixture
def store(data_dir: Path, clock: Clock, database_url: str | None) -> Iterator[Store]:
    with open_store(data_dir, database_url, clock=clock) as opened:
        yield opened
