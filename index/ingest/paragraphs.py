"""Parse a report's plain text into its summary, section headings and numbered paragraphs.

The text may come from a web page (a paragraph per line) or a PDF (wrapped lines, form feeds
between pages, page headers). What is recognised, line by line:

- everything before `Summary`, the first heading or the first numbered paragraph is page
  preamble, not content; but a text in which nothing starts the content (a decision of one
  sentence, `The General Assembly, recalling …, decides …`; an amendment, `In operative
  paragraph 69, replace …`) is all content: paragraphs of the kind `unnumbered`, numbered by
  their place, each starting after a blank line that follows a finished sentence;
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
  to its first heading or paragraph are its title, which heads its paragraphs' section path;
  `Annex I — Title` and `Annex I: Title` carry it on their line, and need no blank line before
  them. `Appendix A`, `Enclosure`: a part named so, numbered afresh too;
- numbering that goes back (`1.` after `45.`) with no annex heading: a new part when the numbers
  after it go on from it and those above never resume, a list inside the paragraph above when
  they do; neither, and it stays in the paragraph above, on its own line. Either way but the
  list, the parse warns, with the page (`parse_document`'s `warnings`);
- a resolution or decision: its opening (`The General Assembly,`) starts its preamble, whose
  unnumbered paragraphs (`Recalling …,`) are paragraphs of the kind `preambular`, numbered by
  their place, up to the first numbered (operative) paragraph; its adoption line
  (`37th plenary meeting` and the date under it) is the report's `adoption`, not text; a
  resolution in sections heads each with its numeral alone (`XVI`), then its title: where each
  section numbers its paragraphs afresh, a part, `section XVI`, with a preamble of its own,
  else a heading.

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
    plain_digits,
    strip_footnote_markers,
    strip_footnote_markers_with_numbers,
    text_before_first_marker,
)
from index.ingest.hyphenation import LineJoiner
from index.ingest.layouts import LAYOUTS, Layout, layout_for, roman_numeral, roman_value
from index.ingest.metadata import parse_date
from index.ingest.source import SourceDocument
from index.language.arabic import normalise_presentation_forms
from index.links import paragraph_link
from index.models import NUMBERED, PREAMBULAR, UNNUMBERED, Paragraph, ParagraphKind, Report

# An entry of a table of contents ends in its page, after its paragraphs (`1–4 3`) in a report
# that lists them. Dot leaders mark an entry anywhere; inside the table, so does the page alone.
_LEADERS_ENTRY = re.compile(r".*(?:(?:\.\s?){4,}|…{2,})\s*(?:\d{1,4}\s*[–-]\s*\d{1,4}\s+)?\d{1,3}")
_RANGE_ENTRY = re.compile(r".*\S\s+\d{1,4}\s*[–-]\s*\d{1,4}\s+\d{1,3}")
_PAGE_ENTRY = re.compile(r".*\S\s+\d{1,3}")
# PDF page furniture: page numbers and United Nations Office at Geneva job numbers.
_PAGE_FURNITURE = re.compile(r"\d{1,3}|GE\.\d{2}-\d+(?:\s*\(E\))?.*")

# A resolution whose sections number their paragraphs afresh has at least this many that start
# at 1 (the first section of any resolution does).
_RESTARTING_SECTIONS = 2

# A footnote's marker at the end of a line, after a word or punctuation: `… 2023,3`.
_TRAILING_MARKER = re.compile(r"(?<=[^\W\d_]|[,;:.)”’])\d{1,3}$")

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
    # A resolution's preamble: after `The General Assembly,`, before its first numbered paragraph.
    PREAMBULAR = enum.auto()
    BODY = enum.auto()
    # After a resolution's adoption line: nothing more of it, up to an annex.
    ADOPTED = enum.auto()


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
    kind: ParagraphKind = NUMBERED


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
    # The text before anything that starts the content: the masthead of a text file, or all of
    # a text that numbers no paragraph (a decision of one sentence, an amendment to a draft).
    # Its paragraphs are the report's only when nothing else in the text is.
    unnumbered: list[_DraftParagraph] = field(default_factory=list)
    # An unnumbered line right after a heading line continues the heading (PDF wrapping).
    heading_open: bool = False
    # The first unnumbered line after `Annex I` is the annex's title.
    annex_title_open: bool = False
    # Whether the text opened as a resolution or decision does (`The General Assembly,`), and
    # its adoption (`37th plenary meeting, 20 November 2023`), the date on the line after the
    # meeting's.
    resolution: bool = False
    adoption: str | None = None
    # Whether a resolution's sections number their paragraphs afresh; None until one is met.
    sections_restart: bool | None = None
    # What the parser could not tell for sure, with the page: the ingest warns of it.
    warnings: list[str] = field(default_factory=list)

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
            if self.resolution and after_blank and roman_value(line.text) is not None:
                self._open_resolution_section(line.text)
                continue
            part = self._part_label(line.text, after_blank)
            if part is not None:
                self._open_annex(line.text, part)
                continue
            self._take(index, line, after_blank)
            after_blank = False
        # Nothing started the content: the text is all there is, paragraphs without numbers.
        if self.mode is _Mode.PREAMBLE and not self.paragraphs:
            self.paragraphs = self.unnumbered

    def _open_resolution_section(self, numeral: str) -> None:
        """A resolution's section, headed by its numeral alone (`XVI`) and its title below.
        Where the sections number their paragraphs afresh (the budget's), each is a part,
        `section XVI`, with a preamble of its own; where the numbering runs on through them,
        the numeral heads them as `XVI. Title` would."""
        if self.sections_restart is None:
            self.sections_restart = self._count_restarting_sections() >= _RESTARTING_SECTIONS
        if self.sections_restart:
            self._open_annex(numeral, f"section {numeral}")
            return
        number = roman_value(numeral)
        self._open_heading(_Level.ROMAN, numeral, number or 0)

    def _count_restarting_sections(self) -> int:
        """How many of the lines that are a numeral alone are followed by paragraph 1."""
        count = 0
        for index, line in enumerate(self.lines):
            if roman_value(line.text) is not None:
                following = self._following_numbers(index)
                count += following[:1] == [1]
        return count

    def _part_label(self, text: str, after_blank: bool) -> str | None:
        """The label of the annex (`II`) or appendix (`appendix A`) `text` opens, if it does.

        `Annex I` wrapped alone onto a line of a sentence is no annex: alone, it must stand
        apart; with its title on its line (`Annex I — Good practices`), the title tells."""
        for pattern, label in (
            (self.layout.annex, _annex_label),
            (self.layout.appendix, _appendix_label),
        ):
            match = pattern.fullmatch(text)
            if match is None:
                continue
            title = match["title"]
            if not (after_blank or (title is not None and _looks_like_title(title))):
                return None
            return label(self.layout, match)
        return None

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
        if self.mode is _Mode.ADOPTED:
            if self.adoption is not None and parse_date(text) is not None:
                self.adoption = f"{self.adoption}, {text}"
            return
        if self.mode is _Mode.PREAMBLE and self.layout.summary.fullmatch(text):
            self.mode = _Mode.SUMMARY
            return
        if self.mode is _Mode.PREAMBLE and self.layout.opening.fullmatch(text):
            self.mode, self.resolution = _Mode.PREAMBULAR, True
            return
        if self.resolution and after_blank and self.layout.adoption.fullmatch(text):
            self.mode, self.adoption = _Mode.ADOPTED, text
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
            if self._restarts_numbering(index, number, after_blank):
                self._open_unnamed_part()
            if self._starts_paragraph(number, after_blank):
                self.mode = _Mode.BODY
                self.heading_open = self.annex_title_open = False
                self._add_paragraph(number, line.page, rest)
                return
        if (
            self.mode is _Mode.PREAMBULAR
            and not (self.heading_open or self.annex_title_open)
            and self._starts_preambular_paragraph(text, after_blank)
        ):
            self.heading_open = False
            self._add_paragraph(self._preambular_count() + 1, line.page, text, PREAMBULAR)
            return
        self._take_text(line, after_blank)

    def _add_paragraph(
        self, number: int, page: int, text: str, kind: ParagraphKind = NUMBERED
    ) -> None:
        block = _Block([text], self.joiner)
        self.paragraphs.append(
            _DraftParagraph(self.annex, number, self._section_path(), page, block, kind)
        )

    def _preambular_count(self) -> int:
        return sum(1 for p in self.paragraphs if p.kind == PREAMBULAR and p.annex == self.annex)

    def _starts_preambular_paragraph(self, text: str, after_blank: bool) -> bool:
        """A preambular paragraph starts apart from the one before, which it follows once that
        is finished (`…Goals and targets,`), with a capital (`Recalling …`): a page break
        inside a paragraph leaves it unfinished or goes on in lowercase."""
        last = self._last_paragraph(PREAMBULAR)
        if last is None:
            return True
        # The paragraph may end in a footnote's marker: `… of 3 April 2023,3`.
        end = _TRAILING_MARKER.sub("", last.block.pieces[-1]).rstrip(_CLOSERS)
        return (
            after_blank
            and end.endswith((",", ";", *_SENTENCE_END))
            and not self.layout.sub_item.match(text)
            and not text[0].islower()
        )

    def _restarts_numbering(self, index: int, number: int, after_blank: bool) -> bool:
        """Whether `number`, set apart from the text above, goes back in the numbering to start
        a part whose heading the reader did not recognise. A list inside the paragraph above
        (`7. … objectives:`, `1. Close …`, `2. Expand …`, then `8.`) is followed by the
        paragraph after it; a new part's numbering goes on (`1.`, then `2.`) and that paragraph
        never comes. When the numbers after it tell neither, the ingest warns, and the line
        stays in the paragraph above, on a line of its own."""
        last = self._last_paragraph()
        if last is None or number > last.number or not after_blank:
            return False
        following = self._following_numbers(index)
        if last.number + 1 in following:
            return False
        page = self.lines[index].page
        if following[:1] == [number + 1]:
            self.warnings.append(
                f"page {page}: paragraph {number} after paragraph {last.number} without an "
                f"annex heading; read as the start of annex {self._next_annex()}"
            )
            return True
        self.warnings.append(
            f"page {page}: `{number}.` after paragraph {last.number} starts neither a new "
            f"part nor the next paragraph; kept in paragraph {last.number}"
        )
        return False

    def _following_numbers(self, index: int) -> list[int]:
        """The numbers of the numbered lines after line `index`, up to the next annex."""
        numbers: list[int] = []
        for line in self.lines[index + 1 :]:
            if not line.text:
                continue
            if self.layout.annex.fullmatch(line.text):
                break
            start = _paragraph_start(self.layout, line.text)
            if start is not None:
                numbers.append(start[0])
        return numbers

    def _next_annex(self) -> str:
        labels = {p.annex for p in self.paragraphs}
        return next(roman_numeral(n) for n in range(1, 400) if roman_numeral(n) not in labels)

    def _open_unnamed_part(self) -> None:
        """The next annex, without an `Annex` heading: the part's numbering is all the reader
        saw. A title-like line of its own at the end of the paragraph above is the part's
        title, not that paragraph's."""
        headings: list[tuple[_Level, str]] = []
        last = self._last_paragraph()
        if last is not None and len(last.block.pieces) > 1:
            title = last.block.pieces[-1]
            if _looks_like_title(title) and not self.layout.sub_item.match(title):
                last.block.pieces.pop()
                headings = [(_Level.ANNEX, title)]
        self.annex, self.roman, self.letter = self._next_annex(), 0, 0
        self.headings = headings
        self.heading_open = self.annex_title_open = False

    def _take_text(self, line: _Line, after_blank: bool) -> None:
        text = line.text
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
        if self.mode is _Mode.SUMMARY and self._starts_block(text, after_blank):
            self.summary.append(_Block([text], self.joiner))
            return
        if self.mode is _Mode.PREAMBLE and self._starts_block(text, after_blank):
            new = _Block([text], self.joiner)
            number = len(self.unnumbered) + 1
            self.unnumbered.append(_DraftParagraph(None, number, (), line.page, new, UNNUMBERED))
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

    def _starts_block(self, text: str, after_blank: bool) -> bool:
        """Whether `text` starts a paragraph without a number (the summary's, or of a text that
        numbers none): set apart from a finished sentence, and not one of its sub-items."""
        last = self._current_block()
        if last is None:
            return True
        return after_blank and last.ends_sentence() and not self.layout.sub_item.match(text)

    def _current_block(self) -> _Block | None:
        if self.mode is _Mode.SUMMARY:
            return self.summary[-1] if self.summary else None
        if self.mode in (_Mode.BODY, _Mode.PREAMBULAR) and self.paragraphs:
            last = self.paragraphs[-1]
            return last.block if last.annex == self.annex else None
        if self.mode is _Mode.PREAMBLE and self.unnumbered:
            return self.unnumbered[-1].block
        return None  # unnumbered text before the first paragraph of an annex

    def _last_paragraph(self, kind: ParagraphKind = NUMBERED) -> _DraftParagraph | None:
        """The last paragraph of `kind` of the part being read: the body, or the current
        annex."""
        for paragraph in reversed(self.paragraphs):
            if paragraph.annex != self.annex:
                return None
            if paragraph.kind == kind:
                return paragraph
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
        # A resolution's section opens with a preamble of its own, as the resolution does.
        self.mode = _Mode.PREAMBULAR if label.startswith("section ") else _Mode.BODY
        self.annex, self.roman, self.letter = label, 0, 0
        match = self.layout.annex.fullmatch(text) or self.layout.appendix.fullmatch(text)
        if match is not None and match["title"] is not None:
            # `Annex I: Title` is headed as `Annex I — Title`, as an annex with its title below.
            label = text[: match.start("title")].rstrip(" —–-:.")
            text = f"{label}{_ANNEX_TITLE_SEPARATOR}{match['title']}"
            self.annex_title_open = False
        else:
            self.annex_title_open = True
        self.headings = [(_Level.ANNEX, text)]
        self.heading_open = False

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


def parse_document(
    document: SourceDocument, meta: Report, warnings: list[str] | None = None
) -> Report:
    """`meta` with the summary, paragraphs and paragraph count read from `document`.

    Paragraph text is verbatim with wrapped lines joined and footnote markers removed, the
    footnotes they cite kept as the paragraph's notes; each paragraph gets its symbol and
    language from `meta`, its page from the form feeds before it, and its link from
    `meta.source_url`. What the parser could not tell for sure (numbering that goes back with
    no annex heading) is appended to `warnings`, each naming the report and the page.
    """
    if warnings is None:
        warnings = []
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
    warnings.extend(f"{meta.symbol}: {warning}" for warning in parser.warnings)
    summary = "\n\n".join(
        plain_digits(strip_footnote_markers(block.text, footnotes.keys()))
        for block in parser.summary
    )
    return meta.model_copy(
        update={
            "summary": summary,
            "paragraphs": paragraphs,
            "paragraph_count": len(paragraphs),
            "adoption": parser.adoption or meta.adoption,
        }
    )


def parse_report_text(text: str, meta: Report) -> Report:
    """`parse_document` for a report known only by its text, without footnotes."""
    return parse_document(SourceDocument(text), meta)


def starts_content(line: str) -> bool:
    """Whether `line` is where a report's content can begin after its masthead and title, in
    any language's layout: `Summary`, `Contents`, a resolution's opening (`The General
    Assembly,`), a heading or a numbered paragraph."""
    text = " ".join(line.split())
    return any(
        layout.summary.fullmatch(text)
        or layout.contents.fullmatch(text)
        or layout.opening.fullmatch(text)
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
    text = plain_digits(text)
    page = draft.page if paged else None
    opening = text_before_first_marker(raw, known)
    cited = [number for number in dict.fromkeys(markers) if number in footnotes]
    return Paragraph(
        symbol=meta.symbol,
        lang=meta.lang,
        annex=draft.annex,
        number=draft.number,
        kind=draft.kind,
        section_path=tuple(strip_footnote_markers(part, known) for part in draft.section_path),
        text=text,
        page=page,
        notes=tuple(footnotes[number] for number in cited),
        note_numbers=tuple(cited),
        link=paragraph_link(
            meta.source_url, draft.number if draft.kind == NUMBERED else None, opening, page
        ),
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


def _annex_label(layout: Layout, match: re.Match[str]) -> str | None:
    """The Roman numeral of an annex line (`Annex II`, `المرفق الثاني`: II)."""
    if match["label"] is None:
        return "I"
    number = layout.annex_number(match["label"])
    return roman_numeral(number) if number is not None else None


def _appendix_label(layout: Layout, match: re.Match[str]) -> str:
    """An appendix's or enclosure's part, named by its word and label: `appendix A`,
    `enclosure`. Its paragraphs are cited by it, as an annex's are by its numeral."""
    del layout  # any language's appendix is labelled as it is written
    end = match.start("label") if match["label"] else match.start("title")
    name = match.string[: end if end >= 0 else None].strip(" —–-:.").lower()
    return f"{name} {match['label']}" if match["label"] else name


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
