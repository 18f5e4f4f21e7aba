"""The language of a query: by its script, by its words, or the chat's when it does not tell."""

from __future__ import annotations

import pytest

from index.language.detection import query_language


@pytest.mark.parametrize(
    ("query", "lang"),
    [
        ("торговля детьми", "ru"),
        ("الاتجار بالأطفال", "ar"),
        ("儿童贩运", "zh"),
        ("UNICEF 儿童基金会", "zh"),
        ("最低年龄14岁", "zh"),
        ("الفقرة 3 من القرار 62/141", "ar"),
        ("доклад A/HRC/58/19 о торговле", "ru"),
        ("la traite des enfants", "fr"),
        ("châtiments corporels", "fr"),
        ("explotación sexual", "es"),
        ("trata de niños", "es"),
        ("child trafficking", "en"),
        ("what does the report say about online exploitation", "en"),
    ],
)
def test_a_query_that_tells_is_in_its_language(query: str, lang: str) -> None:
    assert query_language(query, default="fr" if lang == "en" else "en") == lang


@pytest.mark.parametrize(
    "query",
    [
        "UNICEF",
        "SDG 16.2",
        "violence",
        # Misspelt English looks a little Spanish or French, not enough to overrule the chat.
        "sextorsion",
        "psychosocial suport",
    ],
)
def test_latin_letters_that_do_not_tell_are_in_the_chats_latin_script_language(
    query: str,
) -> None:
    assert query_language(query, default="en") == "en"
    assert query_language(query, default="fr") == "fr"
    # A Russian, Arabic or Chinese chat writes Latin letters in English.
    assert query_language(query, default="ru") == "en"
    assert query_language(query, default="zh") == "en"


@pytest.mark.parametrize("query", ["", "?!", "62/141", "2024"])
def test_a_query_without_letters_is_in_the_chats_language(query: str) -> None:
    assert query_language(query, default="ru") == "ru"
    assert query_language(query, default="en") == "en"
