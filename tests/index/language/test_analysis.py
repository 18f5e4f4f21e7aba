"""Each language's analysis: the forms of a word that must find each other share a term."""

from __future__ import annotations

import pickle

import pytest

from index.language.analysis import analyzer_for
from index.language.arabic import light_stem, normalise, normalise_presentation_forms
from index.language.official import LANGUAGES


def terms(lang: str, text: str) -> list[str]:
    return [str(token.text) for token in analyzer_for(lang)(text)]


def same_term(lang: str, *words: str) -> bool:
    found = {tuple(terms(lang, word)) for word in words}
    return len(found) == 1 and () not in found


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ("trafficking", "Trafficking", "trafficked")),
        ("fr", ("enfant", "enfants", "Enfants")),
        ("fr", ("exploitation", "exploitations")),
        ("fr", ("éducation", "education")),
        ("es", ("niño", "niños", "ninos")),
        ("es", ("explotación", "explotaciones")),
        ("es", ("víctima", "víctimas", "victimas")),
        ("ru", ("торговля", "торговли", "торговлей", "торговлю")),
        ("ru", ("насилие", "насилия", "насилием")),
        ("ru", ("ребёнок", "ребенок")),
        ("ar", ("الأطفال", "أطفال", "للأطفال", "بالأطفال", "والأطفال", "الاطفال")),
        ("ar", ("الطفل", "طفل", "الطفلة")),
        ("ar", ("الجنسي", "الجنسية", "جنسي")),
    ],
)
def test_forms_of_a_word_share_a_term(lang: str, words: tuple[str, ...]) -> None:
    assert same_term(lang, *words), [terms(lang, word) for word in words]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "le la les des du et pour dans"),
        ("es", "el la los las del y para por que"),
        ("ru", "и в на с по для что это"),
        ("ar", "في من إلى على عن مع أن"),
        ("zh", "的 了 和 与 在 是"),
    ],
)
def test_small_words_are_not_searched_for(lang: str, text: str) -> None:
    assert terms(lang, text) == []


def test_chinese_is_segmented_into_words_without_spaces() -> None:
    assert terms("zh", "儿童贩运问题日益严重") == ["儿童", "贩运", "问题", "日益严重"]
    assert terms("zh", "贩运儿童") == ["贩运", "儿童"]


def test_indexed_chinese_also_has_the_words_inside_long_ones() -> None:
    analyzer = analyzer_for("zh")
    indexed = [str(token.text) for token in analyzer("联合国儿童基金会", mode="index")]
    assert {"联合国", "儿童", "基金会", "联合国儿童基金会"} <= set(indexed)
    assert terms("zh", "联合国儿童基金会") == ["联合国儿童基金会"]


def test_chinese_words_next_to_each_other_are_at_neighbouring_positions() -> None:
    tokens = analyzer_for("zh")("儿童的联合国儿童基金会", positions=True, mode="index")
    positions = [(str(token.text), int(token.pos)) for token in tokens]
    assert positions[0] == ("儿童", 0)
    assert {position for _, position in positions[1:]} == {1}


def test_words_are_kept_as_written_for_spelling_suggestions() -> None:
    written = [str(token.text) for token in analyzer_for("fr")("Éducations", no_morph=True)]
    assert written == ["éducations"]
    arabic = [str(token.text) for token in analyzer_for("ar")("الأطفال", no_morph=True)]
    assert arabic == ["الاطفال"]


def test_vowelled_arabic_is_one_word() -> None:
    assert terms("ar", "الْأَطْفَالُ") == terms("ar", "الأطفال")


def test_arabic_indic_digits_are_the_digits() -> None:
    assert terms("ar", "٢٠٢٤") == ["2024"]


@pytest.mark.parametrize(
    ("word", "normalised"),
    [
        ("أطفال", "اطفال"),
        ("إعادة", "اعاده"),
        ("مستشفى", "مستشفي"),
        ("أولاً", "اولا"),
        ("العـــنف", "العنف"),
        ("ﺍﻷﻃﻔﺎﻝ", "الاطفال"),
    ],
)
def test_arabic_spellings_are_normalised(word: str, normalised: str) -> None:
    assert normalise(word) == normalised


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("الاطفال", "اطفال"),
        ("والاطفال", "اطفال"),
        ("للاطفال", "اطفال"),
        ("المدارس", "مدارس"),
        ("معلومات", "معلوم"),
        ("الحمايه", "حما"),
        ("في", "في"),
    ],
)
def test_the_arabic_light_stemmer_takes_off_articles_and_suffixes(word: str, stem: str) -> None:
    assert light_stem(word) == stem


def test_presentation_forms_become_letters_and_other_text_is_left_alone() -> None:
    assert normalise_presentation_forms("ﺍﻷﻃﻔﺎﻝ and ﬁ") == "الأطفال and ﬁ"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_analyzers_survive_the_index_on_disk(lang: str) -> None:
    # Whoosh keeps the schema, analyzers included, pickled in the index.
    analyzer = pickle.loads(pickle.dumps(analyzer_for(lang)))
    assert [str(token.text) for token in analyzer("2024")] == ["2024"]


def test_only_official_languages_have_analyzers() -> None:
    with pytest.raises(ValueError, match="language must be one of ar, zh, en, fr, ru, es"):
        analyzer_for("de")
