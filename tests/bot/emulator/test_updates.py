"""getUpdates (offset, limit, long polling) and the control API that makes the updates."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest

from bot.emulator import Emulator
from tests.bot.emulator.clients import TOKEN, Api


def ids(updates: list[dict[str, Any]]) -> list[int]:
    return [update["update_id"] for update in updates]


def queue(emu: Emulator, chat: dict[str, Any], user: dict[str, Any], count: int) -> list[int]:
    return [emu.send_message(chat, user, f"m{i}")["update_id"] for i in range(count)]


async def test_without_updates_get_updates_returns_none_at_once(api: Api) -> None:
    assert await api.ok("getUpdates") == []


async def test_updates_stay_until_an_offset_confirms_them(
    emu: Emulator, api: Api, chat: dict[str, Any], user: dict[str, Any]
) -> None:
    first, second, third = queue(emu, chat, user, 3)
    assert ids(await api.ok("getUpdates")) == [first, second, third]
    assert ids(await api.ok("getUpdates")) == [first, second, third]
    assert ids(await api.ok("getUpdates", offset=second)) == [second, third]
    # Confirmed updates are gone even for a smaller offset later.
    assert ids(await api.ok("getUpdates", offset=first)) == [second, third]
    assert await api.ok("getUpdates", offset=third + 1) == []


async def test_a_negative_offset_keeps_only_the_last_updates(
    emu: Emulator, api: Api, chat: dict[str, Any], user: dict[str, Any]
) -> None:
    queued = queue(emu, chat, user, 4)
    assert ids(await api.ok("getUpdates", offset=-2)) == queued[2:]
    assert ids(await api.ok("getUpdates")) == queued[2:]


@pytest.mark.parametrize(("limit", "count"), [(2, 2), (1, 1), (0, 3), (101, 3)])
async def test_limit_caps_the_batch_out_of_range_meaning_100(
    emu: Emulator, api: Api, chat: dict[str, Any], user: dict[str, Any], limit: int, count: int
) -> None:
    queued = queue(emu, chat, user, 3)
    assert ids(await api.ok("getUpdates", limit=limit)) == queued[:count]


async def test_a_long_poll_returns_as_soon_as_an_update_arrives(
    emu: Emulator, api: Api, chat: dict[str, Any], user: dict[str, Any]
) -> None:
    poll = asyncio.create_task(api.ok("getUpdates", timeout=5))
    await asyncio.sleep(0.05)
    assert not poll.done()
    started = time.monotonic()
    update = emu.send_message(chat, user, "/search trafficking")
    assert ids(await poll) == [update["update_id"]]
    assert time.monotonic() - started < 1


async def test_a_long_poll_without_updates_returns_none_after_its_timeout(api: Api) -> None:
    started = time.monotonic()
    assert await api.ok("getUpdates", timeout=1) == []
    assert 0.9 < time.monotonic() - started < 2


async def test_stopping_does_not_wait_for_a_pending_long_poll(emu: Emulator, api: Api) -> None:
    poll = asyncio.create_task(api.call("getUpdates", timeout=30))
    await asyncio.sleep(0.05)
    started = time.monotonic()
    await emu.stop()
    assert time.monotonic() - started < 2
    assert (await poll)[1] == {"ok": True, "result": []}


async def test_allowed_updates_filters_and_is_remembered(
    emu: Emulator, api: Api, chat: dict[str, Any], user: dict[str, Any]
) -> None:
    emu.send_message(chat, user, "hello")
    inline = emu.inline_query(user, "trafficking")
    assert ids(await api.ok("getUpdates", allowed_updates=["inline_query"])) == [
        inline["update_id"]
    ]
    emu.send_message(chat, user, "dropped too")
    assert await api.ok("getUpdates", offset=inline["update_id"] + 1) == []
    message = emu.send_message(chat, user, "back to all kinds")
    assert ids(await api.ok("getUpdates", allowed_updates=[])) == [message["update_id"]]


async def test_delete_webhook_can_drop_pending_updates(
    emu: Emulator, api: Api, chat: dict[str, Any], user: dict[str, Any]
) -> None:
    queue(emu, chat, user, 2)
    assert (await api.ok("getWebhookInfo"))["pending_update_count"] == 2
    assert await api.ok("deleteWebhook") is True
    assert len(await api.ok("getUpdates")) == 2
    assert await api.ok("deleteWebhook", drop_pending_updates=True) is True
    assert await api.ok("getWebhookInfo") == {
        "url": "",
        "has_custom_certificate": False,
        "pending_update_count": 0,
    }


async def test_wait_fetched_returns_once_get_updates_delivered_the_update(
    emu: Emulator, api: Api, chat: dict[str, Any], user: dict[str, Any]
) -> None:
    update = emu.send_message(chat, user, "hello")
    waiting = asyncio.create_task(emu.wait_fetched(update))
    await asyncio.sleep(0.05)
    assert not waiting.done()
    await api.ok("getUpdates")
    await asyncio.wait_for(waiting, 1)
    with pytest.raises(TimeoutError, match="did not fetch update"):
        await emu.wait_fetched(emu.send_message(chat, user, "unread"), timeout=0.05)


async def test_wait_for_finds_the_first_matching_call_from_since(
    emu: Emulator, api: Api, chat: dict[str, Any]
) -> None:
    await api.ok("sendMessage", chat_id=chat["id"], text="one")
    since = len(emu.calls)
    waiting = asyncio.create_task(emu.wait_for(lambda c: c.method == "sendMessage", since=since))
    await asyncio.sleep(0.05)
    assert not waiting.done()
    await api.ok("sendMessage", chat_id=chat["id"], text="two")
    call = await asyncio.wait_for(waiting, 1)
    assert call.result["text"] == "two"


async def test_wait_for_times_out_listing_the_calls(api: Api, emu: Emulator) -> None:
    await api.error("sendMessage", chat_id=1, text="x")
    await api.ok("getUpdates")
    with pytest.raises(TimeoutError) as raised:
        await emu.wait_for(lambda c: c.method == "editMessageText", timeout=0.05)
    report = str(raised.value)
    assert "#0 sendMessage" in report
    assert "Bad Request: chat not found" in report
    assert "1 getUpdates" in report


async def test_user_messages_mark_bot_commands_like_telegram(
    emu: Emulator, chat: dict[str, Any], user: dict[str, Any]
) -> None:
    message = emu.send_message(chat, user, "/search@reportbot_sandbox_bot 😀 /para 3 a/b")[
        "message"
    ]
    assert message["entities"] == [
        {"type": "bot_command", "offset": 0, "length": 29},
        {"type": "bot_command", "offset": 33, "length": 5},
    ]
    assert message["from"] == user
    assert message["chat"] == chat
    assert "entities" not in emu.send_message(chat, user, "no commands, 1/2")["message"]


async def test_users_and_chats_get_distinct_ids(emu: Emulator) -> None:
    ana, lev = emu.user(first_name="Ana", username="ana"), emu.user(first_name="Lev")
    assert ana["id"] != lev["id"]
    assert emu.private_chat(ana) == {
        "id": ana["id"],
        "type": "private",
        "first_name": "Ana",
        "username": "ana",
    }
    assert emu.group_chat()["id"] != emu.group_chat()["id"]
    with pytest.raises(ValueError, match="exists"):
        emu.user(id=ana["id"])


async def test_a_user_can_only_write_in_chats_they_are_in(
    emu: Emulator, chat: dict[str, Any]
) -> None:
    with pytest.raises(ValueError, match="not in the private chat"):
        emu.send_message(chat, emu.user(), "hi")


async def test_press_button_queues_a_callback_query_on_the_current_message(
    emu: Emulator, api: Api, chat: dict[str, Any], user: dict[str, Any]
) -> None:
    markup = {"inline_keyboard": [[{"text": "para 3", "callback_data": "para|3"}]]}
    sent = await api.ok("sendMessage", chat_id=chat["id"], text="x", reply_markup=markup)
    update = emu.press_button(sent, "para|3")
    query = update["callback_query"]
    assert query["from"] == user
    assert query["data"] == "para|3"
    assert query["message"] == sent
    assert query["chat_instance"]
    assert ids(await api.ok("getUpdates")) == [update["update_id"]]
    await api.ok("editMessageReplyMarkup", chat_id=chat["id"], message_id=sent["message_id"])
    stale = emu.press_button(sent, "para|3")["callback_query"]
    assert "reply_markup" not in stale["message"]
    users_message = emu.send_message(chat, user, "hi")["message"]
    with pytest.raises(ValueError, match="not the bot's"):
        emu.press_button(users_message, "para|3")


async def test_in_a_group_someone_must_press_the_button(emu: Emulator, api: Api) -> None:
    group = emu.group_chat(title="Advocates")
    markup = {"inline_keyboard": [[{"text": "1", "callback_data": "1"}]]}
    sent = await api.ok("sendMessage", chat_id=group["id"], text="x", reply_markup=markup)
    with pytest.raises(ValueError, match="which user"):
        emu.press_button(sent, "1")
    lev = emu.user(first_name="Lev")
    assert emu.press_button(sent, "1", lev)["callback_query"]["from"] == lev


async def test_inline_query_update(emu: Emulator, user: dict[str, Any]) -> None:
    update = emu.inline_query(user, "trafficking", offset="5", chat_type="sender")
    assert update["inline_query"] == {
        "id": update["inline_query"]["id"],
        "from": user,
        "query": "trafficking",
        "offset": "5",
        "chat_type": "sender",
    }
    with pytest.raises(ValueError, match="256"):
        emu.inline_query(user, "x" * 257)


async def test_bot_messages_lists_the_bots_replies_as_they_are_now(
    emu: Emulator, api: Api, chat: dict[str, Any], user: dict[str, Any]
) -> None:
    asked = emu.send_message(chat, user, "/search x")["message"]
    reply = await api.ok("sendMessage", chat_id=chat["id"], text="found")
    await api.ok(
        "editMessageText", chat_id=chat["id"], message_id=reply["message_id"], text="edited"
    )
    assert [m["text"] for m in emu.messages(chat["id"])] == ["/search x", "edited"]
    assert [m["text"] for m in emu.bot_messages(chat["id"], after=asked["message_id"])] == [
        "edited"
    ]
    assert emu.bot_messages(chat["id"], after=reply["message_id"]) == []


async def test_objects_handed_out_are_copies(emu: Emulator, chat: dict[str, Any]) -> None:
    emu.messages(chat["id"]).append({"not": "stored"})
    chat["title"] = "changed"
    assert emu.messages(chat["id"]) == []
    assert "title" not in emu.private_chat({"id": chat["id"]})


def test_base_url_needs_a_running_emulator() -> None:
    with pytest.raises(RuntimeError, match="not running"):
        _ = Emulator(token=TOKEN).base_url


def test_a_token_must_look_like_one() -> None:
    with pytest.raises(ValueError, match="token"):
        Emulator(token="not-a-token")
