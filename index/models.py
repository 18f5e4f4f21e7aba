"""The one model that carries a report and its paragraphs from ingestion to the reply."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict


def official_url(symbol: str, lang: str) -> str:
    """The UN's own viewer for a document symbol, in one language."""
    return f"https://docs.un.org/{lang}/{symbol}"


class Paragraph(BaseModel):
    """One numbered paragraph of a report, verbatim."""

    model_config = ConfigDict(frozen=True)

    symbol: str
    lang: str = "en"
    # Annexes restart their numbering: `I` for annex I, None for the report's body.
    annex: str | None = None
    number: int
    section_path: tuple[str, ...] = ()
    text: str
    page: int | None = None
    notes: tuple[str, ...] = ()
    link: str | None = None

    @property
    def section(self) -> str:
        """The innermost heading the paragraph stands under (`I. Introduction`), or ''."""
        return self.section_path[-1] if self.section_path else ""

    @property
    def citation(self) -> str:
        """How the UN cites it: `A/HRC/58/19, para. 3`, `A/HRC/58/19, annex I, para. 3`."""
        return f"{self.symbol}, {self.place}"

    @property
    def place(self) -> str:
        """Where in the report: `para. 3`, `annex I, para. 3`."""
        annex = f"annex {self.annex}, " if self.annex else ""
        return f"{annex}para. {self.number}"

    @property
    def official_url(self) -> str:
        return official_url(self.symbol, self.lang)


class Report(BaseModel):
    """A report's metadata and summary; `paragraphs` is filled by ingestion.

    Listings read back from the index carry no paragraphs, only `paragraph_count`.
    """

    model_config = ConfigDict(frozen=True)

    symbol: str
    lang: str = "en"
    title: str
    date: dt.date | None = None
    body: str | None = None
    session: str | None = None
    agenda_item: str | None = None
    source_url: str | None = None
    summary: str = ""
    paragraphs: tuple[Paragraph, ...] = ()
    paragraph_count: int = 0

    @property
    def year(self) -> int | None:
        return self.date.year if self.date else None

    @property
    def official_url(self) -> str:
        return official_url(self.symbol, self.lang)
