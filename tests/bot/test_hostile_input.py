"""Hostile and odd input (issue 7): whatever a user sends, the bot answers and never breaks.

Property-based tests with Hypothesis, through the emulator: the real bot, the real index. For
every generated input:

* no unhandled exception: the error handler's "Sorry, something went wrong" was not sent and
  nothing was logged at ERROR;
* no call Telegram would reject (checked per example, and again by the `bot` fixture);
* a reply where one is due: a private message or a command gets one reply (a paragraph too long
  for one message may come in parts), a button press its answerCallbackQuery, an inline query its
  answerInlineQuery.

How it runs. pytest-asyncio (1.5, asyncio_mode=auto) runs an `async def` test under `@given` by
running each example's coroutine on the test's event loop, the loop the function-scoped `bot`
fixture's emulator and polling application live on. So one emulator and one bot serve all the
examples of a test: hence `HealthCheck.function_scoped_fixture` is suppressed (sharing them is the
point, and examples leave nothing behind that another example relies on).

Knowing when the bot is done with an input. The bot handles a chat's updates one at a time, in
order, and a person's inline queries in turn with their private chat. After each input a sentinel
button press in that chat follows; once the sentinel is answered, every call the bot made for the
input lies between the input and that answer, and nothing more can come of it.

The budget is fixed for CI: `derandomize=True` (the same examples on every run, no example
database) and a few dozen examples per property; the module runs in well under 20 s.

Strategies: text is any Unicode Telegram can carry. Lone surrogates (category Cs) are left out:
they cannot be encoded as UTF-8, so no JSON update from Telegram can hold one. Messages are never
blank (Telegram clients do not send those) and at most 4096 characters (Telegram's maximum).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.emulator import Emulator
from bot.emulator.state import Call
from bot.replies import render
from bot.replies.i18n import texts
from index import LANGUAGES
from tests.bot.chats import Chat

EXAMPLES = settings(
    max_examples=50,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
MAX_MESSAGE = 4096
MAX_CALLBACK_BYTES = 64
MAX_INLINE_QUERY = 256
SENTINEL = "sentinel: not a button this bot makes"
SORRY = {render.something_went_wrong(texts(language)) for language in LANGUAGES}

# Any Unicode scalar value that UTF-8 can carry: everything but the lone surrogates.
CHARACTERS = st.characters(codec="utf-8")
ODD_PIECES = [
    # Direction marks and overrides, zero-width and invisible characters, a BOM.
    "\u200e",
    "\u200f",
    "\u202e",
    "\u2066",
    "\u2069",
    "\u200b",
    "\u200d",
    "\u2060",
    "\ufeff",
    "\u00ad",
    # Control characters, combining marks, a non-BMP letter and emoji (two UTF-16 units).
    "\x00",
    "\x07",
    "\x1b[31m",
    "\r\n",
    "\t",
    "\x7f",
    "e\u0301",
    "\u0336",
    "𝔘𝔑",
    "👩‍👩‍👧",
    "🇺🇳",
    "‼️",
    # Scripts of the six official languages.
    "حقوق الطفل",
    "права ребёнка",
    "儿童权利",
    "droits de l'enfant",
    "derechos del niño",
    # Whoosh query syntax.
    "AND",
    "OR",
    "NOT",
    "ANDNOT",
    "*",
    "?",
    "te*",
    "traffick?ng",
    '"',
    '"child labour"',
    "(",
    ")",
    "[a TO z]",
    "{1 TO}",
    "text:",
    "symbol:A/HRC/58/19",
    "lang:ru",
    # Our own search syntax (issue 16), and its full-width and typographic forms.
    "-",
    "----",
    "-trafficking",
    '-"child labour"',
    "traf*",
    "a*",
    "（",
    "）",
    "－",
    "＊",
    "«",
    "»",
    "“",
    "「",
    "~2",
    "^3",
    "\\",
    "'",
    # HTML and Markdown fragments.
    "<b>",
    "</i>",
    "<a href='javascript:x'>",
    "&amp;",
    "&#0;",
    "&lt;",
    "<tg-spoiler>",
    "*bold*",
    "_it_",
    "`code`",
    "```",
    "[x](http://e.com)",
    "~~s~~",
    "||s||",
    # Words the index knows, so that some inputs find paragraphs.
    "trafficking",
    "children",
    "exploitation",
    "A/HRC/58/19",
    "annex",
    "I",
    "3",
    "0",
    "-1",
    "999999",
    "٣",
    "3.",
    "@reportbot_test_bot",
    "/search",
]


def _pieces(max_pieces: int) -> st.SearchStrategy[str]:
    piece = st.sampled_from(ODD_PIECES) | st.text(CHARACTERS, min_size=1, max_size=6)
    return st.lists(piece, min_size=1, max_size=max_pieces).map(" ".join) | st.lists(
        piece, min_size=1, max_size=max_pieces
    ).map("".join)


def _long(max_length: int) -> st.SearchStrategy[str]:
    """A text up to `max_length` characters: a piece repeated to a length."""

    def repeated(piece: str, length: int) -> str:
        return (piece * (length // len(piece) + 1))[:length]

    return st.builds(repeated, _pieces(4), st.integers(100, max_length))


def _sendable(text: str) -> bool:
    return bool(text.strip()) and len(text.encode("utf-16-le")) // 2 <= MAX_MESSAGE


MESSAGES = (
    _pieces(12) | st.text(CHARACTERS, min_size=1, max_size=200) | _long(MAX_MESSAGE)
).filter(_sendable)
COMMANDS = ["search", "para", "cite", "report", "lang", "start", "help", "reports", "settings"]
COMMAND_MESSAGES = st.builds(
    lambda command, mention, separator, arguments: f"/{command}{mention}{separator}{arguments}",
    st.sampled_from(COMMANDS),
    st.sampled_from(["", "@reportbot_test_bot", "@REPORTBOT_TEST_BOT"]),
    st.sampled_from([" ", "  ", "\n", "\t", " \u200f"]),
    _pieces(6) | st.text(CHARACTERS, max_size=80) | _long(MAX_MESSAGE - 30),
).filter(_sendable)


def _fits_callback(data: str) -> bool:
    return 1 <= len(data.encode()) <= MAX_CALLBACK_BYTES


# Callback data a button of this bot, or of an older or a forged one, could carry: arbitrary
# bytes, and data that almost parses as a paragraph address or a results page.
CALLBACK_DATA = (
    st.text(CHARACTERS, min_size=1, max_size=MAX_CALLBACK_BYTES)
    | st.from_regex(
        r"\A[oncs]-[A-Za-z0-9_]{0,40}(-[A-Z0-9]{1,6})?-[0-9]{1,7}(-[a-z]{2})?"
        r"(~[0-9a-f]{8}\.[0-9]{1,3})?\Z"
    )
    | st.from_regex(r"\A[oncs]-(A_HRC_58_19|[A-Z_0-9]{1,12})(-[A-Z]{1,3})?-[0-9]{1,4}\Z")
    | st.from_regex(r"\As-[0-9a-f]{8}-[0-9]{1,3}\Z")
).filter(_fits_callback)
INLINE_QUERIES = (_pieces(8) | st.text(CHARACTERS, max_size=MAX_INLINE_QUERY)).map(
    lambda query: query[:MAX_INLINE_QUERY]
)
INLINE_OFFSETS = st.sampled_from(
    ["", "0", "10", "40", "49", "50", "99", "٣", "-1", "1e3"]
) | st.text(CHARACTERS, max_size=64)


@dataclass
class Exchange:
    """What the bot did about one input: its calls, and what it logged at ERROR."""

    calls: list[Call]
    errors: list[logging.LogRecord]

    def sent(self, method: str) -> list[Call]:
        return [call for call in self.calls if call.method == method]

    def replies(self) -> list[Call]:
        """New messages and edits: what the user sees."""
        return [c for c in self.calls if c.method in ("sendMessage", "editMessageText")]


@dataclass
class User:
    """A person in a private chat with the bot, with a bot message to press buttons on."""

    chat: Chat
    anchor: dict[str, Any]
    caplog: pytest.LogCaptureFixture

    @property
    def emulator(self) -> Emulator:
        return self.chat.emulator

    async def act(self, action: Callable[[], object]) -> Exchange:
        """Do `action`, then press the sentinel button; the bot's calls in between."""
        since, logged = len(self.emulator.calls), len(self.caplog.records)
        action()
        update = self.emulator.press_button(self.anchor, SENTINEL, self.chat.user)
        sentinel = update["callback_query"]["id"]
        answer = await self.emulator.wait_for(
            lambda call: (
                call.method == "answerCallbackQuery"
                and call.params.get("callback_query_id") == sentinel
            ),
            since=since,
        )
        calls = list(self.emulator.calls[since:])
        calls = calls[: next(i for i, call in enumerate(calls) if call is answer)]
        errors = [r for r in self.caplog.records[logged:] if r.levelno >= logging.ERROR]
        exchange = Exchange([c for c in calls if c.method != "getUpdates"], errors)
        assert_unbroken(exchange)
        return exchange

    async def send(self, text: str) -> Exchange:
        return await self.act(
            lambda: self.emulator.send_message(self.chat.chat, self.chat.user, text)
        )

    async def press(self, data: str) -> tuple[Exchange, str]:
        pressed: list[str] = []

        def press() -> None:
            update = self.emulator.press_button(self.anchor, data, self.chat.user)
            pressed.append(update["callback_query"]["id"])

        return await self.act(press), pressed[0]

    async def inline(self, query: str, offset: str) -> tuple[Exchange, str]:
        asked: list[str] = []

        def ask() -> None:
            update = self.emulator.inline_query(self.chat.user, query, offset)
            asked.append(update["inline_query"]["id"])

        return await self.act(ask), asked[0]


