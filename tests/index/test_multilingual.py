"""Reports in every official language: versions, paragraphs by language, searches in the user's
language, and English when that language cannot answer."""

from __future__ import annotations

from pathlib import Path

import pytest
from whoosh import index as whoosh_index
from whoosh.analysis import StemmingAnalyzer
from whoosh.fields import ID, NUMERIC, STORED, TEXT, Schema

from index.language.analysis import analyzer_for
from index.language.official import LANGUAGES
from index.library import Library
from index.models import Report
from index.results import LEXICAL, MEANING
from index.search.query import query_words
from tests.index.samples import MULTILINGUAL_SYMBOL as SYMBOL


def numbers(library: Library, query: str, lang: str | None = None) -> list[int]:
    """The numbers of the paragraphs found by their words: how each language is analysed."""
    found = library.search(query, lang=lang, mode=LEXICAL)
    return [hit.paragraph.number for hit in found.hits]


# Versions and paragraphs.


def test_a_report_lists_its_languages_in_the_uns_order(multilingual: Library) -> None:
    assert multilingual.languages(SYMBOL) == ["ar", "zh", "en", "fr", "ru", "es"]
    assert multilingual.languages() == list(LANGUAGES)
    assert multilingual.languages("A/NOPE/1") == []


def test_reports_are_listed_per_language_version(multilingual: Library) -> None:
    assert [report.lang for report in multilingual.reports()] == list(LANGUAGES)
    (french,) = multilingual.reports(lang="fr")
    assert (french.symbol, french.lang, french.paragraph_count) == (SYMBOL, "fr", 18)
    assert multilingual.report(SYMBOL, "zh") is not None


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_same_paragraph_is_there_in_every_language(
    multilingual: Library, versions: dict[str, Report], lang: str
) -> None:
    paragraph = multilingual.paragraph(SYMBOL, 8, lang)
    assert paragraph == versions[lang].paragraphs[7]
    annexed = multilingual.paragraph(SYMBOL, 2, lang, annex="I")
    assert annexed is not None
    assert (annexed.lang, annexed.citation) == (lang, f"{SYMBOL}, annex I, para. 2")
    assert multilingual.paragraph_numbers(SYMBOL, lang) == list(range(1, 17))


def test_a_report_in_another_language_than_the_uns_is_refused(library: Library) -> None:
    report = Report(symbol="A/1", lang="de", title="T")
    with pytest.raises(ValueError, match="language must be one of"):
        library.add(report)


# Searching in a language.


@pytest.mark.parametrize(
    ("query", "lang", "expected"),
    [
        ("child marriage", "en", 8),
        ("mariage d'enfants", "fr", 8),
        ("matrimonio infantil", "es", 8),
        ("детские браки", "ru", 8),
        ("زواج الأطفال", "ar", 8),
        ("童婚", "zh", 8),
        ("minimum age of criminal responsibility", "en", 15),
        ("âge minimum de la responsabilité pénale", "fr", 15),
        ("edad mínima de responsabilidad penal", "es", 15),
        ("минимальный возраст уголовной ответственности", "ru", 15),
        ("الحد الأدنى لسن المسؤولية الجنائية", "ar", 15),
        ("最低刑事责任年龄", "zh", 15),
    ],
)
def test_a_query_finds_the_paragraph_in_its_own_language(
    multilingual: Library, query: str, lang: str, expected: int
) -> None:
    result = multilingual.search(query)
    assert (result.lang, result.fell_back_from) == (lang, None)
    assert expected in [hit.paragraph.number for hit in result.hits[:2]]
    # Every paragraph the report has in the language is shown in it; one only the English
    # version has, found by meaning, in English.
    for hit in result.hits:
        versions = multilingual.languages(hit.paragraph.symbol)
        here = multilingual.paragraph(hit.paragraph.symbol, hit.paragraph.number, lang)
        assert hit.paragraph.lang == (lang if here is not None else "en"), versions


@pytest.mark.parametrize(
    ("lang", "forms"),
    [
        ("ru", ("торговля детьми", "торговли детьми", "торговлей детьми")),
        ("fr", ("victime de la traite", "victimes de la traite")),
        ("es", ("víctima de trata", "víctimas de trata", "victimas de trata")),
        ("ar", ("الأطفال ضحايا الاتجار", "أطفال ضحايا اتجار")),
    ],
)
def test_inflected_forms_find_the_same_paragraphs(
    multilingual: Library, lang: str, forms: tuple[str, ...]
) -> None:
    found = [numbers(multilingual, form, lang=lang) for form in forms]
    assert found[0]
    assert all(other == found[0] for other in found[1:]), found


def test_russian_cases_find_the_nominative(multilingual: Library) -> None:
    # Paragraph 3 says `Торговля детьми`; paragraph 4 `жертвами торговли людьми`.
    assert {3, 4} <= set(numbers(multilingual, "торговлей", lang="ru"))


def test_chinese_needs_no_spaces_and_any_order(multilingual: Library) -> None:
    assert numbers(multilingual, "贩运儿童")[:2] == numbers(multilingual, "儿童贩运")[:2]
    assert 3 in numbers(multilingual, "贩运儿童")[:2]
    # 气候灾害 is one dictionary word, which no paragraph has: its words are searched for.
    assert numbers(multilingual, "气候灾害")[0] == 12


