"""What a format reader (PDF, HTML, Word, text) hands to the parser."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class SourceDocument:
    """A report's text as read from its file, before paragraphs are found in it.

    `text` is the running text, pages separated by form feeds (`\\f`) where the format has
    pages; `footnotes` maps a footnote's number to its text, for the paragraphs that cite it;
    `front_matter` is where the report's metadata stands (a PDF's masthead, a page's header).
    """

    text: str
    footnotes: Mapping[int, str] = field(default_factory=dict)
    front_matter: str = ""
