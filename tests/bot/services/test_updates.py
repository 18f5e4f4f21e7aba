"""Updates as Telegram really sends them: twice, out of order, of kinds the bot has no use for, and
a group's upgrade to a supergroup (a new chat id) that its settings follow."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from bot.app import build_application, polling
from bot.emulator import Emulator
from bot.services.shared import SharedUpdates, connect
from bot.services.updates import SeenUpdates
from bot.store import open_store
from bot.webhook import SECRET_HEADER, webhook
from index import Library
from tests.bot.chats import TOKEN, Chat, rejected_calls
from tests.bot.loopback import free_port
from tests.services import REDIS, redis_prefix

UPGRADED = "Bad Request: group chat was upgraded to a supergroup chat"


def texts_in(emulator: Emulator, chat: Chat) -> list[str]:
    return [message["text"] for message in emulator.bot_messages(chat.id)]


async def answered(chat: Chat, text: str) -> str:
    """Send `text` and wait for the bot's next message in the chat."""
    (reply,) = await chat.send(text)
    return str(reply["text"])


async def settled(chat: Chat) -> None:
    """Send /reports and wait for its answer: a chat's updates are handled in order, so by then
    every update sent before in it has been handled."""
    since = len(chat.emulator.calls)
    chat.emulator.send_message(chat.chat, chat.user, "/reports")
    await chat.emulator.wait_for(
        lambda call: (
            call.method == "sendMessage"
            and call.params["chat_id"] == chat.id
            and call.params["text"].startswith("<b>Reports</b>")
        ),
        since=since,
    )


async def test_an_update_id_is_new_once_whatever_the_order_and_memory_stays_bounded() -> None:
    seen = SeenUpdates(size=3)
    firsts = [await seen.first_time(n) for n in (5, 3, 4, 5, 3)]
    assert firsts == [True, True, True, False, False]
    assert await seen.first_time(6)
    # The oldest id has left the memory.
    assert await seen.first_time(5)


async def test_with_redis_an_update_id_is_new_once_across_processes() -> None:
    with redis_prefix() as prefix:
        one, other = connect(REDIS), connect(REDIS)
        first, second = SharedUpdates(one, prefix=prefix), SharedUpdates(other, prefix=prefix)
        assert [await first.first_time(7), await second.first_time(7)] == [True, False]
        assert await second.first_time(8)
        await one.aclose()
        await other.aclose()


async def test_an_update_delivered_twice_is_answered_once(private: Chat) -> None:
    emulator = private.emulator
    update = emulator.send_message(private.chat, private.user, "/help")
    await emulator.wait_for(lambda call: call.method == "sendMessage")
    emulator.deliver(update)
    await settled(private)
    assert len(texts_in(emulator, private)) == 2


async def test_updates_out_of_order_are_each_answered_once(private: Chat) -> None:
    emulator = private.emulator
    late = emulator.send_message(private.chat, private.user, "/para 1")
    emulator.withhold(late)
    reports = await answered(private, "/reports")
    since = len(emulator.calls)
    emulator.deliver(late)
    await emulator.wait_for(lambda call: call.method == "sendMessage", since=since)
    await answered(private, "/para 2")
    shown = texts_in(emulator, private)
    assert shown[0] == reports
    assert [text.split(" — ")[0] for text in shown[1:]] == [
        "A/HRC/58/19, para. 1",
        "A/HRC/58/19, para. 2",
    ]


async def test_stickers_photos_and_members_coming_and_going_get_no_reply(
    bot: Emulator, caplog: pytest.LogCaptureFixture
) -> None:
    user = bot.user(first_name="Amina")
    private = Chat(bot, bot.private_chat(user), user)
    group = bot.group_chat(title="Advocates")
    newcomer = bot.user(first_name="Ben")
    bot.send_sticker(private.chat, user)
    bot.send_photo(private.chat, user)
    # A command in a photo's caption is not a command: Telegram's clients send none that way.
    bot.send_photo(private.chat, user, caption="/search trafficking")
    bot.join(group, newcomer)
    bot.send_sticker(group, newcomer)
    bot.leave(group, newcomer)
    await settled(private)
    assert len(texts_in(bot, private)) == 1
    assert bot.bot_messages(group["id"]) == []
    assert not [record for record in caplog.records if record.levelno >= logging.WARNING]


