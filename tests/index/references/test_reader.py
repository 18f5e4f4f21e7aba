"""The reference reader (index/references) finds the labelled references of labelled.toml, and
nothing where there are none; precision and recall are printed (`pytest -s`) overall, per
language and per split."""

from __future__ import annotations

import itertools
import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from index.references.reader import LANGUAGES, Reference, document_url, read_references

LABELLED = Path(__file__).with_name("labelled.toml")
FLOOR = 0.95
KINDS = {"document", "resolution", "decision", "paragraph", "own_paragraph", "article"}

# What a reference is understood as: kind, symbol, paragraphs, article, treaty.
Key = tuple[str, str | None, tuple[int, ...], int | None, str | None]


@dataclass(frozen=True)
class Case:
    text: str
    lang: str
    split: str
    expected: tuple[Key, ...]


@dataclass
class Score:
    cases: int = 0
    expected: int = 0
    returned: int = 0
    matched: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.returned if self.returned else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0


def _key(reference: Reference) -> Key:
    return (
        reference.kind,
        reference.symbol,
        reference.paragraphs,
        reference.article,
        reference.treaty,
    )


def _labelled_key(label: dict[str, Any]) -> Key:
    return (
        label["kind"],
        label.get("symbol"),
        tuple(label.get("paragraphs", ())),
        label.get("article"),
        label.get("treaty"),
    )


def load_cases() -> list[Case]:
    with LABELLED.open("rb") as file:
        cases = tomllib.load(file)["case"]
    return [
        Case(
            case["text"],
            case["lang"],
            case["split"],
            tuple(_labelled_key(label) for label in case["references"]),
        )
        for case in cases
    ]


@pytest.fixture(scope="module")
def cases() -> list[Case]:
    return load_cases()


def _table(scores: dict[str, Score]) -> str:
    lines = [
        "| set | cases | expected | returned | matched | precision | recall |",
        "|---|---|---|---|---|---|---|",
    ]
    lines.extend(
        f"| {name} | {score.cases} | {score.expected} | {score.returned} | {score.matched} "
        f"| {score.precision:.3f} | {score.recall:.3f} |"
        for name, score in scores.items()
    )
    return "\n".join(lines)


def test_the_labelled_list_is_large_enough_and_well_formed(cases: list[Case]) -> None:
    assert len(cases) >= 150
    languages = Counter(case.lang for case in cases)
    assert set(languages) == set(LANGUAGES)
    assert min(languages.values()) >= 15
    assert sum(case.split == "held-out" for case in cases) >= 40
    assert {case.split for case in cases} == {"tuning", "held-out"}
    assert sum(not case.expected for case in cases) >= 30
    for case in cases:
        for kind, symbol, paragraphs, article, treaty in case.expected:
            assert kind in KINDS, case.text
            assert (symbol is None) == (kind in ("own_paragraph", "article")), case.text
            assert bool(paragraphs) == (kind in ("paragraph", "own_paragraph")), case.text
            assert (article is not None) == (treaty is not None) == (kind == "article")


def test_precision_and_recall_on_the_labelled_list(cases: list[Case]) -> None:
    groups = ["all", "split tuning", "split held-out", *(f"lang {lang}" for lang in LANGUAGES)]
    groups += [f"held-out {lang}" for lang in LANGUAGES]
    scores = {group: Score() for group in groups}
    misses = []
    for case in cases:
        returned = [_key(reference) for reference in read_references(case.text, case.lang)]
        matched = sum((Counter(returned) & Counter(case.expected)).values())
        for group in ("all", f"split {case.split}", f"lang {case.lang}"):
            score = scores[group]
            score.cases += 1
            score.expected += len(case.expected)
            score.returned += len(returned)
            score.matched += matched
        if case.split == "held-out":
            score = scores[f"held-out {case.lang}"]
            score.cases += 1
            score.expected += len(case.expected)
            score.returned += len(returned)
            score.matched += matched
        if matched < len(case.expected) or matched < len(returned):
            misses.append(f"[{case.lang} {case.split}] {case.text}\n  read: {returned}")
    table = _table(scores)
    print("\n" + table)
    message = table + "\n\n" + "\n".join(misses)
    for group in ("all", "split tuning", "split held-out"):
        assert scores[group].precision >= FLOOR, message
        assert scores[group].recall >= FLOOR, message


