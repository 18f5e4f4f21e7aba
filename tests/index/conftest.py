"""Shared fixtures: the bundled catalogue and report, and libraries on disk."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from whoosh import index as whoosh_index

from bench.corpus import generate_reports
from index.ingest.catalogue import load_catalogue
from index.ingest.paragraphs import parse_report_text
from index.language.official import LANGUAGES
from index.library import Library
from index.models import Report
from index.store.generations import Generations
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
    return _built(tmp_path_factory.mktemp("multilingual") / "index", [list(versions.values())])


@pytest.fixture
def multilingual(multilingual_index: Path) -> Iterator[Library]:
    """A library holding the multilingual test report in all six languages (not to be changed)."""
    yield from _opened(multilingual_index)


@pytest.fixture(scope="session")
def generated_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index of 3,000 generated paragraphs in several segments, some paragraphs deleted (a
    report replaced by a shorter version of itself), built once, without vectors: it is for the
    words channel (encoding them would take longer than all its tests)."""
    reports = list(generate_reports(3_000, seed=7))
    batches = [reports[start : start + 4] for start in range(0, len(reports), 4)]
    shorter = reports[1].model_copy(update={"paragraphs": reports[1].paragraphs[:3]})
    return _built(
        tmp_path_factory.mktemp("generated") / "index", [*batches, [shorter]], vectors=False
    )


@pytest.fixture
def generated(generated_index: Path) -> Iterator[Library]:
    """A library of the generated index (not to be changed)."""
    yield from _opened(generated_index)


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


def _built(index_dir: Path, batches: list[list[Report]], *, vectors: bool = True) -> Path:
    """`index_dir` holding the reports, each batch added in a transaction of its own."""
    library = Library(index_dir)
    for reports in batches:
        with library.transaction(vectors=vectors) as batch:
            for report in reports:
                batch.add(report)
    library.close()
    return index_dir


def _opened(index_dir: Path) -> Iterator[Library]:
    library = Library(index_dir)
    yield library
    library.close()
