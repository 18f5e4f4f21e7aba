"""A resolution's preambular paragraphs in the library: stored apart from the numbered ones with
the same numbers, addressable, searchable, exported with their kind; and a text's paragraphs
without numbers likewise."""

from __future__ import annotations

import io
import json

import pytest

from index.export import export_rows, write_jsonl
from index.library import Library
from index.models import NUMBERED, PREAMBULAR, UNNUMBERED, Paragraph, Report

SYMBOL = "A/RES/78/9"


def _resolution() -> Report:
    preamble = [
        "Reaffirming its resolution 70/1 on sustainable development,",
        "Noting the anniversary of the Special Programme for Central Asia,",
    ]
    operative = [
        "Congratulates the participating States on the anniversary;",
        "Encourages the establishment of a multi-partner trust fund;",
    ]
    paragraphs = tuple(
        Paragraph(symbol=SYMBOL, number=number, kind=kind, text=text)
        for kind, texts in ((PREAMBULAR, preamble), (NUMBERED, operative))
        for number, text in enumerate(texts, start=1)
    )
    return Report(
        symbol=SYMBOL,
        title="78/9. Commemoration",
        adoption="37th plenary meeting, 20 November 2023",
        committee="without reference to a Main Committee (A/78/L.8)",
        paragraphs=paragraphs,
        paragraph_count=len(paragraphs),
    )


@pytest.fixture
def resolution_library(library: Library) -> Library:
    library.add(_resolution())
    return library


def test_a_preambular_and_a_numbered_paragraph_of_one_number_are_both_kept(
    resolution_library: Library,
) -> None:
    assert [(p.kind, p.number) for p in resolution_library.paragraphs(SYMBOL)] == [
        (PREAMBULAR, 1),
        (PREAMBULAR, 2),
        (NUMBERED, 1),
        (NUMBERED, 2),
    ]
    assert resolution_library.paragraph_numbers(SYMBOL) == [1, 2]
    assert resolution_library.paragraph_numbers(SYMBOL, kind=PREAMBULAR) == [1, 2]


def test_a_preambular_paragraph_is_addressed_by_its_kind(resolution_library: Library) -> None:
    operative = resolution_library.paragraph(SYMBOL, 2)
    preambular = resolution_library.paragraph(SYMBOL, 2, kind=PREAMBULAR)
    assert operative is not None
    assert preambular is not None
    assert operative.citation == "A/RES/78/9, para. 2"
    assert preambular.citation == "resolution 78/9, second preambular paragraph"
    assert preambular.text.startswith("Noting the anniversary")


def test_preambular_paragraphs_are_found_by_search(resolution_library: Library) -> None:
    hits = resolution_library.search("Central Asia anniversary").hits
    assert hits[0].paragraph.kind == PREAMBULAR
    assert hits[0].paragraph.citation == "resolution 78/9, second preambular paragraph"


def test_the_report_keeps_its_adoption_and_committee(resolution_library: Library) -> None:
    report = resolution_library.report(SYMBOL)
    assert report is not None
    assert report.adoption == "37th plenary meeting, 20 November 2023"
    assert report.committee == "without reference to a Main Committee (A/78/L.8)"


def test_the_export_says_each_paragraph_s_kind(resolution_library: Library) -> None:
    out = io.StringIO()
    write_jsonl(export_rows(resolution_library, [SYMBOL]), out)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [(row["kind"], row["para"]) for row in rows] == [
        ("preambular", 1),
        ("preambular", 2),
        ("numbered", 1),
        ("numbered", 2),
    ]


def test_paragraphs_without_numbers_are_stored_addressed_and_exported_by_their_kind(
    library: Library,
) -> None:
    symbol = "A/80/L.19"
    texts = ["Delete the thirty-eighth preambular paragraph reading:", "Recalling the Court,"]
    paragraphs = tuple(
        Paragraph(symbol=symbol, number=number, kind=UNNUMBERED, text=text)
        for number, text in enumerate(texts, start=1)
    )
    library.add(Report(symbol=symbol, title="T", paragraphs=paragraphs, paragraph_count=2))
    assert library.paragraph_numbers(symbol) == []
    assert library.paragraph_numbers(symbol, kind=UNNUMBERED) == [1, 2]
    assert library.paragraph(symbol, 2) is None
    second = library.paragraph(symbol, 2, kind=UNNUMBERED)
    assert second is not None
    assert (second.citation, second.text) == ("A/80/L.19, second paragraph", texts[1])
    out = io.StringIO()
    write_jsonl(export_rows(library, [symbol]), out)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [(row["kind"], row["para"]) for row in rows] == [("unnumbered", 1), ("unnumbered", 2)]
