"""Joining a wrapped line to the next, undoing the hyphen a line break put in a word.

A line ending in a hyphen glued to a word joins the next line without a space. The hyphen is a
soft break, and goes, when the next line starts with a lowercase letter, the letters before the
hyphen (`protec`) are at least two and lowercase after a possible capital, and, checked in order:

1. the word without the hyphen (`protection`) appears elsewhere in the document: soft;
2. the word with the hyphen (`multi-stakeholder`) appears elsewhere in the document: kept;
3. the letters before the hyphen are a prefix that UN English hyphenates (`multi`, `low`): kept;
4. otherwise: soft.

So a capital or a digit after the hyphen (`Inter-` / `Agency`, `COVID-` / `19`) or capitals
before it (`UN-` / `led`) keep it: a line break does not split a word there.

Chinese puts no spaces between words, nor around the numbers and Latin words among them, so a
line ending or starting in Chinese joins the other without one.
"""

from __future__ import annotations

import re
from itertools import pairwise

# Prefixes that United Nations English joins with a hyphen (`multi-stakeholder`, `non-State`,
# `child-sensitive`, `low-risk`), and the tens of compound numbers (`seventy-ninth session`).
# Prefixes it writes closed (`co`, `pre`, `sub`, `inter`: `cooperation`, `subregional`,
# `international`) are left out, so those break as soft hyphens.
COMPOUND_PREFIXES = frozenset(
    {
        "anti",
        "child",
        "cross",
        "gender",
        "high",
        "long",
        "low",
        "mid",
        "multi",
        "non",
        "post",
        "self",
        "semi",
        "short",
        "socio",
        "well",
        *("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"),
    }
)

_LETTERS = re.compile(r"[^\W\d_]+")
_COMPOUND = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")
_LAST_LETTERS = re.compile(r"[^\W\d_]+(?=-$)")
# Hyphenation leaves at least two letters on a line: `e-` / `learning` is a compound.
_MIN_FRAGMENT = 2
# Han characters and the full-width punctuation set among them.
_CHINESE = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")


class LineJoiner:
    """Joins wrapped lines, knowing the words of the whole document to tell soft hyphens."""

    def __init__(self, document_text: str) -> None:
        text = document_text.lower()
        words = set(_LETTERS.findall(text))
        for compound in _COMPOUND.findall(text):
            parts = compound.split("-")
            words.update(f"{left}-{right}" for left, right in pairwise(parts))
        self._words = frozenset(words)

    def join(self, before: str, after: str) -> str:
        """`before` and the line after it as one line."""
        if not before:
            return after
        if _CHINESE.match(before[-1]) or _CHINESE.match(after[:1]):
            return f"{before}{after}"
        if not (before.endswith("-") and before[-2:-1].isalnum() and after[:1].isalnum()):
            return f"{before} {after}"
        if self._is_soft_hyphen(before, after):
            return f"{before[:-1]}{after}"
        return f"{before}{after}"

    def _is_soft_hyphen(self, before: str, after: str) -> bool:
        head_match = _LAST_LETTERS.search(before)
        tail_match = _LETTERS.match(after)
        if head_match is None or tail_match is None:
            return False
        head, tail = head_match.group(), tail_match.group()
        if len(head) < _MIN_FRAGMENT or not tail[0].islower() or not head[1:].islower():
            return False
        head, tail = head.lower(), tail.lower()
        if f"{head}{tail}" in self._words:
            return True
        if f"{head}-{tail}" in self._words:
            return False
        return head not in COMPOUND_PREFIXES
