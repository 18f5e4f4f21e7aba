"""A chat's saved paragraphs as a brief to keep: a Word file, or Markdown.

The brief has a title and the date it was made; then, for each paragraph in the order given,
its text exactly as the report has it (line breaks and footnote markers included) with its
footnotes after it, its full citation and its link; then the reports cited, each once, in the
order they were first cited. It says nothing of who saved what: it is made to be passed on.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence
from urllib.parse import quote

import docx
from babel.dates import format_date
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.text.paragraph import Paragraph as WordParagraph
from docx.text.run import Run

from bot.replies.i18n import RIGHT_TO_LEFT, Texts
from index import Paragraph, Report, reference

Cited = Sequence[tuple[Report, Paragraph]]

# Dates are written as index.citation writes a report's: in the language's own way, and UN
# English is British.
_LOCALES = {"en": "en_GB"}
_NOTE_SIZE = Pt(9)
_LINK_COLOUR = RGBColor(0x05, 0x63, 0xC1)
# The elements a paragraph's properties may hold after w:bidi, in the order the schema fixes
# (ECMA-376 CT_PPrBase): w:bidi must come before any of them for Word to read the file.
_AFTER_BIDI = (
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)
# Characters XML 1.0 cannot hold: a stray control character from a PDF would make the whole
# file unwritable. Tabs and line breaks stay (Word has elements for them).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# Markdown: what is markup anywhere in a line (CommonMark, and GitHub's tables and
# strikethrough); an entity reference, which would be shown decoded; what opens a block at the
# start of a line (heading, quote, list item, thematic break, setext underline), ordered list
# items by the full stop or bracket after their number.
_MD_INLINE = re.compile(r"[\\`*_\[\]<|~]|&(?=#?\w+;)")
_MD_BLOCK_START = re.compile(r"^[#>+=-]")
_MD_ORDERED = re.compile(r"^(\d{1,9})([.)])")
# Tabs and the space separators (Unicode's Zs), which renderers strip from a line's ends.
_SPACES = "[\t \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]"
_MD_EDGE_SPACE = re.compile(f"^{_SPACES}+|{_SPACES}+$")
_MD_NOT_IN_LINK = re.compile(r"[\s<>]")


def brief_docx(t: Texts, cited: Cited, made: dt.date) -> bytes:
    """The brief as a Word file (.docx); `t` gives its headings' language."""
    document = docx.Document()
    title = t.gettext("Saved paragraphs")
    properties = document.core_properties
    # python-docx's template signs every file it writes: none of that is ours to pass on.
    properties.author = ""
    properties.last_modified_by = ""
    properties.comments = ""
    properties.title = title
    properties.language = t.language
    properties.created = properties.modified = dt.datetime.combine(made, dt.time(), dt.UTC)
    properties.revision = 1
    _direction(document.add_heading(_xml(title), level=0), t.right_to_left)
    _direction(document.add_paragraph(_date(made, t.language), style="Subtitle"), t.right_to_left)
    for report, paragraph in cited:
        right_to_left = paragraph.lang in RIGHT_TO_LEFT
        document.add_heading(_xml(paragraph.citation), level=1)
        text = document.add_paragraph()
        _direction(text, right_to_left)
        _run(text, paragraph.text, right_to_left)
        for note in paragraph.notes:
            shown = document.add_paragraph()
            _direction(shown, right_to_left)
            _small(_run(shown, note, right_to_left))
        citation = document.add_paragraph(_xml(reference(report, paragraph)))
        _direction(citation, report.lang in RIGHT_TO_LEFT)
        link = _link_of(paragraph)
        _hyperlink(document.add_paragraph(), link, link)
    _direction(document.add_heading(_xml(t.gettext("Reports cited")), level=1), t.right_to_left)
    for report in _reports(cited):
        item = document.add_paragraph(_xml(f"{_described(report)} — "), style="List Bullet")
        _direction(item, report.lang in RIGHT_TO_LEFT)
        _hyperlink(item, report.official_url, report.official_url)
    written = io.BytesIO()
    document.save(written)
    return written.getvalue()


