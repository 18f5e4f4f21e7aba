"""Plain text (`.txt`) and Markdown (`.md`) reports.

Markdown is read as the text it renders: heading marks, emphasis, code ticks, link targets and
escapes go (`## I. Introduction` is the heading line `I. Introduction`, `3\\. The…` is paragraph
3), list bullets become `•` so that the parser keeps them as items of their paragraph, and
footnotes (`children[^1]`, `[^1]: A/61/299.`) become a marker glued to the word, as in web text,
and a footnote numbered in the order of first reference, as Markdown renders them.
"""

from __future__ import annotations

import re
from pathlib import Path

from index.errors import IngestError
from index.ingest.paragraphs import starts_content
from index.ingest.source import SourceDocument

# Line by line, so `[ \t]` where `\s` would reach into the next line.
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+|$)(?P<text>.*?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)
_SETEXT_UNDERLINE = re.compile(r"^ {0,3}(?:=+|-{2,})[ \t]*$", re.MULTILINE)
_RULE = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$", re.MULTILINE)
_BULLET = re.compile(r"^(?P<indent>[ \t]*)[-*+][ \t]+", re.MULTILINE)
_QUOTE = re.compile(r"^ {0,3}>[ \t]?", re.MULTILINE)
_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[(?P<text>[^\]^][^\]]*)\](?:\([^)]*\)|\[[^\]]*\])")
_CODE = re.compile(r"`+(?P<code>[^`]+)`+")
# `**bold**`, `__bold__`, `*it*`, `_it_`; underscores only at word edges (`snake_case` stays).
_EMPHASIS = re.compile(
    r"(?P<stars>\*{1,3})(?=\S)(?P<starred>.+?)(?<=\S)(?P=stars)"
    r"|(?<!\w)(?P<lines>_{1,3})(?=\S)(?P<underlined>.+?)(?<=\S)(?P=lines)(?!\w)"
)
_ESCAPE = re.compile(r"\\(?P<char>[\\`*_{}\[\]()#+\-.!>|~])")
_NOTE_DEFINITION = re.compile(r"^\[\^(?P<label>[^\]]+)\]:[ \t]*(?P<text>.*)$")
_NOTE_REFERENCE = re.compile(r"\[\^(?P<label>[^\]]+)\]")


def read_text(path: Path) -> SourceDocument:
    """A `.txt` or `.md` report; Markdown is turned into the plain text it renders."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as error:
        raise IngestError(f"{path}: cannot read it ({error.strerror})") from error
    except UnicodeDecodeError as error:
        raise IngestError(f"{path}: not UTF-8 text ({error.reason})") from error
    if "\x00" in text:
        raise IngestError(f"{path}: binary data, not a text file")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    footnotes: dict[int, str] = {}
    if path.suffix.lower() == ".md":
        text, footnotes = markdown_to_text(text)
    return SourceDocument(text=text, footnotes=footnotes, front_matter=front_matter(text))


def front_matter(text: str) -> str:
    """The lines before the report's content begins (`Summary`, a heading, paragraph 1)."""
    lines: list[str] = []
    for line in text.split("\n"):
        if starts_content(line):
            break
        lines.append(line.strip())
    return "\n".join(lines).strip()


def markdown_to_text(markdown: str) -> tuple[str, dict[int, str]]:
    """The plain text that `markdown` renders, and its footnotes by number."""
    body, definitions = _split_footnotes(markdown)
    numbers: dict[str, int] = {}

    def marker(match: re.Match[str]) -> str:
        label = match["label"]
        if label not in definitions:
            return match[0]
        return str(numbers.setdefault(label, len(numbers) + 1))

    body = _NOTE_REFERENCE.sub(marker, body)
    footnotes = {numbers[label]: _inline(definitions[label]) for label in numbers}
    return _blocks(body), footnotes


def _split_footnotes(markdown: str) -> tuple[str, dict[str, str]]:
    """The text without its footnote definitions, and the definitions by label; a definition
    goes on over the indented lines after it."""
    kept: list[str] = []
    definitions: dict[str, str] = {}
    current: str | None = None
    for line in markdown.split("\n"):
        definition = _NOTE_DEFINITION.match(line)
        if definition is not None:
            current = definition["label"]
            definitions[current] = definition["text"].strip()
        elif current is not None and line[:1] in (" ", "\t") and line.strip():
            definitions[current] = f"{definitions[current]} {line.strip()}"
        else:
            current = None
            kept.append(line)
    return "\n".join(kept), definitions


def _blocks(markdown: str) -> str:
    text = _RULE.sub("", markdown)
    text = _SETEXT_UNDERLINE.sub("", text)
    text = _HEADING.sub(lambda match: match["text"], text)
    text = _QUOTE.sub("", text)
    text = _BULLET.sub(lambda match: f"{match['indent']}• ", text)
    return "\n".join(_inline(line) for line in text.split("\n"))


def _inline(text: str) -> str:
    text = _IMAGE.sub(lambda match: match["alt"], text)
    text = _LINK.sub(lambda match: match["text"], text)
    text = _CODE.sub(lambda match: match["code"], text)
    # Escaped characters are set aside so that `\*` never pairs as emphasis.
    escaped: list[str] = []

    def hold(match: re.Match[str]) -> str:
        escaped.append(match["char"])
        return f"\x00{len(escaped) - 1}\x00"

    text = _ESCAPE.sub(hold, text)
    previous = None
    while previous != text:  # nested emphasis: `***both***`, `**bold _and_ italic**`
        previous, text = text, _EMPHASIS.sub(_emphasised, text)
    return re.sub(r"\x00(\d+)\x00", lambda match: escaped[int(match[1])], text)


def _emphasised(match: re.Match[str]) -> str:
    return match["starred"] if match["starred"] is not None else match["underlined"]
