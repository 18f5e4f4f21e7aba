"""Updates delivered twice, and updates out of order, by getUpdates and by webhook: what a bot
must survive though Telegram seldom does it (a lost confirmation, a restart, a retried webhook)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from bot.emulator import Emulator
from tests.bot.emulator.clients import Api, Receiver


def ids(updates: list[dict[str, Any]]) -> list[int]:
    return [update["update_id"] for update in updates]


async def test_getupdates_forgets_what_an_offset_confirmed_and_keeps_the_rest(
    emu: Emulator, api: Api, chat: dict[str, Any], user: dict[str, Any]
) -> None:
    first, second, third = (emu.send_message(chat, user, f"m{i}")["update_id"] for i in range(3))
    assert ids(await api.ok("getUpdates", offset=second + 1)) == [third]
    later = emu.send_message(chat, user, "later")["update_id"]
    # No offset confirms nothing more, and brings nothing confirmed back.
    assert ids(await api.ok("getUpdates")) == [third, later]
    assert ids(await api.ok("getUpdates", offset=first)) == [third, later]
    assert ids(await api.ok("getUpdates", offset=later + 1)) == []


async def test_an_update_is_confirmed_when_a_long_poll_with_a_higher_offset_arrives(
    emu: Emulator, api: Api, chat: dict[str, Any], user: dict[str, Any]
) -> None:
    update = emu.send_message(chat, user, "/help")
    assert await api.ok("getUpdates") == [update]
    with pytest.raises(TimeoutError):
        await emu.wait_confirmed(update, timeout=0.05)
    poll = asyncio.create_task(api.ok("getUpdates", offset=update["update_id"] + 1, timeout=5))
    # Confirmed as the poll arrives, long before it is answered.
    await emu.wait_confirmed(update, timeout=2)
    assert not poll.done()
    later = emu.send_message(chat, user, "later")
    assert await poll == [later]


async def test_a_duplicate_comes_again_whatever_the_offset_then_an_offset_confirms_it(
    emu: Emulator, api: Api, chat: dict[str, Any], user: dict[str, Any]
) -> None:
    update = emu.send_message(chat, user, "/help")
    assert await api.ok("getUpdates") == [update]
    assert await api.ok("getUpdates", offset=update["update_id"] + 1) == []
    emu.deliver(update)
    assert await api.ok("getUpdates", offset=update["update_id"] + 1) == [update]
    assert await api.ok("getUpdates", offset=update["update_id"] + 1) == []


async def test_a_withheld_update_arrives_after_later_ones(
    emu: Emulator, api: Api, chat: dict[str, Any], user: dict[str, Any]
) -> None:
    early = emu.send_message(chat, user, "early")
    emu.withhold(early)
    late = emu.send_message(chat, user, "late")
    assert await api.ok("getUpdates") == [late]
    assert await api.ok("getUpdates", offset=late["update_id"] + 1) == []
    emu.deliver(early)
    assert await api.ok("getUpdates", offset=late["update_id"] + 1) == [early]


async def test_out_of_order_in_one_batch_a_bot_confirming_the_last_id_gets_the_higher_again(
    emu: Emulator, api: Api, chat: dict[str, Any], user: dict[str, Any]
) -> None:
    early = emu.send_message(chat, user, "early")
    emu.withhold(early)
    late = emu.send_message(chat, user, "late")
    emu.deliver(early)
    assert ids(await api.ok("getUpdates")) == [late["update_id"], early["update_id"]]
    # python-telegram-bot's offset is the batch's last update_id + 1: below `late`.
    assert await api.ok("getUpdates", offset=early["update_id"] + 1) == [late]


async def test_withholding_needs_an_update_not_yet_fetched(
    emu: Emulator, api: Api, chat: dict[str, Any], user: dict[str, Any]
) -> None:
    update = emu.send_message(chat, user, "hi")
    await api.ok("getUpdates")
    with pytest.raises(ValueError, match="not waiting"):
        emu.withhold(update)
    with pytest.raises(ValueError, match="one kind"):
        emu.deliver({"update_id": 1})


async def test_by_webhook_a_duplicate_and_an_update_out_of_order_are_posted_as_they_are(
    emu: Emulator, api: Api, chat: dict[str, Any], user: dict[str, Any], receiver: Receiver
) -> None:
    await api.ok("setWebhook", url=receiver.url)
    first = emu.send_message(chat, user, "first")
    await receiver.until(lambda: len(receiver.received) == 1)
    early = emu.send_message(chat, user, "early")
    emu.withhold(early)
    late = emu.send_message(chat, user, "late")
    await receiver.until(lambda: len(receiver.received) == 2)
    emu.deliver(early)
    emu.deliver(first)
    await receiver.until(lambda: len(receiver.received) == 4)
    assert receiver.ids() == [
        first["update_id"],
        late["update_id"],
        early["update_id"],
        first["update_id"],
    ]
    assert [received.update for received in receiver.received][2:] == [early, first]
    assert (await api.ok("getWebhookInfo"))["pending_update_count"] == 0
