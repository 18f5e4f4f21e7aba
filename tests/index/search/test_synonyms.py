"""The thesaurus: acronyms and synonyms from config/synonyms.toml, matched as the index's terms."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from index.language.analysis import analyzer_for
from index.search.query import Concept, query_words
from index.search.synonyms import SYNONYMS, SynonymsError, Thesaurus, load_synonyms


@pytest.fixture(scope="module")
def analyzer() -> Any:
    return analyzer_for("en")


@pytest.fixture(scope="module")
def shipped(analyzer: Any) -> Thesaurus:
    return Thesaurus(load_synonyms(SYNONYMS)["en"], analyzer)


def terms(analyzer: Any, text: str) -> tuple[str, ...]:
    return tuple(str(token.text) for token in analyzer(text))


def concepts(thesaurus: Thesaurus, analyzer: Any, text: str) -> tuple[Concept, ...]:
    return thesaurus.concepts(query_words(text, analyzer))


def test_the_shipped_list_loads_with_the_acronyms_the_reports_use(
    shipped: Thesaurus, analyzer: Any
) -> None:
    for acronym in ("CSAM", "OPSC", "UNODC", "ILO", "CRC", "UNICEF", "FGM"):
        assert shipped.knows(terms(analyzer, acronym)[0]), acronym


@pytest.mark.parametrize(
    ("typed", "spelt_out"),
    [
        ("CSAM", "child sexual abuse material"),
        ("UNODC", "United Nations Office on Drugs and Crime"),
        ("ILO", "International Labour Organization"),
        ("SDG 16.2", "target 16.2"),
        ("OPSC", "sale of children, child prostitution and child pornography"),
        ("minors", "children"),
        ("labor", "labour"),
    ],
)
def test_a_shipped_acronym_or_word_brings_in_its_synonyms(
    shipped: Thesaurus, analyzer: Any, typed: str, spelt_out: str
) -> None:
    (concept,) = concepts(shipped, analyzer, typed)
    assert terms(analyzer, spelt_out) in concept.synonyms


def test_synonyms_work_both_ways(analyzer: Any) -> None:
    thesaurus = Thesaurus([["CSAM", "child sexual abuse material"]], analyzer)
    (spelt_out,) = concepts(thesaurus, analyzer, "child sexual abuse material")
    assert [word.word for word in spelt_out.words] == ["child", "sexual", "abuse", "material"]
    assert spelt_out.synonyms == (("csam",),)
    (acronym,) = concepts(thesaurus, analyzer, "csam")
    assert acronym.synonyms == (terms(analyzer, "child sexual abuse material"),)


def test_case_plurals_and_small_words_do_not_matter(analyzer: Any) -> None:
    thesaurus = Thesaurus([["trafficking in persons", "human trafficking"]], analyzer)
    (concept,) = concepts(thesaurus, analyzer, "Trafficking of Persons")
    assert concept.synonyms == (terms(analyzer, "human trafficking"),)


def test_the_longest_phrase_wins(analyzer: Any) -> None:
    thesaurus = Thesaurus([["child", "minor"], ["child labour", "child work"]], analyzer)
    found = concepts(thesaurus, analyzer, "child labour child")
    assert [[word.word for word in concept.words] for concept in found] == [
        ["child", "labour"],
    ]
    assert found[0].synonyms == (terms(analyzer, "child work"),)
    (alone,) = concepts(thesaurus, analyzer, "minors")
    assert alone.synonyms == (("child",),)


def test_words_outside_the_thesaurus_are_concepts_by_themselves(analyzer: Any) -> None:
    thesaurus = Thesaurus([["ILO", "International Labour Organization"]], analyzer)
    found = concepts(thesaurus, analyzer, "agriculture ILO estimates")
    assert [concept.synonyms for concept in found] == [
        (),
        (terms(analyzer, "International Labour Organization"),),
        (),
    ]
    assert not thesaurus.knows("agricultur")


def test_a_phrase_in_two_groups_belongs_to_the_first(analyzer: Any) -> None:
    thesaurus = Thesaurus([["war", "armed conflict"], ["war", "hostilities"]], analyzer)
    (concept,) = concepts(thesaurus, analyzer, "war")
    assert concept.synonyms == (terms(analyzer, "armed conflict"),)


def test_a_concept_knows_every_term_that_matches_it(analyzer: Any) -> None:
    thesaurus = Thesaurus([["FGM", "female genital mutilation"]], analyzer)
    (concept,) = concepts(thesaurus, analyzer, "FGM")
    assert concept.terms == {"fgm", *terms(analyzer, "female genital mutilation")}


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("[[group]\n", "not valid TOML"),
        ("group = 3\n", "array of tables"),
        ("[[group]]\nterms = ['CSAM']\n", "group #1: `terms` must list two or more"),
        ("[[group]]\nterms = ['a', 'b']\n[[group]]\nterms = ['a', 2]\n", "group #2"),
        ("[[group]]\nwords = ['a', 'b']\n", "group #1"),
        ("[[group]]\nterms = ['a', ' ']\n", "group #1"),
        ("[[group]]\nterms = ['a', 'b']\nlang = 'de'\n", "group #1: `lang` must be one of"),
    ],
)
def test_a_broken_list_is_named_with_its_problem(
    tmp_path: Path, content: str, problem: str
) -> None:
    path = tmp_path / "synonyms.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SynonymsError, match=problem) as error:
        load_synonyms(path)
    assert str(path) in str(error.value)


def test_a_missing_list_is_named(tmp_path: Path) -> None:
    with pytest.raises(SynonymsError, match="cannot read the synonyms"):
        load_synonyms(tmp_path / "none.toml")


def test_groups_are_english_unless_they_say_otherwise(tmp_path: Path) -> None:
    path = tmp_path / "synonyms.toml"
    path.write_text(
        "[[group]]\nterms = ['minor', 'child']\n"
        "[[group]]\nlang = 'fr'\nterms = ['mineur', 'enfant']\n",
        encoding="utf-8",
    )
    assert load_synonyms(path) == {"en": [["minor", "child"]], "fr": [["mineur", "enfant"]]}


def test_the_shipped_list_has_groups_in_other_languages() -> None:
    shipped = load_synonyms(SYNONYMS)
    assert {"fr", "es", "ru", "ar", "zh"} <= shipped.keys()


def test_a_languages_groups_compare_its_word_endings() -> None:
    french = analyzer_for("fr")
    thesaurus = Thesaurus(load_synonyms(SYNONYMS)["fr"], french)
    (concept,) = thesaurus.concepts(query_words("mineurs", french, "fr"))
    assert terms(french, "enfant") in concept.synonyms


def test_the_phrases_are_the_entries_of_several_words(analyzer: Any) -> None:
    thesaurus = Thesaurus([["CSAM", "child sexual abuse material"], ["minor", "child"]], analyzer)
    assert thesaurus.phrases == [("child", "sexual", "abus", "materi")]
