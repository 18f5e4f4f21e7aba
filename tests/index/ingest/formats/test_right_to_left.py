"""Arabic lines as a PDF shows them, left to right, put back into the order they are read."""

from __future__ import annotations

import pytest

from index.ingest.formats.right_to_left import is_right_to_left, reading_order
from index.language.arabic import normalise_presentation_forms


def shown(*parts: str) -> list[str]:
    """The glyphs of a line as seen left to right, from its parts as seen left to right: an
    Arabic part is written here in reading order and shows reversed; others show as written."""
    glyphs: list[str] = []
    for part in parts:
        arabic = is_right_to_left(part)
        glyphs += reversed(part) if arabic else list(part)
    return glyphs


def test_arabic_words_read_right_to_left() -> None:
    assert reading_order(shown("مجلس حقوق الإنسان")) == "مجلس حقوق الإنسان"


def test_symbols_and_latin_words_keep_their_order_inside_the_line() -> None:
    # Read: `the report A/HRC/58/19 of UNICEF`; seen: UNICEF on the left, then the symbol.
    glyphs = shown("UNICEF", " ", "من", " ", "A/HRC/58/19", " ", "التقرير")
    assert reading_order(glyphs) == "التقرير A/HRC/58/19 من UNICEF"


def test_numbers_read_left_to_right_each_on_its_own() -> None:
    # `24 شباط/فبراير 2025`: each number keeps its digits' order, the line reads right to left.
    glyphs = shown("2025", " ", "شباط/فبراير", " ", "24")
    assert reading_order(glyphs) == "24 شباط/فبراير 2025"
    # Two numbers with only a space between are laid out one by one, not as one run.
    assert reading_order(shown("2025", " ", "13", " ", "في")) == "في 13 2025"
    assert reading_order(shown("1,5", " ", "%50", " ", "بنسبة")) == "بنسبة %50 1,5"


def test_a_footnote_marker_follows_its_word() -> None:
    # The marker stands left of the word, glued to its last letter.
    assert reading_order(shown("1", "الأطفال")) == "الأطفال1"


def test_brackets_are_turned_back() -> None:
    # The opening bracket, read first, stands on the right, drawn as `)`; the page looks as
    # `(` + the word + `)` either way.
    assert reading_order(shown("(", "اليونيسف", ")")) == "(اليونيسف)"
    assert reading_order(shown("(", "UNICEF", ")", " ", "منظمة")) == "منظمة (UNICEF)"


def test_presentation_forms_are_normalised_after_the_reordering() -> None:
    # Lam-alef is one glyph: reversing the glyphs keeps its two letters in order, which NFKC
    # (index/arabic.py, when the text is parsed) then gives as لا.
    glyphs = ["ﺭ", "ﻼ", "ﻭ", "ﺩ"]  # دولار (dollar) as seen: ر ﻼ و د left to right
    assert normalise_presentation_forms(reading_order(glyphs)) == "دولار"


@pytest.mark.parametrize(
    ("text", "right_to_left"),
    [
        ("مجلس حقوق الإنسان", True),
        ("التقرير A/HRC/58/19", True),
        ("ﻣﺠﻠﺲ", True),
        ("Human Rights Council", False),
        ("A/HRC/58/19 في", False),
        ("2025 24", False),
        ("", False),
    ],
)
def test_a_line_reads_right_to_left_when_most_of_its_letters_do(
    text: str, right_to_left: bool
) -> None:
    assert is_right_to_left(text) is right_to_left
