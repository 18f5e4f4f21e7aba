"""Failures on demand: the emulator answers as Telegram does when it refuses or falters."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from bot.emulator import Emulator
from tests.bot.emulator.clients import Api


async def test_a_429_is_telegrams_flood_control_answer_then_calls_succeed_again(
    emu: Emulator, api: Api, chat: dict[str, Any]
) -> None:
    emu.fail_next("sendMessage", retry_after=2)
    status, body = await api.call("sendMessage", chat_id=chat["id"], text="one")
    assert (status, body) == (
        429,
        {
            "ok": False,
            "error_code": 429,
            "description": "Too Many Requests: retry after 2",
            "parameters": {"retry_after": 2},
        },
    )
    message = await api.ok("sendMessage", chat_id=chat["id"], text="two")
    # The refused message was never sent.
    assert emu.messages(chat["id"]) == [message]
    assert [(call.method, call.status) for call in emu.calls] == [
        ("sendMessage", 429),
        ("sendMessage", 200),
    ]
    assert emu.calls[0].params["text"] == "one"


async def test_a_403_in_one_chat_leaves_other_chats_and_methods_alone(
    emu: Emulator, api: Api, chat: dict[str, Any]
) -> None:
    other = emu.private_chat(emu.user(first_name="Ben"))
    emu.fail_next("sendMessage", 403, chat_id=chat["id"], times=None)
    for _ in range(2):
        assert await api.error("sendMessage", chat_id=chat["id"], text="hi") == (
            403,
            "Forbidden: bot was blocked by the user",
        )
    await api.ok("sendMessage", chat_id=other["id"], text="hi")
    await api.ok("sendChatAction", chat_id=chat["id"], action="typing")
    emu.clear_faults()
    await api.ok("sendMessage", chat_id=chat["id"], text="hi again")


@pytest.mark.parametrize(
    ("status", "description"),
    [(500, "Internal Server Error"), (502, "Bad Gateway"), (504, "Gateway Timeout")],
)
async def test_server_errors_fail_the_given_number_of_calls(
    emu: Emulator, api: Api, status: int, description: str
) -> None:
    emu.fail_next("getUpdates", status, times=2)
    for _ in range(2):
        assert await api.error("getUpdates") == (status, description)
    assert await api.ok("getUpdates") == []


async def test_faults_queue_up_and_apply_in_order(
    emu: Emulator, api: Api, chat: dict[str, Any]
) -> None:
    kicked = "Forbidden: bot was kicked from the supergroup chat"
    emu.fail_next("SENDMESSAGE", 403, description=kicked)
    emu.fail_next("sendMessage", 500)
    assert await api.error("sendmessage", chat_id=chat["id"], text="x") == (403, kicked)
    assert (await api.error("sendMessage", chat_id=chat["id"], text="x"))[0] == 500
    await api.ok("sendMessage", chat_id=chat["id"], text="x")


async def test_a_hang_delays_the_answer_which_is_otherwise_the_usual_one(
    emu: Emulator, api: Api, chat: dict[str, Any]
) -> None:
    emu.fail_next("sendMessage", hang=0.3)
    loop = asyncio.get_running_loop()
    started = loop.time()
    message = await api.ok("sendMessage", chat_id=chat["id"], text="late")
    assert loop.time() - started >= 0.3
    assert message["text"] == "late"
    emu.fail_next("sendMessage", 502, hang=0.1)
    assert (await api.error("sendMessage", chat_id=chat["id"], text="x"))[0] == 502


async def test_a_wrong_token_is_still_unauthorized_while_faults_are_planned(
    emu: Emulator, api: Api
) -> None:
    emu.fail_next("getMe", 500)
    wrong = Api(api.session, emu.base_url + "1:wrong")
    assert await wrong.error("getMe") == (401, "Unauthorized")
    assert (await api.error("getMe"))[0] == 500


@pytest.mark.parametrize(
    "arguments",
    [
        {},
        {"status": 429},
        {"status": 403, "retry_after": 2},
        {"retry_after": 0},
        {"status": 200},
        {"status": 500, "times": 0},
        {"hang": -1},
    ],
)
def test_faults_telegram_would_not_produce_are_refused(
    emu: Emulator, arguments: dict[str, Any]
) -> None:
    with pytest.raises(ValueError):  # noqa: PT011
        emu.fail_next("sendMessage", **arguments)
