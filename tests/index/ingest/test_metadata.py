"""Metadata from front matter: a PDF masthead, a ReliefWeb page's preamble, labelled lines."""

from __future__ import annotations

import datetime as dt
import tomllib

import pytest

from index.ingest.metadata import Metadata, detect_metadata, document_language, find_symbols
from tests.index.samples import CATALOGUE, SAMPLE_TEXT

TITLE = (
    "Annual report of the Special Representative of the Secretary-General on Violence against "
    "Children"
)
AGENDA_TITLE = (
    "Promotion and protection of all human rights, civil, political, economic, social and "
    "cultural rights, including the right to development"
)
# The first page of A/HRC/58/19 as the PDF reader gives it: a line per run of the masthead.
MASTHEAD = f"""\
United Nations
A/HRC/58/19
General Assembly
Distr.: General
13 January 2025
Original: English
Human Rights Council
Fifty-eighth session
24 February–4 April 2025
Agenda item 3
{AGENDA_TITLE}
{TITLE}
* A/HRC/58/1.
"""


def test_a_pdf_masthead_gives_every_field() -> None:
    assert detect_metadata(MASTHEAD) == Metadata(
        symbol="A/HRC/58/19",
        title=TITLE,
        date=dt.date(2025, 1, 13),
        body="Human Rights Council",
        session="Fifty-eighth session, 24 February–4 April 2025",
        agenda_item="3",
        lang="en",
    )


def test_the_bundled_reliefweb_preamble_gives_what_the_catalogue_declares() -> None:
    declared = tomllib.loads(CATALOGUE.read_text(encoding="utf-8"))["report"][0]
    preamble = SAMPLE_TEXT.read_text(encoding="utf-8").split("\nSummary\n")[0]
    found = detect_metadata(preamble)
    for name in ("symbol", "title", "date", "body", "session", "agenda_item", "lang"):
        assert getattr(found, name) == declared[name], name


def test_wrapped_masthead_lines_are_joined_into_one_title() -> None:
    wrapped = MASTHEAD.replace(
        AGENDA_TITLE,
        "Promotion and protection of all human rights, civil,\n"
        "political, economic, social and cultural rights,\n"
        "including the right to development",
    ).replace(
        TITLE,
        "Annual report of the Special Representative of the Secretary-\n"
        "General on Violence against Children",
    )
    assert detect_metadata(wrapped).title == TITLE


def test_a_title_with_a_footnote_mark_is_the_title_without_it() -> None:
    assert detect_metadata(MASTHEAD.replace(TITLE, f"{TITLE}**")).title == TITLE


def test_a_general_assembly_masthead() -> None:
    text = """\
        United Nations
        A/79/123
        General Assembly
        Distr.: General
        1 July 2024
        Original: English
        Seventy-ninth session
        Item 69 (a) of the preliminary list*
        Promotion and protection of the rights of children
        Rights of the child
        * A/79/50.
    """
    found = detect_metadata(text)
    assert (found.symbol, found.body, found.date) == (
        "A/79/123",
        "General Assembly",
        dt.date(2024, 7, 1),
    )
    assert (found.session, found.agenda_item) == ("Seventy-ninth session", "69 (a)")
    assert found.title == "Rights of the child"


def test_without_an_agenda_item_the_title_follows_the_masthead_fields() -> None:
    text = """\
        United Nations
        S/2024/123
        Security Council
        Distr.: General
        9 February 2024
        Original: English
        Letter dated 7 February 2024 from the Secretary-General addressed to the
        President of the Security Council
    """
    found = detect_metadata(text)
    assert (found.symbol, found.body, found.agenda_item) == ("S/2024/123", "Security Council", None)
    assert found.title == (
        "Letter dated 7 February 2024 from the Secretary-General addressed to the "
        "President of the Security Council"
    )


