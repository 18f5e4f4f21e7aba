"""Parse a report's plain text into its summary, section headings and numbered paragraphs.

The text may come from a web page (a paragraph per line) or a PDF (wrapped lines, form feeds
between pages, page headers). What is recognised, line by line:

- everything before `Summary`, the first heading or the first numbered paragraph is page
  preamble, not content;
- `Summary` starts the report's summary: the unnumbered paragraphs up to the first heading or
  numbered paragraph;
- `Contents` starts a table of contents, skipped up to the first line that is not one of its
  entries (`I. Introduction ..... 3`, `I. Introduction 1–4 3`) or their column heads (`Page`);
- headings: `I. Introduction` (Roman), `A. Global level` (a letter, under the Roman heading),
  and `1. Legislation` (numbered) where a short title-like line is followed by the paragraph the
  numbering expects next;
- numbered paragraphs `12. Text…` (or `12.` alone, the text on the next line), their numbers
  increasing; sub-items `(a) …` and bullets on their own lines stay in the paragraph above,
  each on its own line; wrapped lines join, hyphenated words too (see `index.ingest.hyphenation`);
- `Annex`, `Annex II`, `Annexes`: an annex, whose numbering starts again; the lines after it up
  to its first heading or paragraph are its title, which heads its paragraphs' section path.

That is the English layout; each language version has its own words and numbering for these
parts (`Résumé`, `一、导言`, `أولاً- مقدمة`, `1- نص`: see index.ingest.layouts), read by the report's
language. Arabic letters that a PDF gave in their presentation forms are read as the letters.

Footnote markers glued to words (`children1`) are taken out of the text; the paragraph keeps the
text of the footnotes it cites as its notes.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from index.ingest.footnotes import (
    strip_footnote_markers,
    strip_footnote_markers_with_numbers,
    text_before_first_marker,
)
from index.ingest.hyphenation import LineJoiner
from index.ingest.layouts import LAYOUTS, Layout, layout_for, roman_numeral
from index.ingest.source import SourceDocument
from index.language.arabic import normalise_presentation_forms
from index.links import paragraph_link
from index.models import Paragraph, Report

# An entry of a table of contents ends in its page, after its paragraphs (`1–4 3`) in a report
# that lists them. Dot leaders mark an entry anywhere; inside the table, so does the page alone.
_LEADERS_ENTRY = re.compile(r".*(?:(?:\.\s?){4,}|…{2,})\s*(?:\d{1,4}\s*[–-]\s*\d{1,4}\s+)?\d{1,3}")
_RANGE_ENTRY = re.compile(r".*\S\s+\d{1,4}\s*[–-]\s*\d{1,4}\s+\d{1,3}")
_PAGE_ENTRY = re.compile(r".*\S\s+\d{1,3}")
# PDF page furniture: page numbers and United Nations Office at Geneva job numbers.
_PAGE_FURNITURE = re.compile(r"\d{1,3}|GE\.\d{2}-\d+(?:\s*\(E\))?.*")

_MAX_HEADING_CHARS = 150
# With Chinese and Arabic punctuation.
_SENTENCE_END = (".", "!", "?", ":", ";", "。", "！", "？", "：", "；", "؟", "؛")
_CLOSERS = '"”’)]）」』'
_TITLE_END = ".,;:。，；：،؛"
# Between `Annex I` and its title, as in `Annex I — Recommendations`.
_ANNEX_TITLE_SEPARATOR = " — "


class _Level(enum.IntEnum):
    ANNEX = 0
    ROMAN = 1
    LETTER = 2
    NUMBERED = 3


class _Mode(enum.Enum):
    PREAMBLE = enum.auto()
    SUMMARY = enum.auto()
    CONTENTS = enum.auto()
    BODY = enum.auto()


@dataclass(frozen=True)
class _Line:
    text: str  # whitespace normalised; '' for a blank line
    page: int  # 1-based, counting form feeds


@dataclass
class _Block:
    """Text gathered from lines: wrapped lines join with a space, sub-items with a newline."""

    pieces: list[str]
    joiner: LineJoiner

    def extend(self, line: str) -> None:
        self.pieces[-1] = self.joiner.join(self.pieces[-1], line)

    def start_piece(self, line: str) -> None:
        if self.pieces[-1]:
            self.pieces.append(line)
        else:  # the number stood alone on its line: this is the paragraph's first text
            self.pieces[-1] = line

    def ends_sentence(self) -> bool:
        return self.pieces[-1].rstrip(_CLOSERS).endswith(_SENTENCE_END)

    @property
    def text(self) -> str:
        return "\n".join(self.pieces)


@dataclass
class _DraftParagraph:
    annex: str | None
    number: int
    section_path: tuple[str, ...]
    page: int
    block: _Block


@dataclass
class _Parser:
    lines: list[_Line]
    symbol: str
    joiner: LineJoiner
    layout: Layout
    mode: _Mode = _Mode.PREAMBLE
    headings: list[tuple[_Level, str]] = field(default_factory=list)  # outermost first
    roman: int = 0
    letter: int = 0  # A is 1; 0 before the first lettered heading under a Roman one
    annex: str | None = None
    summary: list[_Block] = field(default_factory=list)
    paragraphs: list[_DraftParagraph] = field(default_factory=list)
    # An unnumbered line right after a heading line continues the heading (PDF wrapping).
    heading_open: bool = False
    # The first unnumbered line after `Annex I` is the annex's title.
    annex_title_open: bool = False

    def parse(self) -> None:
        after_blank, page = True, 1
        for index, line in enumerate(self.lines):
            if not line.text:
                after_blank, self.heading_open = True, False
                continue
            # A new page sets its first line apart as a blank line would (a PDF has none there).
            after_blank, page = after_blank or line.page != page, line.page
            if self._skip(line.text):
                continue
            if self.mode is _Mode.CONTENTS:
                if self._in_contents(index):
                    continue
                self.mode = _Mode.BODY
            annex = _annex_label(self.layout, line.text)
            # `Annex I` wrapped alone onto a line of a sentence is no annex.
            if annex is not None and after_blank:
                self._open_annex(line.text, annex)
                continue
            self._take(index, line, after_blank)
            after_blank = False

    def _skip(self, text: str) -> bool:
        if text == self.symbol or _PAGE_FURNITURE.fullmatch(text):
            return True
        if _LEADERS_ENTRY.fullmatch(text):
            return True
        if self.layout.contents.fullmatch(text) and not self.paragraphs:
            self.mode = _Mode.CONTENTS
            return True
        return False

    def _in_contents(self, index: int) -> bool:
        """An entry, a column head, or the first line of an entry wrapped over two lines."""
        text = self.lines[index].text
        if self.layout.contents_columns.fullmatch(text) or self._is_contents_entry(text):
            return True
        following = self._next_content_line(index)
        return following is not None and self._is_contents_entry(following)

    def _is_contents_entry(self, text: str) -> bool:
        if _LEADERS_ENTRY.fullmatch(text) or _RANGE_ENTRY.fullmatch(text):
            return True
        # A paragraph's first line may end in a number too (`… more than 60`).
        return bool(_PAGE_ENTRY.fullmatch(text)) and _paragraph_start(self.layout, text) is None

    def _take(self, index: int, line: _Line, after_blank: bool) -> None:
        text = line.text
        if self.mode is _Mode.PREAMBLE and self.layout.summary.fullmatch(text):
            self.mode = _Mode.SUMMARY
            return
        heading = self._heading(text)
        if heading is not None:
            self._open_heading(*heading)
            return
        start = _paragraph_start(self.layout, text)
        if start is not None:
            number, rest = start
            if rest and self._is_numbered_heading(index, rest):
                self._open_heading(_Level.NUMBERED, text)
                return
            if self._starts_paragraph(number, after_blank):
                self.mode = _Mode.BODY
                self.heading_open = self.annex_title_open = False
                block = _Block([rest], self.joiner)
                self.paragraphs.append(
                    _DraftParagraph(self.annex, number, self._section_path(), line.page, block)
                )
                return
        self._take_text(text, after_blank)

    def _take_text(self, text: str, after_blank: bool) -> None:
        if self.annex_title_open:
            self.annex_title_open = False
            if _looks_like_title(text):
                level, annex = self.headings[-1]
                self.headings[-1] = (level, f"{annex}{_ANNEX_TITLE_SEPARATOR}{text}")
                self.heading_open = True
                return
        if self.heading_open:
            level, heading = self.headings[-1]
            self.headings[-1] = (level, self.joiner.join(heading, text))
            return
        if self.mode is _Mode.SUMMARY and self._starts_summary_paragraph(text, after_blank):
            self.summary.append(_Block([text], self.joiner))
            return
        block = self._current_block()
        if block is None:
            return
        # After a blank line, a finished sentence means a new line of the paragraph; an
        # unfinished one means a page break inside the sentence.
        if self.layout.sub_item.match(text) or (after_blank and block.ends_sentence()):
            block.start_piece(text)
        else:
            block.extend(text)

    def _starts_summary_paragraph(self, text: str, after_blank: bool) -> bool:
        if not self.summary:
            return True
        return (
            after_blank
            and self.summary[-1].ends_sentence()
            and not self.layout.sub_item.match(text)
        )

    def _current_block(self) -> _Block | None:
        if self.mode is _Mode.SUMMARY:
            return self.summary[-1]
        if self.mode is _Mode.BODY and self._last_paragraph() is not None:
            return self.paragraphs[-1].block
        return None  # preamble, or unnumbered text before the first paragraph (of an annex)

    def _last_paragraph(self) -> _DraftParagraph | None:
        """The last paragraph of the part being read: the body, or the current annex."""
        if self.paragraphs and self.paragraphs[-1].annex == self.annex:
            return self.paragraphs[-1]
        return None

    def _heading(self, text: str) -> tuple[_Level, str, int] | None:
        """The heading's level, text and number (its Roman numeral's, or its letter's: A is 1)."""
        label = _heading_label(self.layout, text)
        if label is None:
            return None
        letter = self.layout.letter_number(label)
        number = self.layout.section_number(label)
        # `I.` may be the ninth letter or the first Roman numeral: whichever comes next.
        if letter is not None and letter == self.letter + 1:
            return _Level.LETTER, text, letter
        if number is not None and (number == self.roman + 1 or letter is None):
            return _Level.ROMAN, text, number
        if letter is not None:
            return _Level.LETTER, text, letter
        return None

    def _open_heading(self, level: _Level, text: str, number: int = 0) -> None:
        self.mode = _Mode.BODY
        self.heading_open = True
        self.annex_title_open = False
        if level is _Level.ROMAN:
            self.roman, self.letter = number, 0
        elif level is _Level.LETTER:
            self.letter = number
        # A heading closes those at its level and deeper; a level left out stays out.
        self.headings = [*(open_ for open_ in self.headings if open_[0] < level), (level, text)]

    def _open_annex(self, text: str, label: str) -> None:
        self.mode = _Mode.BODY
        self.annex, self.roman, self.letter = label, 0, 0
        self.headings = [(_Level.ANNEX, text)]
        self.heading_open, self.annex_title_open = False, True

    def _section_path(self) -> tuple[str, ...]:
        return tuple(heading for _, heading in self.headings)

    def _is_numbered_heading(self, index: int, rest: str) -> bool:
        """`1. Legislation` followed by `12. In 2024, …`: a short title, then the paragraph the
        numbering expects next (so this line is not that paragraph)."""
        if not _looks_like_title(rest):
            return False
        last = self._last_paragraph()
        expected = last.number + 1 if last else 1
        following = self._next_content_line(index)
        start = _paragraph_start(self.layout, following) if following is not None else None
        return start is not None and start[0] == expected

    def _next_content_line(self, index: int) -> str | None:
        """The text of the next line that is neither blank nor page furniture."""
        for line in self.lines[index + 1 :]:
            if line.text and line.text != self.symbol and not _PAGE_FURNITURE.fullmatch(line.text):
                return line.text
        return None

    def _starts_paragraph(self, number: int, after_blank: bool) -> bool:
        last = self._last_paragraph()
        if last is None:
            return True
        # Without a blank line before it, `2015. The…` is more likely a wrapped sentence than a
        # paragraph, unless it is the very next number.
        return number == last.number + 1 or (number > last.number and after_blank)


