"""Reading a United Nations report's PDF: its running text, its footnotes and its masthead.

The text is rebuilt from the characters' positions and sizes, and the layout of a UN document is
taken off it:

- lines: characters sharing a baseline, superscripts joining the line below them, so that a
  footnote marker stays glued to its word (`children1`, `Youth,16` however Word spaced it) as
  the parser expects; a marker raised right after a number or a bracket is written in
  superscript digits (`1949⁴`), which alone tell it from the number; a gap of a few
  characters' width splits a line into runs (the masthead's columns, a contents table's tab stops);
  a line mostly in Arabic is put from the order it is seen in into the order it is read
  (index/bidi_order.py), its rightmost run first;
- the masthead and title: all of the first page above the line where the content starts
  (`Summary`, `Contents`, a heading or a paragraph; where no line says so, the line after the
  title, the last set larger than the text) go to `front_matter`, a run per line;
- running headers and footers, told by their place and by repeating, not by one layout: lines
  in the top or bottom tenth of a page made only of page furniture (a document symbol, a page
  counter like `2/19`, a job number like `24-16433`) or of text the bands of other pages repeat
  (the short title of a running header, on alternate sides); after the first page, the top
  band's lines above a rule (the header's) or in a smaller font than the body's. Job numbers
  (`GE.25-00123(E)`, `23-20100 (E) 011223`), barcodes (`*2500123*`) and "Please recycle" are
  furniture anywhere. The first page's top is the masthead: kept. With the furniture gone, a
  paragraph that crosses a page reads on as if the page had not broken;
- footnotes: the lines under a page's lowest separator when all of them are in a smaller font
  than the body text; the separator is a drawn rule, or a line of typed underscores (`_____`),
  as Word writes it. `1 Text` starts footnote 1 when 1 is the next number; other lines
  continue the footnote above, over pages too. The first page's asterisk notes
  (`* A/HRC/58/1.`) belong to the masthead;
- a gap between lines wider than the body's line spacing is a blank line: a new paragraph.

Pages are separated by form feeds. A PDF without characters (a scan) is an IngestError.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

import pdfplumber
from pdfplumber.page import Page

from index.errors import IngestError
from index.ingest.formats.right_to_left import is_right_to_left, reading_order
from index.ingest.hyphenation import LineJoiner
from index.ingest.paragraphs import starts_content
from index.ingest.source import SourceDocument

_Char = dict[str, Any]  # pdfplumber's character: text, x0, x1, top, bottom, size, matrix…

# Page furniture that can stand anywhere: job numbers of the Geneva and New York offices
# (`GE.25-00123(E)`, `19-13055 (E) 070819`), maybe with a page number, barcodes, and the
# recycling logo's words of the first page.
_PAGE_NUMBER = r"\d{1,4}(?:\s*/\s*\d{1,4})?"
_JOB_NUMBER = r"(?:GE\.\d{2}-\d{4,6}(?:\s*\([A-Z]\))?|\d{2}-\d{5}\s*\([A-Z]\))(?:\s+\d{6})?"
_ANYWHERE_FURNITURE = re.compile(
    rf"(?:{_PAGE_NUMBER}\s+)?{_JOB_NUMBER}(?:\s+{_PAGE_NUMBER})?|\*\d{{7}}\*|Please recycle"
)
# Furniture only in a page's header or footer band: a page number, a document symbol, a New York
# job number without its language (`24-16433`, as the pages after the first print it).
_BAND_FURNITURE = re.compile(
    rf"{_PAGE_NUMBER}|[A-Z]{{1,6}}(?:/[\w.()-]*[\w)])+|\d{{2}}-\d{{5}}(?:\s*\([A-Z]\))?"
)
_BAND = 0.1  # of the page's height, at its top and its bottom
# Text in the bands of this many pages is a running header or footer, wherever it stands.
_RUNNING = 2
_SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_CLOSERS = ')]”’"'
# Word types a footnote separator as a line of underscores.
_TYPED_SEPARATOR = re.compile(r"_{5,}")

_NUMBERED_NOTE = re.compile(r"(?P<number>\d{1,3})\s+(?P<text>\S.*)")
_ASTERISK_NOTE = re.compile(r"\*+\s*\S")

# Characters on one baseline are one line; a superscript sits higher, in a smaller size.
_SAME_BASELINE = 1.5
_SUPERSCRIPT_SIZE = 0.85  # at most this share of the line's size
_SUPERSCRIPT_RISE = 0.7  # its baseline at most this share of the line's size above the line's
_SUPERSCRIPT_MIN_RISE = 0.15  # and at least this share
_TOUCHING = 0.5  # characters set side by side may overlap by rounding, not more
_DOUBLE_OFFSET = 1.0  # a character printed again closer than this to itself is one character
# Gaps between characters, as a share of the font size: a space, and a column or tab stop.
_SPACE_GAP = 0.15
_RUN_GAP = 2.0
# Rules are drawn lines or thin rectangles; footnotes are smaller than the body text by this.
_RULE_THICKNESS = 1.5
_RULE_MIN_WIDTH = 20
_SMALLER = 0.5
# A line further below the previous one than this share of the body's line spacing starts a
# paragraph.
_PARAGRAPH_SPACING = 1.25


@dataclass(frozen=True)
class _Line:
    runs: tuple[str, ...]  # groups of words, apart by a column gap, in reading order
    top: float
    bottom: float
    baseline: float
    size: float  # the font size of most of its characters

    @property
    def text(self) -> str:
        return " ".join(self.runs)


@dataclass(frozen=True)
class _Rule:
    top: float
    bottom: float


@dataclass(frozen=True)
class _Page:
    number: int
    height: float
    lines: tuple[_Line, ...]
    rules: tuple[_Rule, ...]


@dataclass(frozen=True)
class _Typography:
    """The body text's font size and line spacing, the commonest in the document."""

    size: float
    line_spacing: float

    @classmethod
    def of(cls, pages: Sequence[_Page]) -> _Typography:
        sizes = Counter(line.size for page in pages for line in page.lines)
        size = sizes.most_common(1)[0][0]
        spacings = Counter(
            round(below.baseline - above.baseline, 1)
            for page in pages
            for above, below in pairwise(page.lines)
            if above.size == below.size == size
        )
        spacing = spacings.most_common(1)[0][0] if spacings else 1.2 * size
        return cls(size, spacing)

    def is_smaller(self, line: _Line) -> bool:
        return line.size < self.size - _SMALLER


