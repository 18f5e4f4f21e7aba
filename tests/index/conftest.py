"""Shared fixtures: the bundled catalogue and report, and libraries on disk."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from index.catalogue import load_catalogue
from index.library import Library
from index.models import Report
from tests.index.samples import CATALOGUE


@pytest.fixture(scope="session")
def sample() -> Report:
    """A/HRC/58/19 as the bundled catalogue ingests it."""
    (report,) = load_catalogue(CATALOGUE)
    return report


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    """An empty library on disk."""
    library = Library(tmp_path / "index")
    yield library
    library.close()


@pytest.fixture
def sample_library(library: Library, sample: Report) -> Library:
    """A library holding the bundled report."""
    library.add(sample)
    return library