def brief_markdown(t: Texts, cited: Cited, made: dt.date) -> str:
    """The brief as Markdown (CommonMark): each paragraph quoted, its text escaped so that
    it shows exactly as the report has it."""
    lines = [
        f"# {_md_line(t.gettext('Saved paragraphs'))}",
        "",
        _md_line(_date(made, t.language)),
        "",
    ]
    for report, paragraph in cited:
        lines += [f"## {_md_line(paragraph.citation)}", ""]
        lines += [f"> {line}".rstrip() for line in _md_lines(paragraph.text)]
        lines.append("")
        for note in paragraph.notes:
            lines.append("- " + "\n  ".join(_md_lines(note)))
        if paragraph.notes:
            lines.append("")
        lines += [f"{_md_line(reference(report, paragraph))}\\", _md_link(_link_of(paragraph)), ""]
    lines += [f"## {_md_line(t.gettext('Reports cited'))}", ""]
    lines += [
        f"- {_md_line(_described(report))} — {_md_link(report.official_url)}"
        for report in _reports(cited)
    ]
    return "\n".join(lines) + "\n"


def _reports(cited: Cited) -> list[Report]:
    """Each report version cited, once, in the order of its first citation."""
    first: dict[tuple[str, str], Report] = {}
    for report, _ in cited:
        first.setdefault((report.symbol, report.lang), report)
    return list(first.values())


def _described(report: Report) -> str:
    described = f"{report.symbol} — {report.title}"
    return f"{described} — {_date(report.date, report.lang)}" if report.date else described


def _date(date: dt.date, language: str) -> str:
    return format_date(date, "long", locale=_LOCALES.get(language, language))


def _link_of(paragraph: Paragraph) -> str:
    return paragraph.link or paragraph.official_url


# Word.


def _xml(text: str) -> str:
    """`text` as a Word file can hold it: line breaks as one, without what XML cannot hold."""
    return _NOT_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _run(paragraph: WordParagraph, text: str, right_to_left: bool) -> Run:
    """`text` added to `paragraph`, its line breaks kept as breaks within the paragraph."""
    run = paragraph.add_run(_xml(text))
    if right_to_left:
        # Marks the run's text as written right to left, so that Word lays out the digits and
        # punctuation within it as an Arabic reader expects.
        run.font.rtl = True
    return run


def _direction(paragraph: WordParagraph, right_to_left: bool) -> None:
    """Make a paragraph right-to-left (w:bidi): it starts at the right margin, and its
    neutral characters take the right-to-left direction."""
    if right_to_left:
        properties = paragraph._p.get_or_add_pPr()
        properties.insert_element_before(OxmlElement("w:bidi"), *_AFTER_BIDI)


def _small(run: Run) -> None:
    run.font.size = _NOTE_SIZE
    # w:sz sizes Latin text only; Arabic (a complex script) takes its size from w:szCs, which
    # the schema puts right after w:sz.
    size = run._r.get_or_add_rPr().sz
    if size is not None:
        size.addnext(OxmlElement("w:szCs", {qn("w:val"): str(int(_NOTE_SIZE.pt * 2))}))


def _hyperlink(paragraph: WordParagraph, url: str, label: str) -> None:
    """A link Word follows on a click (w:hyperlink to an external relationship), shown as
    links are: blue and underlined."""
    relationship = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink", {qn("r:id"): relationship})
    run = paragraph.add_run(_xml(label))
    run.font.color.rgb = _LINK_COLOUR
    run.font.underline = True
    run._r.addprevious(link)
    link.append(run._r)


# Markdown.


def _md_line(text: str) -> str:
    """One line of text, escaped; its line breaks as hard breaks."""
    return "\\\n".join(_md_lines(text))


def _md_lines(text: str) -> list[str]:
    """The lines of `text`, each escaped so that Markdown shows it as it is; each but the last
    ends in a hard line break (a backslash), so that the text's own line breaks stay, blank
    lines included."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    escaped = [_md_escaped(line) for line in lines]
    return [f"{line}\\" for line in escaped[:-1]] + escaped[-1:]


def _md_escaped(line: str) -> str:
    escaped = _MD_INLINE.sub(lambda found: "\\" + found[0], line)
    # Spaces at either end would be dropped, or read as a code block or a line break: as
    # character references they are text.
    escaped = _MD_EDGE_SPACE.sub(lambda found: "".join(f"&#{ord(c)};" for c in found[0]), escaped)
    escaped = _MD_ORDERED.sub(r"\1\\\2", escaped)
    return _MD_BLOCK_START.sub(r"\\\g<0>", escaped)


def _md_link(url: str) -> str:
    """`url` as an autolink, which shows the address itself; characters an autolink cannot
    hold are percent-encoded, as a browser would send them."""
    return "<" + _MD_NOT_IN_LINK.sub(lambda found: quote(found[0]), url) + ">"
