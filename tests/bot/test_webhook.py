"""The real bot served by webhook: the emulator POSTs updates to bot/webhook.py's server."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from typing import Any

import aiohttp
import pytest

from bot.app import ALLOWED_UPDATES, build_application
from bot.emulator import Emulator
from bot.webhook import SECRET_HEADER, CannotListen, webhook
from index import Library
from tests.bot.chats import TOKEN, Chat
from tests.bot.loopback import free_port

SECRET = "webhook-secret_0123456789"
CITATION = "A/HRC/58/19, para. 3"


@dataclass
class Served:
    emulator: Emulator
    url: str
    root: str
    """The server's address without the webhook's path."""
    http: aiohttp.ClientSession

    def chat(self) -> Chat:
        user = self.emulator.user(first_name="Amina")
        return Chat(self.emulator, self.emulator.private_chat(user), user)

    async def post(self, body: bytes, headers: dict[str, str]) -> tuple[int, str]:
        async with self.http.post(self.url, data=body, headers=headers) as response:
            return response.status, await response.text()


def _serve(emulator: Emulator, library: Library, port: int) -> AbstractAsyncContextManager[None]:
    application = build_application(TOKEN, emulator.base_url, library)
    return webhook(
        application,
        library,
        url=f"http://127.0.0.1:{port}/telegram-hook-x7",
        secret=SECRET,
        listen="127.0.0.1",
        port=port,
    )


@pytest.fixture
async def served(emulator: Emulator, library: Library) -> AsyncIterator[Served]:
    """The bot serving by webhook; afterwards, no call it made may have been rejected."""
    port = free_port()
    async with aiohttp.ClientSession() as http, _serve(emulator, library, port):
        root = f"http://127.0.0.1:{port}"
        yield Served(emulator, f"{root}/telegram-hook-x7", root, http)
    rejected = [(call.method, call.response) for call in emulator.calls if not call.ok]
    assert rejected == []


def _forged_update(chat: Chat) -> dict[str, Any]:
    """An update as Telegram would send it, but from someone who does not know the secret."""
    return {
        "update_id": 900_001,
        "message": {
            "message_id": 77,
            "date": 1_700_000_000,
            "chat": chat.chat,
            "from": chat.user,
            "text": "/help",
            "entities": [{"type": "bot_command", "offset": 0, "length": 5}],
        },
    }


def _sent(emulator: Emulator) -> list[str]:
    return [call.params["text"] for call in emulator.calls if call.method == "sendMessage"]


async def test_the_bot_sets_its_webhook_with_the_secret_and_answers_what_it_delivers(
    served: Served,
) -> None:
    (set_webhook,) = [call for call in served.emulator.calls if call.method == "setWebhook"]
    assert set_webhook.params == {
        "url": served.url,
        "secret_token": SECRET,
        "allowed_updates": list(ALLOWED_UPDATES),
    }
    chat = served.chat()
    (reply,) = await chat.send("/search trafficking")
    assert CITATION in reply["text"]
    # A button works the same way: its callback query comes by webhook too.
    calls = await chat.press(reply, reply["reply_markup"]["inline_keyboard"][0][0]["callback_data"])
    assert [call.method for call in calls][-1] == "answerCallbackQuery"
    assert not any(call.method == "getUpdates" for call in served.emulator.calls)


@pytest.mark.parametrize("secret", [None, "", "wrong", SECRET + "x", SECRET[:-1], "é" + SECRET])
async def test_a_post_without_the_right_secret_is_403_and_handled_by_no_one(
    served: Served, secret: str | None
) -> None:
    chat = served.chat()
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers[SECRET_HEADER] = secret
    status, _ = await served.post(json.dumps(_forged_update(chat)).encode(), headers)
    assert status == 403
    # A chat's updates are handled in order: once a real one is answered, the forged one never
    # will be.
    await chat.send("/search trafficking")
    assert len(_sent(served.emulator)) == 1


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"not json", "application/json"),
        (b"\xff\xfe", "application/json"),
        (b"[1, 2]", "application/json"),
        (b'{"message": {}}', "application/json"),
        (b'{"update_id": "7"}', "application/json"),
        (b'{"update_id": 7, "message": "garbage"}', "application/json"),
        (b'{"update_id": 7, "message": {"text": "no date, no chat"}}', "application/json"),
        (b'{"update_id": 7}', "text/plain"),
    ],
)
async def test_a_body_that_is_not_an_update_is_400_and_the_bot_keeps_serving(
    served: Served, body: bytes, content_type: str
) -> None:
    headers = {"Content-Type": content_type, SECRET_HEADER: SECRET}
    assert (await served.post(body, headers))[0] == 400
    (reply,) = await served.chat().send("/search trafficking")
    assert CITATION in reply["text"]


async def test_the_same_post_with_the_secret_is_handled(served: Served) -> None:
    headers = {"Content-Type": "application/json", SECRET_HEADER: SECRET}
    status, _ = await served.post(json.dumps(_forged_update(served.chat())).encode(), headers)
    assert status == 200
    await served.emulator.wait_for(lambda call: call.method == "sendMessage")


async def test_health_endpoint_and_nothing_else_besides_the_webhook(served: Served) -> None:
    async with served.http.get(f"{served.root}/healthz") as response:
        assert response.status == 200
        assert await response.text() == "ok: 1 report(s) indexed\n"
    async with served.http.get(served.url) as response:
        assert response.status == 405
    headers = {SECRET_HEADER: SECRET}
    async with served.http.post(f"{served.root}/telegram", json={}, headers=headers) as response:
        assert response.status == 404


async def test_leaving_finishes_the_updates_already_accepted(
    emulator: Emulator, library: Library
) -> None:
    user = emulator.user()
    chat = emulator.private_chat(user)
    async with _serve(emulator, library, free_port()):
        update = emulator.send_message(chat, user, "/search trafficking")
        await emulator.wait_fetched(update, timeout=10)
    # The update was accepted just before the stop: its reply was still sent.
    (reply,) = _sent(emulator)
    assert CITATION in reply


async def test_a_port_in_use_is_one_clear_error(emulator: Emulator, library: Library) -> None:
    port = free_port()
    async with _serve(emulator, library, port):
        with pytest.raises(CannotListen, match=f"cannot listen on 127.0.0.1:{port}"):
            async with _serve(emulator, library, port):
                pass
