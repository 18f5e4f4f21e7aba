"""The bot's operators (REPORTBOT_ADMIN_IDS, REPORTBOT_ADMIN_CHAT_ID): /status for them only, and
failures told to their chat, once a minute at most, without anything users wrote."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any

import pytest

from bot.app import build_application, polling
from bot.emulator import Emulator
from bot.services.alerts import failure
from index import Library
from tests.bot.chats import TOKEN, USERNAME, Chat, rejected_calls
from tests.bot.clock import Clock

OPERATORS_ONLY = "Only the bot's operators can do that."
UNEXPECTED = "Bad Request: something the bot has never met"

Serve = Callable[..., AbstractAsyncContextManager[Emulator]]


@pytest.fixture
def serve(emulator: Emulator, library: Library, clock: Clock) -> Serve:
    """Serve with the operators' settings given; afterwards only injected 400s may have been
    refused."""

    @asynccontextmanager
    async def serving(**operators: Any) -> AsyncIterator[Emulator]:
        application = build_application(TOKEN, emulator.base_url, library, clock=clock, **operators)
        async with polling(application, poll_timeout=1):
            yield emulator
        assert rejected_calls(emulator, injected=frozenset({400})) == []

    return serving


def person(emulator: Emulator, name: str, chat: dict[str, Any] | None = None) -> Chat:
    user = emulator.user(first_name=name, language_code="en")
    return Chat(emulator, chat or emulator.private_chat(user), user)


async def handled(chat: Chat, text: str) -> list[str]:
    """Send `text`, then /reports, and return what the bot said before answering /reports:
    a chat's updates are handled in order, so by then `text` has been."""
    emulator = chat.emulator
    before, since = len(emulator.bot_messages(chat.id)), len(emulator.calls)
    emulator.send_message(chat.chat, chat.user, text)
    emulator.send_message(chat.chat, chat.user, "/reports")
    await emulator.wait_for(
        lambda call: (
            call.method == "sendMessage"
            and call.params["chat_id"] == chat.id
            and call.params["text"].startswith("<b>Reports</b>")
        ),
        since=since,
    )
    return [message["text"] for message in emulator.bot_messages(chat.id)[before:-1]]


async def test_status_tells_an_operator_how_the_bot_is(
    emulator: Emulator, serve: Serve, clock: Clock
) -> None:
    operator = person(emulator, "Olu")
    async with serve(operators={operator.user["id"]}):
        clock.advance(3 * 3600)
        (status,) = await handled(operator, "/status")
    assert status.startswith("Status\nReports: 1\nLanguage versions: 1\nParagraphs: 4\n")
    assert "Up for: 3 hours" in status
    assert "failed since the start: 0\nSearches slowed down since the start: 0" in status


async def test_anyone_else_is_told_only_operators_may(emulator: Emulator, serve: Serve) -> None:
    operator, amina = person(emulator, "Olu"), person(emulator, "Amina")
    group = emulator.group_chat(title="Advocates", admins=[amina.user])
    in_group = person(emulator, "Lev", group)
    async with serve(operators={operator.user["id"]}):
        assert await handled(amina, "/status") == [OPERATORS_ONLY]
        # A group's administrator is not the bot's operator.
        assert await handled(Chat(emulator, group, amina.user), f"/status@{USERNAME}") == [
            OPERATORS_ONLY
        ]
        # A bare /status in a group may be another bot's command: not answered.
        assert await handled(in_group, "/status") == []


async def test_without_operators_nobody_gets_the_status(emulator: Emulator, serve: Serve) -> None:
    amina = person(emulator, "Amina")
    async with serve():
        assert await handled(amina, "/status") == [OPERATORS_ONLY]


async def test_a_failure_is_told_to_the_operators_chat_once_a_minute_then_summed_up(
    emulator: Emulator, serve: Serve, clock: Clock
) -> None:
    operator, amina = person(emulator, "Olu"), person(emulator, "Amina")
    async with serve(operators={operator.user["id"]}, operators_chat=operator.id):

        async def fail_once(text: str) -> list[str]:
            """Amina's reply to `text` fails as the bot does not expect; what the operators'
            chat got meanwhile."""
            before = len(emulator.bot_messages(operator.id))
            emulator.fail_next("sendMessage", 400, description=UNEXPECTED, chat_id=amina.id)
            # Amina gets an apology instead of her reply.
            assert await handled(amina, text) == [
                "Sorry, something went wrong on my side. Please try again in a moment."
            ]
            return [m["text"] for m in emulator.bot_messages(operator.id)[before:]]

        assert await fail_once("/help my secret words") == [
            "⚠️ Handling an update failed: BadRequest in help_command."
        ]
        assert await fail_once("/para 3") == []
        clock.advance(59)
        assert await fail_once("/para 3") == []
        clock.advance(1)
        assert await fail_once("/help") == [
            "⚠️ Handling an update failed: BadRequest in help_command.\n"
            "… and 2 more since the last notice: BadRequest in para ×2."
        ]
        (status,) = await handled(operator, "/status")
    assert "Updates that failed since the start: 4" in status
    told = "\n".join(m["text"] for m in emulator.bot_messages(operator.id))
    for private in ("secret", "Amina", str(amina.id), TOKEN.partition(":")[2]):
        assert private not in told


async def test_a_failure_to_notify_the_operators_is_itself_no_failure(
    emulator: Emulator, serve: Serve, caplog: pytest.LogCaptureFixture
) -> None:
    operator, amina = person(emulator, "Olu"), person(emulator, "Amina")
    async with serve(operators_chat=operator.id):
        emulator.fail_next("sendMessage", 400, description=UNEXPECTED, chat_id=amina.id)
        emulator.fail_next("sendMessage", 400, description=UNEXPECTED, chat_id=operator.id)
        assert len(await handled(amina, "/help")) == 1
        assert await handled(amina, "/help") != []
    assert "could not notify the operators' chat (BadRequest)" in caplog.text
    assert emulator.bot_messages(operator.id) == []


def test_a_failure_outside_the_bots_code_is_named_by_its_type_alone() -> None:
    def search_handler() -> None:
        raise ValueError("the words someone searched for")

    with pytest.raises(ValueError, match="searched") as raised:
        search_handler()
    assert failure(raised.value) == "ValueError"
