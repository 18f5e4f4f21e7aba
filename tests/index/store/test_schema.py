"""The schema's own field types: what they index is what Whoosh's would, at less cost."""

from __future__ import annotations

import pickle

import pytest
from whoosh.fields import TEXT

from index.language.analysis import analyzer_for
from index.language.official import LANGUAGES
from index.store.schema import SPELLING_CHECKED, RepeatedText, build_schema, fields
from index.whoosh_internals.fields import WrittenWords

TITLE = "Annual report of the Special Representative on Violence against Children"


def test_a_repeated_value_is_indexed_as_the_first_time() -> None:
    analyzer = analyzer_for("en")
    repeated, plain = RepeatedText(analyzer=analyzer), TEXT(analyzer=analyzer)
    expected = sorted(plain.index(TITLE))
    assert sorted(repeated.index(TITLE)) == expected
    assert sorted(repeated.index("Juvenile justice")) == sorted(plain.index("Juvenile justice"))
    assert sorted(repeated.index(TITLE)) == expected


def test_a_repeated_field_is_kept_in_the_index_without_what_it_analysed() -> None:
    field = RepeatedText(analyzer=analyzer_for("en"))
    field.index(TITLE)
    kept = pickle.loads(pickle.dumps(field))
    assert "_remembered" not in kept.__dict__
    assert kept == field
    assert sorted(kept.index(TITLE)) == sorted(TEXT(analyzer=analyzer_for("en")).index(TITLE))


TEXTS = {
    "en": ["The Children's rights, U.S. policy 16.2: children.", "CHILDREN  and trafficked girls"],
    "fr": ["Les enfants, l'éducation; Éducation des enfants.", "exploitation sexuelle"],
    "es": ["Los niños y las niñas: educación, Educación.", "trata de niños"],
    "ru": ["Дети и подростки, дети.", "Торговля детьми"],
    "ar": ["الأطفال، وللأطفال حقوقٌ. الاطفال", "الاتجار بالأطفال"],
}


@pytest.mark.parametrize("lang", sorted(SPELLING_CHECKED))
def test_the_words_kept_for_spelling_are_those_whoosh_keeps(lang: str) -> None:
    schema = build_schema()
    field = schema[fields(lang).words]
    texts = TEXTS[lang]
    # Whoosh's own spelling field: each text's words, analysed without the stemmer.
    expected = {
        str(token.text).encode("utf-8")
        for text in texts
        for token in analyzer_for(lang)(text, no_morph=True)
    }
    assert field.index(tuple(texts)) == [(word, 1, 1.0, b"") for word in sorted(expected)]


def test_only_languages_checked_for_spelling_keep_words() -> None:
    schema = build_schema()
    assert {lang for lang in LANGUAGES if fields(lang).words in schema} == SPELLING_CHECKED
    assert isinstance(schema[fields("en").words], WrittenWords)
