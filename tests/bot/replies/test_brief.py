"""The brief of saved paragraphs, as a Word file and as Markdown, read back as a reader would."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as WordParagraph
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from bot.replies.brief import brief_docx, brief_markdown
from bot.replies.i18n import texts
from index import Library, Paragraph, Report, load_catalogue, reference

EN = texts("en")
MADE = dt.date(2025, 5, 13)
SYMBOL = "A/HRC/58/19"
# The synthetic test report written in the six languages (tests/eval/reports/A-HRC-TEST-3).
EVAL_CATALOGUE = Path(__file__).parents[2] / "eval" / "catalogue.toml"
# GitHub's Markdown: CommonMark with tables and strikethrough.
MARKDOWN = MarkdownIt("commonmark").enable(["table", "strikethrough"])


@pytest.fixture
def report(library: Library) -> Report:
    found = library.report(SYMBOL)
    assert found is not None
    return found


def paragraph(library: Library, number: int) -> Paragraph:
    found = library.paragraph(SYMBOL, number)
    assert found is not None
    return found


@pytest.fixture(scope="module")
def arabic() -> Report:
    """The Arabic version of the synthetic report, paragraphs and all."""
    (version,) = [
        r for r in load_catalogue(EVAL_CATALOGUE) if (r.symbol, r.lang) == ("A/HRC/TEST/3", "ar")
    ]
    return version


def noted(original: Paragraph) -> Paragraph:
    """A real paragraph given line breaks, a footnote marker the reader kept, and footnotes."""
    text = original.text.replace(". ", ".\n", 1) + "¹\n\n(see annex)"
    return original.model_copy(
        update={"text": text, "notes": ("A/61/299.", "See resolution 78/187,\nannex.")}
    )


def word(content: bytes) -> WordDocument:
    return docx.Document(io.BytesIO(content))


def shown(document: WordDocument) -> list[tuple[str, str]]:
    """Each paragraph's style and text, as Word lays them out one after the other."""
    return [(p.style.name if p.style else "", p.text) for p in document.paragraphs]


def links(paragraph: WordParagraph) -> list[tuple[str, str]]:
    return [(link.text, link.url) for link in paragraph.hyperlinks]


def right_to_left(paragraph: WordParagraph) -> bool:
    properties = paragraph._p.pPr
    return properties is not None and properties.find(qn("w:bidi")) is not None


# The Word file.


def test_the_word_brief_quotes_each_paragraph_with_its_citation_and_link(
    library: Library, report: Report
) -> None:
    third, first = paragraph(library, 3), paragraph(library, 1)
    document = word(brief_docx(EN, [(report, third), (report, first)], MADE))
    assert shown(document) == [
        ("Title", "Saved paragraphs"),
        ("Subtitle", "13 May 2025"),
        ("Heading 1", "A/HRC/58/19, para. 3"),
        ("Normal", third.text),
        ("Normal", reference(report, third)),
        ("Normal", third.link),
        ("Heading 1", "A/HRC/58/19, para. 1"),
        ("Normal", first.text),
        ("Normal", reference(report, first)),
        ("Normal", first.link),
        ("Heading 1", "Reports cited"),
        (
            "List Bullet",
            "A/HRC/58/19 — Annual report of the Special Representative of the Secretary-General "
            "on Violence against Children — 13 January 2025 — https://docs.un.org/en/A/HRC/58/19",
        ),
    ]
    assert reference(report, third) == (
        "Special Representative of the Secretary-General on Violence against Children, Annual "
        "report, A/HRC/58/19 (13 January 2025), para. 3"
    )
    paragraphs = document.paragraphs
    assert third.link is not None
    assert links(paragraphs[5]) == [(third.link, third.link)]
    assert links(paragraphs[11]) == [(report.official_url, report.official_url)]
    assert not any(right_to_left(p) for p in paragraphs)


