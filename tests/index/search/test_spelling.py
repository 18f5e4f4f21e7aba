"""Typos: an unknown word is replaced by the nearest word the paragraphs have, and said so."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from whoosh import index as whoosh_index

from index.language.analysis import analyzer_for
from index.search.query import QueryWord, query_words
from index.search.spelling import correct_spelling
from index.search.vocabulary import Vocabulary
from index.store.schema import build_schema, fields

TEXTS = [
    "Trafficking in children is rising.",
    "Traffickers recruit children online.",
    "Child victims of trafficking need support.",
    "Armed groups traffic children across borders.",
    "Online exploitation of children is widespread.",
    "Section on birth registration.",
]


def build(folder: Path, segments: Sequence[Sequence[str]]) -> Any:
    """An index of `body` texts, one segment per group, kept apart (not merged); each group's
    words as written are kept once, as the library keeps a report's."""
    ix = whoosh_index.create_in(str(folder), build_schema())
    for number, texts in enumerate(segments):
        writer = ix.writer()
        writer.add_document(key=str(number), kind="report", words_en=tuple(texts))
        for offset, text in enumerate(texts):
            writer.add_document(key=f"{number}-{offset}", kind="paragraph", body_en=text)
        writer.commit(merge=False)
    return ix


@pytest.fixture
def searcher(tmp_path: Path) -> Iterator[Any]:
    # Three segments: the look-up must ask each of them.
    ix = build(tmp_path, [TEXTS[:2], TEXTS[2:4], TEXTS[4:]])
    with ix.searcher() as opened:
        assert len(opened.reader().leaf_readers()) == 3
        yield opened
    ix.close()


@pytest.fixture(scope="module")
def analyzer() -> Any:
    return analyzer_for("en")


def near(searcher: Any) -> Callable[[str, int], list[str]]:
    """The words near a word, as the library finds them (index.search.vocabulary)."""
    kept = searcher.reader().lexicon(fields("en").words)
    return Vocabulary(word.decode("utf-8") for word in kept).near


def check(
    text: str, searcher: Any, analyzer: Any, known: frozenset[str] = frozenset()
) -> tuple[list[str], tuple[tuple[str, str], ...]]:
    words, corrected = correct_spelling(
        query_words(text, analyzer),
        searcher,
        analyzer,
        known.__contains__,
        fields("en"),
        near(searcher),
    )
    return [word.word for word in words], corrected


def test_an_unknown_word_becomes_the_nearest_known_one(searcher: Any, analyzer: Any) -> None:
    assert check("exploitaton", searcher, analyzer) == (
        ["exploitation"],
        (("exploitaton", "exploitation"),),
    )


def test_the_correction_carries_its_indexed_term(searcher: Any, analyzer: Any) -> None:
    (word,), _ = correct_spelling(
        query_words("Exploitaton", analyzer),
        searcher,
        analyzer,
        lambda term: False,
        fields("en"),
        near(searcher),
    )
    assert word == QueryWord("exploitation", "exploit")


def test_a_typo_whose_stem_is_a_rarer_word_is_still_corrected(searcher: Any, analyzer: Any) -> None:
    # "trafficing" stems to `traffic`, which one paragraph has ("traffic children"); three have
    # `traffick`.
    assert check("trafficing", searcher, analyzer) == (
        ["trafficking"],
        (("trafficing", "trafficking"),),
    )


@pytest.mark.parametrize(
    "typed",
    [
        "trafficking",
        "Traffickers",
        "recruits",  # not in the text as typed, but its stem is, and no nearby word is commoner
        "registration",
        "zebra",  # nothing near
        "kid",  # too short to tell
        "16.2",
        "x" * 31,  # too long to be a word
    ],
)
def test_known_words_and_words_without_a_near_one_are_left_alone(
    searcher: Any, analyzer: Any, typed: str
) -> None:
    words, corrected = check(typed, searcher, analyzer)
    assert corrected == ()
    assert words == [word.word for word in query_words(typed, analyzer)]


def test_a_word_the_thesaurus_knows_is_no_typo(searcher: Any, analyzer: Any) -> None:
    assert check("exploitaton", searcher, analyzer, known=frozenset({"exploitaton"}))[1] == ()


@pytest.mark.parametrize("field", ["section", "title"])
def test_a_word_of_a_heading_or_title_is_no_typo(tmp_path: Path, analyzer: Any, field: str) -> None:
    ix = whoosh_index.create_in(str(tmp_path), build_schema())
    writer = ix.writer()
    writer.add_document(key="report", words_en=("Labor law.",))
    writer.add_document(key="1", body_en="Labor law.", **{f"{field}_en": "Labour inspection"})
    writer.commit()
    with ix.searcher() as searcher:
        assert check("labour", searcher, analyzer)[1] == ()
        assert check("labr", searcher, analyzer)[1] == (("labr", "labor"),)
    ix.close()


def test_long_words_may_have_two_typos(searcher: Any, analyzer: Any) -> None:
    assert check("childern", searcher, analyzer) == (["children"], (("childern", "children"),))
    # Seven letters allow one.
    assert check("vctimss", searcher, analyzer)[1] == ()


def test_the_first_letter_is_trusted(searcher: Any, analyzer: Any) -> None:
    assert check("rafficking", searcher, analyzer)[1] == ()


def test_a_correction_the_query_already_has_is_searched_once(searcher: Any, analyzer: Any) -> None:
    words, corrected = check("trafficking trafficing children", searcher, analyzer)
    assert words == ["trafficking", "children"]
    assert corrected == (("trafficing", "trafficking"),)


def test_the_commoner_of_equally_near_words_wins(tmp_path: Path, analyzer: Any) -> None:
    ix = build(tmp_path, [["A mine here.", "Minor issues.", "Minor details.", "Minor ones."]])
    with ix.searcher() as searcher:
        assert check("minar", searcher, analyzer)[1] == (("minar", "minor"),)
    ix.close()


def test_a_reports_words_go_when_its_documents_are_merged_away(tmp_path: Path) -> None:
    ix = build(tmp_path, [TEXTS[:2], TEXTS[2:]])
    writer = ix.writer()
    writer.delete_by_term("key", "0")
    writer.commit(optimize=True)
    with ix.reader() as reader:
        assert ("words_en", "recruit") not in reader
        assert ("words_en", "exploitation") in reader
    ix.close()