async def test_a_group_upgraded_to_a_supergroup_keeps_its_settings(
    emulator: Emulator, library: Library, tmp_path: Path
) -> None:
    admin = emulator.user(first_name="Lev", language_code="en")
    group = emulator.basic_group(title="Advocates", admins=[admin])
    with open_store(tmp_path) as store:
        async with polling(build_application(TOKEN, emulator.base_url, library, store), 1):
            await answered(Chat(emulator, group, admin), "/lang fr")
            supergroup, notices = emulator.migrate_to_supergroup(group, by=admin)
            for notice in notices:
                await emulator.wait_fetched(notice)
            settings = await answered(Chat(emulator, supergroup, admin), "/settings")
        assert store.all_settings() == {supergroup["id"]: {"language": "fr"}}
    assert "Français" in settings
    assert rejected_calls(emulator) == []


async def test_a_reply_to_a_group_upgraded_meanwhile_goes_to_the_supergroup(
    emulator: Emulator, library: Library, tmp_path: Path
) -> None:
    admin = emulator.user(first_name="Lev", language_code="en")
    group = emulator.basic_group(title="Advocates", admins=[admin])
    with open_store(tmp_path) as store:
        async with polling(build_application(TOKEN, emulator.base_url, library, store), 1):
            await answered(Chat(emulator, group, admin), "/lang es")
            # Upgraded in the same moment as the command is sent: the bot learns of it only when
            # Telegram refuses its reply to the old id.
            emulator.send_message(group, admin, "/settings")
            supergroup, _ = emulator.migrate_to_supergroup(group, by=admin)
            reply = await emulator.wait_for(
                lambda call: (
                    call.method == "sendMessage"
                    and call.ok
                    and call.params["chat_id"] == supergroup["id"]
                )
            )
            # Its next message is in the supergroup, in the language the group chose.
            await answered(Chat(emulator, supergroup, admin), "/reports")
        assert "Español" in reply.params["text"]
        refused = [call for call in emulator.calls if not call.ok]
        assert [(call.params["chat_id"], call.description) for call in refused] == [
            (group["id"], UPGRADED)
        ]
        assert store.all_settings() == {supergroup["id"]: {"language": "es"}}


# By webhook Telegram may post kinds the bot did not ask for, and posts again an update whose
# answer it did not get.

SECRET = "webhook-secret_0123456789"


@pytest.fixture
async def hook(emulator: Emulator, library: Library) -> AsyncIterator[str]:
    """The bot serving by webhook; its URL. Afterwards, no call may have been refused."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram-hook-x7"
    application = build_application(TOKEN, emulator.base_url, library)
    async with webhook(application, library, url=url, secret=SECRET, listen="127.0.0.1", port=port):
        yield url
    assert rejected_calls(emulator) == []


async def post(url: str, update: dict[str, Any]) -> int:
    headers = {"Content-Type": "application/json", SECRET_HEADER: SECRET}
    async with (
        aiohttp.ClientSession() as http,
        http.post(url, data=json.dumps(update), headers=headers) as response,
    ):
        return response.status


async def test_a_webhook_update_posted_again_is_answered_once(
    emulator: Emulator, hook: str
) -> None:
    user = emulator.user(first_name="Amina")
    amina = Chat(emulator, emulator.private_chat(user), user)
    update = emulator.send_message(amina.chat, user, "/help")
    await emulator.wait_for(lambda call: call.method == "sendMessage")
    # As Telegram does when the bot's 200 did not reach it in time.
    assert await post(hook, update) == 200
    await settled(amina)
    assert len(texts_in(emulator, amina)) == 2


async def test_kinds_the_bot_did_not_ask_for_are_taken_and_ignored(
    emulator: Emulator, hook: str, caplog: pytest.LogCaptureFixture
) -> None:
    user = emulator.user(first_name="Amina")
    amina = Chat(emulator, emulator.private_chat(user), user)
    group = emulator.group_chat(title="Advocates", admins=[user])
    channel = emulator.channel(title="News")
    sent = emulator.send_message(amina.chat, user, "/search trafficking")
    await emulator.wait_for(lambda call: call.method == "sendMessage")
    unasked = [
        # An edit does not run a command again.
        emulator.edit_message(sent["message"], "/help"),
        emulator.channel_post(channel, "/search trafficking"),
        emulator.set_bot_status(group, "kicked", by=user),
    ]
    for update in unasked:
        assert await post(hook, update) == 200
    await settled(amina)
    sent_elsewhere = [c for c in emulator.calls if c.method == "sendMessage"][2:]
    assert [call.params["chat_id"] for call in sent_elsewhere] == []
    assert not [record for record in caplog.records if record.levelno >= logging.WARNING]
