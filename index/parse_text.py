"""Parse a report's plain text into its summary, section headings and numbered paragraphs.

The text may come from a web page (a paragraph per line) or a PDF (wrapped lines, form feeds
between pages, page headers). What is recognised, line by line:

- everything before `Summary`, the first heading or the first numbered paragraph is page
  preamble, not content;
- `Summary` starts the report's summary: the unnumbered paragraphs up to the first heading or
  numbered paragraph;
- headings: `I. Introduction` (Roman), `A. Global level` (a letter, under the Roman heading),
  and `1. Legislation` (Arabic) where a short title-like line is followed by the paragraph the
  numbering expects next;
- numbered paragraphs `12. Text…`, their numbers increasing; sub-items `(a) …` and bullets on
  their own lines stay in the paragraph above, each on its own line.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field

from index.footnotes import strip_footnote_markers, text_before_first_marker
from index.links import paragraph_link
from index.models import Paragraph, Report

_NUMBERED = re.compile(r"(?P<number>\d{1,4})\.\s+(?P<rest>\S.*)")
# One capital is a letter heading (or `I.`, `V.`, `X.`), several are Roman numerals.
_HEADING = re.compile(r"(?P<label>[IVXLC]{2,}|[A-Z])\.\s+(?P<title>\S.*)")
_ROMAN = re.compile(r"(?=[IVXLC])(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_SUB_ITEM = re.compile(r"(?:\([a-z]{1,4}\)|[•▪●◦])\s+\S")
_SUMMARY = re.compile(r"summary:?", re.IGNORECASE)
# A table of contents ends the summary; its entries (dot leaders and a page number) are skipped.
_CONTENTS = re.compile(r"contents", re.IGNORECASE)
_CONTENTS_ENTRY = re.compile(r".*(?:\.\s?){4,}\s*\d+")
# Annexes restart their numbering; the report's own paragraphs end where they begin.
_ANNEX = re.compile(r"annex(?:es)?(?:\s+[IVXLC]+)?", re.IGNORECASE)
# PDF page furniture: page numbers and United Nations Office at Geneva job numbers.
_PAGE_FURNITURE = re.compile(r"\d{1,3}|GE\.\d{2}-\d+(?:\s*\(E\))?.*")

_MAX_HEADING_CHARS = 150
_SENTENCE_END = (".", "!", "?", ":", ";")
_CLOSERS = '"”’)]'


class _Level(enum.IntEnum):
    ROMAN = 0
    LETTER = 1
    ARABIC = 2


class _Mode(enum.Enum):
    PREAMBLE = enum.auto()
    SUMMARY = enum.auto()
    BODY = enum.auto()


@dataclass(frozen=True)
class _Line:
    text: str  # whitespace normalised; '' for a blank line
    page: int  # 1-based, counting form feeds


@dataclass
class _Block:
    """Text gathered from lines: wrapped lines join with a space, sub-items with a newline."""

    pieces: list[str]

    def extend(self, line: str) -> None:
        last = self.pieces[-1]
        # A line broken after a hyphen (`low-` / `risk`) joins without a space.
        glue = "" if last.endswith("-") and last[-2:-1].isalpha() and line[:1].isalpha() else " "
        self.pieces[-1] = f"{last}{glue}{line}"

    def start_piece(self, line: str) -> None:
        self.pieces.append(line)

    def ends_sentence(self) -> bool:
        return self.pieces[-1].rstrip(_CLOSERS).endswith(_SENTENCE_END)

    @property
    def text(self) -> str:
        return "\n".join(self.pieces)


@dataclass
class _DraftParagraph:
    number: int
    section_path: tuple[str, ...]
    page: int
    block: _Block


@dataclass
class _Parser:
    lines: list[_Line]
    symbol: str
    mode: _Mode = _Mode.PREAMBLE
    headings: list[tuple[_Level, str]] = field(default_factory=list)  # outermost first
    roman: int = 0
    letter: str | None = None
    summary: list[_Block] = field(default_factory=list)
    paragraphs: list[_DraftParagraph] = field(default_factory=list)
    # An unnumbered line right after a heading line continues the heading (PDF wrapping).
    heading_open: bool = False

    def parse(self) -> None:
        after_blank = True
        for index, line in enumerate(self.lines):
            if not line.text:
                after_blank, self.heading_open = True, False
                continue
            if self._skip(line.text):
                continue
            if self.paragraphs and _ANNEX.fullmatch(line.text):
                break
            self._take(index, line, after_blank)
            after_blank = False

    def _skip(self, text: str) -> bool:
        if text == self.symbol or _PAGE_FURNITURE.fullmatch(text):
            return True
        if _CONTENTS_ENTRY.fullmatch(text):
            return True
        if _CONTENTS.fullmatch(text):
            if self.mode is _Mode.SUMMARY:
                self.mode = _Mode.BODY
            return True
        return False

    def _take(self, index: int, line: _Line, after_blank: bool) -> None:
        text = line.text
        if self.mode is _Mode.PREAMBLE and _SUMMARY.fullmatch(text):
            self.mode = _Mode.SUMMARY
            return
        heading = self._heading(text)
        if heading is not None:
            self._open_heading(*heading)
            return
        numbered = _NUMBERED.fullmatch(text)
        if numbered is not None:
            number, rest = int(numbered["number"]), numbered["rest"]
            if self._is_arabic_heading(index, rest):
                self._open_heading(_Level.ARABIC, text)
                return
            if self._starts_paragraph(number, after_blank):
                self.mode = _Mode.BODY
                self.heading_open = False
                self.paragraphs.append(
                    _DraftParagraph(number, self._section_path(), line.page, _Block([rest]))
                )
                return
        self._take_text(text, after_blank)

    def _take_text(self, text: str, after_blank: bool) -> None:
        if self.heading_open:
            level, heading = self.headings[-1]
            self.headings[-1] = (level, f"{heading} {text}")
            return
        if self.mode is _Mode.SUMMARY and self._starts_summary_paragraph(text, after_blank):
            self.summary.append(_Block([text]))
            return
        block = self._current_block()
        if block is None:
            return
        # After a blank line, a finished sentence means a new line of the paragraph; an
        # unfinished one means a page break inside the sentence.
        if _SUB_ITEM.match(text) or (after_blank and block.ends_sentence()):
            block.start_piece(text)
        else:
            block.extend(text)

    def _starts_summary_paragraph(self, text: str, after_blank: bool) -> bool:
        if not self.summary:
            return True
        return after_blank and self.summary[-1].ends_sentence() and not _SUB_ITEM.match(text)

    def _current_block(self) -> _Block | None:
        if self.mode is _Mode.SUMMARY:
            return self.summary[-1]
        if self.mode is _Mode.BODY and self.paragraphs:
            return self.paragraphs[-1].block
        return None  # preamble, or unnumbered text before the first paragraph

    def _heading(self, text: str) -> tuple[_Level, str] | None:
        match = _HEADING.fullmatch(text)
        if match is None or not _looks_like_title(match["title"]):
            return None
        label = match["label"]
        expected_letter = chr(ord(self.letter) + 1) if self.letter else "A"
        value = _roman_value(label)
        if label == expected_letter:
            return _Level.LETTER, text
        if value is not None and (value == self.roman + 1 or len(label) > 1):
            return _Level.ROMAN, text
        if len(label) == 1:
            return _Level.LETTER, text
        return None

    def _open_heading(self, level: _Level, text: str) -> None:
        self.mode = _Mode.BODY
        self.heading_open = True
        label = text.split(".", 1)[0]
        if level is _Level.ROMAN:
            self.roman = _roman_value(label) or self.roman
            self.letter = None
        elif level is _Level.LETTER:
            self.letter = label
        # A heading closes those at its level and deeper; a level left out stays out.
        self.headings = [*(open_ for open_ in self.headings if open_[0] < level), (level, text)]

    def _section_path(self) -> tuple[str, ...]:
        return tuple(heading for _, heading in self.headings)

    def _is_arabic_heading(self, index: int, rest: str) -> bool:
        """`1. Legislation` followed by `12. In 2024, …`: a short title, then the paragraph the
        numbering expects next (so this line is not that paragraph)."""
        if not _looks_like_title(rest):
            return False
        expected = self.paragraphs[-1].number + 1 if self.paragraphs else 1
        return self._next_numbered(index) == expected

    def _next_numbered(self, index: int) -> int | None:
        """The number of the next content line if it is a numbered one."""
        for line in self.lines[index + 1 :]:
            if not line.text or line.text == self.symbol or _PAGE_FURNITURE.fullmatch(line.text):
                continue
            numbered = _NUMBERED.fullmatch(line.text)
            return int(numbered["number"]) if numbered else None
        return None

    def _starts_paragraph(self, number: int, after_blank: bool) -> bool:
        if not self.paragraphs:
            return True
        last = self.paragraphs[-1].number
        # Without a blank line before it, `2015. The…` is more likely a wrapped sentence than a
        # paragraph, unless it is the very next number.
        return number == last + 1 or (number > last and after_blank)


def parse_report_text(text: str, meta: Report) -> Report:
    """`meta` with the summary, paragraphs and paragraph count read from the report's text.

    Paragraph text is verbatim with wrapped lines joined and footnote markers removed; each
    paragraph gets its symbol and language from `meta` and its link from `meta.source_url`.
    """
    lines = _lines(text)
    parser = _Parser(lines, meta.symbol)
    parser.parse()
    paragraphs = tuple(_paragraph(draft, meta, paged="\f" in text) for draft in parser.paragraphs)
    summary = "\n\n".join(strip_footnote_markers(block.text) for block in parser.summary)
    return meta.model_copy(
        update={
            "summary": summary,
            "paragraphs": paragraphs,
            "paragraph_count": len(paragraphs),
        }
    )


def _lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    page = 1
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        page += raw.count("\f")
        lines.append(_Line(" ".join(raw.split()), page))
    return lines


def _paragraph(draft: _DraftParagraph, meta: Report, *, paged: bool) -> Paragraph:
    raw = draft.block.text
    page = draft.page if paged else None
    return Paragraph(
        symbol=meta.symbol,
        lang=meta.lang,
        number=draft.number,
        section_path=tuple(strip_footnote_markers(heading) for heading in draft.section_path),
        text=strip_footnote_markers(raw),
        page=page,
        link=paragraph_link(meta.source_url, draft.number, text_before_first_marker(raw), page),
    )


def _looks_like_title(text: str) -> bool:
    """Short, capitalised and without the final punctuation of a sentence."""
    return (
        len(text) <= _MAX_HEADING_CHARS
        and (text[0].isupper() or text[0].isdigit() or text[0] in '"“‘(')
        and text[-1] not in ".,;:"
    )


def _roman_value(label: str) -> int | None:
    if not _ROMAN.fullmatch(label):
        return None
    values = [_ROMAN_VALUES[char] for char in label]
    return sum(-v if v < after else v for v, after in zip(values, [*values[1:], 0], strict=True))
