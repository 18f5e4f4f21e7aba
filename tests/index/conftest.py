"""Shared fixtures: the bundled catalogue and report, and libraries on disk."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from whoosh import index as whoosh_index

from bench.corpus import generate_reports
from index.catalogue import load_catalogue
from index.languages import LANGUAGES
from index.library import Library
from index.models import Report
from index.parse_text import parse_report_text
from index.store import Generations
from tests.index.samples import CATALOGUE, MULTILINGUAL, MULTILINGUAL_SYMBOL


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


@pytest.fixture(scope="session")
def versions() -> dict[str, Report]:
    """The synthetic multilingual test report, by language."""
    return {
        lang: parse_report_text(
            (MULTILINGUAL / f"{lang}.txt").read_text(encoding="utf-8"),
            Report(symbol=MULTILINGUAL_SYMBOL, lang=lang, title=f"Test report ({lang})"),
        )
        for lang in LANGUAGES
    }


@pytest.fixture(scope="session")
def multilingual_index(
    tmp_path_factory: pytest.TempPathFactory, versions: dict[str, Report]
) -> Path:
    """An index of the multilingual test report in every language, built once."""
    index_dir = tmp_path_factory.mktemp("multilingual") / "index"
    library = Library(index_dir)
    with library.transaction() as batch:
        for report in versions.values():
            batch.add(report)
    library.close()
    return index_dir


@pytest.fixture
def multilingual(multilingual_index: Path) -> Iterator[Library]:
    """A library holding the multilingual test report in all six languages (not to be changed)."""
    library = Library(multilingual_index)
    yield library
    library.close()


@pytest.fixture(scope="session")
def generated_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index of 3,000 generated paragraphs in several segments, some paragraphs deleted (a
    report replaced by a shorter version of itself), built once."""
    index_dir = tmp_path_factory.mktemp("generated") / "index"
    library = Library(index_dir)
    reports = list(generate_reports(3_000, seed=7))
    for start in range(0, len(reports), 4):
        with library.transaction() as batch:
            for report in reports[start : start + 4]:
                batch.add(report)
    library.add(reports[1].model_copy(update={"paragraphs": reports[1].paragraphs[:3]}))
    library.close()
    return index_dir


@pytest.fixture
def generated(generated_index: Path) -> Iterator[Library]:
    """A library of the generated index (not to be changed)."""
    library = Library(generated_index)
    yield library
    library.close()


@pytest.fixture(scope="session")
def searcher(generated_index: Path) -> Iterator[Any]:
    """A Whoosh searcher over the generated index."""
    live = Generations(generated_index).current()
    assert live is not None
    ix = whoosh_index.open_dir(str(live))
    searcher = ix.searcher()
    assert len(searcher.leaf_searchers()) > 1
    assert searcher.reader().has_deletions()
    yield searcher
    searcher.close()
    ix.close()
