"""Searching by words and by meaning at once (issue 15): paraphrases, other languages, filters,
what must be found as typed, and indexes without vectors. Real indexes on disk, the real sentence
encoder."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from index.ingest.catalogue import load_catalogue
from index.library import Library
from index.models import Paragraph, Report
from index.results import (
    BOTH,
    HYBRID,
    LEXICAL,
    MEANING,
    MODES,
    SEMANTIC,
    WORDS,
    Hit,
    Mode,
    SearchResult,
)
from index.store.generations import Generations
from index.store.vectors import CODES, KEYS, SCALES
from tests.index.samples import ROOT

EVAL_CATALOGUE = ROOT / "tests" / "eval" / "catalogue.toml"

MIGRATION = "A/HRC/91/10"
ISLANDS = "A/HRC/88/5"
EPIDEMIC = "A/HRC/33/2"

BORDER = "kids locked up at the border"
# The paragraph on the detention of young migrants says none of BORDER's words (nor "child",
# which "kids" also finds), and its first sentence is about something else.
THANKS = "The Special Rapporteur thanks the Governments that replied to her questionnaire."
DETAINED = (
    "Young migrants are detained in cells at frontier crossings for weeks, sometimes alongside "
    "adults."
)
NEVER = "Immigration detention is never in the best interests of a young person."


def report(
    symbol: str,
    paragraphs: list[tuple[str, str]],
    *,
    lang: str = "en",
    title: str,
    date: dt.date,
) -> Report:
    """A report of `paragraphs`, each (heading, text), numbered from 1."""
    numbered = tuple(
        Paragraph(symbol=symbol, lang=lang, number=number, section_path=(heading,), text=text)
        for number, (heading, text) in enumerate(paragraphs, start=1)
    )
    return Report(
        symbol=symbol,
        lang=lang,
        title=title,
        date=date,
        paragraphs=numbered,
        paragraph_count=len(numbered),
    )


def migration(lang: str = "en") -> Report:
    texts = {
        "en": [
            ("II. Migration", f"{THANKS} {DETAINED} {NEVER}"),
            (
                "II. Migration",
                "Unaccompanied and separated migrant children should be appointed a guardian "
                "without delay and be given access to asylum procedures adapted to their age.",
            ),
            (
                "I. Introduction",
                "In accordance with General Assembly resolution 62/141, the Special Rapporteur "
                "submits the present report, which covers the period from January to December "
                "2022.",
            ),
            (
                "III. Education",
                "School closures during the pandemic deprived millions of pupils of learning, and "
                "the poorest households were the least able to provide remote education.",
            ),
        ],
        "fr": [
            (
                "II. Migrations",
                "La Rapporteuse spéciale remercie les gouvernements qui ont répondu à son "
                "questionnaire. De jeunes migrants sont détenus dans des cellules aux postes "
                "frontières pendant des semaines, parfois avec des adultes. La rétention "
                "administrative n'est jamais dans l'intérêt supérieur d'une jeune personne.",
            ),
            (
                "II. Migrations",
                "Les enfants migrants non accompagnés ou séparés devraient se voir désigner un "
                "tuteur sans délai et avoir accès à des procédures d'asile adaptées à leur âge.",
            ),
            (
                "I. Introduction",
                "Conformément à la résolution 62/141 de l'Assemblée générale, la Rapporteuse "
                "spéciale présente le présent rapport, qui couvre la période de janvier à "
                "décembre 2022.",
            ),
            (
                "III. Éducation",
                "La fermeture des écoles pendant la pandémie a privé des millions d'élèves "
                "d'apprentissage, et les ménages les plus pauvres étaient les moins à même "
                "d'assurer un enseignement à distance.",
            ),
        ],
        "zh": [
            (
                "二. 移民",
                "特别报告员感谢答复其调查问卷的各国政府。年轻移民在边境口岸的牢房中被关押数周，"
                "有时与成年人关在一起。移民拘留绝不符合年轻人的最大利益。",
            ),
            (
                "二. 移民",
                "应立即为无人陪伴和与家人失散的移民儿童指定监护人，并使他们能够诉诸适合其年龄的"
                "庇护程序。",
            ),
            (
                "一. 导言",
                "根据大会第62/141号决议，特别报告员提交本报告，所涉期间为2022年1月至12月。",
            ),
            (
                "三. 教育",
                "大流行期间学校停课使数百万学生失去学习机会，最贫困的家庭最无力提供远程教育。",
            ),
        ],
    }
    titles = {
        "en": "Annual report of the Special Rapporteur",
        "fr": "Rapport annuel de la Rapporteuse spéciale",
        "zh": "特别报告员的年度报告",
    }
    return report(MIGRATION, texts[lang], lang=lang, title=titles[lang], date=dt.date(2023, 7, 1))


ISLANDS_REPORT = report(
    ISLANDS,
    [
        (
            "III. Deprivation of liberty",
            "Teenage asylum seekers arriving by boat are held behind fences in island detention "
            "camps for months.",
        ),
        (
            "I. Introduction",
            "The Independent Expert thanks the States that replied to the questionnaire on "
            "juvenile justice and the children who took part in the consultations.",
        ),
        (
            "IV. Child labour",
            "Child labour in agriculture remains widespread, and children who work long hours in "
            "the fields often leave school early.",
        ),
    ],
    title="Report of the Independent Expert",
    date=dt.date(2021, 3, 1),
)

# Two paragraphs name Ebola in passing, and are about something else; a third is about an
# epidemic, without naming it.
EPIDEMIC_REPORT = report(
    EPIDEMIC,
    [
        (
            "I. Introduction",
            "The Special Rapporteur held consultations with ministries of finance and planning, "
            "including in a country recovering from Ebola, on the allocation of public budgets "
            "to child protection services.",
        ),
        (
            "I. Introduction",
            "Contributions were also received from national human rights institutions, "
            "ombudspersons and children's commissioners, among them an institution whose staff "
            "had been redeployed during the Ebola response, as well as from regional "
            "organizations and academic networks.",
        ),
        (
            "II. Health emergencies",
            "An epidemic of a deadly virus closed schools for months and left thousands of "
            "orphans without care.",
        ),
    ],
    title="Report of the Special Rapporteur on the right to health",
    date=dt.date(2016, 6, 1),
)


def built(index_dir: Path, reports: list[Report], *, vectors: bool = True) -> Path:
    library = Library(index_dir)
    try:
        with library.transaction(vectors=vectors) as batch:
            for each in reports:
                batch.add(each)
    finally:
        library.close()
    return index_dir


def opened(index_dir: Path) -> Iterator[Library]:
    library = Library(index_dir)
    yield library
    library.close()


@pytest.fixture(scope="module")
def english_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built(
        tmp_path_factory.mktemp("english") / "index",
        [migration(), ISLANDS_REPORT, EPIDEMIC_REPORT],
    )


@pytest.fixture
def english(english_index: Path) -> Iterator[Library]:
    """Three reports in English only (not to be changed)."""
    yield from opened(english_index)


@pytest.fixture(scope="module")
def translated_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built(
        tmp_path_factory.mktemp("translated") / "index",
        [migration(), migration("fr"), migration("zh"), ISLANDS_REPORT],
    )


@pytest.fixture
def translated(translated_index: Path) -> Iterator[Library]:
    """The report on migration in English, French and Chinese, the other in English only (not to
    be changed)."""
    yield from opened(translated_index)


@pytest.fixture(scope="module")
def synthetic_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    english = [report for report in load_catalogue(EVAL_CATALOGUE) if report.lang == "en"]
    return built(tmp_path_factory.mktemp("synthetic") / "index", english)


@pytest.fixture
def synthetic(synthetic_index: Path) -> Iterator[Library]:
    """The synthetic reports A/HRC/TEST/1 and 2 of the search-quality evaluation, 75 paragraphs
    in English (not to be changed)."""
    yield from opened(synthetic_index)


def found(result: SearchResult) -> list[tuple[str, int]]:
    return [(hit.paragraph.symbol, hit.paragraph.number) for hit in result.hits]


def citations(result: SearchResult) -> list[str]:
    return [hit.paragraph.citation for hit in result.hits]


def the_hit(result: SearchResult, symbol: str, number: int) -> Hit:
    (hit,) = [
        hit
        for hit in result.hits
        if (hit.paragraph.symbol, hit.paragraph.number) == (symbol, number)
    ]
    return hit


def marked(hit: Hit) -> list[str]:
    return [segment.text for segment in hit.summary.segments if segment.match]


# A paraphrase.


def test_a_paraphrase_without_the_paragraphs_words_is_found_by_meaning(english: Library) -> None:
    assert (MIGRATION, 1) not in found(english.search(BORDER, mode=LEXICAL, limit=20))
    for mode in (HYBRID, SEMANTIC):
        result = english.search(BORDER, mode=mode)
        assert result.meaning
        assert the_hit(result, MIGRATION, 1).match == MEANING, mode
    # Both paragraphs on detention come first by meaning alone, neither with a word of the query.
    assert set(found(english.search(BORDER, mode=SEMANTIC))[:2]) == {(MIGRATION, 1), (ISLANDS, 1)}


def test_a_hit_found_by_meaning_alone_is_summarised_by_its_sentence_nearest_the_query(
    english: Library,
) -> None:
    hit = the_hit(english.search(BORDER), MIGRATION, 1)
    assert hit.paragraph.text.startswith(THANKS)
    assert hit.summary.plain == DETAINED
    assert marked(hit) == []


def test_the_sentence_of_a_hit_found_by_meaning_is_quoted_whole(library: Library) -> None:
    text = f"{THANKS} Some 1.5 million young migrants were detained at frontier crossings."
    library.add(report(MIGRATION, [("II. Migration", text)], title="T", date=dt.date(2023, 1, 1)))
    (hit,) = library.search(BORDER).hits
    assert hit.match == MEANING
    assert (
        hit.summary.plain == "Some 1.5 million young migrants were detained at frontier crossings."
    )


def test_every_hit_found_by_meaning_alone_has_no_word_marked_and_the_others_have(
    english: Library,
) -> None:
    for query in (BORDER, "immigration detention", "Ebola"):
        for hit in english.search(query).hits:
            assert (hit.match == MEANING) == (marked(hit) == []), (query, hit)


def test_a_hit_with_the_querys_words_has_them_marked(english: Library) -> None:
    result = english.search("immigration detention")
    detention = the_hit(result, MIGRATION, 1)
    assert detention.match == BOTH
    assert detention.summary.plain == NEVER
    assert marked(detention) == ["Immigration", "detention"]
    assert marked(the_hit(result, ISLANDS, 1)) == ["detention"]
    # Found by its words only: naming Ebola in passing is not being close to it in meaning.
    ebola = english.search("Ebola")
    assert [(hit.match, marked(hit)) for hit in ebola.hits[:2]] == [(WORDS, ["Ebola"])] * 2


# Other languages.


@pytest.mark.parametrize(
    ("query", "lang"),
    [
        ("des jeunes enfermés par la police aux frontières", "fr"),
        ("дети под замком на границе", "ru"),
        ("被关押在边境的孩子", "zh"),
    ],
)
def test_a_query_in_another_language_finds_the_english_paragraph_by_meaning(
    english: Library, query: str, lang: str
) -> None:
    result = english.search(query)
    assert (result.lang, result.fell_back_from) == (lang, lang)
    assert (MIGRATION, 1) in found(result)[:2]
    assert the_hit(result, MIGRATION, 1).match == MEANING
    assert {hit.paragraph.lang for hit in result.hits} == {"en"}


@pytest.mark.parametrize(
    ("query", "lang"),
    [("enfants enfermés à la frontière", "fr"), ("被关押在边境的孩子", "zh")],
)
@pytest.mark.parametrize("mode", [HYBRID, SEMANTIC])
def test_a_hit_is_shown_in_the_readers_version_where_its_report_has_one(
    translated: Library, query: str, lang: str, mode: Mode
) -> None:
    result = translated.search(query, mode=mode)
    assert result.lang == lang
    assert {hit.paragraph.symbol for hit in result.hits} == {MIGRATION, ISLANDS}
    for hit in result.hits:
        assert hit.paragraph.lang == (lang if hit.paragraph.symbol == MIGRATION else "en"), hit


def test_a_report_with_the_readers_version_is_shown_in_it_when_words_fell_back_to_english(
    translated: Library,
) -> None:
    result = translated.search("immigration detention", lang="fr")
    assert result.fell_back_from == "fr"
    assert {hit.paragraph.lang for hit in result.hits if hit.paragraph.symbol == MIGRATION} == {
        "fr"
    }


# Filters, on both channels.


def test_a_report_filter_leaves_out_what_other_reports_say_in_any_way(english: Library) -> None:
    assert (ISLANDS, 1) in found(english.search(BORDER))
    for mode in (HYBRID, SEMANTIC):
        migration_only = english.search(f"report:{MIGRATION} {BORDER}", mode=mode)
        assert (MIGRATION, 1) in found(migration_only)
        assert {symbol for symbol, _ in found(migration_only)} == {MIGRATION}
        islands_only = english.search(f"report:{ISLANDS} {BORDER}", mode=mode)
        assert (ISLANDS, 1) in found(islands_only)
        assert {symbol for symbol, _ in found(islands_only)} == {ISLANDS}


@pytest.mark.parametrize(
    ("years", "symbol"), [("2023", MIGRATION), ("2020-2021", ISLANDS), ("2016", EPIDEMIC)]
)
def test_a_year_filter_leaves_out_other_years_reports_in_any_way(
    english: Library, years: str, symbol: str
) -> None:
    for mode in (HYBRID, SEMANTIC):
        result = english.search(f"year:{years} {BORDER}", mode=mode)
        assert result.hits
        assert {hit.paragraph.symbol for hit in result.hits} == {symbol}


def test_a_section_filter_leaves_out_other_sections_in_any_way(english: Library) -> None:
    for mode in (HYBRID, SEMANTIC):
        migration_section = english.search(f"section:migration {BORDER}", mode=mode)
        assert (MIGRATION, 1) in found(migration_section)
        assert {hit.paragraph.section for hit in migration_section.hits} == {"II. Migration"}
        liberty = english.search(f"section:liberty {BORDER}", mode=mode)
        assert found(liberty) == [(ISLANDS, 1)]


# What must be found as typed.


def test_a_rare_name_keeps_its_paragraphs_first_before_those_closer_in_meaning(
    english: Library,
) -> None:
    by_words = found(english.search("Ebola", mode=LEXICAL))
    assert sorted(by_words) == [(EPIDEMIC, 1), (EPIDEMIC, 2)]
    # The paragraph on an epidemic that does not name it is the nearest in meaning.
    assert found(english.search("Ebola", mode=SEMANTIC)) == [(EPIDEMIC, 3)]
    assert found(english.search("Ebola")) == [*by_words, (EPIDEMIC, 3)]


@pytest.mark.parametrize(
    ("query", "typed"),
    [
        # A number: the paragraphs on target 16.2 of the Sustainable Development Goals.
        ("16.2", 3),
        # Words in quotes, each of them in many paragraphs.
        ('"child marriage"', 5),
    ],
)
def test_what_must_be_found_as_typed_keeps_the_lead_over_what_is_close_in_meaning(
    synthetic: Library, query: str, typed: int
) -> None:
    by_words = citations(synthetic.search(query, mode=LEXICAL))[:typed]
    assert len(by_words) == typed
    assert citations(synthetic.search(query, mode=SEMANTIC))[:typed] != by_words
    assert citations(synthetic.search(query))[:typed] == by_words


# Indexes without vectors.


def test_an_index_built_without_vectors_is_searched_by_words_until_they_are_added(
    library: Library,
) -> None:
    with library.transaction(vectors=False) as batch:
        batch.add(migration())
        batch.add(ISLANDS_REPORT)
    assert library.missing_vectors() == [(ISLANDS, "en"), (MIGRATION, "en")]
    by_words = library.search(BORDER)
    assert by_words.hits
    assert MEANING not in {hit.match for hit in by_words.hits}
    assert (MIGRATION, 1) not in found(by_words)

    assert library.add_vectors() == 7
    assert library.missing_vectors() == []
    result = library.search(BORDER)
    assert result.meaning
    assert the_hit(result, MIGRATION, 1).match == MEANING


def test_an_index_built_without_any_vectors_says_it_searched_by_words_only(
    library: Library,
) -> None:
    with library.transaction(vectors=False) as batch:
        batch.add(migration())
    assert library.missing_vectors() == [(MIGRATION, "en")]
    assert not library.search(BORDER).meaning


def test_an_index_whose_vectors_are_gone_is_searched_by_words_until_they_are_added(
    tmp_path: Path,
) -> None:
    index_dir = built(tmp_path / "index", [migration(), ISLANDS_REPORT])
    live = Generations(index_dir).current()
    assert live is not None
    for name in (CODES, SCALES, KEYS):
        (live / name).unlink()
    library = Library(index_dir)
    try:
        assert library.missing_vectors() == [(ISLANDS, "en"), (MIGRATION, "en")]
        by_words = library.search(BORDER)
        assert not by_words.meaning
        assert by_words.hits
        assert MEANING not in {hit.match for hit in by_words.hits}
        assert (MIGRATION, 1) not in found(by_words)

        assert library.add_vectors() == 7
        assert library.missing_vectors() == []
        result = library.search(BORDER)
        assert result.meaning
        assert the_hit(result, MIGRATION, 1).match == MEANING
    finally:
        library.close()


# Typos.


@pytest.mark.parametrize("mode", [SEMANTIC, HYBRID])
def test_meaning_is_looked_for_in_the_words_as_corrected(
    sample_library: Library, mode: Mode
) -> None:
    # Misspelt, the query is not close enough in meaning to any paragraph.
    misspelt = sample_library.search("trafficing survivers", mode=mode)
    assert misspelt.corrected == (("trafficing", "trafficking"), ("survivers", "survivors"))
    assert misspelt.hits
    assert misspelt.hits == sample_library.search("trafficking survivors", mode=mode).hits


# Modes.


def test_lexical_mode_is_the_words_channel_alone(english: Library, tmp_path: Path) -> None:
    result = english.search(BORDER, mode=LEXICAL)
    assert not result.meaning
    assert result.hits
    assert {hit.match for hit in result.hits} == {WORDS}
    # As an index without vectors answers it.
    words_only = Library(
        built(tmp_path / "index", [migration(), ISLANDS_REPORT, EPIDEMIC_REPORT], vectors=False)
    )
    try:
        assert words_only.search(BORDER, mode=LEXICAL) == result
    finally:
        words_only.close()


def test_an_unknown_mode_is_a_mistake(english: Library) -> None:
    mode: Any = "fuzzy"
    with pytest.raises(ValueError, match="mode must be one of lexical, semantic, hybrid"):
        english.search(BORDER, mode=mode)


@pytest.mark.parametrize("mode", MODES)
def test_nonsense_finds_nothing_in_any_mode(sample_library: Library, mode: Mode) -> None:
    result = sample_library.search("zebra giraffe", mode=mode)
    assert result.words == ("zebra", "giraffe")
    assert result.hits == ()


_COLD_START = """
import sys, threading, time
from pathlib import Path
from index.language.meaning import encoder
from index.library import Library

library = Library(Path(sys.argv[1]))
# The model takes a second to load: held back here, it is still loading when the first
# search comes.
with encoder()._lock:
    loading = threading.Thread(target=library.load_meaning)
    loading.start()
    time.sleep(0.2)
    first = library.search(sys.argv[2])
loading.join()
again = library.search(sys.argv[2])
print(first.meaning, any(hit.match == "meaning" for hit in first.hits), again.meaning)
"""


def test_a_search_while_the_encoder_loads_is_answered_by_words_and_not_remembered(
    english_index: Path,
) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _COLD_START, str(english_index), BORDER],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "False", "True"]
