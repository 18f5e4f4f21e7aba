"""Paragraphs as the index stores them, and back."""

from __future__ import annotations

from index.models import Paragraph
from index.store.documents import paragraph_document, paragraph_from

NOTED = Paragraph(
    symbol="A/HRC/58/19",
    number=3,
    text="As the study found.",
    notes=("A/61/299.", "A/74/136."),
    note_numbers=(4, 7),
)


def test_a_paragraph_comes_back_as_it_went_in_notes_and_their_numbers_too() -> None:
    assert paragraph_from(paragraph_document(NOTED, "Annual report")) == NOTED


def test_an_index_built_before_note_numbers_were_kept_gives_the_notes_alone() -> None:
    stored = paragraph_document(NOTED, "Annual report") | {"notes": ["A/61/299.", "A/74/136."]}
    old = paragraph_from(stored)
    assert (old.notes, old.note_numbers) == (NOTED.notes, ())