def _read(text: str, lang: str = "en") -> list[Reference]:
    references = read_references(text, lang)
    for reference in references:
        assert text[reference.start : reference.end] == reference.text
    starts = [reference.start for reference in references]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in itertools.pairwise(references))
    return references


def test_spans_are_slices_of_the_text_as_written() -> None:
    text = "guided by General Assembly resolution 62/141, is an independent advocate."
    (reference,) = _read(text)
    assert reference.text == "General Assembly resolution 62/141"
    assert reference.symbol == "A/RES/62/141"
    assert text[reference.start : reference.end] == reference.text


def test_a_list_of_resolutions_is_one_reference_a_number() -> None:
    first, second = _read("In its resolutions 76/147 and 78/187, the Assembly reaffirmed it.")
    assert (first.text, first.symbol) == ("resolutions 76/147", "A/RES/76/147")
    assert (second.text, second.symbol) == ("78/187", "A/RES/78/187")
    assert all(reference.kind == "resolution" for reference in (first, second))


def test_a_body_written_after_the_numbers_belongs_to_each() -> None:
    references = _read("résolutions 57/16 et 58/9 du Conseil des droits de l'homme", "fr")
    assert [reference.symbol for reference in references] == [
        "A/HRC/RES/57/16",
        "A/HRC/RES/58/9",
    ]
    assert references[-1].text == "58/9 du Conseil des droits de l'homme"


@pytest.mark.parametrize(
    ("text", "symbol"),
    [
        ("See A/HRC/59/41.", "A/HRC/59/41"),
        ("(A/80/179).", "A/80/179"),
        ("and CRC/C/GC/25;", "CRC/C/GC/25"),
        ("E/CN.4/2005/L.10/Add.11.", "E/CN.4/2005/L.10/Add.11"),
        ("A/HRC/59/41/Add.1, ", "A/HRC/59/41/Add.1"),
        ("S/RES/2427 (2018).", "S/RES/2427(2018)"),
        ("見A/HRC/58/19。", "A/HRC/58/19"),
    ],
)
def test_trailing_punctuation_is_not_part_of_a_symbol(text: str, symbol: str) -> None:
    (reference,) = _read(text)
    assert reference.kind == "document"
    assert reference.symbol == symbol
    assert reference.text.replace(" ", "") == symbol


@pytest.mark.parametrize(
    "text",
    [
        "On 13 January 2025, 45 Member States met.",
        "Between 26/02/2024 and 15/03/2024, 1/3 of children answered.",
        "Target 16.2 of the Sustainable Development Goals.",
        "Helplines answer 24/7.",
        "A/B testing showed a 40 per cent increase.",
        "https://undocs.org/A/HRC/59/41",
        "Under article 19, States must act.",
        "Ibid., para. 31.",
        "The resolution of conflicts in 2024 involved 12 States.",
        "In paragraph 12, the Committee recommended action.",
    ],
)
def test_nothing_is_read_where_there_is_no_reference(text: str) -> None:
    assert _read(text) == []


def test_paragraph_ranges_and_lists() -> None:
    (reference,) = _read("See A/79/312, paras. 14–18 and 22.")
    assert reference.paragraphs == (14, 15, 16, 17, 18, 22)
    (reference,) = _read("(see paras. 1–300)")
    assert reference.paragraphs == (1, 300)
    (reference,) = _read("par. 12 et 19 ci-dessous", "fr")
    assert (reference.kind, reference.paragraphs) == ("own_paragraph", (12, 19))


def test_arabic_indic_digits_are_read() -> None:
    (reference,) = _read("انظر الفقرة ٢٧ أعلاه.", "ar")
    assert (reference.kind, reference.paragraphs) == ("own_paragraph", (27,))
    assert reference.text == "الفقرة ٢٧ أعلاه"