def read_pdf(path: Path) -> SourceDocument:
    """The running text, footnotes and front matter (masthead and title) of the PDF at `path`.

    Raises IngestError naming the file when it cannot be read as a PDF or has no text layer.
    """
    pages = _read_pages(path)
    if not any(page.lines for page in pages):
        raise IngestError(f"{path}: has no text layer (a scanned PDF?)")
    typography = _Typography.of(pages)
    furniture = _Furniture.of(pages, typography)
    bodies: list[list[_Line]] = []
    notes: list[tuple[int, _Line]] = []
    for page in pages:
        body, page_notes = _split_page(page, furniture)
        bodies.append(body)
        notes.extend((page.number, line) for line in page_notes)
    first = bodies[0]
    start = _content_start(first, typography)
    masthead, bodies[0] = first[:start], first[start:]
    text = "\n\f".join(_page_text(body, typography) for body in bodies)
    joiner = LineJoiner("\n".join([text, *(line.text for _, line in notes)]))
    footnotes, first_page_notes = _footnotes(notes, joiner)
    front_matter = [run for line in masthead for run in line.runs] + first_page_notes
    return SourceDocument(text=text, footnotes=footnotes, front_matter="\n".join(front_matter))


def _content_start(first: Sequence[_Line], typography: _Typography) -> int:
    """Where the first page's content starts: its first line that starts content, else (a
    decision of one sentence, an amendment: nothing in them says so) the line after the last
    one set larger than the text, the title's; the whole page without either."""
    starts = (i for i, line in enumerate(first) if starts_content(line.text))
    larger = [i for i, line in enumerate(first) if line.size > typography.size + _SMALLER]
    return next(starts, larger[-1] + 1 if larger else len(first))


def _read_pages(path: Path) -> list[_Page]:
    try:
        with pdfplumber.open(path) as pdf:
            contents = [(float(page.height), _chars(page), _rules(page)) for page in pdf.pages]
    except OSError as error:
        raise IngestError(f"{path}: cannot read the PDF ({error.strerror})") from error
    except Exception as error:
        # pdfminer meets a damaged file with whatever error its broken structure causes.
        raise IngestError(f"{path}: not a readable PDF ({error})") from error
    return [
        _Page(number, height, tuple(_lines(chars)), rules)
        for number, (height, chars, rules) in enumerate(contents, start=1)
    ]


