"""The search syntax as a reader meets it (issue 16), end to end through the emulator: `-word`
and `NOT word`, `a OR b`, "exact phrases", `prefix*` and brackets, in English, French and
Russian chats; the reply says what was searched in the chat's language, and odd input gets an
answer, never an error.

The index holds the bundled report and the synthetic ones of tests/eval (A/HRC/TEST/1 and 2 in
English, A/HRC/TEST/3 in the six languages), and a report with more words starting `zorb` than a
prefix stands for. Exclusions are checked on the paragraphs as the reader opens them."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.emulator import Emulator
from bot.emulator.html import parse_html
from bot.replies.i18n import texts
from bot.replies.messages import MESSAGE_LIMIT
from bot.replies.render import related_in_meaning
from config.settings import DEFAULT_CATALOGUE
from index import Library, Paragraph, Report, load_catalogue
from tests.bot.chats import Chat
from tests.bot.features.test_inline import ask
from tests.bot.reading import buttons
from tests.bot.test_multilingual import EVAL_CATALOGUE, english_version

# A report with more words starting `zorb` than a prefix stands for (PREFIX_WORDS, 50): each
# ends in two consonants, which no stemmer takes off.
ZORB = "A/HRC/TEST/60"
ZORB_WORDS = [f"zorb{a}{b}" for a, b in itertools.product("bcdfghk", "bcdfghklmn")][:60]


def zorb_report() -> Report:
    paragraphs = tuple(
        Paragraph(symbol=ZORB, number=n, text=" ".join(ZORB_WORDS[n * 10 : n * 10 + 10]) + ".")
        for n in range(6)
    )
    return Report(
        symbol=ZORB,
        title="Test report of made-up words",
        date=dt.date(2019, 1, 1),
        paragraphs=paragraphs,
        paragraph_count=len(paragraphs),
    )


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("syntax")
    reports = [
        *load_catalogue(DEFAULT_CATALOGUE),
        *load_catalogue(EVAL_CATALOGUE),
        *load_catalogue(english_version(folder)),
        zorb_report(),
    ]
    built = Library(folder / "index")
    with built.transaction() as batch:
        for report in reports:
            batch.add(report)
    built.close()
    return folder / "index"


@pytest.fixture
def library(index_dir: Path) -> Iterator[Library]:
    opened = Library(index_dir)
    yield opened
    opened.close()


async def reader(bot: Emulator, language: str) -> Chat:
    """A person in a private chat whose language is set with /lang."""
    user = bot.user(first_name="Reader", language_code="en")
    chat = Chat(bot, bot.private_chat(user), user)
    await chat.send(f"/lang {language}")
    return chat


def says(template: str, line: str) -> bool:
    """Whether `line` is `template` with a count, or a range of them (`1–5`), for `{}`."""
    pattern = re.escape(template).replace(r"\{\}", r"[\d–]+").replace("пункта", r"пункт\w*")
    return re.fullmatch(pattern, line) is not None


def header(reply: dict[str, Any]) -> str:
    return str(reply["text"]).split("\n\n", 1)[0]


def entries(reply: dict[str, Any]) -> list[str]:
    """Each result as shown: its numbered citation line and what follows, up to the next."""
    return re.split(r"\n\n(?=\d+\. )", str(reply["text"]).split("\n\n", 1)[1])


def result_buttons(reply: dict[str, Any]) -> list[str]:
    return [b["callback_data"] for b in buttons(reply) if b.get("callback_data", "")[:2] == "n-"]


async def opened(chat: Chat, reply: dict[str, Any]) -> list[str]:
    """The paragraphs of a page of results as the reader opens them, one button after another:
    each in full, with its citation and section."""
    shown = []
    for data in result_buttons(reply):
        calls = await chat.press(reply, data)
        (edit,) = [call for call in calls if call.method == "editMessageText"]
        shown.append(str(edit.response["result"]["text"]))
    return shown


def by_words(language: str, reply: dict[str, Any], paragraphs: list[str]) -> list[str]:
    """The paragraphs found by their words: not marked as related in meaning alone."""
    mark = related_in_meaning(texts(language))
    return [
        text for entry, text in zip(entries(reply), paragraphs, strict=True) if mark not in entry
    ]


# Exclusions


@pytest.mark.parametrize(
    ("language", "query", "said", "forms"),
    [
        (
            "en",
            "children -trafficking",
            "🔎 {} paragraphs for children, without trafficking",
            "traffick",
        ),
        (
            "en",
            "children NOT trafficking",
            "🔎 {} paragraphs for children, without trafficking",
            "traffick",
        ),
        ("fr", "enfants -traite", "🔎 {} paragraphes pour enfants, sans traite", "traite"),
        (
            "ru",
            "дети NOT торговля",
            "🔎 {} пунктов по запросу дети, исключено: торговля",
            "торговл",
        ),
        (
            "ru",
            "дети -торговля",
            "🔎 {} пунктов по запросу дети, исключено: торговля",
            "торговл",
        ),
    ],
)
async def test_an_excluded_word_leaves_out_every_paragraph_with_a_form_of_it(
    bot: Emulator, language: str, query: str, said: str, forms: str
) -> None:
    chat = await reader(bot, language)
    (reply,) = await chat.send(f"/search {query}")
    assert says(said, header(reply).splitlines()[0])
    paragraphs = await opened(chat, reply)
    assert len(paragraphs) == 5
    # Whichever way it was found (by its words or by meaning).
    for text in paragraphs:
        assert not re.search(forms, text.casefold()), text
    # Without the exclusion, the same words find paragraphs with the word left out.
    (included,) = await chat.send("/search " + query.replace("NOT ", "").replace("-", ""))
    assert any(re.search(forms, text.casefold()) for text in await opened(chat, included))


@pytest.mark.parametrize(
    ("language", "query", "said", "phrase"),
    [
        ("en", 'labour -"child labour"', 'without "child labour"', r"child labour"),
        (
            "fr",
            'enfants -"travail des enfants"',
            'sans "travail des enfants"',
            r"travail des enfants",
        ),
        ("ru", 'детей -"детский труд"', 'исключено: "детский труд"', r"детск\w* труд"),
    ],
)
async def test_an_excluded_phrase_leaves_out_the_phrase_not_its_words(
    bot: Emulator, language: str, query: str, said: str, phrase: str
) -> None:
    chat = await reader(bot, language)
    (reply,) = await chat.send(f"/search {query}")
    assert header(reply).splitlines()[0].endswith(said)
    paragraphs = await opened(chat, reply)
    assert paragraphs
    assert not any(re.search(phrase, text.casefold()) for text in paragraphs)


@pytest.mark.parametrize(
    ("language", "query", "answer"),
    [
        ("en", "-trafficking", "Say what to look for, not only what to leave out, e.g. "),
        ("en", 'NOT "child labour"', "Say what to look for, not only what to leave out, e.g. "),
        ("fr", "-traite", "Dites ce qu’il faut chercher, pas seulement ce qu’il faut écarter"),
        ("ru", "NOT торговля", "Укажите, что искать, а не только что исключить"),
    ],
)
async def test_a_search_that_only_leaves_out_is_told_how_to_say_what_to_look_for(
    bot: Emulator, language: str, query: str, answer: str
) -> None:
    chat = await reader(bot, language)
    (reply,) = await chat.send(f"/search {query}")
    assert reply["text"].startswith(answer)
    assert reply["text"].endswith("/search children -trafficking")


async def test_nothing_found_says_what_was_left_out(bot: Emulator) -> None:
    chat = await reader(bot, "en")
    (reply,) = await chat.send("/search report:A/HRC/58/19 zebra -trafficking")
    assert reply["text"].startswith(
        "No paragraph mentions zebra without mentioning trafficking.\n"
        "Try fewer or broader words, or leave less out, e.g. "
    )
    french = await reader(bot, "fr")
    (reply,) = await french.send("/search report:A/HRC/58/19 zèbre -traite -trafficking")
    assert reply["text"].startswith(
        "Aucun paragraphe ne mentionne zèbre sans mentionner traite ou trafficking."
    )


async def test_exclusions_hold_with_filters(bot: Emulator) -> None:
    chat = await reader(bot, "en")
    (reply,) = await chat.send("/search report:A/HRC/TEST/1 children -trafficking")
    said = "🔎 {} paragraphs for children in A/HRC/TEST/1, without trafficking"
    assert says(said, header(reply).splitlines()[0])
    for text in await opened(chat, reply):
        assert text.startswith("A/HRC/TEST/1, para. ")
        assert "traffick" not in text.casefold()


# Alternatives, phrases, prefixes and brackets


@pytest.mark.parametrize(
    ("language", "query", "said", "options"),
    [
        (
            "en",
            "detention OR floods",
            "🔎 {} paragraphs for detention or floods",
            ("detention", "flood"),
        ),
        (
            "fr",
            "mariage OR inondations",
            "🔎 {} paragraphes pour mariage ou inondations",
            ("mariage", "inondation"),
        ),
        (
            "ru",
            "браки OR наводнения",
            "🔎 {} пункта по запросу браки или наводнения",
            ("брак", "наводнени"),
        ),
    ],
)
async def test_alternatives_find_paragraphs_with_either(
    bot: Emulator, language: str, query: str, said: str, options: tuple[str, str]
) -> None:
    chat = await reader(bot, language)
    (reply,) = await chat.send(f"/search {query}")
    assert says(said, header(reply).splitlines()[0])
    found = [text.casefold() for text in by_words(language, reply, await opened(chat, reply))]
    # Either will do: some have one and not the other, some the other (and some neither, found
    # by a synonym).
    one, other = options
    assert any(one in text and other not in text for text in found)
    assert any(other in text and one not in text for text in found)


@pytest.mark.parametrize(
    ("language", "query", "said", "phrase"),
    [
        ("en", '"child labour"', '"child labour"', r"child labour"),
        ("fr", '"travail des enfants"', '"travail des enfants"', r"travail des enfants"),
        ("ru", '"детские браки"', '"детские браки"', r"детск\w+ брак"),
    ],
)
async def test_a_phrase_in_quotes_finds_the_words_together_first(
    bot: Emulator, language: str, query: str, said: str, phrase: str
) -> None:
    chat = await reader(bot, language)
    (reply,) = await chat.send(f"/search {query}")
    assert header(reply).splitlines()[0].endswith(said)
    paragraphs = await opened(chat, reply)
    assert re.search(phrase, paragraphs[0].casefold())


@pytest.mark.parametrize(
    ("language", "query", "start"),
    [("en", "regist*", "regist"), ("fr", "enregistr*", "enregistr"), ("ru", "регистр*", "регистр")],
)
async def test_a_prefix_finds_the_words_starting_so(
    bot: Emulator, language: str, query: str, start: str
) -> None:
    chat = await reader(bot, language)
    (reply,) = await chat.send(f"/search {query}")
    assert header(reply).splitlines()[0].endswith(f" {query}")
    found = by_words(language, reply, await opened(chat, reply))
    assert found
    assert all(re.search(rf"\b{start}\w*", text.casefold()) for text in found)


async def test_a_prefix_that_stands_for_too_many_words_says_so(bot: Emulator) -> None:
    chat = await reader(bot, "en")
    (reply,) = await chat.send("/search zorb*")
    lines = header(reply).splitlines()
    assert says("🔎 {} paragraphs for zorb*", lines[0])
    assert "zorb* stands for many words: its 50 most frequent were searched." in lines
    french = await reader(bot, "fr")
    (reply,) = await french.send("/search zorb*")
    assert (
        "zorb* désigne beaucoup de mots\u00a0: les 50 plus fréquents ont été cherchés."
        in (reply["text"])
    )


async def test_brackets_group_alternatives_among_other_words(bot: Emulator) -> None:
    chat = await reader(bot, "en")
    (reply,) = await chat.send("/search (detention OR custody) migrant -adult")
    said = "🔎 {} paragraphs for migrant (detention or custody), without adult"
    assert says(said, header(reply).splitlines()[0])
    for text in await opened(chat, reply):
        assert not re.search(r"\badult", text.casefold())
    russian = await reader(bot, "ru")
    (reply,) = await russian.send("/search (браки OR наводнения) девочек -школ")
    assert "по запросу девочек (браки или наводнения), исключено: школ" in header(reply)


async def test_lowercase_or_and_not_are_ordinary_words(bot: Emulator) -> None:
    chat = await reader(bot, "en")
    (reply,) = await chat.send("/search children not trafficking")
    assert "without" not in header(reply)


# Odd input: an answer, in the chat's language, never an error


@pytest.mark.parametrize(
    ("language", "query", "lines"),
    [
        ("en", "NOT", ["There is nothing to search for there", "An OR, NOT or - with no word"]),
        ("en", "OR OR", ["There is nothing to search for there", "An OR, NOT or - with no word"]),
        ("en", "----", ["There is nothing to search for there", "An OR, NOT or - with no word"]),
        ("en", "*", ["There is nothing to search for there", "A * needs at least 3 letters"]),
        ("en", "a*", ["Those words are too short or too common", "A * needs at least 3 letters"]),
        ("en", '"child labour', ['for "child labour"', "A quote was not closed"]),
        ("en", "(detention OR custody", ["for detention or custody", "The brackets did not pair"]),
        ("en", "children)", ["for children", "The brackets did not pair up"]),
        ("fr", "NOT", ["Il n’y a rien à chercher ici", "Un OR, NOT ou - sans mot"]),
        ("fr", "OR OR", ["Il n’y a rien à chercher ici", "Un OR, NOT ou - sans mot"]),
        ("fr", "*", ["Il n’y a rien à chercher ici", "Un * doit suivre au moins 3 lettres"]),
        ("fr", '"travail des enfants', ['pour "travail des enfants"', "Des guillemets n’ont pas"]),
        (
            "fr",
            "(mariage OR inondations",
            ["pour mariage ou inondations", "Les parenthèses ne vont"],
        ),
        ("ru", "NOT", ["Здесь нечего искать", "OR, NOT или - без слова"]),
        ("ru", "----", ["Здесь нечего искать", "OR, NOT или - без слова"]),
        ("ru", "a*", ["Эти слова слишком короткие", "Перед * нужны хотя бы 3 буквы"]),
        ("ru", '"детские браки', ['по запросу "детские браки"', "Кавычки не закрыты"]),
        ("ru", "(браки OR наводнения", ["по запросу браки или наводнения", "Скобки не парные"]),
    ],
)
async def test_odd_syntax_gets_a_sensible_answer(
    bot: Emulator, language: str, query: str, lines: list[str]
) -> None:
    chat = await reader(bot, language)
    (reply,) = await chat.send(f"/search {query}")
    text = reply["text"]
    for line in lines:
        assert line in text, text
    assert "Sorry" not in text


@pytest.mark.parametrize("language", ["en", "fr", "ru"])
async def test_300_alternatives_are_searched_by_the_first_32_and_said_so(
    bot: Emulator, language: str
) -> None:
    chat = await reader(bot, language)
    query = " OR ".join(["detention", *(f"word{n}" for n in range(299))])
    (reply,) = await chat.send(f"/search {query}")
    said = {
        "en": "Only the first 32 terms were searched.",
        "fr": "Seuls les 32 premiers termes ont été cherchés.",
        "ru": "Искались только первые 32 термина.",
    }[language]
    assert said in header(reply).splitlines()
    assert len(reply["text"]) <= MESSAGE_LIMIT
    # The header names some of them, cut short.
    assert len(header(reply).splitlines()[0]) < 200


async def test_a_long_query_with_syntax_is_shown_cut_within_one_message(bot: Emulator) -> None:
    chat = await reader(bot, "en")
    query = "children " + " ".join(f'-"excluded phrase {n}"' for n in range(40))
    (reply,) = await chat.send(f"/search {query}")
    first = header(reply).splitlines()[0]
    assert first.startswith("🔎 ")
    assert first.endswith("or …")
    assert len(first) < 200
    assert "Only the first 32 terms were searched." in header(reply)


# Inline mode: the same search, so the same syntax


async def test_inline_mode_reads_the_syntax_and_its_results_still_read_as_citations(
    bot: Emulator,
) -> None:
    answer = await ask(bot, "children -trafficking")
    offered = answer["results"]
    assert len(offered) == 10
    for result in offered:
        # A citation and its section, a summary of the paragraph's own words: no syntax.
        assert re.match(r"A/HRC/(TEST/\d|58/19), (annex I, )?para\. \d+( — .+)?$", result["title"])
        assert "-trafficking" not in result["title"] + result["description"]
        posted, _ = parse_html(result["input_message_content"]["message_text"])
        assert "traffick" not in posted.casefold()
    either = await ask(bot, "detention OR floods")
    descriptions = [result["description"].casefold() for result in either["results"]]
    assert any("detention" in text for text in descriptions)
    assert any("flood" in text for text in descriptions)
    assert not any(" OR " in result["title"] for result in either["results"])
    phrase = await ask(bot, '"child labour"')
    assert "child labour" in phrase["results"][0]["description"].casefold()


@pytest.mark.parametrize(
    ("language", "query", "button"),
    [
        ("en", "-trafficking", "Type words to look for, e.g. children -trafficking"),
        ("en", "NOT", "Type words to look for, e.g. children -trafficking"),
        ("fr", "-traite", "Tapez des mots à chercher, p. ex. children -trafficking"),
        ("ru", "OR OR", "Введите слова для поиска, напр. children -trafficking"),
    ],
)
async def test_inline_mode_says_on_its_button_to_type_words_to_look_for(
    bot: Emulator, language: str, query: str, button: str
) -> None:
    answer = await ask(bot, query, language=language)
    assert answer["results"] == []
    assert answer["button"] == {"text": button, "start_parameter": "help"}


async def test_help_shows_the_syntax(bot: Emulator) -> None:
    chat = await reader(bot, "ru")
    (reply,) = await chat.send("/help")
    assert "Ищите, как в других поисковых системах (OR и NOT заглавными буквами):" in reply["text"]
    assert "• скобки группируют: /search (detention OR custody) migrant -adult" in reply["text"]
