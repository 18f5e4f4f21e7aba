"""Each implemented method: what it returns and stores, and the limits Telegram enforces."""

from __future__ import annotations

from typing import Any

import pytest

from bot.emulator import Emulator
from tests.bot.emulator.clients import Api

NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are "
    "exactly the same as a current content and reply markup of the message"
)
TOO_OLD = "Bad Request: query is too old and response timeout expired or query ID is invalid"


def keyboard(*buttons: dict[str, Any]) -> dict[str, Any]:
    return {"inline_keyboard": [list(buttons)]}


async def test_send_message_returns_and_stores_the_message(
    emu: Emulator, api: Api, chat: dict[str, Any]
) -> None:
    markup = keyboard({"text": "para 3", "callback_data": "para|3"})
    first = await api.ok("sendMessage", chat_id=chat["id"], text="one")
    second = await api.ok(
        "sendMessage",
        chat_id=chat["id"],
        text="<b>two</b>",
        parse_mode="HTML",
        reply_markup=markup,
        link_preview_options={"is_disabled": True},
    )
    assert second["message_id"] == first["message_id"] + 1
    assert second["from"] == emu.bot
    assert second["chat"] == chat
    assert isinstance(second["date"], int)
    assert second["text"] == "two"
    assert second["entities"] == [{"type": "bold", "offset": 0, "length": 3}]
    assert second["reply_markup"] == markup
    assert second["link_preview_options"] == {"is_disabled": True}
    assert "entities" not in first
    assert emu.messages(chat["id"]) == [first, second]


async def test_explicit_entities_are_kept_without_parse_mode(
    api: Api, chat: dict[str, Any]
) -> None:
    entities = [{"type": "italic", "offset": 0, "length": 2}]
    message = await api.ok("sendMessage", chat_id=chat["id"], text="<b>", entities=entities)
    assert (message["text"], message["entities"]) == ("<b>", entities)


async def test_surrounding_whitespace_is_trimmed_and_entities_follow(
    api: Api, chat: dict[str, Any]
) -> None:
    message = await api.ok(
        "sendMessage", chat_id=chat["id"], text="\n <b> hi</b>\n", parse_mode="HTML"
    )
    assert (message["text"], message["entities"]) == (
        "hi",
        [{"type": "bold", "offset": 0, "length": 2}],
    )


async def test_sending_to_an_unknown_chat_is_refused(emu: Emulator, api: Api) -> None:
    stranger = emu.user()  # no private chat with the bot
    for chat_id in (stranger["id"], -100123, "@somewhere"):
        assert await api.error("sendMessage", chat_id=chat_id, text="hi") == (
            400,
            "Bad Request: chat not found",
        )


async def test_a_group_made_by_the_emulator_is_known(emu: Emulator, api: Api) -> None:
    group = emu.group_chat(title="Advocates")
    assert group["id"] < 0
    assert group["type"] == "supergroup"
    message = await api.ok("sendMessage", chat_id=group["id"], text="hi")
    assert message["chat"] == group


@pytest.mark.parametrize(
    ("text", "parse_mode"),
    [("x" * 4096, None), ("😀" * 2048, None), ("<b>" + "x" * 4096 + "</b>", "HTML")],
)
async def test_text_of_4096_utf16_units_after_parsing_is_accepted(
    api: Api, chat: dict[str, Any], text: str, parse_mode: str | None
) -> None:
    params = {"parse_mode": parse_mode} if parse_mode else {}
    await api.ok("sendMessage", chat_id=chat["id"], text=text, **params)


@pytest.mark.parametrize("text", ["x" * 4097, "😀" * 2048 + "x"])
async def test_longer_text_is_too_long(api: Api, chat: dict[str, Any], text: str) -> None:
    assert await api.error("sendMessage", chat_id=chat["id"], text=text) == (
        400,
        "Bad Request: message is too long",
    )


@pytest.mark.parametrize(("text", "parse_mode"), [(" \n\t ", None), ("<b> </b>", "HTML")])
async def test_blank_text_is_empty(
    api: Api, chat: dict[str, Any], text: str, parse_mode: str | None
) -> None:
    params = {"parse_mode": parse_mode} if parse_mode else {}
    assert await api.error("sendMessage", chat_id=chat["id"], text=text, **params) == (
        400,
        "Bad Request: message text is empty",
    )


