"""The Bot API over HTTP: URLs, encodings, responses, and checking parameters against api.json."""

from __future__ import annotations

import json
from typing import Any

import aiohttp
import pytest

from bot.emulator import Emulator
from tests.bot.emulator.clients import TOKEN, Api


async def test_get_me_describes_the_bot(api: Api) -> None:
    assert await api.ok("getMe") == {
        "id": 123456,
        "is_bot": True,
        "first_name": "ReportBot",
        "username": "reportbot_sandbox_bot",
        "can_join_groups": True,
        "can_read_all_group_messages": False,
        "supports_inline_queries": True,
    }


async def test_method_names_ignore_case(api: Api) -> None:
    assert (await api.ok("GETME"))["id"] == 123456


async def test_a_wrong_token_is_unauthorized(emu: Emulator, session: aiohttp.ClientSession) -> None:
    wrong = Api(session, emu.base_url + "123456:wrong")
    assert await wrong.error("getMe") == (401, "Unauthorized")


async def test_an_unknown_method_is_not_found(api: Api) -> None:
    assert await api.error("sendTelepathy") == (404, "Not Found")


async def test_an_unknown_path_is_not_found(emu: Emulator, session: aiohttp.ClientSession) -> None:
    async with session.get(emu.base_url.removesuffix("/bot") + "/elsewhere") as response:
        assert response.status == 404
        assert await response.json() == {"ok": False, "error_code": 404, "description": "Not Found"}


async def test_a_method_the_emulator_lacks_is_501_and_named(api: Api) -> None:
    status, description = await api.error("sendPhoto", chat_id=1, photo="x")
    assert status == 501
    assert "sendPhoto" in description


async def test_a_json_body_is_accepted(
    api: Api, chat: dict[str, Any], session: aiohttp.ClientSession
) -> None:
    body = {"chat_id": chat["id"], "text": "hi", "disable_notification": True}
    async with session.post(f"{api.url}/sendMessage", json=body) as response:
        assert response.status == 200
        assert (await response.json())["result"]["text"] == "hi"


async def test_query_string_parameters_are_accepted(
    api: Api, chat: dict[str, Any], session: aiohttp.ClientSession
) -> None:
    params = {"chat_id": str(chat["id"]), "text": "hi"}
    async with session.get(f"{api.url}/sendMessage", params=params) as response:
        assert response.status == 200


async def test_a_multipart_body_is_accepted(
    api: Api, chat: dict[str, Any], session: aiohttp.ClientSession
) -> None:
    form = aiohttp.FormData({"chat_id": str(chat["id"]), "text": "hi"})
    form.add_field("ignored", b"bytes", filename="file.bin")
    async with session.post(f"{api.url}/sendMessage", data=form) as response:
        assert response.status == 200


async def test_a_missing_required_parameter_is_named(api: Api) -> None:
    assert await api.error("answerCallbackQuery") == (
        400,
        'Bad Request: parameter "callback_query_id" is required',
    )


@pytest.mark.parametrize(
    ("params", "description"),
    [
        ({"text": "hi"}, "Bad Request: chat_id is empty"),
        ({"chat_id": 1}, "Bad Request: message text is empty"),
        ({"chat_id": 1, "text": ""}, "Bad Request: message text is empty"),
    ],
)
async def test_missing_message_parameters_use_telegrams_words(
    api: Api, params: dict[str, Any], description: str
) -> None:
    assert await api.error("sendMessage", **params) == (400, description)


@pytest.mark.parametrize(
    ("params", "description"),
    [
        ({"message_thread_id": "abc"}, 'parameter "message_thread_id" must be Integer'),
        ({"disable_notification": "yes"}, 'parameter "disable_notification" must be Boolean'),
        ({"reply_markup": "{not json"}, "can't parse reply_markup JSON object"),
        ({"entities": {"type": "bold"}}, "can't parse entities: entities must be Array of"),
        ({"entities": [{"type": "bold", "offset": 0}]}, "entities[0].length is required"),
        (
            {"entities": [{"type": "bold", "offset": "0", "length": 1}]},
            "entities[0].offset must be Integer",
        ),
        (
            {"reply_markup": {"inline_keyboard": [[{"callback_data": "x"}]]}},
            "can't parse reply_markup: reply_markup.inline_keyboard[0][0].text is required",
        ),
        (
            {"reply_markup": {"inline_keyboard": [[{"text": 1, "callback_data": "x"}]]}},
            "reply_markup.inline_keyboard[0][0].text must be String",
        ),
        (
            {"reply_markup": {"keyboard": [[{"text": "a", "request_contact": "yes"}]]}},
            "reply_markup.keyboard[0][0].request_contact must be Boolean",
        ),
        (
            {"link_preview_options": {"is_disabled": 1}},
            "link_preview_options.is_disabled must be Boolean",
        ),
    ],
)
async def test_values_of_the_wrong_type_are_refused(
    api: Api, chat: dict[str, Any], params: dict[str, Any], description: str
) -> None:
    status, got = await api.error("sendMessage", chat_id=chat["id"], text="hi", **params)
    assert status == 400
    assert got.startswith("Bad Request: ")
    assert description in got


async def test_an_abstract_type_is_checked_against_its_subtypes(api: Api) -> None:
    commands = [{"command": "search", "description": "Search"}]
    status, description = await api.error(
        "setMyCommands", commands=commands, scope={"type": "everyone"}
    )
    assert status == 400
    assert 'scope.type must be one of "default", "all_private_chats"' in description
    status, description = await api.error(
        "setMyCommands", commands=commands, scope={"type": "chat"}
    )
    assert "scope.chat_id is required" in description


async def test_unknown_parameters_are_ignored(api: Api, chat: dict[str, Any]) -> None:
    message = await api.ok("sendMessage", chat_id=chat["id"], text="hi", colour="blue")
    assert message["text"] == "hi"


async def test_each_call_is_recorded_decoded(emu: Emulator, api: Api, chat: dict[str, Any]) -> None:
    markup = {"inline_keyboard": [[{"text": "1", "callback_data": "para|1"}]]}
    await api.ok("sendMessage", chat_id=chat["id"], text="<b>hi</b>", parse_mode="HTML",
                 reply_markup=markup)  # fmt: skip
    await api.error("sendMessage", chat_id=chat["id"], text=" ")
    sent, refused = emu.calls
    assert sent.method == "sendMessage"
    assert sent.params == {
        "chat_id": chat["id"],
        "text": "<b>hi</b>",
        "parse_mode": "HTML",
        "reply_markup": markup,
    }
    assert (sent.ok, sent.status, sent.result["text"]) == (True, 200, "hi")
    assert (refused.ok, refused.status) == (False, 400)
    assert refused.description == "Bad Request: message text is empty"
    assert refused.response == json.loads(json.dumps(refused.response))


async def test_calls_with_a_wrong_token_or_unknown_method_are_recorded_too(
    emu: Emulator, session: aiohttp.ClientSession
) -> None:
    await Api(session, emu.base_url + "1:x").call("getMe")
    await Api(session, emu.base_url + TOKEN).call("getMee", a="1")
    assert [(c.method, c.status, c.params) for c in emu.calls] == [
        ("getMe", 401, {}),
        ("getMee", 404, {"a": "1"}),
    ]
