"""The benchmark's synthetic corpus and queries: deterministic, the size asked for, shaped like
real reports, and indexable and searchable by the real Library."""

from __future__ import annotations

from pathlib import Path

from bench.corpus import MAX_PARAGRAPHS, MIN_PARAGRAPHS, generate_reports, plan
from bench.queries import queries
from index.ingest.metadata import detect_metadata
from index.library import Library
from index.search.filters import split_filters


def test_the_same_seed_gives_the_same_reports() -> None:
    assert list(generate_reports(700, seed=4)) == list(generate_reports(700, seed=4))


def test_another_seed_gives_other_reports() -> None:
    assert list(generate_reports(700, seed=4)) != list(generate_reports(700, seed=5))


def test_reports_have_exactly_the_paragraphs_asked_for() -> None:
    for total in (1, 59, 60, 401, 1000, 2345):
        reports = list(generate_reports(total))
        assert sum(len(report.paragraphs) for report in reports) == total


def test_reports_are_sized_like_real_reports() -> None:
    sizes = [report.paragraphs for report in plan(20_000)]
    assert all(MIN_PARAGRAPHS <= size <= MAX_PARAGRAPHS for size in sizes)
    assert len(set(sizes)) > 10


def test_paragraphs_are_numbered_from_one_in_each_report() -> None:
    for report in generate_reports(1500, seed=2):
        numbers = [paragraph.number for paragraph in report.paragraphs]
        assert numbers == list(range(1, len(numbers) + 1))
        assert report.paragraph_count == len(numbers)
        assert all(paragraph.symbol == report.symbol for paragraph in report.paragraphs)
        assert all(paragraph.annex is None for paragraph in report.paragraphs)


def test_paragraphs_are_of_realistic_length_under_sections() -> None:
    paragraphs = [p for report in generate_reports(3000) for p in report.paragraphs]
    lengths = sorted(len(paragraph.text.split()) for paragraph in paragraphs)
    assert lengths[0] >= 40
    assert 80 <= lengths[len(lengths) // 2] <= 140
    assert lengths[-1] > 250
    assert all(paragraph.section_path for paragraph in paragraphs)
    assert paragraphs[0].section_path == ("I. Introduction",)


def test_symbols_are_unique_un_symbols_of_several_families() -> None:
    reports = plan(100_000)
    symbols = [report.symbol for report in reports]
    assert len(set(symbols)) == len(symbols)
    for symbol in symbols:
        assert detect_metadata(symbol).symbol == symbol
    families = {symbol.split("/")[0] + ("/HRC" if "/HRC/" in symbol else "") for symbol in symbols}
    assert {"A", "A/HRC", "CRC", "E"} <= families


def test_reports_are_dated_across_twenty_years() -> None:
    years = {report.date.year for report in plan(100_000)}
    assert years == set(range(2005, 2026))


def test_queries_are_deterministic_and_as_many_as_asked() -> None:
    assert queries(10_000, count=200, seed=1) == queries(10_000, count=200, seed=1)
    assert len(queries(10_000, count=200, seed=1)) == 200


def test_queries_mix_words_phrases_questions_and_filters() -> None:
    mix = queries(10_000)
    assert any(query.startswith('"') for query in mix)
    assert any(query.endswith("?") for query in mix)
    symbols = {report.symbol for report in plan(10_000)}
    named = [split_filters(query)[1].reports for query in mix]
    assert any(named)
    assert {symbol for found in named for symbol in found} <= symbols
    assert any(split_filters(query)[1].years for query in mix)
    assert any(split_filters(query)[1].sections for query in mix)


def test_the_library_indexes_the_corpus_and_finds_its_words(tmp_path: Path) -> None:
    library = Library(tmp_path / "index")
    try:
        with library.transaction() as batch:
            for report in generate_reports(400):
                batch.add(report)
        assert sum(report.paragraph_count for report in library.reports()) == 400
        found = [library.search(query) for query in queries(400, count=40)]
        assert sum(bool(result.hits) for result in found) > 30
    finally:
        library.close()