async def test_malformed_html_is_refused_with_telegrams_message(
    api: Api, chat: dict[str, Any]
) -> None:
    assert await api.error("sendMessage", chat_id=chat["id"], text="<b>x", parse_mode="HTML") == (
        400,
        "Bad Request: can't parse entities: Can't find end tag corresponding to start tag \"b\"",
    )


async def test_parse_modes_other_than_html_are_refused(api: Api, chat: dict[str, Any]) -> None:
    status, description = await api.error(
        "sendMessage", chat_id=chat["id"], text="*x*", parse_mode="MarkdownV2"
    )
    assert (status, "unsupported by the emulator" in description) == (400, True)
    assert await api.error("sendMessage", chat_id=chat["id"], text="x", parse_mode="BBCode") == (
        400,
        "Bad Request: unsupported parse_mode",
    )


async def test_a_reply_quotes_the_replied_message(api: Api, chat: dict[str, Any]) -> None:
    first = await api.ok("sendMessage", chat_id=chat["id"], text="one")
    reply = await api.ok(
        "sendMessage",
        chat_id=chat["id"],
        text="two",
        reply_parameters={"message_id": first["message_id"]},
    )
    assert reply["reply_to_message"] == first
    assert await api.error(
        "sendMessage", chat_id=chat["id"], text="x", reply_parameters={"message_id": 99}
    ) == (400, "Bad Request: message to be replied not found")
    alone = await api.ok(
        "sendMessage",
        chat_id=chat["id"],
        text="x",
        reply_parameters={"message_id": 99, "allow_sending_without_reply": True},
    )
    assert "reply_to_message" not in alone


@pytest.mark.parametrize(
    "button",
    [
        {"text": "a", "url": "https://undocs.org/A/HRC/58/19"},
        {"text": "a", "url": "tg://resolve?domain=reportbot"},
        {"text": "a", "callback_data": "x" * 64},
        {"text": "a", "callback_data": "é" * 32},
        {"text": "a", "switch_inline_query_current_chat": ""},
        {"text": "a", "copy_text": {"text": "A/HRC/58/19, para. 3"}},
    ],
)
async def test_valid_inline_buttons_are_accepted(
    api: Api, chat: dict[str, Any], button: dict[str, Any]
) -> None:
    await api.ok("sendMessage", chat_id=chat["id"], text="x", reply_markup=keyboard(button))


@pytest.mark.parametrize(
    ("button", "description"),
    [
        ({"text": "a"}, "can't parse inline keyboard button: Text buttons are unallowed"),
        ({"text": "", "callback_data": "x"}, "can't parse inline keyboard button: text must"),
        (
            {"text": "a", "callback_data": "x", "url": "https://x.org"},
            "can't parse inline keyboard button: exactly one",
        ),
        ({"text": "a", "callback_data": "x" * 65}, "BUTTON_DATA_INVALID"),
        ({"text": "a", "callback_data": "é" * 33}, "BUTTON_DATA_INVALID"),
        ({"text": "a", "callback_data": ""}, "BUTTON_DATA_INVALID"),
        ({"text": "a", "url": "undocs.org/A/HRC/58/19"}, "BUTTON_URL_INVALID"),
        ({"text": "a", "url": "javascript:alert(1)"}, "BUTTON_URL_INVALID"),
    ],
)
async def test_invalid_inline_buttons_are_refused(
    api: Api, chat: dict[str, Any], button: dict[str, Any], description: str
) -> None:
    status, got = await api.error(
        "sendMessage", chat_id=chat["id"], text="x", reply_markup=keyboard(button)
    )
    assert (status, got.startswith(f"Bad Request: {description}")) == (400, True), got


async def test_edit_message_text_updates_the_stored_message(
    emu: Emulator, api: Api, chat: dict[str, Any]
) -> None:
    sent = await api.ok("sendMessage", chat_id=chat["id"], text="old")
    markup = keyboard({"text": "▶", "callback_data": "para|4"})
    edited = await api.ok(
        "editMessageText",
        chat_id=chat["id"],
        message_id=sent["message_id"],
        text="<i>new</i>",
        parse_mode="HTML",
        reply_markup=markup,
    )
    assert edited["message_id"] == sent["message_id"]
    assert (edited["text"], edited["reply_markup"]) == ("new", markup)
    assert edited["entities"] == [{"type": "italic", "offset": 0, "length": 3}]
    assert isinstance(edited["edit_date"], int)
    assert emu.message(chat["id"], sent["message_id"]) == edited


