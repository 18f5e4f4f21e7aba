"""Full references, as UN documents cite one another."""

from __future__ import annotations

import datetime as dt

from index.citation import reference
from index.models import Paragraph, Report

SYMBOL = "A/HRC/58/19"


def report(title: str, date: dt.date | None = dt.date(2025, 1, 13)) -> Report:
    return Report(symbol=SYMBOL, title=title, date=date)


def paragraph(number: int = 12, annex: str | None = None) -> Paragraph:
    return Paragraph(symbol=SYMBOL, number=number, annex=annex, text="Text.")


def test_an_annual_report_names_its_author_first() -> None:
    title = (
        "Annual report of the Special Representative of the Secretary-General on Violence "
        "against Children"
    )
    assert reference(report(title), paragraph()) == (
        "Special Representative of the Secretary-General on Violence against Children, "
        "Annual report, A/HRC/58/19 (13 January 2025), para. 12"
    )


def test_other_authored_reports_and_annexes() -> None:
    cited = reference(report("Report of the Secretary-General"), paragraph(3, annex="II"))
    assert cited == "Secretary-General, Report, A/HRC/58/19 (13 January 2025), annex II, para. 3"


def test_a_title_without_an_author_is_cited_whole_and_no_date_is_invented() -> None:
    cited = reference(report("Rights of the child", date=None), paragraph(1))
    assert cited == "Rights of the child, A/HRC/58/19, para. 1"


def test_the_date_is_written_in_the_cited_versions_language() -> None:
    russian = Report(symbol=SYMBOL, lang="ru", title="Ежегодный доклад", date=dt.date(2025, 1, 13))
    cited = reference(russian, paragraph(3).model_copy(update={"lang": "ru"}))
    # CLDR puts a no-break space before `г.`; the words around it are what matter here.
    assert cited.startswith("Ежегодный доклад, A/HRC/58/19 (13 января 2025")
    assert cited.endswith("г.), para. 3")


def test_a_resolution_is_cited_by_its_body_and_number_with_its_title() -> None:
    resolution = Report(
        symbol="A/RES/78/9",
        title="78/9. Commemoration of the Special Programme",
        body="General Assembly",
        date=dt.date(2023, 11, 27),
    )
    preambular = Paragraph(symbol="A/RES/78/9", number=3, kind="preambular", text="Noting.")
    assert reference(resolution, preambular) == (
        "General Assembly resolution 78/9, “Commemoration of the Special Programme”, "
        "A/RES/78/9 (27 November 2023), third preambular paragraph"
    )
    # A draft's title carries no number: it is cited whole.
    draft = resolution.model_copy(update={"symbol": "A/78/L.8", "title": "Commemoration"})
    operative = Paragraph(symbol="A/78/L.8", number=2, text="Decides.")
    assert reference(draft, operative) == "Commemoration, A/78/L.8 (27 November 2023), para. 2"
