"""Filters in a query: `report:`, `section:` and `year:`."""

from __future__ import annotations

import datetime as dt

import pytest

from index.library import Library
from index.models import Paragraph, Report
from index.search.filters import Filters, resolve_symbols, split_filters
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


def test_section_and_year_filters_are_taken_out_of_the_words() -> None:
    text, filters = split_filters('year:2024 section:"Juvenile justice" detention Section:B')
    assert text.split() == ["detention"]
    assert filters == Filters(sections=("Juvenile justice", "B"), years=((2024, 2024),))


@pytest.mark.parametrize(
    ("typed", "years"),
    [
        ("year:2020-2024", ((2020, 2024),)),
        ("year:2020–2024", ((2020, 2024),)),
        ("year:2024-2020", ((2020, 2024),)),
        ("year:2019 year:2023", ((2019, 2019), (2023, 2023))),
        ("year:soon", ()),
        ("year:24", ()),
        ("year:", ()),
    ],
)
def test_years_are_single_or_ranges_and_anything_else_is_ignored(
    typed: str, years: tuple[tuple[int, int], ...]
) -> None:
    text, filters = split_filters(f"{typed} trafficking")
    assert text.split() == ["trafficking"]
    assert filters.years == years


def test_an_empty_section_is_no_filter_and_an_unclosed_quote_takes_one_word() -> None:
    assert split_filters('section:"" x')[1] == Filters()
    text, filters = split_filters('section:"juvenile justice')
    assert filters.sections == ('"juvenile',)
    assert text.split() == ["justice"]


def paragraph(symbol: str, number: int, heading: str, text: str) -> Paragraph:
    return Paragraph(symbol=symbol, number=number, section_path=("II. Issues", heading), text=text)


@pytest.fixture
def dated_library(library: Library) -> Library:
    """Two reports on detention, of 2023 and 2024, with paragraphs under several headings."""
    for symbol, year in (("A/TEST/23", 2023), ("A/TEST/24", 2024)):
        paragraphs = (
            paragraph(symbol, 1, "A. Justice for children", "Detention must be a last resort."),
            paragraph(symbol, 2, "B. Migration", "Immigration detention harms children."),
            paragraph(symbol, 3, "C. Recommendations", "End the detention of children."),
        )
        library.add(
            Report(symbol=symbol, title="T", date=dt.date(year, 3, 1), paragraphs=paragraphs)
        )
    library.add(
        Report(
            symbol="A/TEST/undated",
            title="T",
            paragraphs=(paragraph("A/TEST/undated", 1, "A. X", "Detention."),),
        )
    )
    return library


def found(library: Library, query: str) -> set[str]:
    return {hit.paragraph.citation for hit in library.search(query, limit=20).hits}


def test_a_section_filter_keeps_paragraphs_under_headings_with_its_words(
    dated_library: Library,
) -> None:
    assert found(dated_library, 'section:"justice children" detention') == {
        "A/TEST/23, para. 1",
        "A/TEST/24, para. 1",
    }
    # Any heading of the path counts, and words are compared as the index compares them.
    assert len(found(dated_library, "section:issue detention")) == 7
    assert found(dated_library, "section:nowhere detention") == set()


def test_a_year_filter_keeps_the_reports_of_those_years(dated_library: Library) -> None:
    assert {c.split(",")[0] for c in found(dated_library, "year:2024 detention")} == {"A/TEST/24"}
    assert {c.split(",")[0] for c in found(dated_library, "year:2020-2023 detention")} == {
        "A/TEST/23"
    }
    assert found(dated_library, "year:1999 detention") == set()


def test_filters_combine(dated_library: Library) -> None:
    assert found(dated_library, "year:2023 section:migration detention") == {"A/TEST/23, para. 2"}
    result = dated_library.search("report:A/TEST/24 year:2023 detention")
    assert result.reports == ("A/TEST/24",)
    assert result.hits == ()