async def test_an_edit_without_reply_markup_removes_the_keyboard(
    api: Api, chat: dict[str, Any]
) -> None:
    markup = keyboard({"text": "▶", "callback_data": "next"})
    sent = await api.ok("sendMessage", chat_id=chat["id"], text="x", reply_markup=markup)
    edited = await api.ok(
        "editMessageText", chat_id=chat["id"], message_id=sent["message_id"], text="y"
    )
    assert "reply_markup" not in edited


async def test_an_identical_edit_is_not_modified(api: Api, chat: dict[str, Any]) -> None:
    markup = keyboard({"text": "▶", "callback_data": "next"})
    sent = await api.ok(
        "sendMessage", chat_id=chat["id"], text="<b>x</b>", parse_mode="HTML", reply_markup=markup
    )
    same = {"chat_id": chat["id"], "message_id": sent["message_id"], "reply_markup": markup}
    assert await api.error("editMessageText", text="<b>x</b>", parse_mode="HTML", **same) == (
        400,
        NOT_MODIFIED,
    )
    assert await api.error("editMessageReplyMarkup", **same) == (400, NOT_MODIFIED)
    # Different entities over the same text are a modification.
    await api.ok("editMessageText", text="x", **same)


async def test_edit_message_reply_markup_replaces_only_the_keyboard(
    api: Api, chat: dict[str, Any]
) -> None:
    sent = await api.ok("sendMessage", chat_id=chat["id"], text="<b>x</b>", parse_mode="HTML")
    markup = keyboard({"text": "1", "callback_data": "para|1"})
    edited = await api.ok(
        "editMessageReplyMarkup",
        chat_id=chat["id"],
        message_id=sent["message_id"],
        reply_markup=markup,
    )
    assert (edited["text"], edited["entities"]) == (sent["text"], sent["entities"])
    assert edited["reply_markup"] == markup


async def test_editing_what_the_bot_cannot_edit_is_refused(
    emu: Emulator, api: Api, chat: dict[str, Any], user: dict[str, Any]
) -> None:
    users_message = emu.send_message(chat, user, "hello")["message"]
    cases = [
        ({"chat_id": chat["id"], "message_id": 42}, "message to edit not found"),
        ({"chat_id": -100123, "message_id": 1}, "chat not found"),
        (
            {"chat_id": chat["id"], "message_id": users_message["message_id"]},
            "message can't be edited",
        ),
        ({"message_id": 1}, "chat_id is empty"),
        ({"chat_id": chat["id"]}, "message identifier is not specified"),
    ]
    for where, description in cases:
        assert await api.error("editMessageText", text="x", **where) == (
            400,
            f"Bad Request: {description}",
        )


async def test_answer_callback_query_answers_each_query_once(
    emu: Emulator, api: Api, chat: dict[str, Any]
) -> None:
    sent = await api.ok(
        "sendMessage",
        chat_id=chat["id"],
        text="x",
        reply_markup=keyboard({"text": "1", "callback_data": "para|1"}),
    )
    query = emu.press_button(sent, "para|1")["callback_query"]
    assert await api.error(
        "answerCallbackQuery", callback_query_id=query["id"], text="x" * 201
    ) == (
        400,
        "Bad Request: MESSAGE_TOO_LONG",
    )
    assert await api.ok("answerCallbackQuery", callback_query_id=query["id"], text="x" * 200)
    assert await api.error("answerCallbackQuery", callback_query_id=query["id"]) == (400, TOO_OLD)
    assert await api.error("answerCallbackQuery", callback_query_id="12345") == (400, TOO_OLD)


def article(result_id: str, text: str = "A/HRC/58/19, para. 3", **content: Any) -> dict[str, Any]:
    return {
        "type": "article",
        "id": result_id,
        "title": "para. 3",
        "input_message_content": {"message_text": text, **content},
    }


async def test_answer_inline_query_accepts_up_to_50_results_once(
    emu: Emulator, api: Api, user: dict[str, Any]
) -> None:
    query = emu.inline_query(user, "trafficking")["inline_query"]
    results = [article(str(i), "<b>x</b>", parse_mode="HTML") for i in range(50)]
    assert await api.ok("answerInlineQuery", inline_query_id=query["id"], results=results)
    assert await api.error("answerInlineQuery", inline_query_id=query["id"], results=[]) == (
        400,
        TOO_OLD,
    )


