"""The language a query is written in, among the official languages.

Arabic, Russian and Chinese are told by their script. A query in Latin letters is English,
French or Spanish, which lingua tells apart from the words' letters; a query too short or too
plain to tell (`violence`, `UNICEF`) is in the language the caller expects (the chat's), or in
English when that language is not written in Latin letters. A query without letters (`62/141`)
is in the caller's language.
"""

from __future__ import annotations

import functools
import re

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from index.language.official import ENGLISH, language_by_script

# The share of a query's letters that make its script the language's: a Russian query may
# quote a name in Latin letters.
_SCRIPT_SHARE = 0.5
# How sure lingua must be to overrule the expected language. Misspelt English (`sextorsion`,
# `psychosocial suport`) looks Spanish or French to it at 0.55–0.65; short French and Spanish
# queries (`traite des enfants`, `explotación sexual`) score 0.8 and more (see tests/eval).
MIN_CONFIDENCE = 0.7
_LATIN_SCRIPT = ("en", "fr", "es")
_LINGUA = {
    Language.ARABIC: "ar",
    Language.CHINESE: "zh",
    Language.ENGLISH: "en",
    Language.FRENCH: "fr",
    Language.RUSSIAN: "ru",
    Language.SPANISH: "es",
}
# Acronyms and numbers belong to no language: `UNICEF`, `SDG 16.2`, `62/141`.
_NO_LANGUAGE = re.compile(r"\b(?:[A-Za-z]*\d[A-Za-z\d./-]*|[A-Za-z]*[A-Z]{2,}[A-Za-z]*)\b")


def query_language(text: str, default: str) -> str:
    """The language of `text`, one of the LANGUAGES; `default` when the text does not tell."""
    if not any(char.isalpha() for char in text):
        return default
    latin_default = default if default in _LATIN_SCRIPT else ENGLISH
    words = _NO_LANGUAGE.sub(" ", text)
    letters = "".join(char for char in words if char.isalpha())
    if not letters:
        return latin_default
    by_script = language_by_script(letters, _SCRIPT_SHARE)
    if by_script is not None:
        return by_script
    best = _detector().compute_language_confidence_values(words)[0]
    if best.value < MIN_CONFIDENCE or _LINGUA[best.language] not in _LATIN_SCRIPT:
        return latin_default
    return _LINGUA[best.language]


@functools.cache
def _detector() -> LanguageDetector:
    """Built once, when first needed; lingua loads each language's model when first asked."""
    return LanguageDetectorBuilder.from_languages(*_LINGUA).build()
