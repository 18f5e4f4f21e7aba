"""Left-to-right pieces inside right-to-left messages: citations, commands and code kept whole.

Within Arabic text the Unicode bidirectional algorithm reorders the neutral characters at the
edges of a Latin run: the slash of `/search` or the full stop after `A/HRC/58/19, para. 3` drifts
to the wrong end, and `/para 3` can come out as `3 /para`. First-strong isolates (U+2068 …
U+2069) around each such piece lay it out on its own, in its own direction. They go around a
`<code>` element, never inside it: Telegram copies code on a tap, and a copied command must still
be a command.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

FSI = "\u2068"
PDI = "\u2069"
# What a template holds besides running text: a whole code element, a tag, a placeholder.
_PIECES = re.compile(r"(<code>.*?</code>|<[^>]*>|\{\w+\})", re.DOTALL)
# A Latin phrase in running text: `/para 3`, `/report A/HRC/58/19`, `annex I`; it ends on a
# letter or digit, so that punctuation after it stays with the sentence around it.
_LATIN = re.compile(
    r"(?<![A-Za-z0-9_])/?[A-Za-z][A-Za-z0-9_]*(?:(?:[/\-]|[.,:]? )/?[A-Za-z0-9_]+)*"
)


def isolate(text: str) -> str:
    return f"{FSI}{text}{PDI}"


def _left_to_right(text: str) -> bool:
    """Whether `text` has a letter written left to right (markup's own letters count too, which
    is harmless: an isolate takes its direction from the first letter it shows)."""
    return any(unicodedata.bidirectional(char) == "L" for char in text)


def format_isolated(template: str, values: Mapping[str, object]) -> str:
    """`template.format(**values)` for a right-to-left language, with every Latin phrase, every
    value with Latin letters and every code element isolated. Templates never put a placeholder
    inside a tag."""
    pieces = []
    for index, piece in enumerate(_PIECES.split(template)):
        if index % 2 == 0:
            pieces.append(_LATIN.sub(lambda phrase: isolate(phrase[0]), piece))
        elif piece.startswith("<code>"):
            pieces.append(isolate(piece.format(**values)))
        elif piece.startswith("{"):
            value = str(values[piece[1:-1]])
            pieces.append(isolate(value) if _left_to_right(value) else value)
        else:
            pieces.append(piece)
    return "".join(pieces)