def _chars(page: Page) -> list[_Char]:
    return [c for c in page.chars if c["upright"] and not c["text"].isspace()]


def _rules(page: Page) -> tuple[_Rule, ...]:
    return tuple(
        _Rule(float(shape["top"]), float(shape["bottom"]))
        for shape in (*page.lines, *page.rects)
        if shape["height"] <= _RULE_THICKNESS and shape["width"] >= _RULE_MIN_WIDTH
    )


def _lines(chars: Iterable[_Char]) -> list[_Line]:
    rows: list[list[_Char]] = []
    for char in sorted(chars, key=_baseline):
        if rows and _baseline(char) - _baseline(rows[-1][0]) <= _SAME_BASELINE:
            rows[-1].append(char)
        else:
            rows.append([char])
    lines: list[list[_Char]] = []
    for row in reversed(rows):  # bottom up, so a superscript finds the line below it
        if lines and _is_superscript(row, lines[-1]):
            lines[-1].extend(row)
        else:
            lines.append(row)
    return [_line(line) for line in reversed(lines)]


def _is_superscript(row: Sequence[_Char], line_below: Sequence[_Char]) -> bool:
    """Smaller, a little higher, and beside the characters below (not a line of another column
    that happens to stand close above)."""
    size = _main_size(line_below)
    rise = _baseline(line_below[0]) - _baseline(row[0])
    return (
        max(c["size"] for c in row) <= _SUPERSCRIPT_SIZE * size
        and rise <= _SUPERSCRIPT_RISE * size
        and not any(_overlap(c, other) > _TOUCHING for c in row for other in line_below)
    )


def _overlap(char: _Char, other: _Char) -> float:
    return float(min(char["x1"], other["x1"]) - max(char["x0"], other["x0"]))


def _line(chars: list[_Char]) -> _Line:
    size = _main_size(chars)
    main = [c for c in chars if round(c["size"], 1) == size]
    baseline = _baseline(main[0])
    left_to_right = _without_doubles(sorted(chars, key=lambda c: float(c["x0"])))
    shown = _with_markers_after_numbers(left_to_right, size, baseline)
    runs: list[list[str]] = [[shown[0]]]
    for (before, char), text in zip(pairwise(left_to_right), shown[1:], strict=True):
        gap = char["x0"] - before["x1"]
        scale = max(before["size"], char["size"])
        if gap > _RUN_GAP * scale:
            runs.append([text])
        elif gap > _SPACE_GAP * scale and not (
            # A footnote marker is glued to what it annotates, however Word spaced it
            # (`Youth, 16` is `Youth,16`): raised after text that is not.
            _is_raised(char, size, baseline) and not _is_raised(before, size, baseline)
        ):
            runs[-1] += [" ", text]
        else:
            runs[-1].append(text)
    if is_right_to_left("".join(c["text"] for c in chars)):
        # pdfplumber gives an Arabic line as it is seen, its words backwards: the first run
        # read is the rightmost.
        texts = [reading_order(run) for run in reversed(runs)]
    else:
        texts = ["".join(run) for run in runs]
    return _Line(
        runs=tuple(texts),
        top=min(float(c["top"]) for c in chars),
        bottom=max(float(c["bottom"]) for c in chars),
        baseline=baseline,
        size=size,
    )


def _with_markers_after_numbers(chars: Sequence[_Char], size: float, baseline: float) -> list[str]:
    """The characters' texts, a footnote marker raised right after a number or a bracket in
    superscript digits (`1949⁴`, `(No. 181)²⁷`): glued on as plain digits it would be part of
    the number (index.ingest.footnotes reads superscripts as markers)."""
    texts: list[str] = []
    in_marker = False
    for index, char in enumerate(chars):
        text = char["text"]
        raised = text.isdigit() and _is_raised(char, size, baseline)
        if raised and not in_marker and index > 0:
            before = chars[index - 1]
            in_marker = not _is_raised(before, size, baseline) and (
                before["text"].isdigit() or before["text"] in _CLOSERS
            )
        in_marker = in_marker and raised
        texts.append(text.translate(_SUPERSCRIPTS) if in_marker else text)
    return texts


def _is_raised(char: _Char, size: float, baseline: float) -> bool:
    """A superscript of a line in `size` standing on `baseline`: smaller, and above it."""
    return bool(
        char["size"] <= _SUPERSCRIPT_SIZE * size
        and baseline - _baseline(char) > _SUPERSCRIPT_MIN_RISE * size
    )


