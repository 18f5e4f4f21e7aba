"""PDFs laid out like a United Nations report, built with fpdf2 for the PDF reader's tests.

`write_report` lays out, at fixed positions as a word processor would, a five-page report:

- page 1: the masthead (`United Nations` and the symbol, `General Assembly` beside the
  distribution, date and original language, the Council, session, agenda item with an asterisk
  and its title), the report's title (its second line printed twice, for boldness), the
  summary in a box, the agenda item's asterisk note under a footnote rule, the job number, the
  barcode and `Please recycle`;
- page 2: a table of contents (tab stops, no dot leaders), `I. Introduction`, paragraphs 1 and 2
  with superscript footnote markers, footnotes 1 and 2;
- page 3: paragraph 3 with a word hyphenated at a line end (`protec-` / `tion`) and a compound
  (`multi-` / `stakeholder`), `II. Activities…`, `A. Global level`, paragraph 4 with a marker
  after a full stop, paragraph 5 with sub-items (a) and (b), paragraph 6 running onto page 4, a
  footnote over two lines;
- page 4: the rest of paragraph 6, `B. Regional level`, paragraph 7 with its number alone on its
  line, paragraph 8;
- page 5: `Annex` and its title, annex paragraphs 1 and 2, the second with a footnote.

Pages 2 to 5 have the symbol as running header and `2/5`… as footer, on the outer side. Text is
Helvetica (latin-1): `-` and `'` stand for the dashes and quotes of real reports.

`write_footnote_over_pages` and `write_rule_in_text` write the cases around footnotes: one
continued on the next page, a rule in the text that is no footnote rule.
`write_symbol_alone_on_top` puts the symbol alone at the first page's top, where later pages
have their running header. `write_scan` writes a page that is only an image, like a scan.
`write_annex_mid_page` writes the furniture of New York documents (a running header of symbol
and short title in the body's size without a rule, job numbers, page counters), footnotes under
typed underscores, and an annex whose heading stands mid-page on one line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from fpdf import FPDF
from PIL import Image, ImageDraw

SYMBOL = "A/HRC/58/19"

# Points on an A4 page.
_LEFT = 72.0
_RIGHT = 523.0
_INDENT = 100.0  # where a paragraph's text stands, after its number
_SUB_INDENT = 128.0
_HEADER_BASELINE = 40.0
_FOOTER_BASELINE = 815.0
_FOOTNOTE_RULE = 752.0
_FOOTNOTE_RULE_WIDTH = 144.0

_BODY = 10.0
_LEADING = 12.0
_PARAGRAPH_SPACE = 6.0
_NOTE = 8.0
_NOTE_LEADING = 9.5
_SUPERSCRIPT = 0.65  # of the size, raised by
_RISE = 0.35

# `^1` in a line is a superscript footnote marker; `^*` the asterisk of the agenda item.
_MARKER = re.compile(r"\^(\d+|\*)")


@dataclass
class _Writer:
    pdf: FPDF
    y: float = 0.0  # the baseline of the last line written

    def page(self) -> None:
        self.pdf.add_page()
        self.y = 72.0

    def running_header_and_footer(self) -> None:
        """The symbol and `page/pages` on every page but the first, on the outer side."""
        pages = self.pdf.pages_count
        for number in range(2, pages + 1):
            self.pdf.page = number
            outer_left = number % 2 == 0
            self.pdf.set_font("Helvetica", "B", 9)
            self.write(SYMBOL, _LEFT if outer_left else _RIGHT - 60, _HEADER_BASELINE)
            self.pdf.set_font("Helvetica", "", 8)
            self.write(f"{number}/{pages}", _LEFT if outer_left else _RIGHT - 15, _FOOTER_BASELINE)

    def write(self, text: str, x: float, y: float) -> None:
        """`text` from (x, y), its `^n` markers raised and smaller, as a word processor sets
        footnote references."""
        size = self.pdf.font_size_pt
        for index, part in enumerate(_MARKER.split(text)):
            if not part:
                continue
            superscript = index % 2 == 1
            if superscript:
                self.pdf.set_font_size(size * _SUPERSCRIPT)
            self.pdf.text(x, y - (_RISE * size if superscript else 0), part)
            x += self.pdf.get_string_width(part)
            self.pdf.set_font_size(size)

    def line(
        self, text: str, *, x: float = _LEFT, size: float = _BODY, style: str = "", space: float = 0
    ) -> None:
        self.y += _LEADING + space
        self.pdf.set_font("Helvetica", style, size)
        self.write(text, x, self.y)

    def heading(self, text: str, *, x: float = _LEFT) -> None:
        self.line(text, x=x, style="B", space=2 * _PARAGRAPH_SPACE)

    def paragraph(self, number: int | None, lines: list[str], *, alone: bool = False) -> None:
        """Numbered lines at the hanging indent; `alone` puts the number on a line of its own."""
        self.y += _PARAGRAPH_SPACE
        if number is not None:
            self.pdf.set_font("Helvetica", "", _BODY)
            self.write(f"{number}.", _LEFT, self.y + _LEADING)
            if alone:
                self.y += _LEADING
        for text in lines:
            sub_item = re.match(r"(\([a-z]+\)) (.*)", text)
            if sub_item:
                self.line(sub_item[1], x=_INDENT)
                self.write(sub_item[2], _SUB_INDENT, self.y)
            else:
                self.line(text, x=_INDENT)

    def rule(self, width: float = _FOOTNOTE_RULE_WIDTH, y: float = _FOOTNOTE_RULE) -> None:
        self.pdf.set_line_width(0.5)
        self.pdf.line(_LEFT, y, _LEFT + width, y)

    def footnotes(self, notes: list[tuple[str | None, list[str]]], *, typed: bool = False) -> None:
        """Footnotes under a short rule at the page's bottom: the number raised, then its lines;
        a footnote without number continues the one at the bottom of the page before. `typed`:
        the separator is a line of underscores in the notes' size, as Word writes it."""
        if typed:
            self.pdf.set_font("Helvetica", "", _NOTE)
            self.write("_" * 18, _LEFT, _FOOTNOTE_RULE)
        else:
            self.rule()
        y = _FOOTNOTE_RULE + 2
        for mark, lines in notes:
            for index, text in enumerate(lines):
                y += _NOTE_LEADING
                self.pdf.set_font("Helvetica", "", _NOTE)
                if index == 0 and mark is not None:
                    self.write(f"^{mark}", _LEFT + 4, y)
                self.write(text, _LEFT + 14, y)


