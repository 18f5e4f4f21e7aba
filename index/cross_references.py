"""A paragraph's references, resolved against the library: which point to a report and paragraph
it holds, which to a UN document it does not, which to a paragraph of the same report.

The reference reader (index.references) finds them in the paragraph's text and its notes; here
each learns whether its target is indexed, so that the bot can link to the paragraph in the bot
(a deep link) or else to the UN document, and the command line can say so.
"""

from __future__ import annotations

from dataclasses import dataclass

from index.library import Library
from index.models import Paragraph
from index.references.reader import Reference, document_url, read_references

OWN_PARAGRAPH = "own_paragraph"


@dataclass(frozen=True)
class Resolved:
    """A reference and where it leads. `note` is the number of the note it was found in (None:
    the paragraph's text). `target` is the indexed paragraph it cites (the first, for a range),
    in the reader's language where its report has that version; `indexed` says whether its
    report (and paragraph, if it cites one) is in the library. A reference within the report
    (`see para. 27 above`) is indexed when that paragraph is."""

    reference: Reference
    note: int | None
    indexed: bool
    target: Paragraph | None
    url: str | None
    """The UN document, for a reference to another document: https://docs.un.org/…"""


def resolve_references(library: Library, paragraph: Paragraph, lang: str) -> list[Resolved]:
    """Every reference in `paragraph`'s text, then in each of its notes, resolved."""
    numbers = paragraph.note_numbers or tuple(range(1, len(paragraph.notes) + 1))
    found: list[tuple[int | None, Reference]] = [
        (None, reference) for reference in read_references(paragraph.text, paragraph.lang)
    ]
    for number, note in zip(numbers, paragraph.notes, strict=False):
        found += [(number, reference) for reference in read_references(note, paragraph.lang)]
    symbols = {report.symbol.casefold(): report.symbol for report in library.reports()}
    return [_resolved(library, paragraph, lang, note, ref, symbols) for note, ref in found]


def _resolved(
    library: Library,
    paragraph: Paragraph,
    lang: str,
    note: int | None,
    reference: Reference,
    symbols: dict[str, str],
) -> Resolved:
    if reference.kind == OWN_PARAGRAPH:
        target = _version(library, paragraph.symbol, reference, lang, paragraph.annex)
        return Resolved(reference, note, target is not None, target, None)
    if reference.symbol is None:
        return Resolved(reference, note, False, None, None)
    url = document_url(reference.symbol, lang)
    symbol = symbols.get(reference.symbol.casefold())
    if symbol is None:
        return Resolved(reference, note, False, None, url)
    if not reference.paragraphs:
        return Resolved(reference, note, True, None, url)
    target = _version(library, symbol, reference, lang, None)
    return Resolved(reference, note, target is not None, target, url)


def _version(
    library: Library, symbol: str, reference: Reference, lang: str, annex: str | None
) -> Paragraph | None:
    """The first paragraph `reference` cites in report `symbol`, in `lang` where the report has
    it, else English, else its first language."""
    if not reference.paragraphs:
        return None
    languages = library.languages(symbol)
    for version in dict.fromkeys((lang, "en", *languages)):
        if version in languages:
            found = library.paragraph(symbol, reference.paragraphs[0], version, annex)
            if found is not None:
                return found
    return None