@pytest.mark.parametrize(
    "symbol",
    [
        "A/HRC/58/19",
        "A/79/123",
        "A/RES/78/187",
        "CRC/C/GC/25",
        "E/CN.4/2005/1",
        "S/2024/123",
        "A/HRC/58/19/Add.1",
        "A/HRC/58/19/Corr.1",
        "A/HRC/S-35/2",
        "A/C.3/78/L.20",
    ],
)
def test_un_symbols_are_found_on_a_masthead_line_and_in_a_title(symbol: str) -> None:
    assert detect_metadata(MASTHEAD.replace("A/HRC/58/19", symbol)).symbol == symbol
    reliefweb_title = f"World\n{TITLE} ({symbol}) [EN/AR/RU/ZH]\nAttachments"
    found = detect_metadata(reliefweb_title)
    assert (found.symbol, found.title) == (symbol, TITLE)


def test_what_only_looks_like_a_symbol_is_not_one() -> None:
    text = (
        "Informing humanitarians 24/7 [EN/AR/RU/ZH] on HIV/AIDS, pursuant to resolution "
        "78/187 (see A/HRC/58/1.) and A/HRC/55/24/Add.1, the 2030 Agenda."
    )
    assert find_symbols(text) == ["A/HRC/58/1", "A/HRC/55/24/Add.1"]


def test_the_report_s_own_symbol_wins_over_symbols_it_mentions() -> None:
    mentions = "Pursuant to A/RES/78/187\n"
    assert detect_metadata(mentions + MASTHEAD).symbol == "A/HRC/58/19"
    titled = f"Pursuant to A/RES/78/187\n{TITLE} (A/HRC/58/19)\n"
    assert detect_metadata(titled).symbol == "A/HRC/58/19"
    assert detect_metadata("Pursuant to A/RES/78/187, the report").symbol == "A/RES/78/187"


@pytest.mark.parametrize(
    "written",
    ["13 January 2025", "January 13 2025", "January 13, 2025", "2025-01-13", "13 Jan. 2025"],
)
def test_a_line_that_is_a_date_is_the_date(written: str) -> None:
    assert detect_metadata(MASTHEAD.replace("13 January 2025", written)).date == dt.date(
        2025, 1, 13
    )


def test_a_session_s_dates_are_not_the_report_s_date() -> None:
    assert detect_metadata(MASTHEAD.replace("13 January 2025\n", "")).date is None
    assert detect_metadata("Fifty-eighth session 24 February– 4 April 2025").date is None


def test_an_impossible_date_is_no_date() -> None:
    assert detect_metadata(MASTHEAD.replace("13 January 2025", "31 February 2025")).date is None


@pytest.mark.parametrize(
    ("lines", "body"),
    [
        ("General Assembly\nHuman Rights Council", "Human Rights Council"),
        ("General Assembly", "General Assembly"),
        (
            "Economic and Social Council\nCommission on the Status of Women",
            "Commission on the Status of Women",
        ),
        (
            "Convention on the Rights of the Child\nCommittee on the Rights of the Child",
            "Committee on the Rights of the Child",
        ),
        ("The General Assembly decided to act.", None),
    ],
)
def test_the_body_is_the_last_one_the_masthead_names(lines: str, body: str | None) -> None:
    assert detect_metadata(lines).body == body


@pytest.mark.parametrize(
    ("lines", "session"),
    [
        ("Seventy-ninth session", "Seventy-ninth session"),
        (
            "Fifty-eighth session\n24 February–4 April 2025",
            "Fifty-eighth session, 24 February–4 April 2025",
        ),
        (
            "Fifty-eighth session 24 February – 4 April 2025",
            "Fifty-eighth session, 24 February–4 April 2025",
        ),
        ("Eleventh emergency special session", "Eleventh emergency special session"),
        ("2024 session", "2024 session"),
        ("The session was long", None),
    ],
)
def test_the_session_keeps_its_dates(lines: str, session: str | None) -> None:
    assert detect_metadata(lines).session == session


