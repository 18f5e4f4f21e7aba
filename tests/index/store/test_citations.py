"""Which paragraphs cite which documents: published with the index, replaced with a report."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.library import Library
from index.models import Paragraph, Report
from index.store.citations import CITATIONS, Citations, cited_in
from index.store.generations import Generations

CITED = "A/HRC/58/19"
NOTES = {"en": f"See {CITED}, paras. 3–4.", "fr": f"Voir {CITED}, par. 3 et 4."}


def citing_report(symbol: str, text: str, lang: str = "en") -> Report:
    return Report(
        symbol=symbol,
        lang=lang,
        title="A report citing another",
        paragraphs=(
            Paragraph(symbol=symbol, lang=lang, number=1, text=text),
            Paragraph(
                symbol=symbol,
                lang=lang,
                number=2,
                text="Nothing cited here; see para. 1 above.",
                notes=(NOTES[lang],),
                note_numbers=(7,),
            ),
        ),
    )


def test_a_paragraph_cites_what_its_text_and_notes_name_but_not_its_own_report() -> None:
    paragraph = Paragraph(
        symbol="A/HRC/60/1",
        number=5,
        text="As in A/HRC/60/1, para. 2, and General Assembly resolution 62/141.",
        notes=(f"{CITED}, paras. 3 and 4; {CITED}, para. 9.",),
    )
    assert cited_in(paragraph) == [("A/RES/62/141", ()), (CITED, (3, 4, 9))]


def test_citations_are_published_replaced_and_removed_with_their_report(tmp_path: Path) -> None:
    library = Library(tmp_path / "index")
    try:
        library.add(citing_report("A/HRC/60/1", f"Building on {CITED}, para. 3."))
        assert [(p.symbol, p.number) for p in library.cited_by(CITED, 3)] == [
            ("A/HRC/60/1", 1),
            ("A/HRC/60/1", 2),
        ]
        assert [p.number for p in library.cited_by(CITED, 4)] == [2]
        assert [p.number for p in library.cited_by(CITED)] == [1, 2]

        # Replaced: the old version's citations go with it.
        library.add(citing_report("A/HRC/60/1", "It cites nothing now."))
        assert [p.number for p in library.cited_by(CITED, 3)] == [2]

        # A French version cites too: the paragraph is listed once, in the reader's language.
        library.add(citing_report("A/HRC/60/1", f"Voir {CITED}, par. 3.", lang="fr"))
        assert [(p.number, p.lang) for p in library.cited_by(CITED, 3, lang="fr")] == [
            (1, "fr"),
            (2, "fr"),
        ]
        assert [(p.number, p.lang) for p in library.cited_by(CITED, 3)] == [(1, "fr"), (2, "en")]

        assert library.remove("A/HRC/60/1") == ["en", "fr"]
        assert library.cited_by(CITED) == []
        assert library.remove("A/HRC/60/1") == []
    finally:
        library.close()


def _failing_ingest(library: Library) -> None:
    with library.transaction() as batch:
        batch.add(citing_report("A/HRC/60/1", "It cites nothing now."))
        batch.add(citing_report("A/HRC/60/2", f"Building on {CITED}, para. 3."))
        raise RuntimeError("the ingest fails")


def test_a_transaction_that_fails_leaves_the_citations_as_they_were(tmp_path: Path) -> None:
    library = Library(tmp_path / "index")
    try:
        library.add(citing_report("A/HRC/60/1", f"Building on {CITED}, para. 3."))
        with pytest.raises(RuntimeError):
            _failing_ingest(library)
        assert [(p.symbol, p.number) for p in library.cited_by(CITED, 3)] == [
            ("A/HRC/60/1", 1),
            ("A/HRC/60/1", 2),
        ]
    finally:
        library.close()


def test_an_index_published_before_citations_gets_them_all_at_its_next_change(
    tmp_path: Path,
) -> None:
    library = Library(tmp_path / "index")
    try:
        library.add(citing_report("A/HRC/60/1", f"Building on {CITED}, para. 3."))
        live = Generations(tmp_path / "index").current()
        assert live is not None
        # As an index built before citations were kept: no file.
        (live / CITATIONS).unlink()
        assert Citations.open(live) is None
        library.add(citing_report("A/HRC/60/2", "Unrelated."))
        assert [(p.symbol, p.number) for p in library.cited_by(CITED, 3)] == [
            ("A/HRC/60/1", 1),
            ("A/HRC/60/1", 2),
            ("A/HRC/60/2", 2),
        ]
    finally:
        library.close()
