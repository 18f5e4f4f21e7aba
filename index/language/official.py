"""The six official languages of the United Nations, by the codes its documents use."""

from __future__ import annotations

import unicodedata

# In the UN's own order (English names, alphabetically), which is how listings show them.
LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")
ENGLISH = "en"


def official_language(code: str | None) -> str | None:
    """The official language a language tag names (`fr`, `FR`, `zh-Hans`, `en_GB`), or None."""
    if not code:
        return None
    primary = code.replace("_", "-").split("-", 1)[0].casefold()
    return primary if primary in LANGUAGES else None


def check_language(code: str) -> None:
    """A ValueError naming the LANGUAGES unless `code` is one of them."""
    if code not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {code!r}")


# Scripts that each belong to one official language, by the word Unicode names them with.
_SCRIPTS = (("ar", "ARABIC"), ("ru", "CYRILLIC"), ("zh", "CJK"))


def language_by_script(letters: str, share: float) -> str | None:
    """`ar`, `ru` or `zh` when more than `share` of `letters` are in that language's script."""
    if not letters:
        return None
    for lang, script in _SCRIPTS:
        if sum(script in unicodedata.name(char, "") for char in letters) / len(letters) > share:
            return lang
    return None