def test_line_breaks_markers_and_footnotes_come_through_verbatim(
    library: Library, report: Report
) -> None:
    original = paragraph(library, 2)
    kept = noted(original)
    document = word(brief_docx(EN, [(report, kept)], MADE))
    texts_shown = [text for _, text in shown(document)]
    start = texts_shown.index(kept.text)
    assert texts_shown[start + 1 : start + 5] == [
        "A/61/299.",
        "See resolution 78/187,\nannex.",
        reference(report, kept),
        original.link,
    ]
    # The footnotes are smaller than the text, in Latin and complex scripts alike.
    for note in document.paragraphs[start + 1 : start + 3]:
        (run,) = note.runs
        assert run.font.size is not None
        assert run.font.size.pt == 9
        size = run._r.rPr.find(qn("w:szCs")) if run._r.rPr is not None else None
        assert size is not None
        assert size.get(qn("w:val")) == "18"
    assert document.paragraphs[start].runs[0].font.size is None


def test_a_paragraph_without_a_link_of_its_own_links_to_the_un_document(report: Report) -> None:
    bare = Paragraph(symbol=SYMBOL, number=9, text="Text.")
    document = word(brief_docx(EN, [(report, bare)], MADE))
    linked = [links(p) for p in document.paragraphs if p.hyperlinks]
    assert linked[0] == [(bare.official_url, bare.official_url)]


def test_reports_are_listed_once_in_the_order_first_cited(
    library: Library, report: Report, arabic: Report
) -> None:
    cited = [
        (report, paragraph(library, 4)),
        (arabic, arabic.paragraphs[2]),
        (report, paragraph(library, 1)),
        (arabic, arabic.paragraphs[0]),
    ]
    document = word(brief_docx(EN, cited, MADE))
    listed = [
        p for p in document.paragraphs if p.style is not None and p.style.name == "List Bullet"
    ]
    assert [links(p) for p in listed] == [
        [("https://docs.un.org/en/A/HRC/58/19", "https://docs.un.org/en/A/HRC/58/19")],
        [("https://docs.un.org/ar/A/HRC/TEST/3", "https://docs.un.org/ar/A/HRC/TEST/3")],
    ]
    assert listed[1].text.startswith(f"A/HRC/TEST/3 — {arabic.title} — ")
    assert "يناير" in listed[1].text  # the Arabic version's date, in Arabic


def test_arabic_paragraphs_are_right_to_left(
    library: Library, report: Report, arabic: Report
) -> None:
    quoted = arabic.paragraphs[2]
    cited = [(report, paragraph(library, 3)), (arabic, quoted)]
    document = word(brief_docx(EN, cited, MADE))
    paragraphs = document.paragraphs
    at = [p.text for p in paragraphs].index(quoted.text)
    text, citation, link = paragraphs[at : at + 3]
    assert right_to_left(text)
    assert all(run.font.rtl for run in text.runs)
    assert (right_to_left(citation), citation.text) == (True, reference(arabic, quoted))
    # An address reads left to right, whatever the language around it.
    assert not right_to_left(link)
    assert not right_to_left(paragraphs[at - 1])  # the heading: a citation in Latin letters
    english = paragraphs[[p.text for p in paragraphs].index(paragraph(library, 3).text)]
    assert not right_to_left(english)
    assert not any(run.font.rtl for run in english.runs)


def test_headings_follow_the_readers_language(library: Library, report: Report) -> None:
    document = word(brief_docx(texts("ar"), [(report, paragraph(library, 1))], MADE))
    title, made = document.paragraphs[:2]
    assert right_to_left(title)
    assert (right_to_left(made), made.text) == (True, "13 مايو 2025")


def test_the_word_file_names_no_one(library: Library, report: Report) -> None:
    content = brief_docx(EN, [(report, paragraph(library, 1))], MADE)
    properties = word(content).core_properties
    assert (properties.author, properties.last_modified_by, properties.comments) == ("", "", "")
    assert properties.title == "Saved paragraphs"
    assert properties.created == dt.datetime(2025, 5, 13, tzinfo=dt.UTC)
    with zipfile.ZipFile(io.BytesIO(content)) as package:
        for name in package.namelist():
            assert b"python-docx" not in package.read(name), name


def test_characters_xml_cannot_hold_are_left_out(report: Report) -> None:
    stray = Paragraph(symbol=SYMBOL, number=9, text="Page\x0cbreak\x00 and\r\nline")
    document = word(brief_docx(EN, [(report, stray)], MADE))
    assert "Pagebreak and\nline" in [p.text for p in document.paragraphs]


# Markdown.