def test_the_convention_refers_back_to_the_one_named_before() -> None:
    text = (
        "The Convention on the Rights of the Child applies. Under article 19 of the Convention, "
        "States protect children."
    )
    references = _read(text)
    assert [(reference.article, reference.treaty) for reference in references] == [(19, "CRC")]
    assert _read("Under article 19 of the Convention, States protect children.") == []


def test_security_council_numbers_and_bare_numbers() -> None:
    (reference,) = _read("The Security Council, in its resolution 2331 (2016), recognized it.")
    assert reference.symbol == "S/RES/2331(2016)"
    (reference,) = _read("Security Council resolution 1325 on women and peace and security.")
    assert reference.symbol == "S/RES/1325"
    assert _read("Its resolution 1325 is cited.") == []


def test_unknown_languages_are_refused() -> None:
    with pytest.raises(ValueError, match="official languages"):
        read_references("resolution 62/141", "de")


def test_document_url() -> None:
    assert document_url("A/RES/62/141") == "https://docs.un.org/en/A/RES/62/141"
    assert document_url("S/RES/2427(2018)", "fr") == "https://docs.un.org/fr/S/RES/2427(2018)"
    with pytest.raises(ValueError, match="official languages"):
        document_url("A/80/179", "de")


def test_dates_between_the_numbers_of_a_list() -> None:
    text = (
        "Recalling also its resolutions 71/278 of 10 March 2017, 72/312 of 13 September 2018 "
        "and 77/333 of 25 August 2023 on sexual exploitation and abuse,"
    )
    references = _read(text)
    assert [reference.symbol for reference in references] == [
        "A/RES/71/278",
        "A/RES/72/312",
        "A/RES/77/333",
    ]
    (reference,) = _read("Security Council resolution 2427 (2018), 9 July 2018, is cited.")
    assert reference.symbol == "S/RES/2427(2018)"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Commission on Crime Prevention and Criminal Justice resolution 26/3 of 2017", "en"),
        ("World Health Assembly resolution 77/2 deals with emergency care.", "en"),
        ("La resolución 26/3 de la Comisión de Prevención del Delito y Justicia Penal.", "es"),
        ("В своей резолюции 26/3 Комиссия по предупреждению преступности призвала.", "ru"),
        ("世界卫生大会第60/22号决议涉及紧急护理。", "zh"),
        ("The Ministry of Education adopted resolution 12/2019 on school safety.", "en"),
    ],
)
def test_resolutions_of_bodies_not_read_are_left(text: str, lang: str) -> None:
    assert _read(text, lang) == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("See paragraph 5 of the report of the Special Rapporteur.", "en"),
        ("See paras. 12 and 19 of the report of the Special Rapporteur.", "en"),
        ("Voir le paragraphe 5 du rapport du Rapporteur spécial.", "fr"),
        ("Véase el párrafo 5 del informe de la Relatora Especial.", "es"),
        ("См. пункт 5 доклада Специального докладчика.", "ru"),
        ("انظر الفقرة 5 من تقرير المقرر الخاص.", "ar"),
        ("咨询意见第3段指出了这一点。", "zh"),
    ],
)
def test_another_texts_paragraph_is_not_the_reports_own(text: str, lang: str) -> None:
    assert _read(text, lang) == []


def test_a_resolutions_paragraph_is_a_paragraph_of_the_resolution() -> None:
    (reference,) = _read("As requested in paragraph 22 of its resolution 58/9, the Office acted.")
    assert (reference.kind, reference.symbol, reference.paragraphs) == (
        "paragraph",
        "A/RES/58/9",
        (22,),
    )
    (reference,) = _read("大会第79/188号决议第12段请秘书长提交报告。", "zh")
    assert (reference.kind, reference.symbol, reference.paragraphs) == (
        "paragraph",
        "A/RES/79/188",
        (12,),
    )