@pytest.mark.parametrize(
    ("line", "item"),
    [
        ("Agenda item 3", "3"),
        ("Agenda items 2 and 3", "2 and 3"),
        ("Provisional agenda item 4*", "4"),
        ("Item 69 (a) of the preliminary list*", "69 (a)"),
        ("Items 68 and 69 of the provisional list", "68 and 69"),
        ("Point 3 de l’ordre du jour", "3"),
    ],
)
def test_the_agenda_item_is_its_number(line: str, item: str) -> None:
    assert detect_metadata(line).agenda_item == item


@pytest.mark.parametrize(
    ("changes", "lang"),
    [
        ({}, "en"),
        ({"Distr.: General": "Distr. générale", "Original: English": "Original : anglais"}, "fr"),
        ({"Distr.: General": "Distr. general", "Original: English": "Original: inglés"}, "es"),
        ({"Original: English": "Original : français"}, "fr"),
        ({"Original: English": "Original: español"}, "es"),
        ({"Original: English": ""}, "en"),
    ],
)
def test_the_language_is_the_one_the_masthead_is_written_in(
    changes: dict[str, str], lang: str
) -> None:
    text = MASTHEAD
    for old, new in changes.items():
        text = text.replace(old, new)
    assert detect_metadata(text).lang == lang


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("مجلس حقوق الإنسان الدورة الثامنة والخمسون", "ar"),
        ("Совет по правам человека Пятьдесят восьмая сессия", "ru"),
        ("人权理事会 第五十八届会议", "zh"),
        ("Le Conseil des droits de l’homme et les rapports du Secrétaire général", "fr"),
        ("El Consejo de Derechos Humanos y los informes para la Asamblea", "es"),
        ("The Council and the reports of the Secretary-General", "en"),
        ("A/HRC/58/19", None),
        ("", None),
    ],
)
def test_without_a_masthead_the_script_and_words_tell_the_language(
    text: str, lang: str | None
) -> None:
    assert document_language(text) == lang


def test_labelled_lines_say_it_outright_and_win() -> None:
    labelled = (
        "Title: Another title (A/HRC/58/19) [EN/FR]\n"
        "Date: 2024-12-01\n"
        "URL: https://example.org/report\n"
    )
    found = detect_metadata(labelled + MASTHEAD)
    assert (found.title, found.date) == ("Another title", dt.date(2024, 12, 1))
    assert found.source_url == "https://example.org/report"
    assert detect_metadata("Symbol: A/HRC/1/1\n" + MASTHEAD).symbol == "A/HRC/1/1"


def test_nothing_to_detect_is_nothing_found() -> None:
    assert detect_metadata("") == Metadata()