def inline_text(token: Token) -> str:
    """An inline token's text as a reader sees it: escapes and entities decoded, hard breaks
    as line breaks; a link as <its target>."""
    assert token.children is not None
    pieces = []
    in_link = False
    for child in token.children:
        if child.type == "link_open":
            pieces.append(f"<{child.attrs['href']}>")
            in_link = True
        elif child.type == "link_close":
            in_link = False
        elif child.type in ("text", "text_special") and not in_link:
            pieces.append(child.content)
        elif child.type == "hardbreak":
            pieces.append("\n")
        elif not in_link:
            pieces.append(f"[{child.type}]")
    return "".join(pieces)


def blocks(markdown: str) -> list[tuple[str, str]]:
    """The Markdown's blocks as (kind, text): headings by level, paragraphs in or out of a
    quote, list items."""
    found = []
    kinds: list[str] = []
    for token in MARKDOWN.parse(markdown):
        if token.type.endswith("_open") and token.type != "paragraph_open":
            kinds.append(token.tag)
        elif token.type.endswith("_close") and token.type != "paragraph_close":
            kinds.pop()
        elif token.type == "inline":
            found.append(("/".join(kinds) or "p", inline_text(token)))
    return found


def test_the_markdown_brief_has_the_same_structure(
    library: Library, report: Report, arabic: Report
) -> None:
    third = paragraph(library, 3)
    kept = noted(paragraph(library, 2))
    quoted = arabic.paragraphs[2]
    markdown = brief_markdown(EN, [(report, third), (report, kept), (arabic, quoted)], MADE)
    assert blocks(markdown) == [
        ("h1", "Saved paragraphs"),
        ("p", "13 May 2025"),
        ("h2", "A/HRC/58/19, para. 3"),
        ("blockquote", third.text),
        ("p", f"{reference(report, third)}\n<{third.link}>"),
        ("h2", "A/HRC/58/19, para. 2"),
        ("blockquote", kept.text),
        ("ul/li", "A/61/299."),
        ("ul/li", "See resolution 78/187,\nannex."),
        ("p", f"{reference(report, kept)}\n<{kept.link}>"),
        ("h2", "A/HRC/TEST/3, para. 3"),
        ("blockquote", quoted.text),
        ("p", f"{reference(arabic, quoted)}\n<{quoted.official_url}>"),
        ("h2", "Reports cited"),
        (
            "ul/li",
            f"{SYMBOL} — {report.title} — 13 January 2025 — <{report.official_url}>",
        ),
        (
            "ul/li",
            f"A/HRC/TEST/3 — {arabic.title} — 17 يناير 2022 — <{arabic.official_url}>",
        ),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "# Not a heading",
        "> not nested\n- not a list\n+ nor this\n12. nor this\n3) nor this",
        "Text\n===\nnot a heading either\n---",
        "*stars*, _underscores_, `code`, [a link](https://x.org), <b>tags</b>, ~~struck~~",
        "a | table | row\n--- | --- | ---",
        "&amp; and &#32; stay as written; a \\ backslash, and one at the end \\",
        "    four spaces are no code block\n\tnor is a tab",
        "two trailing spaces are no line break  \nand a blank line is kept\n\nas it is",
        "[^1]: not a footnote\n[ref]: https://x.org",
    ],
)
def test_markdown_shows_each_text_as_it_is(report: Report, text: str) -> None:
    cited = [(report, Paragraph(symbol=SYMBOL, number=1, text=text))]
    assert blocks(brief_markdown(EN, cited, MADE))[3] == ("blockquote", text)


# Whatever a report's paragraph may hold, with what Markdown reads as markup made frequent.
_CHARACTERS = st.one_of(
    st.characters(categories=["L", "N", "P", "S", "Zs"], include_characters="\t\n"),
    st.sampled_from("#>+-=*_`[]<|~&;\\ \t\n0123456789.)"),
)


# A paragraph's text never ends in a line break (the reader strips it), and Markdown could not
# show one: a paragraph's last line break is no break.
@given(st.text(_CHARACTERS, min_size=1).filter(lambda text: not text.endswith("\n")))
def test_markdown_quotes_any_text_verbatim(text: str) -> None:
    report = Report(symbol=SYMBOL, title="Report")
    markdown = brief_markdown(EN, [(report, Paragraph(symbol=SYMBOL, number=1, text=text))], MADE)
    quote = [shown for kind, shown in blocks(markdown) if kind == "blockquote"]
    assert quote == [text]
