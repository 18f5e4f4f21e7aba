"""Search syntax through the library (issue 16): exclusions, alternatives, exact phrases and
prefixes, in English, French and Russian, by words and by meaning. Real indexes on disk, the
real sentence encoder; the synthetic reports of tests/eval (A/HRC/TEST/1 and 2 in English,
A/HRC/TEST/3 in five other languages)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from index.ingest.catalogue import load_catalogue
from index.library import Library
from index.models import Paragraph, Report
from index.results import HYBRID, LEXICAL, MODES, PREFIX_CUT, Mode, SearchResult
from index.search.clauses import PREFIX_WORDS
from index.search.syntax import Note
from tests.index.samples import ROOT

EVAL_CATALOGUE = ROOT / "tests" / "eval" / "catalogue.toml"


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    library = Library(tmp_path_factory.mktemp("syntax") / "index")
    with library.transaction() as batch:
        for report in load_catalogue(EVAL_CATALOGUE):
            batch.add(report)
    yield library
    library.close()


def texts(result: SearchResult) -> list[str]:
    return [hit.paragraph.text.casefold() for hit in result.hits]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    ("query", "lang", "stems"),
    [
        ("children -trafficking", "en", ("traffick",)),
        ("children NOT trafficking", "en", ("traffick",)),
        ("enfants -traite", "fr", ("traite",)),
        ("дети NOT торговля", "ru", ("торговл",)),
    ],
)
def test_an_excluded_word_leaves_out_every_paragraph_with_a_form_of_it(
    library: Library, query: str, lang: str, stems: tuple[str, ...], mode: Mode
) -> None:
    result = library.search(query, limit=20, lang=lang, mode=mode)
    assert result.hits
    assert result.excluded == (query.split()[-1].lstrip("-"),)
    for text in texts(result):
        # Only in the paragraphs' own language: an English paragraph found by the meaning of
        # a Russian query is not told apart by a Russian word.
        if (
            next(hit for hit in result.hits if hit.paragraph.text.casefold() == text).paragraph.lang
            == lang
        ):
            assert not any(stem in text for stem in stems), text
    included = library.search(query.replace("-", "").replace("NOT ", ""), limit=20, lang=lang)
    assert any(any(stem in text for stem in stems) for text in texts(included))


def test_an_excluded_phrase_leaves_out_the_phrase_only(library: Library) -> None:
    without = library.search('labour -"child labour"', limit=30, mode=LEXICAL)
    assert without.excluded == ('"child labour"',)
    assert all("child labour" not in text for text in texts(without))
    # "forced labour" stays.
    assert any("labour" in text for text in texts(without))


def test_alternatives_find_paragraphs_with_either(library: Library) -> None:
    either = library.search("detention OR trafficked", limit=50, mode=LEXICAL)
    found = texts(either)
    assert any("detention" in text and "trafficked" not in text for text in found)
    assert any("trafficked" in text and "detention" not in text for text in found)
    # Either is all that is asked: a paragraph with one of them has every clause.
    assert either.matched_all


def test_a_group_of_alternatives_with_other_words_and_an_exclusion(library: Library) -> None:
    result = library.search("(detention OR custody) migrant -adult", limit=5, mode=HYBRID)
    assert result.hits
    assert result.excluded == ("adult",)
    assert all("adult" not in text for text in texts(result))
    assert "detention OR custody" in result.words


def test_a_quoted_phrase_is_found_as_typed(library: Library) -> None:
    phrase = library.search('"child labour"', limit=50, mode=LEXICAL)
    assert phrase.hits
    assert all("child labour" in text for text in texts(phrase))
    loose = library.search("labour child", limit=50, mode=LEXICAL)
    assert len(loose.hits) >= len(phrase.hits)


def test_a_prefix_finds_the_words_starting_so(library: Library) -> None:
    result = library.search("traff* report:A/HRC/TEST/2", limit=50, mode=LEXICAL)
    # Report A/HRC/TEST/2 names trafficking in its text only: "trafficked", "traffickers".
    assert result.hits
    assert all("traff" in text for text in texts(result))
    assert PREFIX_CUT not in result.notes


# 78 words starting `zyx`, a paragraph each: more than a prefix wanted stands for.
ZYX = [f"zyx{chr(97 + first)}{chr(97 + second)}" for first in range(3) for second in range(26)]


@pytest.fixture
def zyx(tmp_path: Path) -> Iterator[Library]:
    library = Library(tmp_path / "index")
    paragraphs = tuple(
        Paragraph(symbol="A/1", lang="en", number=number, text=f"On {word} and children.")
        for number, word in enumerate(ZYX, start=1)
    )
    with library.transaction(vectors=False) as batch:
        batch.add(Report(symbol="A/1", lang="en", title="Words", paragraphs=paragraphs))
    yield library
    library.close()


def test_a_prefix_standing_for_too_many_words_is_cut_and_said_so(zyx: Library) -> None:
    cut = zyx.search("zyx*", limit=100, mode=LEXICAL)
    assert PREFIX_CUT in cut.notes
    # Its 50 most frequent terms (a stem may be several words' term) of the 78 words.
    assert PREFIX_WORDS <= len(cut.hits) < len(ZYX)
    assert PREFIX_CUT not in zyx.search("zyxa*", mode=LEXICAL).notes


@pytest.mark.parametrize(
    ("query", "note"),
    [
        ('"unbalanced quote', Note.UNBALANCED_QUOTE),
        ("(detention OR custody", Note.UNBALANCED_PARENTHESIS),
        ("NOT", Note.DANGLING_OPERATOR),
        ("OR OR", Note.DANGLING_OPERATOR),
        ("a*", Note.PREFIX_TOO_SHORT),
        (" OR ".join(["children"] * 300), Note.TOO_MANY_CLAUSES),
    ],
)
def test_odd_syntax_is_answered_and_said(library: Library, query: str, note: Note) -> None:
    assert note in library.search(query).notes


def test_only_exclusions_search_nothing_and_say_what_was_excluded(library: Library) -> None:
    result = library.search("-trafficking")
    assert (result.words, result.hits, result.excluded) == ((), (), ("trafficking",))


def test_an_excluded_word_is_never_corrected(library: Library) -> None:
    result = library.search("children -trafficing")
    assert result.corrected == ()
    assert result.excluded == ("trafficing",)


def test_filters_and_syntax_together(library: Library) -> None:
    result = library.search("report:A/HRC/TEST/2 children -conflict", limit=20)
    assert result.hits
    assert {hit.paragraph.symbol for hit in result.hits} == {"A/HRC/TEST/2"}
    assert all("conflict" not in text for text in texts(result))


def test_an_index_without_vectors_reads_the_syntax_too(tmp_path: Path) -> None:
    library = Library(tmp_path / "index")
    try:
        with library.transaction(vectors=False) as batch:
            for report in load_catalogue(EVAL_CATALOGUE):
                batch.add(report)
        result = library.search("children -trafficking", limit=20)
        assert result.hits
        assert not result.meaning
        assert all("traffick" not in text for text in texts(result))
    finally:
        library.close()


def test_an_excluded_prefix_leaves_out_every_word_starting_so(zyx: Library) -> None:
    assert zyx.search("children -zyx*", limit=100, mode=LEXICAL).hits == ()
