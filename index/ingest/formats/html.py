"""Saved web pages (`.html`, `.htm`): a ReliefWeb report page, or a UN page.

The text is the page's main content, a line per block element (paragraph, heading, list item,
quotation, table cell), blank lines between them, as the parser reads web text. Navigation,
the site's header and footer, scripts, styles, attachment lists and share buttons are dropped.
A list item shows the number or bullet the browser draws for it unless its text has its own.
Footnotes linked from the text (`<a href="#fn1">1</a>`, Word's `#_ftn1`) become a marker glued
to the word, as web text has them, and the footnotes' text is taken out of the running text.

The front matter is, a line each: `Title: …` (the page's heading), the content up to its
`Summary` or first heading (where a UN masthead's fields stand on ReliefWeb), the article's
header and meta area (source, dates), the dates of `<time>` and `<meta>` tags, and
`URL: …` (the canonical address). A date in the content comes before the page's own.
"""

from __future__ import annotations

import re
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

from index.errors import IngestError
from index.ingest.formats.numerals import letters, roman
from index.ingest.metadata import parse_date
from index.ingest.paragraphs import starts_content
from index.ingest.source import SourceDocument

# Where the report's text is, most specific first: ReliefWeb's report body, then generic pages.
_CONTENT = (
    ".rw-report__content",
    "[itemprop=articleBody]",
    "article",
    "main",
    "[role=main]",
    "#content",
    "body",
)
_META_AREA = (".rw-article__header", "article header", "main header")
_TITLE = (".rw-article__title", "article h1", "main h1", "h1")
_NOISE = ", ".join(
    [
        "script, style, noscript, template, svg, iframe, form, button, nav, header, footer, aside",
        "[hidden], [aria-hidden=true], .visually-hidden, .sr-only",
        ".rw-file-list, .rw-entity-country-slug, [class*=attachment], [class*=share]",
        "[class*=social], [class*=disclaimer], [class*=bookmark], [class*=breadcrumb]",
    ]
)
_BLOCK = re.compile(
    r"p|div|h[1-6]|[uod]l|li|d[td]|table|caption|t[rdh]|blockquote|pre|hr|address|section"
    r"|article|main|header|footer|figure|figcaption|details|summary"
)
_DATE_META = (
    "meta[property='article:published_time'], meta[itemprop=datePublished], "
    "meta[name=date], meta[name='DC.date'], meta[name='dcterms.date'], "
    "meta[name=citation_publication_date]"
)
_URL_TAGS = (("link[rel=canonical]", "href"), ("meta[property='og:url']", "content"))
_NOTE_ID = re.compile(r"#(?P<id>.+)")
_NOTE_NUMBER = re.compile(r"\[?(?P<number>\d{1,3})\]?")
# A list item's own number or bullet, as a report's paragraphs and sub-items have them.
_OWN_LABEL = re.compile(r"(?:\d{1,4}\.|\([a-z]{1,4}\)|[IVXLC]{1,6}\.|[A-Z]\.|[•▪●◦-])\s")
_LINE_ENDS = str.maketrans("\n\r\f", "   ")
# Text the page shows that the report's text does not have.
_INVISIBLE = str.maketrans("", "", "\u00ad\u200b\u200c\u200d\u2060\ufeff")