# The same report's mastheads in the other official languages. The box at the top right
# (`Distr.`, date, `Original:`) is in the language for French and Spanish, in English for
# Arabic, Russian and Chinese; the session's dates are in the language everywhere.
FRENCH = """\
Nations Unies
A/HRC/58/19
Assemblée générale
Distr. générale
13 janvier 2025
Français
Original : anglais
Conseil des droits de l’homme
Cinquante-huitième session
24 février-4 avril 2025
Point 3 de l’ordre du jour
Promotion et protection de tous les droits de l’homme, civils, politiques,
économiques, sociaux et culturels, y compris le droit au développement
Rapport annuel de la Représentante spéciale du Secrétaire général chargée de la question
de la violence contre les enfants*
* A/HRC/58/1.
"""
SPANISH = """\
Naciones Unidas
A/HRC/58/19
Asamblea General
Distr. general
13 de enero de 2025
Español
Original: inglés
Consejo de Derechos Humanos
58º período de sesiones
24 de febrero a 4 de abril de 2025
Tema 3 de la agenda
Promoción y protección de todos los derechos humanos, civiles,
políticos, económicos, sociales y culturales, incluido el derecho al desarrollo
Informe anual de la Representante Especial del Secretario General sobre la Violencia
contra los Niños*
* A/HRC/58/1.
"""
RUSSIAN = """\
Организация Объединенных Наций
A/HRC/58/19
Генеральная Ассамблея
Distr.: General
13 January 2025
Russian
Original: English
Совет по правам человека
Пятьдесят восьмая сессия
24 февраля — 4 апреля 2025 года
Пункт 3 повестки дня
Поощрение и защита всех прав человека, гражданских,
политических, экономических, социальных и культурных прав, включая право на развитие
Ежегодный доклад Специального представителя Генерального секретаря
по вопросу о насилии в отношении детей*
* A/HRC/58/1.
"""
ARABIC = """\
الأمم المتحدة
A/HRC/58/19
الجمعية العامة
Distr.: General
13 January 2025
Arabic
Original: English
مجلس حقوق الإنسان
الدورة الثامنة والخمسون
24 شباط/فبراير - 4 نيسان/أبريل 2025
البند 3 من جدول الأعمال
تعزيز وحماية جميع حقوق الإنسان، المدنية والسياسية والاقتصادية والاجتماعية والثقافية،
بما في ذلك الحق في التنمية
التقرير السنوي للممثلة الخاصة للأمين العام المعنية بالعنف ضد الأطفال*
* A/HRC/58/1.
"""
CHINESE = """\
联合国
A/HRC/58/19
大会
Distr.: General
13 January 2025
Chinese
Original: English
人权理事会
第五十八届会议
2025年2月24日至4月4日
议程项目3
增进和保护所有人权——公民权利、政治权利、经济、社会和文化权利，
包括发展权
秘书长暴力侵害儿童问题特别代表的年度报告*
* A/HRC/58/1。
"""


@pytest.mark.parametrize(
    ("masthead", "expected"),
    [
        (
            FRENCH,
            Metadata(
                body="Conseil des droits de l’homme",
                session="Cinquante-huitième session, 24 février-4 avril 2025",
                title=(
                    "Rapport annuel de la Représentante spéciale du Secrétaire général chargée "
                    "de la question de la violence contre les enfants"
                ),
                lang="fr",
            ),
        ),
        (
            SPANISH,
            Metadata(
                body="Consejo de Derechos Humanos",
                session="58º período de sesiones, 24 de febrero a 4 de abril de 2025",
                title=(
                    "Informe anual de la Representante Especial del Secretario General sobre la "
                    "Violencia contra los Niños"
                ),
                lang="es",
            ),
        ),
        (
            RUSSIAN,
            Metadata(
                body="Совет по правам человека",
                session="Пятьдесят восьмая сессия, 24 февраля — 4 апреля 2025 года",
                title=(
                    "Ежегодный доклад Специального представителя Генерального секретаря "
                    "по вопросу о насилии в отношении детей"
                ),
                lang="ru",
            ),
        ),
        (
            ARABIC,
            Metadata(
                body="مجلس حقوق الإنسان",
                session="الدورة الثامنة والخمسون, 24 شباط/فبراير-4 نيسان/أبريل 2025",
                title="التقرير السنوي للممثلة الخاصة للأمين العام المعنية بالعنف ضد الأطفال",
                lang="ar",
            ),
        ),
        (
            CHINESE,
            Metadata(
                body="人权理事会",
                session="第五十八届会议, 2025年2月24日至4月4日",
                title="秘书长暴力侵害儿童问题特别代表的年度报告",
                lang="zh",
            ),
        ),
    ],
    ids=["fr", "es", "ru", "ar", "zh"],
)
def test_a_masthead_in_another_official_language_gives_every_field(
    masthead: str, expected: Metadata
) -> None:
    assert detect_metadata(masthead) == Metadata(
        symbol="A/HRC/58/19",
        title=expected.title,
        date=dt.date(2025, 1, 13),
        body=expected.body,
        session=expected.session,
        agenda_item="3",
        lang=expected.lang,
    )