def parse_document(document: SourceDocument, meta: Report) -> Report:
    """`meta` with the summary, paragraphs and paragraph count read from `document`.

    Paragraph text is verbatim with wrapped lines joined and footnote markers removed, the
    footnotes they cite kept as the paragraph's notes; each paragraph gets its symbol and
    language from `meta`, its page from the form feeds before it, and its link from
    `meta.source_url`.
    """
    text = normalise_presentation_forms(document.text)
    footnotes = {
        number: normalise_presentation_forms(note) for number, note in document.footnotes.items()
    }
    joiner = LineJoiner("\n".join([text, *footnotes.values()]))
    parser = _Parser(_lines(text), meta.symbol, joiner, layout_for(meta.lang))
    parser.parse()
    paged = "\f" in text
    paragraphs = tuple(
        _paragraph(draft, meta, footnotes, paged=paged) for draft in parser.paragraphs
    )
    summary = "\n\n".join(
        strip_footnote_markers(block.text, footnotes.keys()) for block in parser.summary
    )
    return meta.model_copy(
        update={
            "summary": summary,
            "paragraphs": paragraphs,
            "paragraph_count": len(paragraphs),
        }
    )


def parse_report_text(text: str, meta: Report) -> Report:
    """`parse_document` for a report known only by its text, without footnotes."""
    return parse_document(SourceDocument(text), meta)


