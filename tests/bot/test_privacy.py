"""Nothing leaked: with every logger at DEBUG, through real failures (the Bot API unreachable, a
token it refuses, 5xx, a handler failing, a forged webhook post), the logs never show the token,
its secret half or the webhook secret; and from INFO up, never what users wrote, nor their ids
or names."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from dataclasses import dataclass

import aiohttp
import pytest
from telegram.error import InvalidToken, NetworkError

from bot.app import build_application, polling
from bot.emulator import Emulator
from bot.logs import MASK, configure_logging
from bot.webhook import SECRET_HEADER, webhook
from index import Library
from tests.bot.chats import TOKEN, Chat
from tests.bot.loopback import free_port

WEBHOOK_SECRET = "webhook-secret_0123456789"
# Its bot id is the emulator's, its secret half is not: the server answers 401.
REVOKED = "4242424242:a-revoked-token-the-server-refuses"
# What a person might write, and who they are: none of it may be logged at INFO or above.
WORDS = "trafficking near Rue des Lilas"
NAME = "Zainab"
EVERY_LOGGER = ("", "telegram", "httpx", "httpcore", "aiohttp", "asyncio", "bot", "index")


class Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@dataclass
class Logs:
    output: io.StringIO
    """What the bot's own log handler wrote."""
    records: Records
    """Every record, unformatted, for the checks by level."""

    def assert_no_secret(self, *secrets: str) -> None:
        written = self.output.getvalue()
        assert written  # DEBUG logging did happen
        for token in secrets:
            assert token.partition(":")[2] not in written
        assert WEBHOOK_SECRET not in written

    def assert_nothing_personal_from_info_up(self, *private: str) -> None:
        formatter = logging.Formatter()
        for record in self.records.records:
            if record.levelno < logging.INFO:
                continue
            text = record.getMessage()
            if record.exc_info:
                text += formatter.formatException(record.exc_info)
            for item in private:
                assert item not in text, (record.name, record.levelname)


@pytest.fixture
def logs() -> Iterator[Logs]:
    """Logging as `reportbot run` configures it with REPORTBOT_LOG_LEVEL=DEBUG, then every logger
    turned to DEBUG, the quietened ones too; as it was again afterwards."""
    root = logging.getLogger()
    saved_handlers, saved_levels = (
        list(root.handlers),
        {name: logging.getLogger(name).level for name in EVERY_LOGGER},
    )
    output = io.StringIO()
    # The secrets `reportbot run` would pass: the token it was given, the webhook's secret.
    configure_logging("DEBUG", [TOKEN, REVOKED, WEBHOOK_SECRET], stream=output)
    records = Records()
    root.addHandler(records)
    for name in EVERY_LOGGER:
        logging.getLogger(name).setLevel(logging.DEBUG)
    yield Logs(output, records)
    root.handlers[:] = saved_handlers
    for name, level in saved_levels.items():
        logging.getLogger(name).setLevel(level)


async def test_an_unreachable_bot_api_leaks_no_token(logs: Logs, library: Library) -> None:
    application = build_application(TOKEN, f"http://127.0.0.1:{free_port()}/bot", library)
    with pytest.raises(NetworkError) as raised:
        async with polling(application, poll_timeout=1):
            pass
    logging.getLogger("reportbot").error("cannot reach the Bot API", exc_info=raised.value)
    assert TOKEN.partition(":")[2] not in str(raised.value)
    logs.assert_no_secret(TOKEN)


async def test_a_token_the_bot_api_refuses_leaks_nowhere(
    logs: Logs, emulator: Emulator, library: Library
) -> None:
    application = build_application(REVOKED, emulator.base_url, library)
    with pytest.raises(InvalidToken) as raised:
        async with polling(application, poll_timeout=1):
            pass
    logging.getLogger("reportbot").error("refused", exc_info=raised.value)
    assert REVOKED.partition(":")[2] not in str(raised.value)
    assert "401 Unauthorized" in logs.output.getvalue()
    logs.assert_no_secret(REVOKED)


async def test_serving_through_failures_leaks_no_secret_and_nothing_personal(
    logs: Logs, emulator: Emulator, library: Library
) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram-hook-x7"
    user = emulator.user(first_name=NAME, language_code="en")
    zainab = Chat(emulator, emulator.private_chat(user), user)
    application = build_application(TOKEN, emulator.base_url, library)
    async with webhook(
        application, library, url=url, secret=WEBHOOK_SECRET, listen="127.0.0.1", port=port
    ):
        (reply,) = await zainab.send(f"/search {WORDS}")
        # A handler failing on a 400 the bot does not expect, then a 5xx, then a blocked user.
        emulator.fail_next("sendMessage", 400, description="Bad Request: unexpected")
        await zainab.send(f"/search {WORDS}")
        emulator.fail_next("sendMessage", 502)
        await zainab.send(WORDS)
        emulator.fail_next("sendMessage", 403, chat_id=zainab.id)
        since = len(emulator.calls)
        emulator.send_message(zainab.chat, user, WORDS)
        await emulator.wait_for(lambda call: call.status == 403, since=since)
        await zainab.send("/help")
        # Someone without the secret posting an update in Zainab's name.
        async with (
            aiohttp.ClientSession() as http,
            http.post(url, data=b"{}", headers={SECRET_HEADER: "guess"}) as response,
        ):
            assert response.status == 403
    logs.assert_no_secret(TOKEN)
    # The token was there to mask: in every Bot API URL httpx logged.
    assert f"/bot{MASK}/sendMessage" in logs.output.getvalue()
    logs.assert_nothing_personal_from_info_up(WORDS, "Lilas", NAME, str(user["id"]))
    assert "Lilas" in reply["text"]
    # DEBUG has it all: what people write is in the Bot API calls PTB logs.
    assert "Lilas" in logs.output.getvalue()