@pytest.mark.parametrize(
    ("results", "description"),
    [
        ([article(str(i)) for i in range(51)], "RESULTS_TOO_MUCH"),
        ([article("1"), article("1")], "RESULT_ID_DUPLICATE"),
        ([article("é" * 33)], "RESULT_ID_INVALID"),
        ([article("")], "RESULT_ID_INVALID"),
        ([article("1", "<b>x", parse_mode="HTML")], "can't parse entities"),
        ([article("1", " ")], "message text is empty"),
        ([{**article("1"), "type": "photo"}], "results[0].photo_"),
        ([{**article("1"), "reply_markup": keyboard({"text": "a"})}], "Text buttons"),
    ],
)
async def test_invalid_inline_results_are_refused(
    emu: Emulator, api: Api, user: dict[str, Any], results: list[dict[str, Any]], description: str
) -> None:
    query = emu.inline_query(user, "trafficking")["inline_query"]
    status, got = await api.error("answerInlineQuery", inline_query_id=query["id"], results=results)
    assert (status, description in got) == (400, True), got
    # A refused answer leaves the query open.
    assert await api.ok("answerInlineQuery", inline_query_id=query["id"], results=[])


async def test_an_unknown_inline_query_is_too_old(api: Api) -> None:
    assert await api.error("answerInlineQuery", inline_query_id="1", results=[]) == (400, TOO_OLD)


async def test_commands_are_kept_per_scope_and_language(api: Api) -> None:
    commands = [{"command": "search", "description": "Search the reports"}]
    french = [{"command": "search", "description": "Chercher"}]
    assert await api.ok("setMyCommands", commands=commands)
    assert await api.ok("setMyCommands", commands=french, language_code="fr")
    groups = {"type": "all_group_chats"}
    assert await api.ok("getMyCommands") == commands
    assert await api.ok("getMyCommands", language_code="fr") == french
    assert await api.ok("getMyCommands", scope=groups) == []
    assert await api.ok("deleteMyCommands")
    assert await api.ok("getMyCommands") == []
    assert await api.ok("getMyCommands", language_code="fr") == french


@pytest.mark.parametrize(
    ("commands", "description"),
    [
        ([{"command": "Search", "description": "x"}], "BOT_COMMAND_INVALID"),
        ([{"command": "/search", "description": "x"}], "BOT_COMMAND_INVALID"),
        ([{"command": "s" * 33, "description": "x"}], "BOT_COMMAND_INVALID"),
        ([{"command": "search", "description": ""}], "BOT_COMMAND_DESCRIPTION_INVALID"),
        ([{"command": "search", "description": "x" * 257}], "BOT_COMMAND_DESCRIPTION_INVALID"),
        ([{"command": f"c{i}", "description": "x"} for i in range(101)], "BOT_COMMANDS_TOO_MUCH"),
    ],
)
async def test_invalid_commands_are_refused(
    api: Api, commands: list[dict[str, str]], description: str
) -> None:
    assert await api.error("setMyCommands", commands=commands) == (
        400,
        f"Bad Request: {description}",
    )


async def test_send_chat_action_needs_a_known_chat_and_action(
    api: Api, chat: dict[str, Any]
) -> None:
    assert await api.ok("sendChatAction", chat_id=chat["id"], action="typing") is True
    assert await api.error("sendChatAction", chat_id=chat["id"], action="dancing") == (
        400,
        "Bad Request: wrong parameter action in request",
    )
    assert await api.error("sendChatAction", chat_id=-1, action="typing") == (
        400,
        "Bad Request: chat not found",
    )


async def test_get_chat_member_tells_administrators_from_members(emu: Emulator, api: Api) -> None:
    admin, member, stranger = emu.user("Ada"), emu.user("Ben"), emu.user("Cy")
    group = emu.group_chat("G", admins=[admin])
    promoted = await api.ok("getChatMember", chat_id=group["id"], user_id=admin["id"])
    assert promoted["status"] == "administrator"
    assert promoted["user"]["id"] == admin["id"]
    plain = await api.ok("getChatMember", chat_id=group["id"], user_id=member["id"])
    assert plain == {"status": "member", "user": member}
    assert await api.error("getChatMember", chat_id=-1, user_id=admin["id"]) == (
        400,
        "Bad Request: chat not found",
    )
    private = emu.private_chat(stranger)
    assert await api.error("getChatMember", chat_id=private["id"], user_id=admin["id"]) == (
        400,
        "Bad Request: member not found",
    )
    assert await api.error("getChatMember", chat_id=group["id"], user_id=424242) == (
        400,
        "Bad Request: user not found",
    )
