"""The catalogue: TOML metadata plus a text file per report, or a clear IngestError."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest

from index.errors import IngestError
from index.ingest.catalogue import load_catalogue
from tests.index.samples import CATALOGUE, SAMPLE_TEXT

REPORT_TEXT = "Summary\n\nThe summary.\n\nI. Introduction\n\n1. The first paragraph.\n"
FRENCH_TEXT = "Résumé\n\nLe résumé.\n\nI. Introduction\n\n1. Le premier paragraphe.\n"


def write_catalogue(directory: Path, entries: str) -> Path:
    catalogue = directory / "catalogue.toml"
    catalogue.write_text(entries, encoding="utf-8")
    return catalogue


def entry(path: str = "texts/a.txt", symbol: str = "A/1", **extra: str) -> str:
    lines = [f'path = "{path}"', f'symbol = "{symbol}"', 'title = "A title"']
    lines += [f"{name} = {value}" for name, value in extra.items()]
    return "[[report]]\n" + "\n".join(lines) + "\n"


@pytest.fixture
def texts(tmp_path: Path) -> Path:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text(REPORT_TEXT, encoding="utf-8")
    (tmp_path / "texts" / "b.txt").write_text(REPORT_TEXT, encoding="utf-8")
    (tmp_path / "texts" / "fr.txt").write_text(FRENCH_TEXT, encoding="utf-8")
    return tmp_path


def test_the_bundled_catalogue_has_the_metadata_it_declares() -> None:
    declared = tomllib.loads(CATALOGUE.read_text(encoding="utf-8"))["report"][0]
    (report,) = load_catalogue(CATALOGUE)
    for name in ("symbol", "lang", "title", "date", "body", "session", "agenda_item"):
        assert getattr(report, name) == declared[name]
    assert report.source_url == declared["source_url"]
    assert (CATALOGUE.parent / declared["path"]).resolve() == SAMPLE_TEXT
    assert report.paragraph_count == len(report.paragraphs) == 4


def test_text_paths_are_relative_to_the_catalogue(texts: Path) -> None:
    catalogue = write_catalogue(texts, entry("texts/fr.txt", date="2024-05-01", lang='"fr"'))
    (report,) = load_catalogue(catalogue)
    assert (report.symbol, report.lang, report.date) == ("A/1", "fr", dt.date(2024, 5, 1))
    assert report.summary == "Le résumé."
    assert [p.text for p in report.paragraphs] == ["Le premier paragraphe."]
    assert report.paragraphs[0].link is None


def test_optional_metadata_may_be_left_out(texts: Path) -> None:
    (report,) = load_catalogue(write_catalogue(texts, entry()))
    assert (report.lang, report.date, report.body, report.source_url) == ("en", None, None, None)


def test_reports_come_in_catalogue_order(texts: Path) -> None:
    catalogue = write_catalogue(texts, entry() + entry(path="texts/b.txt", symbol="A/2"))
    assert [report.symbol for report in load_catalogue(catalogue)] == ["A/1", "A/2"]


def test_an_empty_catalogue_has_no_reports(tmp_path: Path) -> None:
    assert load_catalogue(write_catalogue(tmp_path, "# nothing yet\n")) == []


def test_a_missing_catalogue(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.toml"
    with pytest.raises(IngestError, match="cannot read the catalogue") as error:
        load_catalogue(missing)
    assert str(missing) in str(error.value)


def test_bad_toml(tmp_path: Path) -> None:
    catalogue = write_catalogue(tmp_path, "[[report]]\npath = \n")
    with pytest.raises(IngestError, match="not valid TOML") as error:
        load_catalogue(catalogue)
    assert str(catalogue) in str(error.value)


def test_report_must_be_an_array_of_tables(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match=r"\[\[report\]\]"):
        load_catalogue(write_catalogue(tmp_path, 'report = "A/1"\n'))


def test_missing_fields_are_named(texts: Path) -> None:
    catalogue = write_catalogue(texts, '[[report]]\nsymbol = "A/1"\n')
    with pytest.raises(IngestError, match="report #1: missing path, title") as error:
        load_catalogue(catalogue)
    assert str(catalogue) in str(error.value)


def test_unknown_fields_are_named(texts: Path) -> None:
    catalogue = write_catalogue(texts, entry(sorce_url='"https://example.org"'))
    with pytest.raises(IngestError, match=r"unknown field.*sorce_url"):
        load_catalogue(catalogue)


def test_badly_typed_fields_are_named(texts: Path) -> None:
    catalogue = write_catalogue(texts, entry() + entry(path="texts/b.txt", date='"soon"'))
    with pytest.raises(IngestError, match="report #2: date") as error:
        load_catalogue(catalogue)
    assert str(catalogue) in str(error.value)


def test_a_language_must_be_one_of_the_uns(texts: Path) -> None:
    catalogue = write_catalogue(texts, entry(lang='"de"'))
    with pytest.raises(IngestError, match=r"report #1: `lang` must be one of ar, zh, en, fr"):
        load_catalogue(catalogue)


def test_a_non_string_path(texts: Path) -> None:
    catalogue = write_catalogue(texts, '[[report]]\npath = 3\nsymbol = "A/1"\ntitle = "T"\n')
    with pytest.raises(IngestError, match="`path` must be a string"):
        load_catalogue(catalogue)


def test_a_missing_text_names_the_file(texts: Path) -> None:
    catalogue = write_catalogue(texts, entry(path="texts/missing.txt"))
    with pytest.raises(IngestError, match="cannot read it") as error:
        load_catalogue(catalogue)
    assert str(texts / "texts" / "missing.txt") in str(error.value)


def test_a_text_that_is_not_utf8(texts: Path) -> None:
    (texts / "texts" / "a.txt").write_bytes("1. Caf\xe9.\n".encode("latin-1"))
    with pytest.raises(IngestError, match="not UTF-8") as error:
        load_catalogue(write_catalogue(texts, entry()))
    assert "a.txt" in str(error.value)


def test_a_text_with_a_summary_and_no_paragraphs(texts: Path) -> None:
    (texts / "texts" / "a.txt").write_text("Summary\n\nJust a summary.\n", encoding="utf-8")
    with pytest.raises(IngestError, match="no paragraphs found") as error:
        load_catalogue(write_catalogue(texts, entry()))
    assert "a.txt" in str(error.value)


def test_a_report_listed_twice(texts: Path) -> None:
    catalogue = write_catalogue(texts, entry() + entry(path="texts/b.txt"))
    with pytest.raises(IngestError, match=r"A/1 \(en\) is listed twice"):
        load_catalogue(catalogue)


def test_the_same_symbol_in_two_languages_is_two_reports(texts: Path) -> None:
    catalogue = write_catalogue(texts, entry() + entry(path="texts/b.txt", lang='"fr"'))
    assert [(r.symbol, r.lang) for r in load_catalogue(catalogue)] == [("A/1", "en"), ("A/1", "fr")]


def test_a_catalogue_entry_may_be_in_any_supported_format(texts: Path) -> None:
    (texts / "texts" / "r.md").write_text(
        "# A report\n\n## I. Scope\n\n1. Birth registration **protects** children.\n",
        encoding="utf-8",
    )
    (report,) = load_catalogue(write_catalogue(texts, entry(path="texts/r.md")))
    assert [p.text for p in report.paragraphs] == ["Birth registration protects children."]
    assert report.paragraphs[0].section == "I. Scope"
