"""Word documents laid out like a United Nations report, built with python-docx for the Word
reader's tests and the ingestion's.

`write_report` writes the masthead into the first page's header, the session and agenda item
(with an asterisk note) into the body, headings numbered `I.`, `II.` by their style, paragraphs
numbered by Word's List Number style and by hand (`3.<tab>`), sub-items lettered `(a)`, `(b)` by
a list of their own, footnotes, and a table.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
from docx.document import Document
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm
from docx.text.paragraph import Paragraph

SYMBOL = "A/HRC/58/19"
FOOTNOTES = {1: "General Assembly resolution 62/141.", 2: "See A/61/299, para. 12."}

# Sub-items lettered by Word, `(a)`, `(b)`, on a list definition of their own.
LETTERED_DEFINITION = f"""
<w:abstractNum {nsdecls("w")} w:abstractNumId="90">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>
    <w:lvlText w:val="(%1)"/></w:lvl>
</w:abstractNum>"""
# Headings numbered by their style, `I.`, `II.`, as UN templates number chapters.
ROMAN_DEFINITION = f"""
<w:abstractNum {nsdecls("w")} w:abstractNumId="91">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/>
    <w:lvlText w:val="%1."/></w:lvl>
</w:abstractNum>"""


def add_list(document: Document, definition_xml: str, num_id: int, restart: bool = False) -> str:
    """Adds a list definition and a list using it; returns the list's id."""
    numbering = document.part.numbering_part.element
    definition = parse_xml(definition_xml)
    # The schema wants every definition before the first list.
    first_list = numbering.find(qn("w:num"))
    if first_list is not None:
        first_list.addprevious(definition)
    else:
        numbering.append(definition)
    override = (
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>' if restart else ""
    )
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}">'
            f'<w:abstractNumId w:val="{definition.get(qn("w:abstractNumId"))}"/>{override}</w:num>'
        )
    )
    return str(num_id)


def _list_membership(num_id: str) -> Any:
    return parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'
    )


def numbered(paragraph: Paragraph, num_id: str) -> Paragraph:
    paragraph._p.get_or_add_pPr().append(_list_membership(num_id))
    return paragraph


def _number_style(document: Document, style_name: str, num_id: str) -> None:
    document.styles[style_name].element.get_or_add_pPr().append(_list_membership(num_id))


def _cite(paragraph: Paragraph, note_id: int, custom_mark: str | None = None) -> None:
    run = paragraph.add_run()
    custom = ' w:customMarkFollows="1"' if custom_mark else ""
    run._r.append(parse_xml(f'<w:footnoteReference {nsdecls("w")} w:id="{note_id}"{custom}/>'))
    if custom_mark:
        paragraph.add_run(custom_mark)


def _add_footnotes(document: Document, notes: dict[int, str]) -> None:
    separators = (
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        "</w:footnote>"
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        "<w:continuationSeparator/></w:r></w:p></w:footnote>"
    )
    bodies = "".join(
        f'<w:footnote w:id="{note_id}"><w:p><w:r><w:footnoteRef/></w:r>'
        f'<w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>'
        for note_id, text in notes.items()
    )
    xml = f"<w:footnotes {nsdecls('w')}>{separators}{bodies}</w:footnotes>"
    part = Part(
        PackURI("/word/footnotes.xml"),
        CONTENT_TYPE.WML_FOOTNOTES,
        xml.encode(),
        document.part.package,
    )
    document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)


def write_report(path: Path) -> Path:
    """A UN report as Word has it: the masthead in the first page's header, the session in the
    body, headings numbered by their style, paragraphs numbered by hand and by Word."""
    document = docx.Document()
    section = document.sections[0]
    section.different_first_page_header_footer = True
    first_page = section.first_page_header
    first_page.paragraphs[0].text = "United Nations"
    first_page.add_paragraph(SYMBOL)
    first_page.add_paragraph("General Assembly")
    table = first_page.add_table(rows=1, cols=2, width=Cm(16))
    table.cell(0, 0).text = "Distr.: General"
    table.cell(0, 1).text = "13 January 2025"
    first_page.add_paragraph("Original: English")
    section.header.paragraphs[0].text = SYMBOL

    roman = add_list(document, ROMAN_DEFINITION, 91)
    _number_style(document, "Heading 1", roman)
    lettered = add_list(document, LETTERED_DEFINITION, 90)

    document.add_paragraph("Human Rights Council")
    document.add_paragraph("Fifty-eighth session")
    agenda = document.add_paragraph("Agenda item 3")
    _cite(agenda, 5, custom_mark="*")
    document.add_paragraph("Annual report of the Special Representative")
    document.add_heading("Summary", level=2)
    document.add_paragraph("The report reviews the year.")
    document.add_heading("Introduction", level=1)
    first = document.add_paragraph(
        "The Special Representative is an advocate.", style="List Number"
    )
    _cite(first, 2)
    first.add_run(" She reports yearly.")
    document.add_heading("Activities", level=1)
    document.add_paragraph("Her work covers:", style="List Number")
    numbered(document.add_paragraph("Birth registration;"), lettered)
    numbered(document.add_paragraph("Online exploitation."), lettered)
    third = document.add_paragraph("3.\tShe visited three regions")
    _cite(third, 3)
    third.add_run(".")
    cells = document.add_table(rows=1, cols=2).rows[0].cells
    cells[0].text = "Region"
    cells[1].text = "Visits"
    _add_footnotes(document, {5: "A/HRC/58/1.", 2: FOOTNOTES[1], 3: FOOTNOTES[2]})
    document.save(str(path))
    return path