@pytest.mark.parametrize(
    "written",
    [
        "13 janvier 2025",
        "13 de enero de 2025",
        "13 января 2025 года",
        "13 января 2025 г.",
        "13 كانون الثاني/يناير 2025",
        "١٣ كانون الثاني/يناير ٢٠٢٥",
        "۱۳ كانون الثاني/يناير ۲۰۲۵",
        "2025年1月13日",
    ],
)
def test_a_date_line_in_another_official_language_is_the_date(written: str) -> None:
    assert detect_metadata(f"A/HRC/58/19\n{written}").date == dt.date(2025, 1, 13)


@pytest.mark.parametrize(
    ("written", "date"),
    [
        ("2 تشرين الأول/أكتوبر 2024", dt.date(2024, 10, 2)),
        ("30 حزيران/يونيه 2024", dt.date(2024, 6, 30)),
        ("1 نيسان/ابريل 2024", dt.date(2024, 4, 1)),
        ("1er septembre 2024", dt.date(2024, 9, 1)),
        ("31 августа 2024 года", dt.date(2024, 8, 31)),
        ("2024年12月1日", dt.date(2024, 12, 1)),
    ],
)
def test_every_month_name_is_read_whatever_its_spelling(written: str, date: dt.date) -> None:
    assert detect_metadata(written).date == date


@pytest.mark.parametrize(
    ("lines", "session"),
    [
        ("Soixante-dix-neuvième session", "Soixante-dix-neuvième session"),
        ("79º período de sesiones", "79º período de sesiones"),
        ("Septuagésimo noveno período de sesiones", "Septuagésimo noveno período de sesiones"),
        ("Семьдесят девятая сессия", "Семьдесят девятая сессия"),
        ("الدورة التاسعة والسبعون", "الدورة التاسعة والسبعون"),
        ("第七十九届会议", "第七十九届会议"),
        ("第三十五届特别会议", "第三十五届特别会议"),
    ],
)
def test_a_session_in_another_official_language(lines: str, session: str) -> None:
    assert detect_metadata(lines).session == session


@pytest.mark.parametrize(
    ("line", "item"),
    [
        ("Point 69 a) de la liste préliminaire*", "69 a)"),
        ("Points 2 et 3 de l’ordre du jour", "2 et 3"),
        ("Tema 3 de la agenda", "3"),
        ("Tema 69 a) del programa provisional*", "69 a)"),
        ("Пункт 3 повестки дня", "3"),
        ("Пункты 2 и 3 повестки дня", "2 и 3"),
        ("البند 3 من جدول الأعمال", "3"),
        ("البند ٣ من جدول الأعمال", "3"),
        ("البندان 2 و 3 من جدول الأعمال", "2 و 3"),
        ("议程项目3", "3"),
        ("临时议程项目4*", "4"),
    ],
)
def test_an_agenda_item_in_another_official_language_is_its_number(line: str, item: str) -> None:
    assert detect_metadata(line).agenda_item == item


@pytest.mark.parametrize(
    ("lines", "body"),
    [
        ("Assemblée générale\nConseil des droits de l’homme", "Conseil des droits de l’homme"),
        ("Asamblea General\nConsejo de Seguridad", "Consejo de Seguridad"),
        ("Генеральная Ассамблея", "Генеральная Ассамблея"),
        ("Экономический и Социальный Совет", "Экономический и Социальный Совет"),
        ("الجمعية العامة\nمجلس الأمن", "مجلس الأمن"),
        ("大会\n人权理事会", "人权理事会"),
        ("安全理事会", "安全理事会"),
    ],
)
def test_a_body_in_another_official_language(lines: str, body: str) -> None:
    assert detect_metadata(lines).body == body


def test_an_arabic_masthead_in_presentation_forms_is_read_as_its_letters() -> None:
    shapes = "ﻣﺠﻠﺲ ﺣﻘﻮﻕ ﺍﻹﻧﺴﺎﻥ"  # مجلس حقوق الإنسان as a PDF may give it
    assert detect_metadata(ARABIC.replace("مجلس حقوق الإنسان", shapes)).body == "مجلس حقوق الإنسان"
