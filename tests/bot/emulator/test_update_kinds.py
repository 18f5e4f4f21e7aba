"""Updates besides text, buttons and inline queries: stickers, photos, members coming and going,
edits, channel posts, the bot's own membership; and a basic group upgraded to a supergroup."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from bot.emulator import Emulator
from bot.emulator.spec import load_spec
from tests.bot.emulator.clients import Api

Update = dict[str, Any]


def valid(update: Update) -> Update:
    """The update, once api.json's Update type has accepted it."""
    load_spec().check("Update", update, "update")
    return update


KINDS: dict[str, Callable[[Emulator, dict[str, Any], dict[str, Any]], Update]] = {
    "sticker": lambda emu, group, user: emu.send_sticker(group, user),
    "photo": lambda emu, group, user: emu.send_photo(group, user),
    "photo with a caption": lambda emu, group, user: emu.send_photo(group, user, "/search x"),
    "member joins": lambda emu, group, user: emu.join(group, user),
    "member leaves": lambda emu, group, user: emu.leave(group, user),
    "edited message": lambda emu, group, user: emu.edit_message(
        emu.send_message(group, user, "/search chlid")["message"], "/search child"
    ),
    "channel post": lambda emu, group, user: emu.channel_post(emu.channel("News"), "/search x"),
    "bot removed": lambda emu, group, user: emu.set_bot_status(group, "kicked", by=user),
}


@pytest.mark.parametrize("kind", KINDS)
async def test_every_kind_of_update_is_one_telegram_sends_and_reaches_the_bot(
    emu: Emulator, api: Api, kind: str
) -> None:
    user = emu.user(first_name="Ana")
    group = emu.group_chat(title="Advocates")
    update = valid(KINDS[kind](emu, group, user))
    assert (await api.ok("getUpdates"))[-1] == update


async def test_the_kinds_carry_what_telegram_puts_in_them(emu: Emulator) -> None:
    user = emu.user(first_name="Ana")
    group = emu.group_chat()
    sticker = emu.send_sticker(group, user, "🎉")["message"]["sticker"]
    assert (sticker["emoji"], sticker["type"]) == ("🎉", "regular")
    photo = emu.send_photo(group, user, "/search children")["message"]
    assert [size["width"] for size in photo["photo"]] == [90, 320, 800]
    assert photo["caption_entities"] == [{"type": "bot_command", "offset": 0, "length": 7}]
    assert emu.join(group, user)["message"]["new_chat_members"] == [user]
    assert emu.leave(group, user)["message"]["left_chat_member"] == user
    sent = emu.send_message(group, user, "/search chlid")["message"]
    edited = emu.edit_message(sent, "/search child")["edited_message"]
    assert (edited["message_id"], edited["text"]) == (sent["message_id"], "/search child")
    assert "edit_date" in edited
    assert emu.message(group["id"], sent["message_id"]) == edited
    channel = emu.channel("News")
    post = emu.channel_post(channel, "hello")["channel_post"]
    assert (post["sender_chat"], "from" in post) == (channel, False)
    assert emu.bot_messages(channel["id"]) == []


async def test_a_private_chat_whose_user_blocked_the_bot_refuses_it_until_unblocked(
    emu: Emulator, api: Api, chat: dict[str, Any]
) -> None:
    blocked = valid(emu.set_bot_status(chat, "kicked"))["my_chat_member"]
    assert (blocked["old_chat_member"]["status"], blocked["new_chat_member"]["status"]) == (
        "member",
        "kicked",
    )
    assert await api.error("sendMessage", chat_id=chat["id"], text="hi") == (
        403,
        "Forbidden: bot was blocked by the user",
    )
    emu.set_bot_status(chat, "member")
    await api.ok("sendMessage", chat_id=chat["id"], text="hi")


@pytest.mark.parametrize(
    ("status", "description"),
    [
        ("kicked", "Forbidden: bot was kicked from the supergroup chat"),
        ("left", "Forbidden: bot is not a member of the supergroup chat"),
    ],
)
async def test_a_group_the_bot_is_not_in_refuses_it(
    emu: Emulator, api: Api, status: str, description: str
) -> None:
    admin = emu.user(first_name="Lev")
    group = emu.group_chat(admins=[admin])
    emu.set_bot_status(group, status, by=admin)
    assert await api.error("sendChatAction", chat_id=group["id"], action="typing") == (
        403,
        description,
    )


async def test_a_basic_group_upgraded_to_a_supergroup_moves_to_a_new_id(
    emu: Emulator, api: Api
) -> None:
    admin, member = emu.user(first_name="Lev"), emu.user(first_name="Ana")
    group = emu.basic_group("Advocates", admins=[admin])
    assert group["type"] == "group"
    before = emu.send_message(group, member, "/search children")
    await api.ok("sendMessage", chat_id=group["id"], text="results")

    supergroup, (moved_out, moved_in) = emu.migrate_to_supergroup(group, by=admin)
    assert (supergroup["type"], supergroup["title"]) == ("supergroup", "Advocates")
    assert str(supergroup["id"]).startswith("-100")
    assert moved_out["message"]["chat"] == group
    assert moved_out["message"]["migrate_to_chat_id"] == supergroup["id"]
    assert moved_in["message"]["chat"] == supergroup
    assert moved_in["message"]["migrate_from_chat_id"] == group["id"]
    assert ids(await api.ok("getUpdates")) == [
        before["update_id"],
        valid(moved_out)["update_id"],
        valid(moved_in)["update_id"],
    ]

    status, body = await api.call("sendMessage", chat_id=group["id"], text="results")
    assert (status, body) == (
        400,
        {
            "ok": False,
            "error_code": 400,
            "description": "Bad Request: group chat was upgraded to a supergroup chat",
            "parameters": {"migrate_to_chat_id": supergroup["id"]},
        },
    )
    await api.ok("sendMessage", chat_id=supergroup["id"], text="results")
    # The administrators came along.
    member_status = await api.ok("getChatMember", chat_id=supergroup["id"], user_id=admin["id"])
    assert member_status["status"] == "administrator"
    with pytest.raises(ValueError, match="now the supergroup"):
        emu.send_message(group, member, "/help")


async def test_only_a_basic_group_is_upgraded_and_only_by_an_administrator(
    emu: Emulator,
) -> None:
    admin, member = emu.user(first_name="Lev"), emu.user(first_name="Ana")
    with pytest.raises(ValueError, match="not a basic group"):
        emu.migrate_to_supergroup(emu.group_chat(admins=[admin]), by=admin)
    with pytest.raises(ValueError, match="administrator"):
        emu.migrate_to_supergroup(emu.basic_group(admins=[admin]), by=member)


def ids(updates: list[Update]) -> list[int]:
    return [update["update_id"] for update in updates]