def starts_content(line: str) -> bool:
    """Whether `line` is where a report's content can begin after its masthead and title, in
    any language's layout: `Summary`, `Contents`, a heading or a numbered paragraph."""
    text = " ".join(line.split())
    return any(
        layout.summary.fullmatch(text)
        or layout.contents.fullmatch(text)
        or _heading_label(layout, text) is not None
        or _paragraph_start(layout, text) is not None
        for layout in LAYOUTS.values()
    )


def _lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    page = 1
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        page += raw.count("\f")
        lines.append(_Line(" ".join(raw.split()), page))
    return lines


def _paragraph(
    draft: _DraftParagraph, meta: Report, footnotes: Mapping[int, str], *, paged: bool
) -> Paragraph:
    raw = draft.block.text
    known = footnotes.keys()
    text, markers = strip_footnote_markers_with_numbers(raw, known)
    page = draft.page if paged else None
    opening = text_before_first_marker(raw, known)
    return Paragraph(
        symbol=meta.symbol,
        lang=meta.lang,
        annex=draft.annex,
        number=draft.number,
        section_path=tuple(strip_footnote_markers(part, known) for part in draft.section_path),
        text=text,
        page=page,
        notes=tuple(footnotes[number] for number in dict.fromkeys(markers) if number in footnotes),
        link=paragraph_link(meta.source_url, draft.number, opening, page),
    )


