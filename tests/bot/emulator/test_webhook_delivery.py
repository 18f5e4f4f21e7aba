"""setWebhook, getWebhookInfo, deleteWebhook, and updates POSTed to a webhook on loopback."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest

from bot.emulator import Emulator
from bot.emulator.delivery import FIRST_RETRY_DELAY, MAX_ATTEMPTS, SECRET_HEADER
from tests.bot.emulator.clients import Api, Receiver
from tests.bot.loopback import free_port

WEBHOOK_ACTIVE = (
    "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete "
    "the webhook first"
)


def message(emu: Emulator, chat: dict[str, Any], user: dict[str, Any], text: str) -> int:
    update_id: int = emu.send_message(chat, user, text)["update_id"]
    return update_id


async def test_get_updates_is_a_conflict_while_a_webhook_is_set(
    api: Api, receiver: Receiver
) -> None:
    assert await api.ok("setWebhook", url=receiver.url) is True
    assert await api.error("getUpdates") == (409, WEBHOOK_ACTIVE)
    assert await api.ok("deleteWebhook") is True
    assert await api.ok("getUpdates") == []
    # An empty URL, or none, removes the webhook too.
    for removal in ({"url": ""}, {}):
        assert await api.ok("setWebhook", url=receiver.url) is True
        assert await api.ok("setWebhook", **removal) is True
        assert await api.ok("getUpdates") == []


async def test_setting_a_webhook_ends_a_pending_long_poll(api: Api, receiver: Receiver) -> None:
    poll = asyncio.create_task(api.call("getUpdates", timeout=5))
    await asyncio.sleep(0.05)
    await api.ok("setWebhook", url=receiver.url)
    status, body = await asyncio.wait_for(poll, 2)
    assert (status, body["description"]) == (409, "Conflict: terminated by setWebhook request")


@pytest.mark.parametrize(
    ("params", "description"),
    [
        ({"url": "http://example.org/hook"}, "An HTTPS URL must be provided for webhook"),
        ({"url": "ftp://127.0.0.1/hook"}, "An HTTPS URL must be provided for webhook"),
        ({"url": "https:///hook"}, "An HTTPS URL must be provided for webhook"),
        ({"url": "https://example.org:8080/hook"}, "only on ports 80, 88, 443 or 8443"),
        ({"url": "https://example.org:99999/hook"}, "only on ports 80, 88, 443 or 8443"),
        (
            {"url": "https://example.org/hook", "secret_token": "a+b"},
            "Bad Request: secret token contains unallowed characters",
        ),
        (
            {"url": "https://example.org/hook", "secret_token": "a" * 257},
            "Bad Request: secret token is too long",
        ),
    ],
)
async def test_set_webhook_refuses_what_telegram_refuses(
    api: Api, params: dict[str, str], description: str
) -> None:
    status, refused = await api.error("setWebhook", **params)
    assert status == 400
    assert description in refused
    assert (await api.ok("getWebhookInfo"))["url"] == ""


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/hook",
        "https://example.org:8443/hook",
        "http://127.0.0.1:8080/hook",
        "http://localhost:1/hook",
        "http://[::1]:9/hook",
    ],
)
async def test_set_webhook_takes_https_and_plain_http_to_this_machine(api: Api, url: str) -> None:
    secret = "A-z_0" * 51 + "9"  # 256 characters
    assert await api.ok("setWebhook", url=url, secret_token=secret) is True
    assert (await api.ok("getWebhookInfo"))["url"] == url


async def test_updates_go_in_order_one_at_a_time_as_json_with_the_secret(
    emu: Emulator, api: Api, receiver: Receiver, chat: dict[str, Any], user: dict[str, Any]
) -> None:
    receiver.gate.clear()
    await api.ok("setWebhook", url=receiver.url, secret_token="s3cr3t_-x")
    updates = [emu.send_message(chat, user, f"m{i}") for i in range(3)]
    await receiver.until(lambda: len(receiver.received) == 1)
    await asyncio.sleep(0.1)
    # The next update waits for the bot's answer to this one.
    assert len(receiver.received) == 1
    assert (await api.ok("getWebhookInfo"))["pending_update_count"] == 3
    receiver.gate.set()
    await receiver.until(lambda: len(receiver.received) == 3)
    assert [received.update for received in receiver.received] == updates
    for received in receiver.received:
        assert received.headers[SECRET_HEADER] == "s3cr3t_-x"
        assert received.headers["Content-Type"] == "application/json"
    await emu.wait_fetched(updates[-1], timeout=1)
    assert (await api.ok("getWebhookInfo"))["pending_update_count"] == 0


async def test_without_a_secret_no_secret_header_is_sent(
    emu: Emulator, api: Api, receiver: Receiver, chat: dict[str, Any], user: dict[str, Any]
) -> None:
    await api.ok("setWebhook", url=receiver.url)
    message(emu, chat, user, "hi")
    await receiver.until(lambda: len(receiver.received) == 1)
    assert SECRET_HEADER not in receiver.received[0].headers


async def test_updates_waiting_are_delivered_unless_dropped_when_the_webhook_is_set(
    emu: Emulator, api: Api, receiver: Receiver, chat: dict[str, Any], user: dict[str, Any]
) -> None:
    waiting = message(emu, chat, user, "sent while the bot polled")
    await api.ok("setWebhook", url=receiver.url)
    await receiver.until(lambda: receiver.ids() == [waiting])
    await api.ok("deleteWebhook")
    message(emu, chat, user, "dropped")
    await api.ok("setWebhook", url=receiver.url, drop_pending_updates=True)
    after = message(emu, chat, user, "after")
    await receiver.until(lambda: receiver.ids() == [waiting, after])


async def test_only_the_kinds_of_update_asked_for_are_delivered(
    emu: Emulator, api: Api, receiver: Receiver, chat: dict[str, Any], user: dict[str, Any]
) -> None:
    await api.ok("setWebhook", url=receiver.url, allowed_updates=["message"])
    emu.inline_query(user, "trafficking")
    wanted = message(emu, chat, user, "hi")
    await receiver.until(lambda: receiver.ids() == [wanted])


async def test_a_failed_delivery_is_retried_after_growing_pauses_and_recorded(
    emu: Emulator, api: Api, receiver: Receiver, chat: dict[str, Any], user: dict[str, Any]
) -> None:
    receiver.statuses = [500, 502]
    await api.ok("setWebhook", url=receiver.url)
    started = int(time.time())
    update_id = message(emu, chat, user, "hi")
    await receiver.until(lambda: len(receiver.received) == 3)
    assert receiver.ids() == [update_id] * 3
    first, second, third = (received.at for received in receiver.received)
    assert second - first >= FIRST_RETRY_DELAY
    assert third - second >= 2 * FIRST_RETRY_DELAY
    info = await api.ok("getWebhookInfo")
    assert info["last_error_message"] == "Wrong response from the webhook: 502 Bad Gateway"
    assert started <= info["last_error_date"] <= time.time()
    assert info["pending_update_count"] == 0


async def test_an_update_is_dropped_after_a_few_failures_and_the_next_goes(
    emu: Emulator, api: Api, receiver: Receiver, chat: dict[str, Any], user: dict[str, Any]
) -> None:
    receiver.statuses = [503] * MAX_ATTEMPTS
    await api.ok("setWebhook", url=receiver.url)
    dropped = message(emu, chat, user, "dropped")
    delivered = message(emu, chat, user, "delivered")
    await receiver.until(lambda: delivered in receiver.ids())
    assert receiver.ids() == [dropped] * MAX_ATTEMPTS + [delivered]
    info = await api.ok("getWebhookInfo")
    assert info["last_error_message"] == "Wrong response from the webhook: 503 Service Unavailable"
    assert info["pending_update_count"] == 0


async def test_an_unreachable_webhook_is_recorded_and_its_update_dropped(
    emu: Emulator, api: Api, chat: dict[str, Any], user: dict[str, Any]
) -> None:
    await api.ok("setWebhook", url=f"http://127.0.0.1:{free_port()}/hook")
    message(emu, chat, user, "hi")
    # Only the Bot API tells when the emulator gives up on an update: ask it until then.
    async with asyncio.timeout(5):
        while (info := await api.ok("getWebhookInfo"))["pending_update_count"]:  # noqa: ASYNC110
            await asyncio.sleep(0.05)
    assert info["last_error_message"] == "Connection refused"


async def test_get_webhook_info_describes_the_webhook_but_never_its_secret(
    api: Api, receiver: Receiver
) -> None:
    await api.ok(
        "setWebhook",
        url=receiver.url,
        secret_token="s3cr3t",
        allowed_updates=["message", "callback_query"],
        max_connections=10,
    )
    assert await api.ok("getWebhookInfo") == {
        "url": receiver.url,
        "has_custom_certificate": False,
        "pending_update_count": 0,
        "max_connections": 10,
        "allowed_updates": ["callback_query", "message"],
    }
    await api.ok("deleteWebhook")
    assert await api.ok("getWebhookInfo") == {
        "url": "",
        "has_custom_certificate": False,
        "pending_update_count": 0,
    }


async def test_stopping_the_emulator_ends_a_delivery_in_progress(
    emu: Emulator, api: Api, receiver: Receiver, chat: dict[str, Any], user: dict[str, Any]
) -> None:
    receiver.gate.clear()
    await api.ok("setWebhook", url=receiver.url)
    message(emu, chat, user, "never answered")
    await receiver.until(lambda: len(receiver.received) == 1)
    started = time.monotonic()
    await asyncio.wait_for(emu.stop(), 2)
    assert time.monotonic() - started < 1
