"""The bot's own words in the six official languages of the UN, from gettext catalogues.

English is the source language: its messages are the message ids in the code. The others are
`bot/locales/<lang>/LC_MESSAGES/bot.po`, compiled in memory the first time a language is needed
(so the repository holds no binary `.mo` files) and kept for the life of the process. Messages
use `{name}` placeholders; `language_of` picks the language a reply is written in.
"""

from __future__ import annotations

import functools
import gettext
from collections.abc import Sequence
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Literal

from babel.lists import format_list
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from bot.replies.bidi import format_isolated, isolate
from index import ENGLISH, LANGUAGES, official_language

LOCALES = Path(__file__).parents[1] / "locales"
DOMAIN = "bot"
# Each language by its own name, as a reader of it looks for it in a list.
NAMES = {
    "ar": "العربية",
    "zh": "中文",
    "en": "English",
    "fr": "Français",
    "ru": "Русский",
    "es": "Español",
}
RIGHT_TO_LEFT = frozenset({"ar"})


def N_(message: str) -> str:
    """Marks a message for extraction where it is defined; it is translated where it is shown."""
    return message


def catalogue_path(language: str) -> Path:
    return LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@dataclass(frozen=True)
class Texts:
    """The bot's words in one language."""

    language: str
    translations: gettext.NullTranslations

    @property
    def right_to_left(self) -> bool:
        return self.language in RIGHT_TO_LEFT

    def gettext(self, message: str, /, **values: object) -> str:
        return self._format(self.translations.gettext(message), values)

    def ngettext(self, singular: str, plural: str, n: int, /, **values: object) -> str:
        """The form for the number `n`; `values` fill the placeholders, `{count}` among them."""
        return self._format(self.translations.ngettext(singular, plural, n), values)

    def join(self, items: Sequence[str]) -> str:
        """`a, b and c` the language's way; in a right-to-left one the items of a list are
        isolated, so that Latin items keep the list's order."""
        return self._list(items, "standard")

    def join_or(self, items: Sequence[str]) -> str:
        """`a, b or c` the language's way (CLDR's), isolated as `join`'s."""
        return self._list(items, "or")

    def _list(self, items: Sequence[str], style: Literal["standard", "or"]) -> str:
        several = self.right_to_left and len(items) > 1
        return format_list(
            [isolate(item) for item in items] if several else items,
            style=style,
            locale=self.language,
        )

    def _format(self, template: str, values: dict[str, object]) -> str:
        if self.right_to_left:
            return format_isolated(template, values)
        return template.format(**values)


@functools.cache
def texts(language: str) -> Texts:
    """One of LANGUAGES' texts, compiled from its catalogue on first use."""
    if language not in LANGUAGES:
        raise ValueError(f"no catalogue for {language!r}: the bot speaks {', '.join(LANGUAGES)}")
    if language == ENGLISH:
        return Texts(language, gettext.NullTranslations())
    with catalogue_path(language).open("rb") as po:
        catalogue = read_po(po, locale=language, domain=DOMAIN)
    compiled = BytesIO()
    # Fuzzy entries are left out, as msgfmt leaves them out: a guess is not a translation.
    write_mo(compiled, catalogue, use_fuzzy=False)
    compiled.seek(0)
    return Texts(language, gettext.GNUTranslations(compiled))


def language_of(chosen: str | None, telegram_code: str | None) -> str:
    """The chat's choice if it made one; else the one of the six that the user's Telegram app is
    set to (`ru-RU` and `zh-hans` count as `ru` and `zh`); else English."""
    if chosen in LANGUAGES:
        return chosen
    return official_language(telegram_code) or ENGLISH
