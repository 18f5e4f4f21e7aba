"""Telegram's HTML parse mode, parsed strictly, into plain text and MessageEntity dicts.

It follows the Bot API server's parser (tdlib's `parse_html`): its tags, attribute syntax, error
messages and byte offsets (into the UTF-8 text). Where the documentation sets a rule that the
server does not enforce, this parser enforces it, so that a message accepted here is accepted by
Telegram too:

- a bare `&` that does not start `&lt;`, `&gt;`, `&amp;`, `&quot;`, `&#NN;` or `&#xHH;`, and a
  bare `>`, are errors (Telegram keeps them as text); the `;` is required;
- `<a>` needs a non-empty `href` (Telegram would use the link's text as its URL).

Entity offsets and lengths are in UTF-16 code units, as in the Bot API.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

_SPACE = b" \t\r\n\v\f\0"
_SPECIAL = re.compile(rb"[<>&]")
_NAMED_ENTITIES = {b"lt": "<", b"gt": ">", b"amp": "&", b"quot": '"'}
_ENTITY = re.compile(rb"&(?:#x([0-9a-fA-F]+)|#([0-9]+)|([a-zA-Z]+));")
_ENTITY_LIKE = re.compile(rb"&#?\w+;")
_NAME_TOKEN = re.compile(rb"[A-Za-z0-9.-]*")
_SIMPLE_TAGS = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
}
_TAGS = frozenset(_SIMPLE_TAGS) | {"a", "code", "pre", "blockquote", "tg-emoji"}
# Among entities sharing a range, Telegram lists them in this order (tdlib's type priorities).
_PRIORITY = {
    "blockquote": 0,
    "expandable_blockquote": 0,
    "pre": 11,
    "code": 20,
    "text_link": 49,
    "bold": 90,
    "italic": 91,
    "underline": 92,
    "strikethrough": 93,
    "spoiler": 94,
    "custom_emoji": 99,
}


class HtmlError(Exception):
    """Why Telegram cannot parse the text; str() is the text after "can't parse entities: "."""


def _error(reason: str, offset: int, detail: str = "") -> HtmlError:
    return HtmlError(f"{reason} at byte offset {offset}{detail}")


@dataclass
class _OpenTag:
    name: str
    argument: str
    offset: int


@dataclass
class _Entity:
    type: str
    offset: int
    length: int
    argument: str = ""

    def as_dict(self) -> dict[str, Any]:
        entity: dict[str, Any] = {"type": self.type, "offset": self.offset, "length": self.length}
        if self.type == "text_link":
            entity["url"] = self.argument
        elif self.type == "custom_emoji":
            entity["custom_emoji_id"] = self.argument
        elif self.type == "pre" and self.argument:
            entity["language"] = self.argument
        return entity


def _utf16_units(data: bytes) -> int:
    # A UTF-8 lead byte starts one code unit, or two for a 4-byte (astral) character.
    return sum(1 + (byte >= 0xF0) for byte in data if byte & 0xC0 != 0x80)


def _decode_entity(data: bytes, pos: int) -> tuple[str, int] | None:
    """The character a supported HTML entity at `pos` stands for, and where it ends."""
    match = _ENTITY.match(data, pos)
    if match is None:
        return None
    hex_digits, digits, name = match.groups()
    if name is not None:
        char = _NAMED_ENTITIES.get(name)
        return None if char is None else (char, match.end())
    code = int(hex_digits, 16) if hex_digits is not None else int(digits)
    if code == 0 or code >= 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return None
    return chr(code), match.end()


def _decode_attribute(data: bytes) -> str:
    # Inside attribute values Telegram keeps an unsupported entity as it is, and so do we.
    out = bytearray()
    pos = 0
    while (amp := data.find(b"&", pos)) >= 0:
        out += data[pos:amp]
        decoded = _decode_entity(data, amp)
        if decoded is None:
            out += b"&"
            pos = amp + 1
        else:
            out += decoded[0].encode()
            pos = decoded[1]
    out += data[pos:]
    return out.decode()


def _text_link_url(href: str) -> str | None:
    """The URL Telegram stores for an href, or None where it drops the link."""
    if not re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*://", href):
        if not re.match(r"[\w-]+(\.[\w-]+)+(?=[/?#:]|$)", href):
            return None
        href = "http://" + href
    parts = urlsplit(href)
    scheme = parts.scheme.lower()
    if scheme in ("tg", "ton"):
        return href
    if scheme not in ("http", "https") or not parts.netloc:
        return None
    return urlunsplit(parts._replace(scheme=scheme, path=parts.path or "/"))


class _Parser:
    def __init__(self, text: str) -> None:
        self.data = text.encode()
        self.out = bytearray()
        self.utf16 = 0
        self.open: list[_OpenTag] = []
        self.entities: list[_Entity] = []

    def parse(self) -> tuple[str, list[dict[str, Any]]]:
        data = self.data
        pos = 0
        while (match := _SPECIAL.search(data, pos)) is not None:
            self._append(data[pos : match.start()])
            pos = match.start()
            if data[pos] == ord("&"):
                decoded = _decode_entity(data, pos)
                if decoded is None:
                    raise self._bad_ampersand(pos)
                self._append(decoded[0].encode())
                pos = decoded[1]
            elif data[pos] == ord(">"):
                raise _error('Unescaped ">" (write "&gt;")', pos)
            elif data[pos + 1 : pos + 2] == b"/":
                pos = self._end_tag(pos)
            else:
                pos = self._start_tag(pos)
        self._append(data[pos:])
        if self.open:
            name = self.open[-1].name
            raise HtmlError(f'Can\'t find end tag corresponding to start tag "{name}"')
        self.entities.sort(key=lambda e: (e.offset, -e.length, _PRIORITY[e.type]))
        return self.out.decode(), [entity.as_dict() for entity in self.entities]

    def _bad_ampersand(self, pos: int) -> HtmlError:
        if (entity := _ENTITY_LIKE.match(self.data, pos)) is not None:
            return _error(f'Unsupported HTML entity "{entity.group().decode()}"', pos)
        return _error('Unescaped "&" (write "&amp;")', pos)

    def _append(self, chunk: bytes) -> None:
        self.out += chunk
        self.utf16 += _utf16_units(chunk)

    def _skip_spaces(self, pos: int) -> int:
        while pos < len(self.data) and self.data[pos] in _SPACE:
            pos += 1
        return pos

    def _word_end(self, pos: int, stops: bytes) -> int:
        while pos < len(self.data) and self.data[pos] not in _SPACE and self.data[pos] not in stops:
            pos += 1
        return pos

    def _start_tag(self, begin: int) -> int:
        data = self.data
        pos = self._word_end(begin + 1, b">")
        if pos == len(data):
            raise _error("Unclosed start tag", begin)
        name = data[begin + 1 : pos].decode().lower()
        if name not in _TAGS:
            raise _error(f'Unsupported start tag "{name}"', begin)
        attributes: dict[str, str] = {}
        while True:
            pos = self._skip_spaces(pos)
            if pos == len(data):
                raise _error("Unclosed start tag", begin)
            if data[pos] == ord(">"):
                break
            name_end = self._word_end(pos, b"=>")
            attribute = data[pos:name_end].decode().lower()
            if not attribute:
                raise _error(f'Empty attribute name in the tag "{name}"', begin)
            pos = self._skip_spaces(name_end)
            if pos == len(data):
                raise _error("Unclosed start tag", begin)
            if data[pos] != ord("="):
                if (name, attribute) != ("blockquote", "expandable"):
                    raise _error(
                        f'Expected equal sign in declaration of an attribute of the tag "{name}"',
                        begin,
                    )
                attributes[attribute] = ""
                continue
            pos = self._skip_spaces(pos + 1)
            if pos == len(data):
                raise _error("Unclosed start tag", begin)
            if data[pos] in b"\"'":
                close = data.find(data[pos : pos + 1], pos + 1)
                if close < 0:
                    raise _error("Unclosed start tag", begin)
                attributes[attribute] = _decode_attribute(data[pos + 1 : close])
                pos = close + 1
            else:
                token = _NAME_TOKEN.match(data, pos)
                assert token is not None  # the pattern matches the empty string
                if token.end() < len(data) and data[token.end()] not in _SPACE + b">":
                    raise _error("Unexpected end of name token", pos)
                attributes[attribute] = token.group().decode().lower()
                pos = token.end()
        self.open.append(_OpenTag(name, self._argument(name, attributes, begin), self.utf16))
        return pos + 1

    @staticmethod
    def _argument(name: str, attributes: dict[str, str], begin: int) -> str:
        if name == "a":
            if not attributes.get("href"):
                raise _error('Tag "a" must have a non-empty attribute "href"', begin)
            return attributes["href"]
        if name == "code":
            return attributes.get("class", "").partition("language-")[2]
        if name == "span" and attributes.get("class") != "tg-spoiler":
            raise _error('Tag "span" must have class "tg-spoiler"', begin)
        if name == "tg-emoji":
            emoji_id = attributes.get("emoji-id", "")
            if not (emoji_id.isascii() and emoji_id.isdigit()) or int(emoji_id) == 0:
                raise _error("Invalid custom emoji identifier specified", begin)
            return emoji_id
        if name == "blockquote" and "expandable" in attributes:
            return "expandable"
        return ""

    def _end_tag(self, begin: int) -> int:
        data = self.data
        name_end = self._word_end(begin + 2, b">")
        end_name = data[begin + 2 : name_end].decode().lower()
        pos = self._skip_spaces(name_end)
        if pos == len(data) or data[pos] != ord(">"):
            raise _error("Unclosed end tag", begin)
        if not self.open:
            raise _error("Unexpected end tag", begin)
        tag = self.open.pop()
        if end_name and end_name != tag.name:
            detail = f', expected "</{tag.name}>", found "</{end_name}>"'
            raise _error("Unmatched end tag", begin, detail)
        if self.utf16 > tag.offset:
            self._close(tag, self.utf16 - tag.offset)
        return pos + 1

    def _close(self, tag: _OpenTag, length: int) -> None:
        last = self.entities[-1] if self.entities else None
        same_range = last is not None and (last.offset, last.length) == (tag.offset, length)
        if tag.name in _SIMPLE_TAGS:
            self.entities.append(_Entity(_SIMPLE_TAGS[tag.name], tag.offset, length))
        elif tag.name == "a":
            url = _text_link_url(tag.argument)
            if url is not None:
                self.entities.append(_Entity("text_link", tag.offset, length, url))
        elif tag.name == "tg-emoji":
            self.entities.append(_Entity("custom_emoji", tag.offset, length, tag.argument))
        elif tag.name == "blockquote":
            kind = "expandable_blockquote" if tag.argument else "blockquote"
            self.entities.append(_Entity(kind, tag.offset, length))
        # <pre><code class="language-x">…</code></pre>, in either nesting, is one pre entity
        # with a language; the language of a code outside pre is dropped.
        elif tag.name == "pre" and last is not None and same_range and last.type == "code":
            last.type = "pre"
        elif tag.name == "pre":
            self.entities.append(_Entity("pre", tag.offset, length))
        elif last is not None and same_range and last.type == "pre":
            last.argument = tag.argument or last.argument
        else:
            self.entities.append(_Entity("code", tag.offset, length, tag.argument))


def parse_html(text: str) -> tuple[str, list[dict[str, Any]]]:
    """The plain text and its entities; HtmlError where Telegram would not send the message."""
    return _Parser(text).parse()