def write_report(path: Path) -> Path:
    """The five-page report described above, at `path`."""
    pdf = FPDF(unit="pt", format="A4")
    pdf.set_auto_page_break(False)
    writer = _Writer(pdf)
    _first_page(writer)
    _contents_and_introduction(writer)
    _activities(writer)
    _regional_level(writer)
    _annex(writer)
    writer.running_header_and_footer()
    pdf.output(str(path))
    return path


def _first_page(w: _Writer) -> None:
    w.page()
    pdf = w.pdf
    pdf.set_font("Helvetica", "", 11)
    w.write("United Nations", _LEFT, 52)
    pdf.set_font("Helvetica", "B", 16)
    w.write(SYMBOL, 420, 52)
    pdf.set_line_width(1.5)
    pdf.line(_LEFT, 60, _RIGHT, 60)
    # The distribution column stands beside the big name, its lines closer than the name's size.
    pdf.set_font("Helvetica", "B", 26)
    w.write("General Assembly", _LEFT, 96)
    pdf.set_font("Helvetica", "", _BODY)
    w.write("Distr.: General", 420, 80)
    w.write("13 January 2025", 420, 92)
    w.write("Original: English", 420, 116)
    pdf.line(_LEFT, 136, _RIGHT, 136)
    w.y = 140
    w.line("Human Rights Council", style="B")
    for text in ("Fifty-eighth session", "24 February-4 April 2025", "Agenda item 3^*"):
        w.line(text)
    w.line("Promotion and protection of all human rights, civil, political,", style="B")
    w.line("economic, social and cultural rights, including the right to development", style="B")
    w.line("Annual report of the Special Representative of the", size=14, style="B", space=22)
    w.line("Secretary-General on Violence against Children", size=14, style="B", space=4)
    # Printed a second time a hair to the right, as some PDFs embolden text.
    w.write("Secretary-General on Violence against Children", _LEFT + 0.3, w.y)
    box_top = w.y + 20
    w.line("Summary", x=270, size=12, style="B", space=28)
    w.y += _PARAGRAPH_SPACE
    for text in (
        "In the present report, submitted pursuant to General Assembly resolution",
        "78/187, the Special Representative reviews the actions she took in 2024. She",
        "emphasizes the wide multi-stakeholder mobilization undertaken throughout 2024.",
    ):
        w.line(text, x=90)
    w.line("The report is focused on the increase in trafficking in children.", x=90, space=6)
    pdf.set_line_width(0.5)
    pdf.rect(_LEFT, box_top, _RIGHT - _LEFT, w.y + 14 - box_top)
    w.footnotes([("*", ["A/HRC/58/1."])])
    pdf.set_font("Helvetica", "", 8)
    w.write("GE.25-00123(E)", _LEFT, _FOOTER_BASELINE)
    pdf.set_font("Helvetica", "", 12)
    w.write("*2500123*", 430, _FOOTER_BASELINE)
    pdf.set_font("Helvetica", "", 7)
    w.write("Please recycle", 460, _FOOTER_BASELINE + 14)


