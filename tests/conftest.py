"""Shared fixtures: a real Whoosh index on disk, built from the bundled catalogue."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from config.settings import DEFAULT_CATALOGUE
from index.library import Library, open_library


@pytest.fixture(scope="session")
def bundled_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled report indexed once; tests that change an index build their own."""
    index_dir = tmp_path_factory.mktemp("bundled") / "index"
    open_library(index_dir, DEFAULT_CATALOGUE).close()
    return index_dir


@pytest.fixture
def library(bundled_index: Path) -> Iterator[Library]:
    opened = Library(bundled_index)
    yield opened
    opened.close()