def test_hits_are_summarised_with_their_languages_words(multilingual: Library) -> None:
    (hit, *_) = multilingual.search("体罚").hits
    assert any(segment.match and segment.text == "体罚" for segment in hit.summary.segments)
    (hit, *_) = multilingual.search("العقوبة البدنية").hits
    marked = [segment.text for segment in hit.summary.segments if segment.match]
    assert marked == ["العقوبة", "البدنية"]


def test_questions_in_other_languages_search_for_their_subject(multilingual: Library) -> None:
    asked = multilingual.search("Que dit le rapport sur le travail des enfants ?")
    assert asked.words == ("travail", "enfants")
    assert asked.hits[0].paragraph.number in {7, 10}
    words = query_words("报告关于童工说了什么？", analyzer_for("zh"), "zh")
    assert [word.word for word in words] == ["童工"]


def test_typos_are_corrected_in_other_languages(multilingual: Library) -> None:
    result = multilingual.search("exploitaton sexuelle", lang="fr")
    assert result.corrected == (("exploitaton", "exploitation"),)
    # Accents left out: `explotacion` is stemmed apart from `explotación`, and corrected.
    result = multilingual.search("explotacion sexual", lang="es")
    assert result.corrected == (("explotacion", "explotación"),)
    # `detencion` and `detención` stem alike, with no correction needed.
    result = multilingual.search("detencion de niños", lang="es")
    assert result.corrected == ()
    assert result.hits[0].paragraph.number == 14


def test_each_language_has_its_own_synonyms(multilingual: Library) -> None:
    assert set(numbers(multilingual, "pédopornographie")[:2]) == {5, 6}
    assert set(numbers(multilingual, "儿童色情制品")[:2]) == {5, 6}


def test_filters_work_in_every_language(multilingual: Library) -> None:
    result = multilingual.search(f"report:{SYMBOL} section:Введение государства")
    assert result.lang == "ru"
    assert [hit.paragraph.number for hit in result.hits] == [1]


# Which language is searched.


def test_the_language_may_be_given(multilingual: Library) -> None:
    result = multilingual.search("violence", lang="fr")
    assert result.lang == "fr"
    assert {hit.paragraph.lang for hit in result.hits} == {"fr"}


def test_a_query_that_does_not_tell_is_in_the_chats_language(multilingual: Library) -> None:
    assert multilingual.search("violence", fallback_lang="fr").lang == "fr"
    assert multilingual.search("violence").lang == "en"
    assert multilingual.search("violencia contra los niños", fallback_lang="fr").lang == "es"


@pytest.mark.parametrize(("tag", "lang"), [("fr-CA", "fr"), ("zh-Hans", "zh"), ("pt-BR", "en")])
def test_the_chats_language_is_any_language_tag(multilingual: Library, tag: str, lang: str) -> None:
    assert multilingual.search("62/141", fallback_lang=tag).lang == lang


def test_a_language_given_must_be_an_official_one(multilingual: Library) -> None:
    with pytest.raises(ValueError, match="language must be one of"):
        multilingual.search("violence", lang="de")


# English when the language cannot answer.


@pytest.fixture
def english_and_french(tmp_path: Path, versions: dict[str, Report]) -> Library:
    library = Library(tmp_path / "index")
    with library.transaction() as batch:
        batch.add(versions["en"])
        batch.add(versions["fr"])
    return library


def test_without_paragraphs_in_the_language_english_answers(english_and_french: Library) -> None:
    try:
        result = english_and_french.search("Birth registration", lang="ru")
        assert (result.lang, result.fell_back_from) == ("ru", "ru")
        assert result.hits[0].paragraph.number == 10
        assert result.hits[0].paragraph.lang == "en"
        # Russian words no English paragraph has: the paragraph on trafficking is found by its
        # meaning, in English, and said to be.
        russian = english_and_french.search("торговля детьми")
        assert (russian.lang, russian.fell_back_from) == ("ru", "ru")
        (first, *_) = russian.hits
        assert (first.paragraph.number, first.paragraph.lang, first.match) == (3, "en", MEANING)
        by_words = english_and_french.search("торговля детьми", mode=LEXICAL)
        assert by_words.hits == ()
    finally:
        english_and_french.close()


def test_when_the_language_finds_nothing_english_does(english_and_french: Library) -> None:
    try:
        result = english_and_french.search("Birth registration", lang="fr")
        assert (result.lang, result.fell_back_from) == ("fr", "fr")
        assert result.hits[0].paragraph.number == 10
        # When English finds nothing either, the answer is the language's own.
        nothing = english_and_french.search("zèbre girafe", lang="fr")
        assert (nothing.lang, nothing.fell_back_from, nothing.hits) == ("fr", None, ())
    finally:
        english_and_french.close()


def test_an_index_of_the_english_only_schema_is_started_afresh(tmp_path: Path) -> None:
    analyzer = StemmingAnalyzer()
    before = Schema(
        key=ID(unique=True),
        kind=ID(stored=True),
        symbol=ID(stored=True),
        lang=ID(stored=True),
        annex=ID(stored=True),
        number=NUMERIC(int, stored=True),
        section=TEXT(analyzer=analyzer, stored=True),
        body=TEXT(analyzer=analyzer, stored=True, spelling=True),
        title=TEXT(analyzer=analyzer),
        page=STORED,
        notes=STORED,
        link=STORED,
        report=STORED,
    )
    directory = tmp_path / "index"
    directory.mkdir()
    whoosh_index.create_in(str(directory), before).close()
    library = Library(directory)
    try:
        assert library.is_empty()
        assert library.languages() == []
    finally:
        library.close()