def _without_doubles(chars: Sequence[_Char]) -> list[_Char]:
    """`chars` (left to right) but those printed again a hair to the right, as some PDFs
    embolden text."""
    kept = list(chars[:1])
    for char in chars[1:]:
        last = kept[-1]
        if not (char["text"] == last["text"] and char["x0"] - last["x0"] < _DOUBLE_OFFSET):
            kept.append(char)
    return kept


def _baseline(char: _Char) -> float:
    """How far down the page the character stands on its line (`top` counts from the top)."""
    return float(char["top"] + char["y1"] - char["matrix"][5])


def _main_size(chars: Iterable[_Char]) -> float:
    return float(Counter(round(c["size"], 1) for c in chars).most_common(1)[0][0])


@dataclass(frozen=True)
class _Furniture:
    """What tells a page's header and footer lines from its text."""

    typography: _Typography
    # Runs that the bands of several pages print: a running header's short title.
    running: frozenset[str]

    @classmethod
    def of(cls, pages: Sequence[_Page], typography: _Typography) -> _Furniture:
        seen = Counter(
            run
            for page in pages
            for run in {run for line in page.lines if _in_band(line, page) for run in line.runs}
        )
        return cls(typography, frozenset(run for run, count in seen.items() if count >= _RUNNING))

    def holds(self, line: _Line, page: _Page) -> bool:
        if page.number > 1 and line.bottom <= _BAND * page.height:
            # A header: set apart by its rule, or smaller than the text.
            header_rules = [rule for rule in page.rules if rule.bottom <= _BAND * page.height]
            if self.typography.is_smaller(line) or any(
                line.bottom <= rule.top for rule in header_rules
            ):
                return True
        in_band = _in_band(line, page)
        return all(
            _ANYWHERE_FURNITURE.fullmatch(run)
            or (in_band and (_BAND_FURNITURE.fullmatch(run) or run in self.running))
            for run in line.runs
        )


def _in_band(line: _Line, page: _Page) -> bool:
    """In the page's footer band, or its header band after the first page (the masthead's)."""
    return line.top >= (1 - _BAND) * page.height or (
        page.number > 1 and line.bottom <= _BAND * page.height
    )


def _split_page(page: _Page, furniture: _Furniture) -> tuple[list[_Line], list[_Line]]:
    """The page's body lines and footnote lines, without headers, footers and separators."""
    lines = [line for line in page.lines if not furniture.holds(line, page)]
    typed = [line for line in lines if _TYPED_SEPARATOR.fullmatch(line.text)]
    separators = [*page.rules, *(_Rule(line.top, line.bottom) for line in typed)]
    lines = [line for line in lines if line not in typed]
    for rule in sorted(separators, key=lambda rule: rule.top, reverse=True):
        below = [line for line in lines if line.top >= rule.top]
        if below:
            if not all(furniture.typography.is_smaller(line) for line in below):
                break  # a rule in the text (a table's, a box's), and no footnotes under it
            return [line for line in lines if line.top < rule.top], below
    return lines, []


def _page_text(lines: Sequence[_Line], typography: _Typography) -> str:
    texts = [lines[0].text] if lines else []
    for above, line in pairwise(lines):
        if line.baseline - above.baseline > _PARAGRAPH_SPACING * typography.line_spacing:
            texts.append("")
        texts.append(line.text)
    return "\n".join(texts)


def _footnotes(
    lines: Iterable[tuple[int, _Line]], joiner: LineJoiner
) -> tuple[dict[int, str], list[str]]:
    """Numbered footnotes, and the first page's asterisk notes, from the footnote lines."""
    numbered: dict[int, list[str]] = {}
    asterisks: list[list[str]] = []
    current: list[str] | None = None
    for page, line in lines:
        text = line.text
        start = _NUMBERED_NOTE.fullmatch(text)
        if _ASTERISK_NOTE.match(text):
            current = [text]
            if page == 1:
                asterisks.append(current)
        elif start and (not numbered or int(start["number"]) == max(numbered) + 1):
            current = numbered[int(start["number"])] = [start["text"]]
        elif current is not None:
            current.append(text)
    footnotes = {number: _joined(parts, joiner) for number, parts in numbered.items()}
    return footnotes, [_joined(parts, joiner) for parts in asterisks]


def _joined(lines: Iterable[str], joiner: LineJoiner) -> str:
    text = ""
    for line in lines:
        text = joiner.join(text, line)
    return text