def read_html(path: Path) -> SourceDocument:
    """A saved web page's main content, its footnotes, and its title, dates and address."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise IngestError(f"{path}: cannot read it ({error.strerror})") from error
    # NUL bytes are binary data, except in a page saved as UTF-16 (which starts with its BOM).
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    if data.startswith(b"%PDF-") or (b"\x00" in data[:4096] and not utf16):
        raise IngestError(f"{path}: binary data, not a web page")
    # `encoding=True`: the page's own `<meta charset>` (or its bytes) decide, as in a browser.
    tree = LexborHTMLParser(data, encoding=True)
    heading = _first(tree, _TITLE)
    title: str | None = _clean(heading.text()) if heading is not None else None
    meta_area = _first(tree, _META_AREA)
    header = _blocks(meta_area, {}) if meta_area is not None else []
    content = _first(tree, _CONTENT)
    if content is None:
        raise IngestError(f"{path}: no text found in the page")
    # The title heading is front matter, wherever the page puts it.
    for noise in [*content.css(_NOISE), *([heading] if heading is not None else [])]:
        noise.decompose()
    title = title or _page_title(tree)
    footnotes = _take_footnotes(content)
    blocks = _blocks(content, footnotes)
    if not blocks:
        raise IngestError(f"{path}: no text found in the page")
    preamble: list[str] = []
    for line in "\n".join(blocks).split("\n"):
        if starts_content(line):
            break
        preamble.append(line)
    url = _canonical_url(tree)
    front = [
        *([f"Title: {title}"] if title else []),
        *preamble,
        *header,
        *_tag_dates(tree),
        *([f"URL: {url}"] if url else []),
    ]
    return SourceDocument(
        text="\n\n".join(blocks),
        footnotes={number: text for number, (text, _) in footnotes.items()},
        front_matter="\n".join(front),
    )


def _first(tree: LexborHTMLParser, selectors: tuple[str, ...]) -> LexborNode | None:
    for selector in selectors:
        node = tree.css_first(selector)
        if node is not None:
            return node
    return None


def _page_title(tree: LexborHTMLParser) -> str | None:
    og_title = tree.css_first("meta[property='og:title']")
    if og_title is not None and og_title.attributes.get("content"):
        return _clean(og_title.attributes.get("content") or "")
    title = tree.css_first("title")
    if title is None or not _clean(title.text()):
        return None
    # `Report title - World | ReliefWeb`: the site's name follows the last bar.
    return _clean(title.text()).rpartition(" | ")[0] or _clean(title.text())


def _canonical_url(tree: LexborHTMLParser) -> str | None:
    for selector, attribute in _URL_TAGS:
        node = tree.css_first(selector)
        value = (node.attributes.get(attribute) or "").strip() if node is not None else ""
        if value.startswith(("http://", "https://")):
            return value
    return None


def _tag_dates(tree: LexborHTMLParser) -> list[str]:
    """ISO dates from `<meta>` tags, then `<time datetime>` elements, in page order."""
    values = [node.attributes.get("content") for node in tree.css(_DATE_META)]
    values += [node.attributes.get("datetime") for node in tree.css("time[datetime]")]
    # A date, or the date of a timestamp (`2025-01-13T00:00:00+00:00`).
    dates = [parse_date(value or "") or parse_date((value or "")[:10]) for value in values]
    return list(dict.fromkeys(date.isoformat() for date in dates if date is not None))


def _take_footnotes(content: LexborNode) -> dict[int, tuple[str, LexborNode]]:
    """Footnotes by number, with the link that cites each; their text leaves the content.

    A footnote is what an in-page link with a number for its text (`1`, `[1]`) points to: the
    element with that id, or holding an anchor of that name (Word's HTML), taken whole up to
    its paragraph or list item.
    """
    found: dict[int, tuple[str, LexborNode]] = {}
    for link in content.css("a[href^='#']"):
        number = _NOTE_NUMBER.fullmatch(_clean(link.text()))
        target = _NOTE_ID.fullmatch(link.attributes.get("href") or "")
        if number is None or target is None or int(number["number"]) in found:
            continue
        note = _note_element(content, target["id"])
        if note is None or note.mem_id == link.mem_id or _contains(note, link):
            continue
        # The way back to the text: `[1]` (Word), `↩` (Markdown renderers).
        for back_link in note.css("a[href^='#']"):
            if not any(char.isalpha() for char in back_link.text()):
                back_link.decompose()
        found[int(number["number"])] = (_clean(note.text(separator=" ")), link)
        note.decompose()
    return found


def _note_element(content: LexborNode, target: str) -> LexborNode | None:
    escaped = target.replace("\\", "\\\\").replace('"', '\\"')
    node = content.css_first(f'[id="{escaped}"]')
    if node is None:
        node = content.css_first(f'a[name="{escaped}"]')
    while node is not None and node.tag not in ("p", "li", "div", "aside", "section"):
        node = node.parent
    return node


def _contains(ancestor: LexborNode, node: LexborNode) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.mem_id == ancestor.mem_id:
            return True
        parent = parent.parent
    return False


def _blocks(root: LexborNode, footnotes: dict[int, tuple[str, LexborNode]]) -> list[str]:
    """The text of each block element under `root`; `<br>` breaks a line within its block."""
    markers = {link.mem_id: str(number) for number, (_, link) in footnotes.items()}
    blocks: list[str] = []
    pending: list[str] = []

    def flush() -> None:
        block = "\n".join(filter(None, map(_clean, "".join(pending).split("\n"))))
        if block:
            blocks.append(block)
        pending.clear()

    def walk(node: LexborNode) -> None:
        for child in node.iter(include_text=True):
            if child.is_text_node:
                # A line end in the source is a space on the page; only `<br>` breaks a line.
                pending.append((child.text_content or "").translate(_LINE_ENDS))
            elif child.mem_id in markers:
                pending.append(markers[child.mem_id])
            elif child.tag == "br":
                pending.append("\n")
            elif _BLOCK.fullmatch(child.tag or ""):
                flush()
                pending.append(_list_label(child))
                walk(child)
                flush()
            else:
                walk(child)

    walk(root)
    flush()
    return blocks


def _list_label(node: LexborNode) -> str:
    """`3. `, `(a) `, `• `: what the browser draws before a list item (a number's style as in
    UN reports: `1.` for paragraphs, `(a)` for their sub-items). A list whose items number
    themselves (`9. The…`) hides its own numbers, as pages that copy a report's text do."""
    parent = node.parent
    if node.tag != "li" or parent is None or _OWN_LABEL.match(_clean(node.text())):
        return ""
    if parent.tag == "ul":
        return "• "
    if parent.tag != "ol":
        return ""
    siblings = [child for child in parent.iter() if child.tag == "li"]
    number = _int(parent.attributes.get("start"), 1)
    for sibling in siblings:
        number = _int(sibling.attributes.get("value"), number)
        if sibling.mem_id == node.mem_id:
            break
        number += 1
    kind = node.attributes.get("type") or parent.attributes.get("type") or "1"
    return f"{_ordinal(number, kind)} "


def _ordinal(number: int, kind: str) -> str:
    if kind in ("a", "A"):
        return f"({letters(number)})" if kind == "a" else f"{letters(number).upper()}."
    if kind in ("i", "I"):
        return f"({roman(number).lower()})" if kind == "i" else f"{roman(number)}."
    return f"{number}."


def _int(value: str | None, default: int) -> int:
    try:
        return int(value or "")
    except ValueError:
        return default


def _clean(text: str) -> str:
    return " ".join(text.translate(_INVISIBLE).split())