def _contents_and_introduction(w: _Writer) -> None:
    w.page()
    w.line("Contents", size=12, style="B")
    w.pdf.set_font("Helvetica", "I", 8)
    w.y += _LEADING
    w.write("Paragraphs", 420, w.y)
    w.write("Page", 495, w.y)
    for indent, entry, paragraphs, page in (
        (_LEFT, "I. Introduction", "1-3", "2"),
        (_LEFT, "II. Activities of the Special Representative", "4-8", "3"),
        (_INDENT, "A. Global level", "4-6", "3"),
        (_INDENT, "B. Regional level", "7-8", "4"),
        (_LEFT, "Annex", "", ""),
        (_INDENT, "Recommendations of the Special Representative", "", "5"),
    ):
        w.line(entry, x=indent)
        w.write(paragraphs, 425, w.y)
        w.write(page, 500, w.y)
    w.heading("I. Introduction")
    w.paragraph(
        1,
        [
            "The Special Representative promotes the recommendations of the study on",
            "violence against children^1 and of the global study on children deprived of",
            "liberty^2 in all regions.",
        ],
    )
    w.paragraph(
        2,
        [
            "In the present report, the Special Representative reviews the actions she took",
            "in 2024 at the global, regional and national levels.",
        ],
    )
    w.footnotes([("1", ["A/61/299."]), ("2", ["A/74/136."])])


def _activities(w: _Writer) -> None:
    w.page()
    w.paragraph(
        3,
        [
            "The Special Representative calls for the protec-",
            "tion of children through multi-",
            "stakeholder action across borders.",
        ],
    )
    w.heading("II. Activities of the Special Representative")
    w.heading("A. Global level", x=_INDENT)
    w.paragraph(
        4,
        [
            "She is grateful for the more than 60 contributions received.^3 The report",
            "also benefited from input from children.",
        ],
    )
    w.paragraph(
        5,
        [
            "The Special Representative recommends that States:",
            "(a) Adopt laws against trafficking;",
            "(b) Fund services for survivors.",
        ],
    )
    w.paragraph(6, ["Trafficking in children continues to be driven by conflict, poverty"])
    w.footnotes(
        [
            (
                "3",
                [
                    "Contributions received by",
                    "31 October 2024 are on the web page of the Special Representative.",
                ],
            )
        ]
    )


def _regional_level(w: _Writer) -> None:
    w.page()
    w.line("and climate change, which force families to move.", x=_INDENT)
    w.heading("B. Regional level", x=_INDENT)
    w.paragraph(
        7, ["Regional organizations adopted action plans.", "They meet every year."], alone=True
    )
    w.paragraph(8, ["The Special Representative visited three regions."])


def _annex(w: _Writer) -> None:
    w.page()
    w.line("Annex", size=12, style="B")
    w.line("Recommendations of the Special Representative", size=12, style="B", space=6)
    w.paragraph(1, ["States should end the detention of children."])
    w.paragraph(2, ["States should report on their progress to the Council.^4"])
    w.footnotes([("4", ["See A/HRC/55/24."])])


def write_footnote_over_pages(path: Path) -> Path:
    """Two pages; footnote 1 runs from the first page's bottom onto the second's."""
    pdf = FPDF(unit="pt", format="A4")
    pdf.set_auto_page_break(False)
    w = _Writer(pdf)
    w.page()
    w.heading("I. Introduction")
    w.paragraph(1, ["The United Nations study on violence against", "children^1 was presented."])
    w.footnotes([("1", ["The study was presented to the General Assembly at its sixty-"])])
    w.page()
    w.paragraph(2, ["The global study on children deprived of", "liberty^2 followed it."])
    w.footnotes([(None, ["first session."]), ("2", ["A/74/136."])])
    pdf.output(str(path))
    return path


def write_rule_in_text(path: Path) -> Path:
    """A page with a table between paragraphs: a short rule, then a smaller line of figures,
    then the body text again; no footnotes."""
    pdf = FPDF(unit="pt", format="A4")
    pdf.set_auto_page_break(False)
    w = _Writer(pdf)
    w.page()
    w.heading("I. Introduction")
    w.paragraph(1, ["The Special Representative made visits to", "regions, as shown below."])
    w.rule(y=w.y + 6)
    w.line("Visits in 2024: 12", x=_INDENT, size=_NOTE)
    w.paragraph(2, ["Most of the visits were made to the", "Sahel."])
    pdf.output(str(path))
    return path