def _paragraph_start(layout: Layout, text: str) -> tuple[int, str] | None:
    """The number and text of a numbered line (`12. Text`, or `12.` alone and '')."""
    numbered = layout.numbered.fullmatch(text)
    if numbered is not None:
        return int(numbered["number"]), numbered["rest"]
    alone = layout.number_alone.fullmatch(text)
    return (int(alone["number"]), "") if alone is not None else None


def _heading_label(layout: Layout, text: str) -> str | None:
    """The label of a heading line (`II` of `II. Context`), if it numbers or letters a title."""
    match = layout.heading.fullmatch(text)
    if match is None or not _looks_like_title(match["title"]):
        return None
    label = match["label"]
    counted = layout.section_number(label) is not None or layout.letter_number(label) is not None
    return label if counted else None


def _annex_label(layout: Layout, text: str) -> str | None:
    """The Roman numeral of an annex line (`Annex II`, `المرفق الثاني`: II), if it is one."""
    match = layout.annex.fullmatch(text)
    if match is None:
        return None
    if match["label"] is None:
        return "I"
    number = layout.annex_number(match["label"])
    return roman_numeral(number) if number is not None else None


def _looks_like_title(text: str) -> bool:
    """Short, capitalised (in a script with capitals) and without the final punctuation of a
    sentence."""
    first = text[0]
    return (
        len(text) <= _MAX_HEADING_CHARS
        and (first.isupper() or first.isdigit() or first in '"“‘(' or _is_caseless_letter(first))
        and text[-1] not in _TITLE_END
    )


def _is_caseless_letter(char: str) -> bool:
    """A letter of a script without capitals (Arabic, Chinese)."""
    return char.isalpha() and not char.isupper() and not char.islower()
