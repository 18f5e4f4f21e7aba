"""Wrapped lines join; a hyphen at a line end goes when it only broke a word."""

from __future__ import annotations

import pytest

from index.ingest.hyphenation import LineJoiner

NO_EVIDENCE = LineJoiner("")


@pytest.mark.parametrize(
    ("before", "after", "joined"),
    [
        ("the protec-", "tion of", "the protection of"),
        ("Protec-", "tion", "Protection"),
        ("mainstream-", "ing gender", "mainstreaming gender"),
        ("co-", "ordination", "coordination"),
        ("child-sensi-", "tive", "child-sensitive"),
    ],
)
def test_without_evidence_a_word_broken_at_a_line_end_is_joined(
    before: str, after: str, joined: str
) -> None:
    assert NO_EVIDENCE.join(before, after) == joined


@pytest.mark.parametrize(
    ("before", "after", "joined"),
    [
        ("a multi-", "stakeholder effort", "a multi-stakeholder effort"),
        ("a low-", "risk crime", "a low-risk crime"),
        ("child-", "sensitive", "child-sensitive"),
        ("non-", "governmental", "non-governmental"),
        ("the Inter-", "Agency Group", "the Inter-Agency Group"),
        ("non-", "State actors", "non-State actors"),
        ("COVID-", "19", "COVID-19"),
        ("2020-", "2024", "2020-2024"),
        ("UN-", "led", "UN-led"),
        ("e-", "learning", "e-learning"),
        ("its seventy-", "ninth session", "its seventy-ninth session"),
    ],
)
def test_compounds_keep_their_hyphen(before: str, after: str, joined: str) -> None:
    assert NO_EVIDENCE.join(before, after) == joined


def test_the_document_spelling_the_word_whole_makes_the_hyphen_soft() -> None:
    joiner = LineJoiner("Crossborder trafficking and more crossborder cases.")
    assert joiner.join("cross-", "border") == "crossborder"


def test_the_document_spelling_the_word_hyphenated_keeps_the_hyphen() -> None:
    joiner = LineJoiner("A well-known and a trafficking-related case.")
    assert joiner.join("trafficking-", "related cases") == "trafficking-related cases"
    assert NO_EVIDENCE.join("trafficking-", "related cases") == "traffickingrelated cases"


def test_evidence_inside_a_longer_compound_counts() -> None:
    joiner = LineJoiner("A survivor-centred-approach.")
    assert joiner.join("survivor-", "centred") == "survivor-centred"


def test_a_word_broken_at_a_line_end_is_no_evidence_for_itself() -> None:
    joiner = LineJoiner("the traffick-\ning-related")
    assert joiner.join("traffick-", "ing") == "trafficking"


@pytest.mark.parametrize(
    ("before", "after", "joined"),
    [
        ("wrapped", "line", "wrapped line"),
        ("an action -", "coordinated", "an action - coordinated"),
        ("a dash-", "(see below)", "a dash- (see below)"),
        ("", "first", "first"),
    ],
)
def test_other_lines_join_with_a_space(before: str, after: str, joined: str) -> None:
    assert NO_EVIDENCE.join(before, after) == joined


def test_wrapped_chinese_joins_without_a_space() -> None:
    joiner = LineJoiner("")
    assert joiner.join("儿童贩运问题日益", "严重。") == "儿童贩运问题日益严重。"
    assert joiner.join("联合国儿童基金会（", "UNICEF）") == "联合国儿童基金会（UNICEF）"
    assert joiner.join("根据大会第", "62/141号决议") == "根据大会第62/141号决议"
    assert joiner.join("the report", "continues") == "the report continues"