def assert_unbroken(exchange: Exchange) -> None:
    """No exception reached the error handler, and Telegram accepted every call."""
    assert [(c.method, c.response) for c in exchange.calls if not c.ok] == []
    assert [r.getMessage() for r in exchange.errors] == []
    assert [c for c in exchange.sent("sendMessage") if c.params.get("text") in SORRY] == []


def text_of(call: Call) -> str:
    return str(call.params.get("text", ""))


@pytest.fixture
async def user(private: Chat, caplog: pytest.LogCaptureFixture) -> User:
    caplog.set_level(logging.WARNING)
    (anchor,) = await private.send("/help")
    return User(private, anchor, caplog)


@pytest.fixture(autouse=True)
def _no_leftover_errors(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    yield
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []


# Messages


@EXAMPLES
@given(text=MESSAGES.filter(lambda text: not text.startswith("/")))
async def test_any_private_text_is_searched_and_answered_once(user: User, text: str) -> None:
    exchange = await user.send(text)
    (reply,) = exchange.replies()
    assert reply.method == "sendMessage"
    assert text_of(reply).strip()


@EXAMPLES
@given(text=COMMAND_MESSAGES)
async def test_any_command_with_any_arguments_is_answered(user: User, text: str) -> None:
    exchange = await user.send(text)
    replies = exchange.replies()
    assert replies, f"no reply to {text!r}"
    assert all(reply.method == "sendMessage" for reply in replies)
    if len(replies) > 1:
        # Only a paragraph too long for one message comes in parts.
        assert text.split(maxsplit=1)[0].split("@")[0] in ("/para", "/start")


@EXAMPLES
@given(payload=CALLBACK_DATA | st.from_regex(r"\A[A-Za-z0-9_-]{1,64}\Z"))
async def test_any_start_payload_opens_a_paragraph_or_explains(user: User, payload: str) -> None:
    exchange = await user.send(f"/start {payload}")
    assert exchange.replies()


# Buttons


@EXAMPLES
@given(data=CALLBACK_DATA)
async def test_any_callback_data_is_answered(user: User, data: str) -> None:
    exchange, query_id = await user.press(data)
    answers = [
        call
        for call in exchange.sent("answerCallbackQuery")
        if call.params.get("callback_query_id") == query_id
    ]
    assert len(answers) == 1


# Inline mode


@EXAMPLES
@given(query=INLINE_QUERIES, offset=INLINE_OFFSETS)
async def test_any_inline_query_and_offset_is_answered(user: User, query: str, offset: str) -> None:
    exchange, query_id = await user.inline(query, offset)
    answers = [
        call
        for call in exchange.sent("answerInlineQuery")
        if call.params.get("inline_query_id") == query_id
    ]
    assert len(answers) == 1
    assert exchange.replies() == []


# Regressions found by the properties above


LONG_SYMBOL = "x/" * 2040


@pytest.mark.parametrize(
    "text",
    [
        # Found by test_any_command_with_any_arguments_is_answered: the unknown symbol was echoed
        # whole, and the reply was over 4096 characters ("Message is too long").
        "/report " + "x" * 4088,
        "/para " + LONG_SYMBOL,
        "/cite " + LONG_SYMBOL,
        "/search report:" + LONG_SYMBOL,
    ],
    ids=["report", "para", "cite", "search-filter"],
)
async def test_an_unknown_report_of_any_length_is_named_shortened(user: User, text: str) -> None:
    (reply,) = (await user.send(text)).replies()
    assert "x" * 40 not in text_of(reply)
    assert "/reports" in text_of(reply)
