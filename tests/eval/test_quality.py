"""The search keeps finding the right paragraphs of the labelled queries (see quality.py).

Only the tuning set's figures are guarded. The held-out set is checked for what it is (judged
paragraphs that exist, apart from the tuning set), never held to figures: a floor on it would
be a target to tune to.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from collections.abc import Iterator

import pytest

from config.settings import DEFAULT_CATALOGUE
from index.ingest.catalogue import load_catalogue
from index.language.official import LANGUAGES
from tests.eval.quality import (
    REAL_CATALOGUE,
    SPLITS,
    TEST_CATALOGUE,
    LabelledQuery,
    Rankings,
    Scores,
    load_queries,
    rankings,
    reports,
    score,
)

# What the bot reached on the tuning set with search by meaning (`make quality`, 2 December
# 2026: paraHit@5 0.96, MRR 0.88, with its 60 paraphrases, questions and queries across
# languages), less a small margin: a few more misses, or a few answers a place or two lower.
HIT_AT_5_FLOOR = 0.94
MRR_FLOOR = 0.85
# Fusing the meaning channel in must cost no kind of query more than this against the words
# channel alone (issue 15).
KIND_MARGIN = 0.02
# How far the bot must stay ahead of plain BM25 on the same queries.
LEAD = 0.05
KINDS = {
    "keyword",
    "phrase",
    "question",
    "typo",
    "acronym",
    "synonym",
    "filter",
    "paraphrase",
    "cross-language",
}
# Each language's queries must do about as well as the whole set: a language searched badly
# would hide among the others.
LANGUAGE_HIT_AT_5_FLOOR = 0.9
LANGUAGE_MRR_FLOOR = 0.7


@pytest.fixture(scope="module")
def every_query() -> list[LabelledQuery]:
    return load_queries()


@pytest.fixture(scope="module")
def queries(every_query: list[LabelledQuery]) -> list[LabelledQuery]:
    """The tuning set: the only one whose figures are guarded."""
    return [query for query in every_query if query.split == "tuning"]


@pytest.fixture(scope="module")
def held_out(every_query: list[LabelledQuery]) -> list[LabelledQuery]:
    return [query for query in every_query if query.split == "held-out"]


@pytest.fixture(scope="module")
def ranked() -> Iterator[Rankings]:
    with rankings("tuning") as measured:
        yield measured


@pytest.fixture(scope="module")
def bot(ranked: Rankings, queries: list[LabelledQuery]) -> Scores:
    return score(queries, ranked["bot"])


@pytest.fixture(scope="module")
def baseline(ranked: Rankings, queries: list[LabelledQuery]) -> Scores:
    return score(queries, ranked["BM25"])


def test_the_labelled_set_covers_every_kind_of_query(queries: list[LabelledQuery]) -> None:
    assert len(queries) >= 60
    assert {query.kind for query in queries} == KINDS
    assert len({query.text for query in queries}) == len(queries)


def test_the_labelled_set_has_queries_in_every_language(queries: list[LabelledQuery]) -> None:
    counts = Counter(query.lang for query in queries)
    assert set(counts) == set(LANGUAGES)
    assert min(counts.values()) >= 10


def test_every_query_is_in_one_of_the_two_sets(every_query: list[LabelledQuery]) -> None:
    assert {query.split for query in every_query} == set(SPLITS)
    assert len({query.text for query in every_query}) == len(every_query)


@pytest.mark.parametrize("split", SPLITS)
def test_every_judgment_names_a_paragraph_that_exists(
    every_query: list[LabelledQuery], split: str
) -> None:
    indexed = {
        (paragraph.citation, paragraph.lang)
        for report in reports(split)
        for paragraph in report.paragraphs
    }
    for query in every_query:
        if query.split != split:
            continue
        assert query.relevant, query.text
        for citation in query.relevant:
            assert any((citation, lang) in indexed for lang in (query.lang, query.answers_in)), (
                f"{query.text}: {citation}"
            )


def test_the_held_out_set_is_what_issue_15_asks_for(held_out: list[LabelledQuery]) -> None:
    assert len(held_out) >= 80
    kinds = Counter(query.kind for query in held_out)
    assert kinds["paraphrase"] >= 25
    assert kinds["question"] >= 15
    crossing = [query for query in held_out if query.kind == "cross-language"]
    assert all(query.answers_in == "en" != query.lang for query in crossing)
    languages = Counter(query.lang for query in crossing)
    assert set(languages) == set(LANGUAGES) - {"en"}
    assert min(languages.values()) >= 5


def test_only_cross_language_queries_are_answered_in_another_language(
    every_query: list[LabelledQuery],
) -> None:
    for query in every_query:
        assert (query.answers_in is not None) == (query.kind == "cross-language"), query.text


def test_the_real_documents_are_kept_from_the_bot_and_from_the_tuning_set() -> None:
    with REAL_CATALOGUE.open("rb") as file:
        entries = tomllib.load(file)["report"]
    bundled = {report.symbol for report in load_catalogue(DEFAULT_CATALOGUE)}
    tuned_over = {report.symbol for report in reports("tuning")}
    for entry in entries:
        assert entry["symbol"].startswith("A/RES/")
        assert entry["symbol"] not in bundled | tuned_over
        assert (REAL_CATALOGUE.parent / entry["path"]).stat().st_size < 300_000


def test_the_synthetic_reports_are_marked_and_kept_from_the_bot() -> None:
    with TEST_CATALOGUE.open("rb") as file:
        entries = tomllib.load(file)["report"]
    bundled = {report.symbol for report in load_catalogue(DEFAULT_CATALOGUE)}
    for entry in entries:
        assert "/TEST/" in entry["symbol"]
        assert entry["symbol"] not in bundled
        text = (TEST_CATALOGUE.parent / entry["path"]).read_text(encoding="utf-8")
        assert text.startswith("SYNTHETIC TEST MATERIAL: NOT A UNITED NATIONS DOCUMENT.")


def test_the_answer_is_among_the_first_five(bot: Scores) -> None:
    assert bot.hit_at_5 >= HIT_AT_5_FLOOR


def test_the_answer_comes_near_the_top(bot: Scores) -> None:
    assert bot.mrr >= MRR_FLOOR


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_is_searched_well(
    ranked: Rankings, queries: list[LabelledQuery], lang: str
) -> None:
    in_language = score([query for query in queries if query.lang == lang], ranked["bot"])
    assert in_language.hit_at_5 >= LANGUAGE_HIT_AT_5_FLOOR
    assert in_language.mrr >= LANGUAGE_MRR_FLOOR


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_no_kind_of_query_is_found_worse_than_by_words_alone(
    ranked: Rankings, queries: list[LabelledQuery], kind: str
) -> None:
    of_kind = [query for query in queries if query.kind == kind]
    assert score(of_kind, ranked["bot"]).hit_at_5 >= (
        score(of_kind, ranked["words"]).hit_at_5 - KIND_MARGIN
    )


def test_the_bot_ranks_clearly_better_than_plain_bm25(bot: Scores, baseline: Scores) -> None:
    assert bot.hit_at_1 >= baseline.hit_at_1 + LEAD
    assert bot.hit_at_5 >= baseline.hit_at_5 + LEAD
    assert bot.mrr >= baseline.mrr + LEAD


def test_scores_count_the_first_relevant_paragraph_among_the_five_shown() -> None:
    def judged(text: str, answer: int) -> LabelledQuery:
        return LabelledQuery(text, "keyword", frozenset({f"A/1, para. {answer}"}))

    shown = {
        "first": [1, 2],
        "second": [5, 2, 7],
        "sixth": [1, 2, 3, 4, 5, 6],
    }

    def ranking(query: LabelledQuery) -> list[tuple[str, str]]:
        return [(f"A/1, para. {number}", "en") for number in shown[query.text]]

    queries = [judged("first", 1), judged("second", 2), judged("sixth", 6)]
    assert score(queries, ranking) == Scores(
        queries=3, hit_at_1=1 / 3, hit_at_5=2 / 3, mrr=(1 + 1 / 2) / 3
    )


def test_a_paragraph_in_another_language_does_not_answer() -> None:
    query = LabelledQuery("traite", "keyword", frozenset({"A/1, para. 1"}), lang="fr")

    def ranking(query: LabelledQuery) -> list[tuple[str, str]]:
        return [("A/1, para. 1", "en"), ("A/1, para. 1", "fr")]

    assert score([query], ranking).mrr == 1 / 2


def test_a_cross_language_query_is_answered_in_its_language_or_in_english() -> None:
    query = LabelledQuery(
        "traite", "cross-language", frozenset({"A/1, para. 1"}), "fr", "held-out", "en"
    )

    def ranking(query: LabelledQuery) -> list[tuple[str, str]]:
        return [("A/1, para. 1", "es"), ("A/1, para. 1", "en"), ("A/1, para. 1", "fr")]

    assert score([query], ranking).mrr == 1 / 2
    assert query.answered_in("fr")
