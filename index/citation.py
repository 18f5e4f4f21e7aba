"""The full reference to a paragraph, in the form UN documents cite one another.

`Special Representative of the Secretary-General on Violence against Children, Annual report,
A/HRC/58/19 (13 January 2025), para. 12`: author, short title, symbol and date, place. UN report
titles name their author (`Annual report of the …`, `Report of the …`); a resolution's title
carries its number (`78/9. Commemoration of …`), and it is cited as `General Assembly resolution
78/9, “Commemoration of …”`; any other title (and any title in another language) is cited whole.
The date is in the version's language.
"""

from __future__ import annotations

import re

from babel.dates import format_date

from index.models import Paragraph, Report

# The date is written as the cited version's language writes it; UN English is British.
_LOCALES = {"en": "en_GB"}

_AUTHORED = re.compile(
    r"^(?P<kind>(?:annual |interim |final )?report) of the (?P<author>.+)$", re.I
)


_RESOLUTION = re.compile(r"^(?P<number>\d+/\d+(?: ?[A-Z])?)\.\s+(?P<title>.+)$")


def reference(report: Report, paragraph: Paragraph) -> str:
    title = report.title.strip()
    authored = _AUTHORED.match(title)
    resolution = _RESOLUTION.match(title) if "/RES/" in report.symbol else None
    if report.lang == "en" and resolution is not None:
        body = f"{report.body} " if report.body else ""
        work = f"{body}resolution {resolution['number']}, “{resolution['title']}”"
    elif authored:
        work = f"{authored['author']}, {authored['kind'][0].upper()}{authored['kind'][1:]}"
    else:
        work = title
    locale = _LOCALES.get(report.lang, report.lang)
    when = f" ({format_date(report.date, 'long', locale=locale)})" if report.date else ""
    return f"{work}, {report.symbol}{when}, {paragraph.place}"
