"""Word documents (`.docx`), read with python-docx.

Paragraphs come in document order, table cells and content controls included, one block each
with blank lines between them. Within a paragraph a tab is a space (`1.<tab>The…` is paragraph
1, `I.<tab>Introduction` a heading) and a line break starts a new line.

Word's automatic numbering is drawn as Word draws it: a paragraph numbered by the list it
belongs to (directly or through its style, as UN templates number headings and paragraphs)
gets its label (`3.`, `(a)`, `IV.`, `•`) before its text, unless the text already begins with
it. The label follows the level's format and text (`%1.`, `(%2)`); lists sharing a definition
continue one another's numbering, and a list that restarts (a start override) starts again.
Numbering that Word computes from fields or from page layout is not reproduced.

Footnotes come from the document's footnotes part: each reference becomes the footnote's number
glued to the word before it, as web text has it (`children1`), numbered in order as Word shows
them; a custom mark (`*`) stays as the text has it and is not numbered. Endnotes are left out.

Word has no fixed pages, so the text has no form feeds. The front matter is the text of the
first page's headers (where a UN masthead puts the symbol, organ and date) and the paragraphs
before `Summary` or the first heading; UN templates style masthead lines as headings too, so
the front matter ends at what the text says, not at a heading style.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx
from docx.document import Document as WordDocument
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.exceptions import OpcError
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from index.errors import IngestError
from index.ingest.formats.numerals import letters, roman
from index.ingest.paragraphs import starts_content
from index.ingest.source import SourceDocument

# Alternative renderings of a drawing: the fallback repeats the text of the preferred one.
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Subtrees whose text is not the paragraph's: its properties, text boxes (their own `w:p`), and
# text that tracked changes delete or move away.
_NOT_TEXT = frozenset(
    {qn("w:pPr"), qn("w:rPr"), qn("w:txbxContent"), qn("w:del"), qn("w:moveFrom"), _FALLBACK}
)
_BREAKS = frozenset({qn("w:br"), qn("w:cr")})
_TRUE = ("1", "true", "on")

# An element of python-docx's XML tree (an lxml element, which has no type information).
_Element = Any


def read_docx(path: Path) -> SourceDocument:
    """A Word document's paragraphs, footnotes and masthead."""
    try:
        document = docx.Document(str(path))
    except OSError as error:
        raise IngestError(f"{path}: cannot read it ({error.strerror})") from error
    # python-docx reports a file that is no Word document with OpcError (not a zip package),
    # KeyError (a part missing), ValueError (another Office format) or a SyntaxError (bad XML).
    except (OpcError, zipfile.BadZipFile, KeyError, ValueError, SyntaxError) as error:
        raise IngestError(
            f"{path}: not a Word .docx document, or a damaged one ({error}); "
            "a .doc must be saved as .docx first"
        ) from error
    numbering = _Numbering(document.part.numbering_part.element)
    styles = _Styles(document.styles.element)
    notes = _Footnotes(_footnote_texts(document))
    blocks = [
        _paragraph(p, styles, numbering, notes)
        for p in document.element.body.iter(qn("w:p"))
        if not _in_fallback(p)
    ]
    blocks = [block for block in blocks if block]
    front = _first_page_headers(document)
    for block in blocks:
        lines = block.split("\n")
        if any(starts_content(line) for line in lines):
            break
        front += lines
    return SourceDocument(
        text="\n\n".join(blocks), footnotes=notes.numbered, front_matter="\n".join(front)
    )


def _paragraph(p: _Element, styles: _Styles, numbering: _Numbering, notes: _Footnotes) -> str:
    # An empty numbered paragraph still takes its number, as Word shows it.
    label = numbering.label(*styles.numbering(p))
    text = _text(p, notes.cite)
    if text and label and not text.startswith(f"{label} "):
        return f"{label} {text}"
    return text


def _text(element: _Element, on_note: Callable[[_Element], str]) -> str:
    """The text a paragraph shows, lines as Word breaks them, whitespace normalised."""
    pieces: list[str] = []
    for node in _descendants(element):
        tag = node.tag
        if tag == qn("w:t"):
            pieces.append(node.text or "")
        elif tag == qn("w:tab"):
            pieces.append(" ")
        elif tag in _BREAKS:
            pieces.append("\n")
        elif tag == qn("w:noBreakHyphen"):
            pieces.append("-")
        elif tag == qn("w:footnoteReference"):
            pieces.append(on_note(node))
    lines = (" ".join(line.split()) for line in "".join(pieces).split("\n"))
    return "\n".join(line for line in lines if line)


def _descendants(element: _Element) -> Iterator[_Element]:
    for child in element:
        if child.tag not in _NOT_TEXT:
            yield child
            yield from _descendants(child)


def _in_fallback(element: _Element) -> bool:
    return any(True for _ in element.iterancestors(_FALLBACK))


def _first_page_headers(document: WordDocument) -> list[str]:
    """The lines of the first section's first-page and default headers."""
    if not document.sections:
        return []
    section = document.sections[0]
    lines: list[str] = []
    for header in (section.first_page_header, section.header):
        if not header.is_linked_to_previous:
            for p in header.part.element.iter(qn("w:p")):
                lines += _text(p, lambda _: "").split("\n")
    return [line for line in lines if line]


