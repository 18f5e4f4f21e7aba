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
