"""Webhook delivery: while a webhook is set, pending updates are POSTed to it, as Telegram does.

One update at a time, oldest first: the next is sent only once the bot has answered the last
with a 2xx status. A failed delivery (another status, no connection, no answer in time) is
recorded as the webhook's last error and retried after a pause that doubles each time; after
`MAX_ATTEMPTS` the update is dropped. Telegram keeps retrying for up to a day; the emulator
gives up within a second, so that a test that stops its bot is not held up by the retries.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import json
import time
from typing import Any

import aiohttp

from bot.emulator.state import Pending, State, Webhook

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_ATTEMPTS = 4
FIRST_RETRY_DELAY = 0.1
"""Seconds before the second attempt; each later pause is twice the one before."""
RESPONSE_TIMEOUT = 10.0
# Waiting for something to deliver wakes at every change of the state, and stop() cancels it;
# this only bounds each wait.
_IDLE_WAIT = 60.0


class Delivery:
    """The task that delivers updates to the webhook, from start() to stop()."""

    def __init__(self, state: State) -> None:
        self._state = state
        self._session: aiohttp.ClientSession | None = None
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=RESPONSE_TIMEOUT))
        self._task = asyncio.create_task(self._run(self._session), name="emulator webhook")

    async def stop(self) -> None:
        """Stop at once, mid-delivery or mid-pause: the update stays pending, as undelivered."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def _run(self, session: aiohttp.ClientSession) -> None:
        while True:
            webhook = self._state.webhook
            pending = self._state.pending()
            if webhook is None or not pending:
                await self._state.pulse.wait(_IDLE_WAIT)
                continue
            await self._deliver(session, webhook, pending[0])

    async def _deliver(
        self, session: aiohttp.ClientSession, webhook: Webhook, entry: Pending
    ) -> None:
        for attempt in range(MAX_ATTEMPTS):
            if attempt:
                await asyncio.sleep(FIRST_RETRY_DELAY * 2 ** (attempt - 1))
                if self._state.webhook is not webhook:
                    return  # deleted or replaced: the update waits for what comes next
            error = await _post(session, webhook, entry.update)
            if error is None:
                self._state.discard(entry, received=True)
                return
            webhook.last_error_date = int(time.time())
            webhook.last_error_message = error
        self._state.discard(entry, received=False)


async def _post(
    session: aiohttp.ClientSession, webhook: Webhook, update: dict[str, Any]
) -> str | None:
    """Send one update; None if the bot took it, else the error in Telegram's words."""
    headers = {"Content-Type": "application/json"}
    if webhook.secret_token is not None:
        headers[SECRET_HEADER] = webhook.secret_token
    try:
        # Telegram follows no redirect: a 3xx is a wrong response like any other.
        async with session.post(
            webhook.url, data=json.dumps(update), headers=headers, allow_redirects=False
        ) as response:
            if 200 <= response.status < 300:
                return None
            return f"Wrong response from the webhook: {response.status} {response.reason}"
    except TimeoutError:
        return "Read timeout expired"
    except aiohttp.ClientConnectorError as error:
        if error.os_error.errno == errno.ECONNREFUSED:
            return "Connection refused"
        return f"Connection failed: {error.os_error.strerror}"
    except aiohttp.ClientError as error:
        return f"Connection failed: {error}"
