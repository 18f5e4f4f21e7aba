"""Metadata from front matter: a PDF masthead, a ReliefWeb page's preamble, labelled lines."""

from __future__ import annotations

import datetime as dt
import tomllib

import pytest

from index.metadata import Metadata, detect_language, detect_metadata, find_symbols
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
    assert detect_language(text) == lang


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
