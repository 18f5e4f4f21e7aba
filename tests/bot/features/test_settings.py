"""Per-chat settings: /settings shows them; in groups only administrators change them."""

from __future__ import annotations

from bot.emulator import Emulator
from tests.bot.chats import USERNAME, Chat

# The bundled index holds one report; /report names it.
SYMBOL = "A/HRC/58/19"


async def test_settings_show_the_chats_report(private: Chat) -> None:
    (reply,) = await private.send("/settings")
    assert f"Report for /para and /cite: {SYMBOL} (the most recent" in reply["text"]
    await private.send(f"/report {SYMBOL}")
    (reply,) = await private.send("/settings")
    assert f"{SYMBOL} (chosen with /report)" in reply["text"]
    assert "administrators" not in reply["text"]


async def test_only_group_administrators_change_the_groups_settings(bot: Emulator) -> None:
    admin = bot.user(first_name="Rosa")
    member = bot.user(first_name="Tomas")
    group = bot.group_chat(title="Coalition", admins=[admin])
    as_member = Chat(bot, group, member)
    as_admin = Chat(bot, group, admin)

    (reply,) = await as_member.send(f"/report@{USERNAME} {SYMBOL}")
    assert reply["text"] == "Only this group's administrators can change its settings."
    (reply,) = await as_member.send("/settings")
    assert "(the most recent" in reply["text"]
    assert "only its administrators can change these" in reply["text"]

    (reply,) = await as_admin.send(f"/report {SYMBOL}")
    assert f"This chat's report is now {SYMBOL}" in reply["text"]
    (reply,) = await as_member.send("/settings")
    assert "(chosen with /report)" in reply["text"]
    # Anyone may still read: listing reports is not a change.
    (reply,) = await as_member.send("/report")
    assert SYMBOL in reply["text"]
