"""Failures below the Bot API: a server that is down, a connection reset mid-call, a server that
accepts a call and never answers. The client here is httpx, as python-telegram-bot's is."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from bot.emulator import Emulator
from tests.bot.emulator.clients import TOKEN


@pytest.fixture
async def client(emu: Emulator) -> AsyncIterator[httpx.AsyncClient]:
    """A keep-alive client, as PTB's: a down server must cut its idle connections too."""
    async with httpx.AsyncClient(base_url=emu.base_url + TOKEN + "/") as http:
        yield http


async def call(client: httpx.AsyncClient, method: str, **params: Any) -> Any:
    response = await client.post(method, json=params)
    body = response.json()
    assert body["ok"], body
    return body["result"]


def ids(updates: list[dict[str, Any]]) -> list[int]:
    return [update["update_id"] for update in updates]


async def test_a_server_that_is_down_refuses_connections_and_comes_back_on_the_same_port(
    emu: Emulator, client: httpx.AsyncClient, chat: dict[str, Any], user: dict[str, Any]
) -> None:
    await call(client, "getMe")  # a keep-alive connection is open, idle
    url = emu.base_url
    await emu.go_down()
    with pytest.raises(httpx.ConnectError):
        await client.post("getMe")
    # Users go on writing while the server is down; nothing they write is lost.
    written = emu.send_message(chat, user, "/search trafficking")
    await emu.come_back()
    assert emu.base_url == url
    assert ids(await call(client, "getUpdates")) == [written["update_id"]]


async def test_going_down_cuts_a_waiting_long_poll_unanswered(
    emu: Emulator, client: httpx.AsyncClient, chat: dict[str, Any], user: dict[str, Any]
) -> None:
    poll = asyncio.create_task(client.post("getUpdates", json={"timeout": 30}))
    await asyncio.sleep(0.1)
    await emu.go_down()
    with pytest.raises(httpx.RemoteProtocolError):
        await poll
    assert emu.calls == []
    written = emu.send_message(chat, user, "one")
    await emu.come_back()
    assert ids(await call(client, "getUpdates")) == [written["update_id"]]


async def test_a_reset_cuts_the_connection_and_the_call_is_not_performed(
    emu: Emulator, client: httpx.AsyncClient, chat: dict[str, Any]
) -> None:
    emu.fail_next("sendMessage", reset=True)
    with pytest.raises(httpx.ReadError):
        await client.post("sendMessage", json={"chat_id": chat["id"], "text": "lost"})
    assert emu.messages(chat["id"]) == []
    (cut,) = emu.calls
    assert (cut.method, cut.status, cut.ok, cut.params["text"]) == ("sendMessage", 0, False, "lost")
    assert cut.summary().endswith("connection reset")
    # The next call, on a new connection, is answered as usual.
    sent = await call(client, "sendMessage", chat_id=chat["id"], text="again")
    assert emu.messages(chat["id"]) == [sent]


async def test_a_reset_after_a_hang_is_a_call_that_times_out_at_the_far_end(
    emu: Emulator, client: httpx.AsyncClient
) -> None:
    emu.fail_next("getUpdates", hang=0.2, reset=True)
    with pytest.raises(httpx.ReadError):
        await client.post("getUpdates")
    assert [call.status for call in emu.calls] == [0]


async def test_a_server_that_never_answers_leaves_the_client_to_give_up_and_loses_nothing(
    emu: Emulator, client: httpx.AsyncClient, chat: dict[str, Any], user: dict[str, Any]
) -> None:
    written = emu.send_message(chat, user, "/help")
    emu.fail_next("getUpdates", hang=3600)
    with pytest.raises(httpx.ReadTimeout):
        await client.post("getUpdates", timeout=0.2)
    # The client gave up: the hanging call arrived but was never answered.
    assert (emu.arrivals, emu.calls) == (["getUpdates"], [])
    assert ids(await call(client, "getUpdates")) == [written["update_id"]]


@pytest.mark.parametrize("arguments", [{"status": 500, "reset": True}, {"reset": False}])
def test_a_reset_takes_no_status_and_a_fault_needs_something_to_do(
    emu: Emulator, arguments: dict[str, Any]
) -> None:
    with pytest.raises(ValueError):  # noqa: PT011
        emu.fail_next("getUpdates", **arguments)


async def test_coming_back_needs_going_down_first(emu: Emulator) -> None:
    with pytest.raises(RuntimeError):
        await emu.come_back()
