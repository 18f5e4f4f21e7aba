"""`report:` filters in a query."""

from __future__ import annotations

from index.filters import Filters, resolve_symbols, split_filters
from index.library import Library
from index.models import Report
from tests.index.samples import SAMPLE_SYMBOL


def test_filters_are_taken_out_of_the_words() -> None:
    text, filters = split_filters("report:A/HRC/58/19 online Report:E/CN.4/1 exploitation")
    assert text.split() == ["online", "exploitation"]
    assert filters == Filters(reports=("A/HRC/58/19", "E/CN.4/1"))


def test_a_word_merely_containing_the_prefix_is_a_word() -> None:
    text, filters = split_filters("the report: trafficking misreport:x")
    assert text.split() == ["the", "trafficking", "misreport:x"]
    assert filters == Filters()


def test_symbols_are_matched_without_regard_to_case() -> None:
    assert resolve_symbols(["a/hrc/58/19", "A/1"], ["A/HRC/58/19"]) == (["A/HRC/58/19"], ["A/1"])


def test_a_report_filter_narrows_the_search(library: Library, sample: Report) -> None:
    other = "A/HRC/99/1"
    library.add(sample)
    library.add(
        sample.model_copy(
            update={
                "symbol": other,
                "paragraphs": tuple(
                    p.model_copy(update={"symbol": other}) for p in sample.paragraphs
                ),
            }
        )
    )
    assert {hit.paragraph.symbol for hit in library.search("trafficking", limit=10).hits} == {
        SAMPLE_SYMBOL,
        other,
    }
    narrowed = library.search(f"report:{other.lower()} trafficking", limit=10)
    assert narrowed.reports == (other,)
    assert narrowed.hits
    assert {hit.paragraph.symbol for hit in narrowed.hits} == {other}


def test_an_unknown_report_is_named_not_searched(library: Library, sample: Report) -> None:
    library.add(sample)
    result = library.search("report:A/NOPE/1 trafficking")
    assert result.unknown_reports == ("A/NOPE/1",)
    assert result.hits == ()
    assert result.words == ("trafficking",)