def _footnote_texts(document: WordDocument) -> dict[str, str]:
    """Each footnote's text by its id in the document's XML."""
    for relationship in document.part.rels.values():
        if relationship.reltype == RELATIONSHIP_TYPE.FOOTNOTES and not relationship.is_external:
            root = parse_xml(relationship.target_part.blob)
            return {
                note.get(qn("w:id")): " ".join(
                    filter(None, (_text(p, lambda _: "") for p in note.iter(qn("w:p"))))
                )
                for note in root.iter(qn("w:footnote"))
                # Separators between text and notes are footnotes too, of their own type.
                if note.get(qn("w:type")) in (None, "normal")
            }
    return {}


@dataclass
class _Footnotes:
    """Numbers footnote references in the order they are met, as Word shows them."""

    texts: dict[str, str]
    numbered: dict[int, str] = field(default_factory=dict)

    def cite(self, reference: _Element) -> str:
        if reference.get(qn("w:customMarkFollows")) in _TRUE:
            return ""
        number = len(self.numbered) + 1
        self.numbered[number] = self.texts.get(reference.get(qn("w:id")), "")
        return str(number)


class _Styles:
    """Paragraph styles: the list a style numbers its paragraphs with, through `basedOn`."""

    def __init__(self, styles: _Element) -> None:
        self._by_id: dict[str, _Element] = {
            style.get(qn("w:styleId")): style for style in styles.iter(qn("w:style"))
        }
        defaults = [
            style_id
            for style_id, style in self._by_id.items()
            if style.get(qn("w:type")) == "paragraph" and style.get(qn("w:default")) in _TRUE
        ]
        self._default = defaults[0] if defaults else None

    def numbering(self, p: _Element) -> tuple[str | None, int]:
        """The paragraph's list (`numId`) and level, its own or its style's."""
        own = p.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        style_id = style.get(qn("w:val")) if style is not None else self._default
        inherited = self._style_numbering(style_id)
        num_id = _value(own, "w:numId") or _value(inherited, "w:numId")
        return num_id, _int(_value(own, "w:ilvl") or _value(inherited, "w:ilvl"), 0)

    def _style_numbering(self, style_id: str | None) -> _Element | None:
        seen: set[str] = set()
        while style_id is not None and style_id not in seen and style_id in self._by_id:
            seen.add(style_id)
            style = self._by_id[style_id]
            found = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
            if found is not None:
                return found
            based_on = style.find(qn("w:basedOn"))
            style_id = based_on.get(qn("w:val")) if based_on is not None else None
        return None


@dataclass(frozen=True)
class _Level:
    start: int
    format: str
    text: str


class _Numbering:
    """Word's list numbering: counters per list definition, labels as each level draws them."""

    def __init__(self, numbering: _Element) -> None:
        self._definitions: dict[str, dict[int, _Level]] = {
            definition.get(qn("w:abstractNumId")): _levels(definition)
            for definition in numbering.iter(qn("w:abstractNum"))
        }
        self._lists: dict[str, tuple[str, dict[int, int]]] = {}
        for num in numbering.iter(qn("w:num")):
            definition = _value(num, "w:abstractNumId")
            if definition is None:
                continue
            starts = {
                _int(override.get(qn("w:ilvl")), 0): _int(start, 1)
                for override in num.iter(qn("w:lvlOverride"))
                if (start := _value(override, "w:startOverride")) is not None
            }
            self._lists[num.get(qn("w:numId"))] = (definition, starts)
        self._counters: dict[str, dict[int, int]] = {}
        self._started: set[str] = set()

    def label(self, num_id: str | None, level: int) -> str:
        """The label of the next paragraph of list `num_id` at `level`; '' if none."""
        if num_id is None or num_id not in self._lists:
            return ""
        definition, starts = self._lists[num_id]
        levels = self._definitions.get(definition, {})
        if level not in levels:
            return ""
        counters = self._counters.setdefault(definition, {})
        if num_id not in self._started:
            self._started.add(num_id)
            for restarted, start in starts.items():
                counters[restarted] = start - 1
        counters[level] = counters[level] + 1 if level in counters else levels[level].start
        for deeper in [other for other in counters if other > level]:
            del counters[deeper]
        if levels[level].format == "bullet":
            return "•"

        def number(match: re.Match[str]) -> str:
            shown = int(match[1]) - 1
            drawn = levels.get(shown, levels[level])
            return _formatted(counters.get(shown, drawn.start), drawn.format)

        return re.sub(r"%(\d)", number, levels[level].text).strip()


def _levels(definition: _Element) -> dict[int, _Level]:
    levels: dict[int, _Level] = {}
    for level in definition.iter(qn("w:lvl")):
        levels[_int(level.get(qn("w:ilvl")), 0)] = _Level(
            start=_int(_value(level, "w:start"), 1),
            format=_value(level, "w:numFmt") or "decimal",
            text=_value(level, "w:lvlText") or "",
        )
    return levels


def _formatted(number: int, number_format: str) -> str:
    if number_format == "none":
        return ""
    if number_format in ("upperRoman", "lowerRoman"):
        numeral = roman(number)
        return numeral if number_format == "upperRoman" else numeral.lower()
    if number_format in ("upperLetter", "lowerLetter"):
        letter = letters(number)
        return letter.upper() if number_format == "upperLetter" else letter
    if number_format == "decimalZero":
        return f"{number:02d}"
    return str(number)


def _int(text: str | None, default: int) -> int:
    return int(text) if text is not None and text.isdigit() else default


def _value(parent: _Element | None, child: str) -> str | None:
    """The `w:val` of `parent`'s child element `child`, if both are there."""
    if parent is None:
        return None
    found = parent.find(qn(child))
    return None if found is None else found.get(qn("w:val"))
