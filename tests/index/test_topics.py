"""A followed topic matched against one report: what a digest announces."""

from __future__ import annotations

from index import MEANING, TOPIC_CLOSENESS, Library, topic_hits

SYMBOL = "A/HRC/58/19"


def test_a_report_on_the_topic_gives_its_paragraphs_on_it_best_first(
    sample_library: Library,
) -> None:
    hits = topic_hits(sample_library, "trafficking", SYMBOL, "en")
    assert hits
    assert {hit.paragraph.symbol for hit in hits} == {SYMBOL}
    # Each has the topic's words, or is close in meaning to them.
    assert all(hit.share == 1.0 or (hit.closeness or 0.0) >= TOPIC_CLOSENESS for hit in hits)
    assert "traffick" in hits[0].paragraph.text.lower()


def test_a_report_not_on_the_topic_gives_nothing(sample_library: Library) -> None:
    assert topic_hits(sample_library, "satellite launch vehicles", SYMBOL, "en") == []


def test_a_paragraph_merely_near_in_meaning_does_not_count_below_the_threshold(
    sample_library: Library,
) -> None:
    everything = topic_hits(sample_library, "kids locked up by the police", SYMBOL, "en", -1.0)
    strict = topic_hits(sample_library, "kids locked up by the police", SYMBOL, "en")
    assert len(strict) < len(everything)


def test_the_topics_own_report_filter_narrows_what_it_follows(sample_library: Library) -> None:
    assert topic_hits(sample_library, f"report:{SYMBOL} trafficking", SYMBOL, "en")
    assert topic_hits(sample_library, "report:A/HRC/99/1 trafficking", SYMBOL, "en") == []


def test_a_topic_in_another_language_counts_paragraphs_close_in_meaning(
    sample_library: Library,
) -> None:
    # The bundled report's paragraphs are long, and a short query's cosine with a long
    # paragraph is low: under the threshold here, above a lower one.
    assert topic_hits(sample_library, "la traite des enfants", SYMBOL, "fr") == []
    hits = topic_hits(sample_library, "la traite des enfants", SYMBOL, "fr", closeness=0.15)
    assert hits
    assert {(hit.paragraph.lang, hit.match) for hit in hits} == {("en", MEANING)}
