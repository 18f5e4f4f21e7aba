"""Chinese is segmented with jieba because, on the labelled Chinese queries, it finds the answers
at least as well as character bigrams do (see chinese.py)."""

from __future__ import annotations

from index.language.analysis import analyzer_for
from tests.eval.chinese import BigramTokenizer, compare
from tests.eval.quality import load_queries


def test_bigrams_are_overlapping_pairs_of_han_characters_and_whole_other_words() -> None:
    tokens = [token.text for token in BigramTokenizer()("儿童贩运 UNICEF 2024年 童")]
    assert tokens == ["儿童", "童贩", "贩运", "UNICEF", "2024", "年", "童"]


def test_jieba_finds_the_answers_at_least_as_well_as_bigrams() -> None:
    queries = [q for q in load_queries() if q.lang == "zh" and q.split == "tuning"]
    scores = {name: dict(rows)["all"] for name, rows in compare(queries).items()}
    jieba, bigrams = scores["jieba"], scores["bigrams"]
    assert jieba.hit_at_5 >= bigrams.hit_at_5
    assert jieba.mrr >= bigrams.mrr


def test_the_bot_segments_chinese_with_jieba() -> None:
    assert [token.text for token in analyzer_for("zh")("儿童贩运问题")] == ["儿童", "贩运", "问题"]
