"""The catalogues: complete, in step with the code, placeholders and markup intact; languages."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

from bot.emulator.html import parse_html
from bot.replies.i18n import LOCALES, catalogue_path, language_of, texts
from index import ENGLISH, LANGUAGES

TRANSLATED = [language for language in LANGUAGES if language != ENGLISH]
PLURAL_FORMS = {"ar": 6, "ru": 3, "zh": 1}
_PLACEHOLDER = re.compile(r"\{(\w*)\}")
_TAG = re.compile(r"</?\w+>")


def catalogue(language: str) -> Catalog:
    with catalogue_path(language).open("rb") as po:
        return read_po(po, locale=language)


def messages(language: str) -> Iterator[Message]:
    return (message for message in catalogue(language) if message.id)


def extracted() -> set[str]:
    """The message ids in the code, found as `make translations` finds them."""
    bot = LOCALES.parent
    found = extract_from_dir(bot, [("**.py", "python")], keywords=DEFAULT_KEYWORDS)
    return {message if isinstance(message, str) else message[0] for *_, message, _, _ in found}


def ids(language: str) -> set[str]:
    return {m.id if isinstance(m.id, str) else m.id[0] for m in messages(language)}


def forms(message: Message) -> list[str]:
    """The translation, or its plural forms."""
    string = message.string
    return [string] if isinstance(string, str) else list(string or ())


def placeholders(text: str) -> set[str]:
    return set(_PLACEHOLDER.findall(text))


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_catalogue_has_every_message_of_the_code_and_no_other(language: str) -> None:
    assert ids(language) == extracted()


def test_the_template_is_in_step_with_the_code() -> None:
    with (LOCALES / "bot.pot").open("rb") as pot:
        template = read_po(pot)
    assert {m.id if isinstance(m.id, str) else m.id[0] for m in template if m.id} == extracted()


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_message_is_translated_and_none_is_fuzzy(language: str) -> None:
    for message in messages(language):
        assert not message.fuzzy, message.id
        assert all(form.strip() for form in forms(message)), message.id


@pytest.mark.parametrize("language", TRANSLATED)
def test_plural_messages_have_every_form_of_the_language(language: str) -> None:
    found = catalogue(language)
    expected = PLURAL_FORMS.get(language, get_plural(language).num_plurals)
    assert found.num_plurals == expected
    plural = [message for message in messages(language) if message.pluralizable]
    assert plural
    for message in plural:
        assert len(forms(message)) == expected, message.id
    assert [error for _, errors in found.check() for error in errors] == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_placeholders_match_between_message_and_translation(language: str) -> None:
    for message in messages(language):
        if isinstance(message.id, str):
            (translation,) = forms(message)
            assert placeholders(translation) == placeholders(message.id), message.id
            continue
        wanted = placeholders(message.id[1])
        for form in forms(message):
            # A form for one number may spell it out ("فقرتان": two paragraphs).
            assert wanted - {"count"} <= placeholders(form) <= wanted, (message.id, form)


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_keep_the_markup_of_their_message(language: str) -> None:
    for message in messages(language):
        source = message.id if isinstance(message.id, str) else message.id[1]
        for form in forms(message):
            assert sorted(_TAG.findall(form)) == sorted(_TAG.findall(source)), form
            filled = form.format(**{name: "x" for name in placeholders(form)})
            parse_html(filled)


@pytest.mark.parametrize(
    ("chosen", "telegram", "expected"),
    [
        (None, "ru", "ru"),
        (None, "ru-RU", "ru"),
        (None, "zh-hans", "zh"),
        (None, "zh-CN", "zh"),
        (None, "ar", "ar"),
        (None, "FR", "fr"),
        (None, "es-419", "es"),
        (None, "pt-br", "en"),
        (None, "de", "en"),
        (None, None, "en"),
        ("fr", "ru", "fr"),
        ("xx", "ru", "ru"),
    ],
)
def test_the_language_is_the_chats_choice_else_the_users_app(
    chosen: str | None, telegram: str | None, expected: str
) -> None:
    assert language_of(chosen, telegram) == expected


@pytest.mark.parametrize(
    ("language", "counts"),
    [
        ("ru", {1: "1 пункт", 3: "3 пункта", 5: "5 пунктов", 21: "21 пункт", 12: "12 пунктов"}),
        ("ar", {1: "فقرة واحدة", 2: "فقرتان", 3: "3 فقرات", 11: "11 فقرة", 100: "100 فقرة"}),
        ("zh", {1: "共 1 段", 7: "共 7 段"}),
        ("fr", {1: "1 paragraphe", 2: "2 paragraphes"}),
        ("en", {1: "1 paragraph", 2: "2 paragraphs"}),
    ],
)
def test_a_number_takes_its_plural_form(language: str, counts: dict[int, str]) -> None:
    t = texts(language)
    for count, expected in counts.items():
        line = t.ngettext(
            "• <b>{symbol}</b>{year} — {title}, {count} paragraph",
            "• <b>{symbol}</b>{year} — {title}, {count} paragraphs",
            count,
            symbol="S",
            year="",
            title="T",
            count=count,
        )
        assert line.endswith(expected), line


def test_catalogues_are_compiled_once() -> None:
    assert texts("ar") is texts("ar")
    assert texts("ru").gettext("Cite") == "Цитировать"


def test_only_the_six_languages_have_texts() -> None:
    with pytest.raises(ValueError, match="ar, zh, en, fr, ru, es"):
        texts("de")
