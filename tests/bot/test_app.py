"""The application as it starts: its command menu, and the sentence encoder loaded meanwhile."""

from __future__ import annotations

import logging
import threading

import pytest

from bot.app import build_application, loading_meaning, polling
from bot.emulator import Emulator
from index import Library
from tests.bot.chats import TOKEN, Chat


async def test_the_command_menu_is_registered_at_start_up(bot: Emulator) -> None:
    call = await bot.wait_for(lambda call: call.method == "setMyCommands")
    commands = {command["command"] for command in call.params["commands"]}
    assert {"start", "help", "search", "para"} <= commands


# The sentence encoder loads while the bot serves.


async def test_the_first_reply_does_not_wait_for_the_sentence_encoder(
    emulator: Emulator, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    loading, loaded = threading.Event(), threading.Event()

    def load_meaning() -> None:
        loading.set()
        # Loads until the test has had its reply.
        assert loaded.wait(10)

    monkeypatch.setattr(library, "load_meaning", load_meaning)
    application = build_application(TOKEN, emulator.base_url, library)
    with loading_meaning(library) as loader:
        async with polling(application, poll_timeout=1):
            assert loading.wait(5)
            user = emulator.user(first_name="Amina", language_code="en")
            (reply,) = await Chat(emulator, emulator.private_chat(user), user).send(
                "/search trafficking"
            )
            assert "A/HRC/58/19, para. 3" in reply["text"]
            assert loader.is_alive()
            loaded.set()
    # The block waited for the loading to end: the library is never closed under it.
    assert not loader.is_alive()


def test_an_encoder_that_cannot_load_is_logged_and_the_bot_serves_on(
    library: Library, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def load_meaning() -> None:
        raise OSError("no model here")

    monkeypatch.setattr(library, "load_meaning", load_meaning)
    with loading_meaning(library):
        pass
    (record,) = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert record.getMessage() == "the sentence encoder could not be loaded"
    assert record.exc_info is not None