def write_symbol_alone_on_top(path: Path) -> Path:
    """Two pages; the first page's top holds the symbol alone, where the second's header does."""
    pdf = FPDF(unit="pt", format="A4")
    pdf.set_auto_page_break(False)
    w = _Writer(pdf)
    w.page()
    pdf.set_font("Helvetica", "B", 16)
    w.write(SYMBOL, 420, _HEADER_BASELINE)
    w.heading("I. Introduction")
    w.paragraph(1, ["The first paragraph."])
    w.page()
    w.paragraph(2, ["The second paragraph."])
    w.running_header_and_footer()
    pdf.output(str(path))
    return path


def write_scan(path: Path) -> Path:
    """A page that is only an image of text, as a scanner makes it: no text layer."""
    image = Image.new("L", (210, 297), color=255)
    draw = ImageDraw.Draw(image)
    for top in range(30, 270, 12):
        draw.rectangle((20, top, 190, top + 5), fill=0)
    pdf = FPDF(unit="pt", format="A4")
    pdf.add_page()
    pdf.image(image, x=0, y=0, w=pdf.w, h=pdf.h)
    pdf.output(str(path))
    return path


_SHORT_TITLE = "Children and armed conflict"
_JOB = "24-16433"


def write_annex_mid_page(path: Path) -> Path:
    """Three pages, laid out as Word lays out a New York document:

    - a running header on pages 2 and 3 of the symbol and the short title, on alternate sides,
      in the body's size and without a rule; a footer of the job number and `2/3`, the first
      page's `24-16433 (E) 011224`;
    - footnotes under a line of typed underscores in the note size: footnote 1 on page 1,
      footnote 2 running from page 2 onto page 3, footnote 3 called right after a year;
    - paragraph 2 running from page 1 onto page 2 mid-sentence;
    - on page 3, after paragraph 4, the annex heading as one bold line,
      `Annex I - Good practices submitted by States`, and paragraphs numbered again from 1.
    """
    pdf = FPDF(unit="pt", format="A4")
    pdf.set_auto_page_break(False)
    w = _Writer(pdf)
    w.page()
    w.heading("I. Introduction")
    w.paragraph(1, ["The Special Representative reports on children^1 in", "armed conflict."])
    w.paragraph(
        2, ["Children continue to bear the brunt of the conflicts, with quality", "education"]
    )
    w.footnotes([("1", ["See A/78/842."])], typed=True)
    pdf.set_font("Helvetica", "", 8)
    w.write(f"{_JOB} (E) 011224", _LEFT, _FOOTER_BASELINE - 10)
    w.write("*2416433*", _RIGHT - 60, _FOOTER_BASELINE)
    w.page()
    w.line("opportunities denied to them in emergencies.", x=_INDENT)
    w.paragraph(3, ["Attacks on schools^2 increased in the period under review."])
    w.footnotes([("2", ["Attacks on schools are grave violations, as the Security"])], typed=True)
    w.page()
    w.paragraph(4, ["The Special Representative recommends what was agreed in 2024^3."])
    w.y += 2 * _PARAGRAPH_SPACE
    w.line("Annex I - Good practices submitted by States", size=_BODY, style="B")
    w.paragraph(1, ["States shared their good practices."])
    w.paragraph(2, ["Several States adopted laws."])
    w.footnotes([(None, ["Council has recognized."]), ("3", ["See A/79/1."])], typed=True)
    pages = pdf.pages_count
    for number in range(2, pages + 1):
        pdf.page = number
        pdf.set_font("Helvetica", "", _BODY)
        left, right = (SYMBOL, _SHORT_TITLE) if number % 2 == 0 else (_SHORT_TITLE, SYMBOL)
        w.write(left, _LEFT, _HEADER_BASELINE)
        w.write(right, _RIGHT - pdf.get_string_width(right), _HEADER_BASELINE)
        pdf.set_font("Helvetica", "", 8)
        counter = f"{number}/{pages}"
        left, right = (counter, _JOB) if number % 2 == 0 else (_JOB, counter)
        w.write(left, _LEFT, _FOOTER_BASELINE)
        w.write(right, _RIGHT - pdf.get_string_width(right), _FOOTER_BASELINE)
    pdf.output(str(path))
    return path
