"""Paragraph addresses in deep links and callback data."""

from __future__ import annotations

import re

import pytest

from bot.addresses import (
    MAX_BYTES,
    Action,
    Address,
    CollectionPage,
    EntryRemoval,
    Place,
    ResultsPage,
    TopicRemoval,
    address,
    parse_address,
    parse_collection_page,
    parse_entry_removal,
    parse_page,
    parse_place,
    parse_topic_removal,
    symbol_slug,
)


def test_an_address_round_trips_and_fits_telegrams_rules() -> None:
    encoded = address(Action.OPEN, "A/HRC/58/19", Place(12)).encode()
    assert encoded == "o-A_HRC_58_19-12"
    assert re.fullmatch(r"[A-Za-z0-9_-]{1,64}", encoded)
    parsed = parse_address(encoded)
    assert parsed is not None
    assert parsed.action is Action.OPEN
    assert parsed.place.number == 12
    assert parsed.resolve(["E/CN.4/2024/1", "A/HRC/58/19"]) == "A/HRC/58/19"


def test_annex_paragraphs_have_their_own_addresses() -> None:
    encoded = address(Action.NAVIGATE, "A/HRC/58/19", Place(3, "II")).encode()
    assert encoded == "n-A_HRC_58_19-II-3"
    parsed = parse_address(encoded)
    assert parsed is not None
    assert (parsed.place.annex, parsed.place.number) == ("II", 3)
    body = parse_address("n-A_HRC_58_19-3")
    assert body is not None
    assert body.place.annex is None


def test_symbols_with_dots_and_dashes_have_safe_slugs() -> None:
    assert symbol_slug("A/HRC/58/19/Add.1") == "A_HRC_58_19_Add_1"
    assert symbol_slug("CRC/C/GC/25") == "CRC_C_GC_25"


@pytest.mark.parametrize(
    "junk", ["", "x", "o-", "o--1", "q-A_HRC_58_19-1", "o-A/HRC-1", "o-A_HRC-1x", "o-A-1234567"]
)
def test_anything_else_is_not_an_address(junk: str) -> None:
    assert parse_address(junk) is None


def test_an_unknown_slug_resolves_to_nothing() -> None:
    parsed = parse_address("n-A_HRC_99_1-3")
    assert parsed is not None
    assert parsed.resolve(["A/HRC/58/19"]) is None


def test_an_address_too_long_for_telegram_is_refused() -> None:
    with pytest.raises(ValueError, match="64 bytes"):
        address(Action.OPEN, "X/" * 40, Place(1)).encode()


def test_a_paragraph_opened_from_results_remembers_the_page_to_go_back_to() -> None:
    back = ResultsPage("0f3a9c2e", 3)
    encoded = address(Action.NAVIGATE, "A/HRC/58/19", Place(12, "I"), back=back).encode()
    assert encoded == "n-A_HRC_58_19-I-12~0f3a9c2e.3"
    parsed = parse_address(encoded)
    assert parsed is not None
    assert parsed.back == back
    assert parse_page(back.encode()) == back


@pytest.mark.parametrize("junk", ["s-", "s-0f3a9c2e", "s-0F3A9C2E-1", "s-0f3a9c2e-100", "s-x-1"])
def test_anything_else_is_not_a_results_page(junk: str) -> None:
    assert parse_page(junk) is None


def test_a_language_version_has_its_own_address_and_english_is_the_default() -> None:
    encoded = address(Action.OPEN, "A/HRC/58/19", Place(3, "II"), lang="ru").encode()
    assert encoded == "o-A_HRC_58_19-II-3-ru"
    assert re.fullmatch(r"[A-Za-z0-9_-]{1,64}", encoded)
    parsed = parse_address(encoded)
    assert parsed is not None
    assert (parsed.place.annex, parsed.place.number, parsed.lang) == ("II", 3, "ru")
    english = parse_address("o-A_HRC_58_19-3")
    assert english is not None
    assert english.lang == "en"
    assert address(Action.OPEN, "A/HRC/58/19", Place(3), lang="en").encode() == "o-A_HRC_58_19-3"


def test_a_preambular_paragraph_and_a_named_part_have_their_own_addresses() -> None:
    preambular = Place(3, kind="preambular")
    encoded = address(Action.OPEN, "A/RES/78/9", preambular).encode()
    assert encoded == "o-A_RES_78_9-p3"
    parsed = parse_address(encoded)
    assert parsed is not None
    assert parsed.place == preambular
    appendix = Place(2, "appendix A")
    encoded = address(Action.NAVIGATE, "A/RES/78/9", appendix, lang="fr").encode()
    assert encoded == "n-A_RES_78_9-appendix_A-2-fr"
    parsed = parse_address(encoded)
    assert parsed is not None
    assert (parsed.place, parsed.lang) == (appendix, "fr")
    # A letter that names no kind is no address.
    assert parse_address("o-A_RES_78_9-x3") is None


@pytest.mark.parametrize(
    ("words", "place"),
    [
        (["3"], Place(3)),
        (["3."], Place(3)),
        (["op3"], Place(3)),
        (["pp3"], Place(3, kind="preambular")),
        (["PP", "3"], Place(3, kind="preambular")),
        (["pp"], None),
        (["3", "4"], None),
        (["x3"], None),
        (["1234567"], None),
    ],
)
def test_para_names_a_paragraph_by_number_with_its_kind(
    words: list[str], place: Place | None
) -> None:
    assert parse_place(words, None) == place
    assert Place(3, kind="preambular").code == "pp3"
    assert Place(3, kind="preambular").label == "pp. 3"
    assert Place(3).label == "para. 3"


def test_collection_pages_entry_and_topic_removals_read_back_and_junk_is_refused() -> None:
    for made, parse in (
        (CollectionPage(3), parse_collection_page),
        (EntryRemoval(123456, 7), parse_entry_removal),
        (TopicRemoval(42), parse_topic_removal),
    ):
        assert parse(made.encode()) == made
        assert len(made.encode().encode()) <= MAX_BYTES
    for junk in ("k-", "k-1000", "x-1", "x-a-1", "u-", "u-1-2", "", None):
        assert parse_collection_page(junk) is None
        assert parse_entry_removal(junk) is None
        assert parse_topic_removal(junk) is None
    # A Save button's data is a paragraph's address.
    saved = address(Action.SAVE, "A/HRC/58/19", Place(3), lang="fr").encode()
    assert saved == "v-A_HRC_58_19-3-fr"
    assert parse_address(saved) == Address(Action.SAVE, "A_HRC_58_19", Place(3), lang="fr")
