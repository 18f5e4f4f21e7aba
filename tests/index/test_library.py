"""The library on disk: adding and replacing reports, looking up paragraphs, searching."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from whoosh import index as whoosh_index
from whoosh.analysis import StemmingAnalyzer
from whoosh.fields import ID, NUMERIC, STORED, TEXT, Schema

from bench.queries import queries
from index.errors import IndexUnavailable, IngestError
from index.language.analysis import analyzer_for
from index.library import Library, open_library
from index.models import Paragraph, Report
from index.results import SearchResult
from index.search.reading import RERANKED
from index.store.generations import Generations
from tests.index.samples import CATALOGUE, SAMPLE_SYMBOL


def make_report(
    symbol: str,
    texts: list[str],
    *,
    lang: str = "en",
    title: str = "A report",
    date: dt.date | None = None,
) -> Report:
    paragraphs = tuple(
        Paragraph(symbol=symbol, lang=lang, number=number, section_path=("I. Intro",), text=text)
        for number, text in enumerate(texts, start=1)
    )
    return Report(
        symbol=symbol,
        lang=lang,
        title=title,
        date=date,
        summary=f"Summary of {symbol}.",
        paragraphs=paragraphs,
        paragraph_count=len(paragraphs),
    )


@pytest.fixture(scope="module")
def analyzer() -> Any:
    return analyzer_for("en")


def stems(analyzer: Any, text: str) -> set[str]:
    return {str(token.text) for token in analyzer(text)}


# Adding and reading back.


def test_a_new_library_is_empty(library: Library) -> None:
    assert library.is_empty()
    assert library.reports() == []
    assert library.search("trafficking") == SearchResult(words=("trafficking",), hits=())


def test_an_added_report_is_listed_without_its_paragraphs(
    sample_library: Library, sample: Report
) -> None:
    assert not sample_library.is_empty()
    (listed,) = sample_library.reports()
    assert listed == sample.model_copy(update={"paragraphs": (), "version": sample.fingerprint()})
    assert listed.paragraph_count == 4
    assert sample_library.report(SAMPLE_SYMBOL) == listed


def test_unknown_reports_and_languages_are_none(sample_library: Library) -> None:
    assert sample_library.report("A/HRC/0/0") is None
    assert sample_library.report(SAMPLE_SYMBOL, lang="fr") is None
    assert sample_library.paragraph(SAMPLE_SYMBOL, 99) is None
    assert sample_library.paragraph(SAMPLE_SYMBOL, 1, lang="fr") is None
    assert sample_library.paragraph_numbers("A/HRC/0/0") == []


def test_paragraphs_come_back_as_they_went_in(sample_library: Library, sample: Report) -> None:
    for paragraph in sample.paragraphs:
        assert sample_library.paragraph(SAMPLE_SYMBOL, paragraph.number) == paragraph
    assert sample_library.paragraph_numbers(SAMPLE_SYMBOL) == [1, 2, 3, 4]


def test_pages_notes_and_nested_sections_are_kept(library: Library) -> None:
    paragraph = Paragraph(
        symbol="A/1",
        number=7,
        section_path=("II. Activities", "A. Global level", "1. Legislation"),
        text="Text.",
        page=3,
        notes=("A/61/299.",),
        link="https://undocs.org/a.pdf#page=3",
    )
    library.add(Report(symbol="A/1", title="T", paragraphs=(paragraph,)))
    assert library.paragraph("A/1", 7) == paragraph


def test_the_library_is_on_disk(tmp_path: Path, sample: Report) -> None:
    first = Library(tmp_path / "index")
    first.add(sample)
    first.close()
    second = Library(tmp_path / "index")
    try:
        assert second.paragraph_numbers(SAMPLE_SYMBOL) == [1, 2, 3, 4]
    finally:
        second.close()


def test_adding_again_replaces_the_whole_report(sample_library: Library, sample: Report) -> None:
    shorter = make_report(SAMPLE_SYMBOL, ["New first.", "New second."], title="Revised")
    sample_library.add(shorter)
    assert sample_library.paragraph_numbers(SAMPLE_SYMBOL) == [1, 2]
    assert sample_library.paragraph(SAMPLE_SYMBOL, 3) is None
    assert sample_library.paragraph(SAMPLE_SYMBOL, 1) == shorter.paragraphs[0]
    assert [(r.title, r.paragraph_count) for r in sample_library.reports()] == [("Revised", 2)]
    assert sample_library.search("trafficking").hits == ()


def test_other_languages_and_reports_are_left_alone(sample_library: Library) -> None:
    french = make_report(SAMPLE_SYMBOL, ["Texte français."], lang="fr")
    sample_library.add(french)
    sample_library.add(make_report("A/2", ["Other."]))
    sample_library.add(make_report("A/2", ["Other, again."]))
    assert sample_library.paragraph_numbers(SAMPLE_SYMBOL) == [1, 2, 3, 4]
    assert sample_library.paragraph_numbers(SAMPLE_SYMBOL, lang="fr") == [1]
    assert sample_library.paragraph(SAMPLE_SYMBOL, 1, lang="fr") == french.paragraphs[0]
    assert len(sample_library.reports()) == 3


def test_reports_are_listed_newest_first(library: Library) -> None:
    library.add(make_report("A/old", ["x."], date=dt.date(2020, 1, 1)))
    library.add(make_report("A/undated", ["x."]))
    library.add(make_report("A/new", ["x."], date=dt.date(2025, 1, 1)))
    library.add(make_report("A/also-new", ["x."], date=dt.date(2025, 1, 1)))
    assert [r.symbol for r in library.reports()] == ["A/also-new", "A/new", "A/old", "A/undated"]


def test_a_report_without_paragraphs_is_refused(library: Library, sample: Report) -> None:
    with pytest.raises(ValueError, match="no paragraphs"):
        library.add(sample.model_copy(update={"paragraphs": ()}))
    assert library.is_empty()


def test_paragraphs_of_another_report_are_refused(library: Library) -> None:
    report = make_report("A/1", ["x."])
    stray = report.model_copy(update={"symbol": "A/2"})
    with pytest.raises(ValueError, match="not part of A/2"):
        library.add(stray)


def test_paragraph_numbers_must_be_unique(library: Library) -> None:
    report = make_report("A/1", ["x.", "y."])
    twice = report.model_copy(update={"paragraphs": (report.paragraphs[0],) * 2})
    with pytest.raises(ValueError, match="same number"):
        library.add(twice)


def test_an_index_with_another_schema_is_started_afresh(tmp_path: Path) -> None:
    directory = tmp_path / "index"
    directory.mkdir()
    whoosh_index.create_in(str(directory), Schema(path=ID(stored=True))).close()
    library = Library(directory)
    try:
        assert library.is_empty()
        library.add(make_report("A/1", ["Works."]))
        assert library.paragraph_numbers("A/1") == [1]
    finally:
        library.close()


# Searching.


def test_trafficking_finds_paragraphs_3_and_4(
    sample_library: Library, sample: Report, analyzer: Any
) -> None:
    result = sample_library.search("trafficking")
    assert result.words == ("trafficking",)
    assert result.matched_all
    assert 0 < len(result.hits) <= 5
    assert {3, 4} <= {hit.paragraph.number for hit in result.hits}
    for hit in result.hits:
        searched = " ".join([hit.paragraph.text, *hit.paragraph.section_path, sample.title])
        assert stems(analyzer, "trafficking") <= stems(analyzer, searched)


def test_hits_come_best_first_with_their_paragraph_and_summary(
    sample_library: Library, sample: Report
) -> None:
    hits = sample_library.search("trafficking").hits
    assert [hit.score for hit in hits] == sorted((hit.score for hit in hits), reverse=True)
    for hit in hits:
        assert hit.paragraph == sample.paragraphs[hit.paragraph.number - 1]
        assert "trafficking" in [s.text.lower() for s in hit.summary.segments if s.match]


def test_a_paragraph_with_the_word_outranks_one_matching_only_the_title(
    sample_library: Library,
) -> None:
    # Every paragraph shares the report's title, "… Violence against Children".
    hits = sample_library.search("violence").hits
    with_word = [hit for hit in hits if "violence" in hit.paragraph.text.lower()]
    without = [hit for hit in hits if "violence" not in hit.paragraph.text.lower()]
    assert with_word
    assert without
    assert min(hit.score for hit in with_word) > max(hit.score for hit in without)


def test_a_word_in_the_text_counts_for_more_than_in_a_heading(library: Library) -> None:
    in_heading = Paragraph(
        symbol="A/1",
        number=1,
        section_path=("I. Zebra crossings",),
        text="Roads are busy today and many people walk along them in the city.",
    )
    in_text = Paragraph(
        symbol="A/1",
        number=2,
        section_path=("II. Other matters",),
        text="A zebra crossing helps people walk across busy roads safely in the city.",
    )
    library.add(Report(symbol="A/1", title="Road safety", paragraphs=(in_heading, in_text)))
    assert [hit.paragraph.number for hit in library.search("zebra").hits] == [2, 1]


def test_paragraphs_with_every_word_come_before_those_with_some(
    sample_library: Library, analyzer: Any
) -> None:
    result = sample_library.search("trafficking survivors")
    assert result.matched_all
    # Only paragraph 4 has both words; paragraph 3, with trafficking alone, fills a place.
    assert [hit.paragraph.number for hit in result.hits] == [4, 3]
    assert stems(analyzer, "trafficking survivors") <= stems(
        analyzer, result.hits[0].paragraph.text
    )


def test_enough_paragraphs_with_every_word_leave_no_place_for_others(
    sample_library: Library,
) -> None:
    hits = sample_library.search("trafficking survivors", limit=1).hits
    assert [hit.paragraph.number for hit in hits] == [4]


def test_without_a_paragraph_having_every_word_any_word_will_do(
    sample_library: Library,
) -> None:
    result = sample_library.search("trafficking zebra")
    assert result.words == ("trafficking", "zebra")
    assert not result.matched_all
    assert {3, 4} <= {hit.paragraph.number for hit in result.hits}


def test_a_single_unknown_word_finds_nothing(sample_library: Library) -> None:
    # Nor is any paragraph close to it in meaning.
    assert sample_library.search("zebra") == SearchResult(words=("zebra",), hits=(), meaning=True)


def test_headings_are_searched_too(sample_library: Library, sample: Report) -> None:
    hits = sample_library.search("introduction").hits
    assert {hit.paragraph.number for hit in hits} == {p.number for p in sample.paragraphs}
    for hit in hits:  # nothing in the text matched: the summary is the opening
        assert hit.paragraph.text.startswith(hit.summary.plain.removesuffix("…"))


@pytest.mark.parametrize("limit", [1, 2, 3])
def test_at_most_limit_hits(sample_library: Library, limit: int) -> None:
    assert len(sample_library.search("children", limit=limit).hits) == limit


def test_a_limit_below_one_is_a_mistake(sample_library: Library) -> None:
    with pytest.raises(ValueError, match="limit"):
        sample_library.search("children", limit=0)


def test_words_next_to_each_other_rank_above_words_far_apart(library: Library) -> None:
    filler = " ".join(["Many other matters were discussed at length that year."] * 3)
    texts = [
        f"Child protection was discussed. {filler} Trafficking was also mentioned.",
        f"{filler} Trafficking in children rises.",
        f"Child trafficking rises. {filler}",
        f"Children were trafficked and sold. {filler}",
    ]
    library.add(make_report("A/1", texts))
    numbers = [hit.paragraph.number for hit in library.search("child trafficking").hits]
    # Side by side in either order (small words do not count), then in one clause, then apart.
    assert numbers[-1] == 1
    assert set(numbers[:2]) == {2, 3}


def test_words_next_to_each_other_rank_first_among_many_paragraphs(library: Library) -> None:
    # The same words in each: plain relevance ranks them all alike, in the order they were
    # added, and the pair side by side halfway down the paragraphs ranked with the bonuses.
    apart = "Child protection was discussed at length. Trafficking was discussed too."
    texts = [apart] * (RERANKED + 20)
    texts[RERANKED // 2] = (
        "Child trafficking was discussed at length. Protection was discussed too."
    )
    library.add(make_report("A/1", texts))
    hits = library.search("child trafficking").hits
    assert hits[0].paragraph.number == RERANKED // 2 + 1


@pytest.mark.parametrize("query", queries(3_000, count=40, seed=9))
def test_the_best_paragraphs_are_the_same_however_many_are_asked_for(
    generated: Library, query: str
) -> None:
    # Fewer asked for, fewer of the paragraphs ranked by relevance alone need their proximity
    # bonuses worked out to be sure of the best.
    few = [(hit.paragraph.citation, hit.score) for hit in generated.search(query, limit=3).hits]
    many = [(hit.paragraph.citation, hit.score) for hit in generated.search(query, limit=40).hits]
    assert few == many[:3]


def test_warming_up_changes_no_result(generated: Library, generated_index: Path) -> None:
    # A phrase of the thesaurus (CSAM's) the generated reports use.
    queries = ["CSAM online", "juvenile justice", "SRSG", "children"]
    cold = Library(generated_index)
    try:
        expected = [cold.search(query, limit=10) for query in queries]
    finally:
        cold.close()
    generated.warm_up()
    assert [generated.search(query, limit=10) for query in queries] == expected


def test_searches_are_answered_while_the_library_warms_up(
    generated: Library, generated_index: Path
) -> None:
    cold = Library(generated_index)
    try:
        expected = cold.search("CSAM online", limit=10)
    finally:
        cold.close()
    warming = threading.Thread(target=generated.warm_up)
    warming.start()
    found = [generated.search("CSAM online", limit=10) for _ in range(20)]
    warming.join()
    assert found == [expected] * 20


def test_a_library_kept_warm_warms_up_after_its_first_search(generated_index: Path) -> None:
    cold = Library(generated_index)
    try:
        expected = cold.search("CSAM online", limit=10)
        assert not _warming_up()
    finally:
        cold.close()
    kept_warm = Library(generated_index)
    try:
        kept_warm.keep_warm()
        assert not _warming_up()
        assert kept_warm.search("CSAM online", limit=10) == expected
        for thread in _warming_up():
            thread.join()
        assert kept_warm.search("CSAM online", limit=10) == expected
    finally:
        kept_warm.close()


def _warming_up() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name == "warm-up"]


def test_a_closed_library_does_not_warm_up(tmp_path: Path) -> None:
    library = Library(tmp_path / "index")
    library.close()
    library.warm_up()


def test_a_question_finds_what_its_subject_finds(sample_library: Library) -> None:
    question = sample_library.search("What does the report say about trafficking survivors?")
    keywords = sample_library.search("trafficking survivors")
    # The same paragraphs, found the same way; only how close in meaning each is differs, the
    # question's sentence being another than the words'.
    assert _without_closeness(question) == _without_closeness(keywords)
    assert question.words == ("trafficking", "survivors")


def test_a_misspelt_word_is_searched_as_the_word_the_paragraphs_have(
    sample_library: Library,
) -> None:
    result = sample_library.search("trafficing survivers")
    assert result.corrected == (("trafficing", "trafficking"), ("survivers", "survivors"))
    assert result.words == ("trafficking", "survivors")
    assert result.hits == sample_library.search("trafficking survivors").hits
    assert sample_library.search("trafficking").corrected == ()


def test_an_acronym_finds_the_paragraphs_that_spell_it_out(library: Library) -> None:
    spelt_out = "Child sexual abuse material is shared online by offenders."
    library.add(make_report("A/1", ["Unrelated text about schools.", spelt_out]))
    (hit,) = library.search("CSAM").hits
    assert hit.paragraph.number == 2
    assert [s.text for s in hit.summary.segments if s.match] == [
        "Child",
        "sexual",
        "abuse",
        "material",
    ]
    assert library.search("CSAM").corrected == ()


def test_a_synonym_finds_and_marks_the_reports_word_after_the_users_own(
    library: Library,
) -> None:
    texts = ["Children were detained.", "Minors were detained.", "Adults were detained."]
    library.add(make_report("A/1", texts))
    hits = library.search("minors detained").hits
    assert [hit.paragraph.number for hit in hits[:2]] == [2, 1]
    assert [s.text for s in hits[1].summary.segments if s.match] == ["Children", "detained"]


def test_an_index_without_positions_is_started_afresh(tmp_path: Path) -> None:
    # The schema before phrases and spelling: the same fields, without positions.
    analyzer = StemmingAnalyzer()
    before = Schema(
        key=ID(unique=True),
        kind=ID(stored=True),
        symbol=ID(stored=True),
        lang=ID(stored=True),
        annex=ID(stored=True),
        number=NUMERIC(int, stored=True),
        section=TEXT(analyzer=analyzer, stored=True, phrase=False),
        body=TEXT(analyzer=analyzer, stored=True, phrase=False),
        title=TEXT(analyzer=analyzer, phrase=False),
        page=STORED,
        notes=STORED,
        link=STORED,
        report=STORED,
    )
    directory = tmp_path / "index"
    with Generations(directory).next(wait=True, start_empty=True) as folder:
        ix = whoosh_index.create_in(str(folder), before)
        writer = ix.writer()
        writer.add_document(key="A/1|en||1", kind="paragraph", symbol="A/1", body="Old.")
        writer.commit()
    library = Library(directory)
    try:
        assert library.is_empty()
        library.add(make_report("A/1", ["Child trafficking."]))
        assert library.search("child trafficking").hits
    finally:
        library.close()


JUNK = [
    '"unbalanced AND ( OR *',
    "<b>x</b> &",
    "a" * 4000,
    "trafficking " * 400,
    " ".join(["word"] * 2000),
    "",
    "   \n\t ",
    "!!! ??? ... ((( ))) *:^~",
    "title:children OR body:*",
    "\x00\x01 children \ud7ff",
    "детей торговля 儿童 الأطفال",
]


@pytest.mark.parametrize("query", JUNK, ids=range(len(JUNK)))
def test_any_text_is_a_valid_query(sample_library: Library, query: str) -> None:
    result = sample_library.search(query)
    assert isinstance(result, SearchResult)
    assert len(result.hits) <= 5
    # Words as searched: plain words, or quoted phrases, prefixes and alternatives as read.
    assert all(
        word.isalnum() or "." in word or word[:1] in '"(' or " OR " in word or word.endswith("*")
        for word in result.words
    ), result.words
    assert len(result.words) <= 32


# Sharing between threads and processes.


def test_threads_may_search_while_reports_are_added(sample_library: Library) -> None:
    def search(number: int) -> int:
        if number % 10 == 0:
            report = make_report(f"A/{number}", [f"Trafficking note {number}."])
            sample_library.add(report, wait=True)
        return len(sample_library.search("trafficking children").hits)

    with ThreadPoolExecutor(max_workers=8) as pool:
        counts = list(pool.map(search, range(60)))
    assert all(count > 0 for count in counts)
    assert len(sample_library.reports()) == 7


def test_another_writer_is_seen_without_reopening(tmp_path: Path, sample: Report) -> None:
    reader = Library(tmp_path / "index")
    writer = Library(tmp_path / "index")
    try:
        assert reader.is_empty()
        writer.add(sample)
        assert reader.paragraph_numbers(SAMPLE_SYMBOL) == [1, 2, 3, 4]
        assert reader.search("trafficking").hits
    finally:
        writer.close()
        reader.close()


def test_a_search_repeated_after_another_writer_sees_its_change(
    tmp_path: Path, sample: Report
) -> None:
    reader = Library(tmp_path / "index")
    writer = Library(tmp_path / "index")
    try:
        writer.add(sample)
        before = reader.search("sextortion livestreaming")
        assert not before.hits
        assert reader.search("sextortion livestreaming") == before
        writer.add(make_report("A/2", ["Sextortion and livestreaming of abuse are rising."]))
        after = reader.search("sextortion livestreaming")
        assert [hit.paragraph.citation for hit in after.hits] == ["A/2, para. 1"]
        assert [report.symbol for report in reader.reports()] == [SAMPLE_SYMBOL, "A/2"]
    finally:
        writer.close()
        reader.close()


def test_a_bulk_transaction_finds_what_a_plain_one_does(tmp_path: Path, sample: Report) -> None:
    reports = [
        sample,
        *(
            make_report(f"A/{n}", [f"Trafficking note {n}.", "Children at risk."])
            for n in range(30)
        ),
    ]
    plain, bulk = Library(tmp_path / "plain"), Library(tmp_path / "bulk")
    try:
        with plain.transaction() as batch:
            for report in reports:
                batch.add(report)
        with bulk.transaction(bulk=True) as batch:
            for report in reports:
                batch.add(report)
        for query in ("trafficking children", "trafficking", "note 7", "sextortion"):
            found, expected = bulk.search(query), plain.search(query)
            assert {hit.paragraph.citation for hit in found.hits} == {
                hit.paragraph.citation for hit in expected.hits
            }
        assert bulk.reports() == plain.reports()
    finally:
        plain.close()
        bulk.close()


# Opening with the catalogue.


def copy_catalogue(directory: Path) -> Path:
    """The bundled catalogue and report, where a test may change them."""
    shutil.copytree(CATALOGUE.parent.parent / "reports", directory / "reports")
    (directory / "config").mkdir()
    return Path(shutil.copy(CATALOGUE, directory / "config" / "catalogue.toml"))


def test_a_missing_index_is_filled_from_the_catalogue(tmp_path: Path, sample: Report) -> None:
    library = open_library(tmp_path / "var" / "index", CATALOGUE)
    try:
        assert [r.symbol for r in library.reports()] == [SAMPLE_SYMBOL]
        assert library.paragraph(SAMPLE_SYMBOL, 4) == sample.paragraphs[3]
    finally:
        library.close()


def test_an_index_with_reports_is_served_as_it_is(tmp_path: Path) -> None:
    catalogue = copy_catalogue(tmp_path)
    open_library(tmp_path / "index", catalogue).close()
    text = tmp_path / "reports" / "A-HRC-58-19" / "en.txt"
    text.write_text(text.read_text(encoding="utf-8") + "\n5. A new paragraph.\n", "utf-8")
    catalogue.write_text("not toml [[", encoding="utf-8")
    library = open_library(tmp_path / "index", catalogue)
    try:
        assert library.paragraph_numbers(SAMPLE_SYMBOL) == [1, 2, 3, 4]
    finally:
        library.close()


def test_a_broken_catalogue_is_reported(tmp_path: Path) -> None:
    catalogue = copy_catalogue(tmp_path)
    catalogue.write_text("[[report]]\nsymbol = 'A/1'\n", encoding="utf-8")
    with pytest.raises(IngestError, match="missing path, title"):
        open_library(tmp_path / "index", catalogue)


def test_a_damaged_or_impossible_index_dir_is_a_clear_error(tmp_path: Path) -> None:
    damaged = tmp_path / "damaged"
    Library(damaged).close()
    for toc in damaged.glob("current/*.toc"):
        toc.write_bytes(b"not a whoosh table of contents")
    with pytest.raises(IndexUnavailable, match="damaged"):
        Library(damaged)
    a_file = tmp_path / "file"
    a_file.write_text("x")
    with pytest.raises(IndexUnavailable, match="cannot open the index in"):
        Library(a_file)


def test_annex_paragraphs_are_kept_apart_from_the_body(tmp_path: Path, sample: Report) -> None:
    annexed = tuple(
        paragraph.model_copy(update={"annex": "I", "text": f"Annex text {paragraph.number}."})
        for paragraph in sample.paragraphs[:2]
    )
    report = sample.model_copy(update={"paragraphs": sample.paragraphs + annexed})
    library = Library(tmp_path / "index")
    try:
        library.add(report)
        assert library.paragraph_numbers(SAMPLE_SYMBOL) == [1, 2, 3, 4]
        assert library.paragraph_numbers(SAMPLE_SYMBOL, annex="I") == [1, 2]
        body = library.paragraph(SAMPLE_SYMBOL, 1)
        annex = library.paragraph(SAMPLE_SYMBOL, 1, annex="I")
        assert body == sample.paragraphs[0]
        assert annex is not None
        assert annex.citation == "A/HRC/58/19, annex I, para. 1"
        assert annex.text == "Annex text 1."
        assert [p.citation for p in library.paragraphs(SAMPLE_SYMBOL)][-2:] == [
            "A/HRC/58/19, annex I, para. 1",
            "A/HRC/58/19, annex I, para. 2",
        ]
    finally:
        library.close()


def test_a_reports_version_is_what_it_holds(library: Library, sample: Report) -> None:
    library.add(sample)
    (listed,) = library.reports()
    assert listed.version == sample.fingerprint()
    # Ingested again as it was: the same version; one word changed: another.
    library.add(sample)
    assert library.reports()[0].version == listed.version
    first, *rest = sample.paragraphs
    changed = sample.model_copy(
        update={
            "paragraphs": (first.model_copy(update={"text": first.text + " Corrected."}), *rest)
        }
    )
    library.add(changed)
    assert library.reports()[0].version not in ("", listed.version)


def _without_closeness(result: SearchResult) -> SearchResult:
    return dataclasses.replace(
        result, hits=tuple(dataclasses.replace(hit, closeness=None) for hit in result.hits)
    )
