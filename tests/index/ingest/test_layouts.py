"""Each language version's layout: headings, paragraph numbers, sub-items, summary, annexes."""

from __future__ import annotations

from textwrap import dedent

import pytest

from index.ingest.paragraphs import parse_report_text, starts_content
from index.language.official import LANGUAGES
from index.models import Paragraph, Report


def parse(text: str, lang: str) -> Report:
    return parse_report_text(dedent(text), Report(symbol="A/HRC/1/1", lang=lang, title="T"))


def places(report: Report) -> list[tuple[str | None, int]]:
    return [(paragraph.annex, paragraph.number) for paragraph in report.paragraphs]


def by_number(report: Report) -> dict[int, Paragraph]:
    return {p.number: p for p in report.paragraphs if p.annex is None}


# The synthetic test report (tests/eval/reports/A-HRC-TEST-3), as each language writes it.

SECTIONS_OF_PARAGRAPH_3 = {
    "en": ("II. Trafficking and exploitation of children", "A. Trafficking in children"),
    "fr": ("II. Traite et exploitation des enfants", "A. Traite des enfants"),
    "es": ("II. Trata y explotación de niños", "A. Trata de niños"),
    "ru": ("II. Торговля детьми и их эксплуатация", "А. Торговля детьми"),
    "ar": ("ثانياً- الاتجار بالأطفال واستغلالهم", "ألف- الاتجار بالأطفال"),
    "zh": ("二. 贩运和剥削儿童", "A. 贩运儿童"),
}
SUMMARY_OPENINGS = {
    "en": "In the present synthetic report,",
    "fr": "Dans le présent rapport synthétique,",
    "es": "En el presente informe sintético,",
    "ru": "В настоящем синтетическом докладе",
    "ar": "تستعرض الممثلة الخاصة في هذا التقرير الاصطناعي",
    "zh": "在本合成报告中，",
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_version_has_the_same_paragraphs(versions: dict[str, Report], lang: str) -> None:
    expected = [(None, number) for number in range(1, 17)] + [("I", 1), ("I", 2)]
    assert places(versions[lang]) == expected
    assert {p.lang for p in versions[lang].paragraphs} == {lang}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_version_has_its_summary(versions: dict[str, Report], lang: str) -> None:
    assert versions[lang].summary.startswith(SUMMARY_OPENINGS[lang])
    assert "SYNTHETIC" not in versions[lang].summary


@pytest.mark.parametrize("lang", LANGUAGES)
def test_headings_nest_in_every_language(versions: dict[str, Report], lang: str) -> None:
    paragraphs = by_number(versions[lang])
    assert paragraphs[3].section_path == SECTIONS_OF_PARAGRAPH_3[lang]
    assert paragraphs[5].section_path[0] == SECTIONS_OF_PARAGRAPH_3[lang][0]
    assert len(paragraphs[8].section_path) == 1
    assert paragraphs[1].text.startswith(
        {"en": "The", "fr": "Le", "es": "En", "ru": "В", "ar": "يستعرض", "zh": "本报告"}[lang]
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_sub_items_stay_in_their_paragraph(versions: dict[str, Report], lang: str) -> None:
    lines = by_number(versions[lang])[16].text.split("\n")
    assert len(lines) == 4
    assert lines[1][:3] in {"(a)", "a) ", "а) ", "(أ)"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_annex_is_annex_i_in_every_language(versions: dict[str, Report], lang: str) -> None:
    annexed = [p for p in versions[lang].paragraphs if p.annex]
    assert {p.annex for p in annexed} == {"I"}
    assert (
        annexed[0]
        .section_path[0]
        .endswith(
            {
                "en": "Contributions received",
                "fr": "Contributions reçues",
                "es": "Contribuciones recibidas",
                "ru": "Полученные материалы",
                "ar": "المساهمات الواردة",
                "zh": "收到的材料",
            }[lang]
        )
    )


# Chinese


def test_chinese_headings_with_an_ideographic_comma_and_full_width_numbers() -> None:
    report = parse(
        """\
        摘要

        本报告审查进展。

        目录
        一、导言……………………………… 3
        二、贩运儿童……………………… 4

        一、导言

        １．本报告审查了各国取得的进展。

        2.儿童告诉特别代表，他们希望参与决定。

        二、贩运儿童

        A. 网上性剥削

        3. 特别代表建议各国：
        （a）通过法律；
        （b）加强服务。

        附件二

        收到的材料

        1. 收到了材料。
        """,
        "zh",
    )
    assert report.summary == "本报告审查进展。"
    assert places(report) == [(None, 1), (None, 2), (None, 3), ("II", 1)]
    paragraphs = by_number(report)
    assert paragraphs[1].section_path == ("一、导言",)
    assert paragraphs[1].text == "本报告审查了各国取得的进展。"
    assert paragraphs[2].text == "儿童告诉特别代表，他们希望参与决定。"
    assert paragraphs[3].section_path == ("二、贩运儿童", "A. 网上性剥削")
    assert paragraphs[3].text == "特别代表建议各国：\n（a）通过法律；\n（b）加强服务。"
    assert report.paragraphs[-1].section_path == ("附件二 — 收到的材料",)


def test_a_decimal_number_opening_a_chinese_line_is_no_paragraph() -> None:
    report = parse("一. 导言\n\n1. 约有\n1.6亿儿童在工作。\n", "zh")
    assert [p.text for p in report.paragraphs] == ["约有1.6亿儿童在工作。"]


def test_wrapped_chinese_lines_join_without_spaces() -> None:
    report = parse("1. 贩运儿童现象在所有\n区域都在增加。\n", "zh")
    assert report.paragraphs[0].text == "贩运儿童现象在所有区域都在增加。"


# Arabic


def test_arabic_headings_in_ordinal_words_and_letter_names() -> None:
    report = parse(
        """\
        موجز

        يستعرض هذا التقرير التقدم.

        أولا- مقدمة

        1 - يستعرض هذا التقرير التقدم.

        ثانياً - الاتجار بالأطفال

        ألف- الاتجار عبر الحدود

        2- يتزايد الاتجار بالأطفال.

        باء - الاستغلال عبر الإنترنت

        ٣- يستخدم الجناة الإنترنت:
        (أ) الاستدراج؛
        (ب) الابتزاز.

        حادي عشر- التوصيات

        4- توصي الممثلة الخاصة.

        المرفق الثاني

        المساهمات الواردة

        ١- وردت مساهمات.
        """,
        "ar",
    )
    assert report.summary == "يستعرض هذا التقرير التقدم."
    assert places(report) == [(None, 1), (None, 2), (None, 3), (None, 4), ("II", 1)]
    paragraphs = by_number(report)
    assert paragraphs[1].section_path == ("أولا- مقدمة",)
    assert paragraphs[1].text == "يستعرض هذا التقرير التقدم."
    assert paragraphs[2].section_path == ("ثانياً - الاتجار بالأطفال", "ألف- الاتجار عبر الحدود")
    assert paragraphs[3].section_path[1] == "باء - الاستغلال عبر الإنترنت"
    assert paragraphs[3].text == "يستخدم الجناة الإنترنت:\n(أ) الاستدراج؛\n(ب) الابتزاز."
    assert paragraphs[4].section_path == ("حادي عشر- التوصيات",)
    assert report.paragraphs[-1].section_path == ("المرفق الثاني — المساهمات الواردة",)


def test_arabic_presentation_forms_are_read_as_letters() -> None:
    # ﺍﻷﻃﻔﺎﻝ is الأطفال as some PDFs give it, in contextual shapes.
    report = parse("1- ﺣﻤﺎﻳﺔ ﺍﻷﻃﻔﺎﻝ.\n", "ar")
    assert report.paragraphs[0].text == "حماية الأطفال."


def test_a_hyphen_between_numbers_opening_an_arabic_line_is_no_paragraph() -> None:
    report = parse("أولاً- مقدمة\n\n1- في الفترة\n2015-2020 ازداد العنف.\n", "ar")
    assert [p.text for p in report.paragraphs] == ["في الفترة 2015-2020 ازداد العنف."]


# Russian, French, Spanish


def test_russian_cyrillic_letters_and_sub_items() -> None:
    report = parse(
        """\
        Резюме

        Доклад.

        Содержание
        I. Введение ..... 3

        I. Введение

        А. Торговля детьми

        1. Специальный представитель рекомендует:
        а) принять законы;
        б) укрепить службы.

        Б. Детский труд

        2. Детский труд вырос.

        Приложение II

        1. Материалы.
        """,
        "ru",
    )
    assert report.summary == "Доклад."
    assert places(report) == [(None, 1), (None, 2), ("II", 1)]
    paragraphs = by_number(report)
    assert paragraphs[1].section_path == ("I. Введение", "А. Торговля детьми")
    assert paragraphs[1].text.split("\n")[1:] == ["а) принять законы;", "б) укрепить службы."]
    assert paragraphs[2].section_path == ("I. Введение", "Б. Детский труд")


@pytest.mark.parametrize(
    ("lang", "summary", "contents", "annex"),
    [
        ("fr", "Résumé", "Table des matières", "Annexe II"),
        ("es", "Resumen", "Índice", "Anexo II"),
    ],
)
def test_french_and_spanish_words_for_the_parts(
    lang: str, summary: str, contents: str, annex: str
) -> None:
    report = parse(
        f"""\
        {summary}

        Le résumé.

        {contents}
        I. Introduction ..... 3

        I. Introduction

        1. Les États :
        a) adoptent des lois ;
        b) renforcent les services.

        {annex}

        1. Contributions.
        """,
        lang,
    )
    assert report.summary == "Le résumé."
    assert places(report) == [(None, 1), ("II", 1)]
    assert report.paragraphs[0].text.count("\n") == 2
    assert report.paragraphs[0].section_path == ("I. Introduction",)


# Where the content of a first page begins, whatever its language.


@pytest.mark.parametrize(
    ("line", "starts"),
    [
        ("Résumé", True),
        ("Resumen", True),
        ("Резюме", True),
        ("موجز", True),
        ("摘要", True),
        ("Table des matières", True),
        ("目录", True),
        ("一、导言", True),
        ("一. 导言", True),
        ("أولاً- مقدمة", True),
        ("I. Введение", True),
        ("1- يستعرض هذا التقرير", True),
        ("１．本报告", True),
        ("人权理事会", False),
        ("مجلس حقوق الإنسان", False),
        ("Совет по правам человека", False),
        ("议程项目3", False),
        ("البند 3 من جدول الأعمال", False),
    ],
)
def test_content_starts_at_any_languages_summary_heading_or_paragraph(
    line: str, starts: bool
) -> None:
    assert starts_content(line) is starts
