"""The FTS5 baseline takes the bot's queries: words and phrases quoted, filters as conditions,
so that no input is FTS5 syntax."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.fts5 import Fts5Baseline, translate
from index.models import Paragraph, Report


def test_every_word_is_quoted_and_required_then_any_will_do() -> None:
    query = translate("child labour")
    assert query.every == '"child" AND "labour"'
    assert query.some == '"child" OR "labour"'


def test_one_word_has_no_second_form() -> None:
    assert translate("trafficking").some is None


def test_question_words_are_not_searched_for() -> None:
    assert translate("what does the report say about trafficking?").every == '"trafficking"'


def test_a_quoted_phrase_stays_a_phrase_with_its_small_words() -> None:
    assert translate('"rights of the child" online').every == '"rights of the child" AND "online"'


def test_report_and_year_filters_are_conditions_on_stored_columns() -> None:
    query = translate("report:A/HRC/58/19 year:2020-2024 year:2025 violence")
    assert query.every == '"violence"'
    assert (
        query.where
        == "(symbol COLLATE NOCASE IN (?)) AND (year BETWEEN ? AND ? OR year BETWEEN ? AND ?)"
    )
    assert query.params == ("A/HRC/58/19", 2020, 2024, 2025, 2025)


def test_a_section_filter_requires_its_words_in_the_headings() -> None:
    query = translate('section:"juvenile justice" detention police')
    assert query.every == '"detention" AND "police" AND section : ("juvenile" AND "justice")'
    assert query.some == '("detention" OR "police") AND section : ("juvenile" AND "justice")'


@pytest.mark.parametrize("text", ["", "   ", "the of and", "***", 'year:2024 ""', "report:A/1"])
def test_nothing_to_search_for_is_no_query(text: str) -> None:
    assert translate(text).every is None


def _report(symbol: str, year: int, texts: list[str]) -> Report:
    paragraphs = tuple(
        Paragraph(symbol=symbol, number=number, text=text, section_path=("I. Introduction",))
        for number, text in enumerate(texts, start=1)
    )
    return Report(symbol=symbol, title="A report", date=f"{year}-01-15", paragraphs=paragraphs)


@pytest.fixture
def baseline(tmp_path: Path) -> Iterator[Fts5Baseline]:
    opened = Fts5Baseline(tmp_path / "fts5.sqlite")
    opened.add(
        [
            _report("A/HRC/58/19", 2025, ["Children trafficked for labour.", "Online abuse."]),
            _report("A/79/1", 2024, ["Trafficking in children and child labour remain."]),
        ]
    )
    opened.optimize()
    yield opened
    opened.close()


@pytest.mark.parametrize(
    "hostile",
    [
        "AND ( *",
        '"unbalanced quote',
        'a"b"c""',
        "NOT OR NEAR(",
        "body:trafficking",
        "{body section}: x",
        "^start",
        "child* -labour +abuse",
        "'; DROP TABLE paragraphs; --",
        "report:' OR 1=1 -- trafficking",
    ],
)
def test_no_input_is_an_fts5_syntax_error(baseline: Fts5Baseline, hostile: str) -> None:
    assert isinstance(baseline.search(hostile), list)
    assert baseline.search("trafficking")  # the table is still there


def test_porter_stemming_finds_other_forms_of_every_word(baseline: Fts5Baseline) -> None:
    found = baseline.search("trafficked children labours")
    assert {(hit.symbol, hit.number) for hit in found} == {("A/79/1", 1), ("A/HRC/58/19", 1)}
    assert all("<b>" in hit.snippet for hit in found)


def test_paragraphs_with_some_of_the_words_follow_those_with_all(
    baseline: Fts5Baseline,
) -> None:
    found = baseline.search("online labour")
    assert {(hit.symbol, hit.number) for hit in found} == {
        ("A/HRC/58/19", 1),
        ("A/HRC/58/19", 2),
        ("A/79/1", 1),
    }


def test_filters_narrow_by_report_and_year(baseline: Fts5Baseline) -> None:
    assert [hit.symbol for hit in baseline.search("report:a/79/1 trafficking")] == ["A/79/1"]
    assert [hit.symbol for hit in baseline.search("year:2025 trafficking")] == ["A/HRC/58/19"]
    assert baseline.search("year:2000-2010 trafficking") == []


def test_the_limit_holds(baseline: Fts5Baseline) -> None:
    assert len(baseline.search("children online labour abuse", limit=2)) == 2
