"""Query words: whatever the user typed, only words are searched for."""

from __future__ import annotations

from typing import Any

import pytest

from index.language.analysis import analyzer_for
from index.search.query import MAX_WORDS, query_words, split_unknown_compounds


@pytest.fixture(scope="module")
def analyzer() -> Any:
    return analyzer_for("en")


def indexed_terms(analyzer: Any, text: str) -> list[str]:
    return [str(token.text) for token in analyzer(text)]


def test_words_are_kept_as_typed_with_the_terms_they_are_indexed_under(analyzer: Any) -> None:
    words = query_words("Trafficking of CHILDREN", analyzer)
    assert [word.word for word in words] == ["Trafficking", "CHILDREN"]
    assert [word.term for word in words] == indexed_terms(analyzer, "Trafficking CHILDREN")


def test_stop_words_and_single_letters_are_dropped(analyzer: Any) -> None:
    assert [word.word for word in query_words("the rights of a child", analyzer)] == [
        "rights",
        "child",
    ]


@pytest.mark.parametrize(
    "text", ["", "   ", "!!! ??? ...", "( ) * ~ ^ : \" ' [ ] { }", "<b></b> & |", "the of and"]
)
def test_no_words_no_query(analyzer: Any, text: str) -> None:
    assert query_words(text, analyzer) == ()


def test_query_syntax_is_read_as_plain_words(analyzer: Any) -> None:
    # AND, OR and NOT are stop words; x and 2 are too short to be indexed.
    words = query_words('"unbalanced AND ( OR * title:x^2 NOT', analyzer)
    assert [word.word for word in words] == ["unbalanced", "title"]


def test_numbers_are_words_as_the_index_splits_them(analyzer: Any) -> None:
    words = query_words("SDG 16.2 and resolution 62/141", analyzer)
    assert [word.term for word in words] == indexed_terms(analyzer, "SDG 16.2 resolution 62/141")
    assert "16.2" in [word.word for word in words]


def test_a_term_is_searched_once(analyzer: Any) -> None:
    assert len(set(indexed_terms(analyzer, "trafficking traffickers"))) == 1
    words = query_words("trafficking Trafficking traffickers children", analyzer)
    assert [word.word for word in words] == ["trafficking", "children"]


def test_a_pasted_page_is_capped(analyzer: Any) -> None:
    text = " ".join(f"word{number}x" for number in range(1000))
    words = query_words(text, analyzer)
    assert len(words) == MAX_WORDS
    assert words[0].word == "word0x"


def test_however_long_the_text_only_its_beginning_is_read(analyzer: Any) -> None:
    text = "the " * 100_000 + "trafficking"
    assert query_words(text, analyzer) == ()
    assert [word.word for word in query_words("the " * 10 + "trafficking", analyzer)] == [
        "trafficking"
    ]


@pytest.mark.parametrize(
    "question",
    [
        "what does the report say about online exploitation?",
        "What do the reports say regarding online exploitation",
        "tell me about online exploitation please",
        "Is there anything about online exploitation?",
    ],
)
def test_a_question_searches_for_what_it_is_about(analyzer: Any, question: str) -> None:
    assert query_words(question, analyzer) == query_words("online exploitation", analyzer)


def test_question_words_are_recognised_as_typed_not_by_their_stem(analyzer: Any) -> None:
    assert [word.word for word in query_words("report reporting", analyzer)] == ["reporting"]


def test_should_is_searched_for_as_recommendations_say_it(analyzer: Any) -> None:
    words = query_words("what should States do about child marriage", analyzer)
    assert [word.word for word in words] == ["should", "States", "child", "marriage"]


def test_a_question_of_question_words_only_has_nothing_to_search(analyzer: Any) -> None:
    assert query_words("what does the report say?", analyzer) == ()


@pytest.mark.parametrize(
    ("lang", "question", "subject"),
    [
        ("fr", "Que dit le rapport sur la traite des enfants ?", ["traite", "enfants"]),
        ("es", "¿Qué dice el informe sobre la trata de niños?", ["trata", "niños"]),
        ("ru", "Что говорится в докладе о торговле детьми?", ["торговле", "детьми"]),
        ("ar", "ماذا يقول التقرير عن الاتجار بالأطفال؟", ["الاتجار", "بالأطفال"]),
        ("zh", "报告关于儿童贩运说了什么？", ["儿童", "贩运"]),
    ],
)
def test_questions_in_every_language_search_for_their_subject(
    lang: str, question: str, subject: list[str]
) -> None:
    words = query_words(question, analyzer_for(lang), lang)
    assert [word.word for word in words] == subject


def test_chinese_words_are_found_inside_a_run_without_spaces() -> None:
    words = query_words("儿童贩运问题", analyzer_for("zh"), "zh")
    assert [(word.word, word.term) for word in words] == [
        ("儿童", "儿童"),
        ("贩运", "贩运"),
        ("问题", "问题"),
    ]


def test_a_compound_no_paragraph_has_is_searched_as_its_words() -> None:
    analyzer = analyzer_for("zh")
    words = query_words("气候灾害 儿童", analyzer, "zh")
    indexed = {"气候", "灾害", "儿童"}.__contains__
    split = split_unknown_compounds(words, analyzer, indexed)
    assert [word.word for word in split] == ["气候", "灾害", "儿童"]
    # Words of other languages have no words inside them.
    english = query_words("trafficking", analyzer_for("en"))
    assert split_unknown_compounds(english, analyzer_for("en"), lambda term: False) == english
