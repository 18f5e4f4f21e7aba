"""Serving Telegram by webhook: Telegram POSTs each update, an aiohttp server queues it.

python-telegram-bot's own webhook server needs tornado; this one follows PTB's
"customwebhookbot" example instead: the application runs as usual and the web server only puts
`Update` objects on its `update_queue`. Behind a reverse proxy that terminates TLS:

- `POST <the path of the webhook URL>`: an update. Refused with 403 unless it carries the
  secret token given to setWebhook (Telegram sends it in `X-Telegram-Bot-Api-Secret-Token`),
  with 400 unless its body is a JSON update; 200 once it is queued.
- `GET /healthz`: 200 and the number of reports indexed, for the proxy or a monitor.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import os
import signal
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from urllib.parse import urlsplit

from aiohttp import web
from telegram import Update

from bot.app import ALLOWED_UPDATES, running
from bot.context import BotApplication
from index import Library

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
HEALTH_PATH = "/healthz"
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)
# Queuing an update takes no time: this bounds the wait for requests still being read at a stop.
SHUTDOWN_TIMEOUT = 5.0

log = logging.getLogger(__name__)


class CannotListen(Exception):
    """The webhook server cannot bind its address and port; the message says why."""


class _Endpoints:
    def __init__(self, application: BotApplication, library: Library, secret: str) -> None:
        self._application = application
        self._library = library
        self._secret = secret.encode()

    async def update(self, request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "").encode(errors="replace")
        # In constant time, so that the time taken does not tell how much of a guess was right.
        if not hmac.compare_digest(given, self._secret):
            log.warning("refused a webhook request without the right secret token")
            return web.Response(status=403, text="forbidden")
        update = await self._read_update(request)
        if update is None:
            # The body is not logged: it would hold users' words.
            log.warning("refused a webhook request whose body is not a Telegram update")
            return web.Response(status=400, text="not a Telegram update")
        await self._application.update_queue.put(update)
        return web.Response(text="ok")

    async def _read_update(self, request: web.Request) -> Update | None:
        if request.content_type != "application/json":
            return None
        try:
            data = json.loads(await request.read())
        except ValueError:  # not JSON, or not even UTF-8
            return None
        if not (isinstance(data, dict) and isinstance(data.get("update_id"), int)):
            return None
        try:
            return Update.de_json(data, self._application.bot)
        # PTB's parsing fails on malformed objects with all kinds of errors (KeyError,
        # TypeError, AttributeError…); the body comes from outside, so none may crash the bot.
        except Exception:
            return None

    async def health(self, request: web.Request) -> web.Response:
        reports = await asyncio.to_thread(self._library.reports)
        return web.Response(text=f"ok: {len(reports)} report(s) indexed\n")


def _web_app(
    application: BotApplication, library: Library, path: str, secret: str
) -> web.Application:
    endpoints = _Endpoints(application, library, secret)
    app = web.Application()
    app.router.add_post(path, endpoints.update)
    app.router.add_get(HEALTH_PATH, endpoints.health)
    return app


@asynccontextmanager
async def webhook(
    application: BotApplication,
    library: Library,
    *,
    url: str,
    secret: str,
    listen: str,
    port: int,
) -> AsyncIterator[None]:
    """Serve by webhook inside a running event loop, as `bot.app.polling` serves by polling.

    Telegram is told the webhook only once the server listens. At the end the server stops
    first, so nothing new is accepted, then the application handles what is queued and stops:
    every update Telegram saw answered 200 is handled, and Telegram resends the others.
    """
    path = urlsplit(url).path or "/"
    async with running(application):
        runner = web.AppRunner(
            _web_app(application, library, path, secret),
            access_log=None,  # its lines would carry the webhook's path
            shutdown_timeout=SHUTDOWN_TIMEOUT,
        )
        await runner.setup()
        try:
            try:
                await web.TCPSite(runner, listen, port).start()
            except OSError as error:
                reason = os.strerror(error.errno) if error.errno else str(error)
                raise CannotListen(f"cannot listen on {listen}:{port} ({reason})") from None
            await application.bot.set_webhook(
                url, secret_token=secret, allowed_updates=list(ALLOWED_UPDATES)
            )
            yield
        finally:
            await runner.cleanup()


async def serve_webhook(
    application: BotApplication,
    library: Library,
    *,
    url: str,
    secret: str,
    listen: str,
    port: int,
) -> None:
    """Serve by webhook until SIGTERM or SIGINT, then stop as `webhook` does."""
    stopping = asyncio.Event()
    loop = asyncio.get_running_loop()
    # Installed before starting, so a signal during the start stops the bot once it has started.
    for signum in STOP_SIGNALS:
        loop.add_signal_handler(signum, stopping.set)
    try:
        async with webhook(application, library, url=url, secret=secret, listen=listen, port=port):
            reports = await asyncio.to_thread(library.reports)
            # Not the URL: its path is meant to be hard to guess.
            log.info(
                "serving by webhook on %s:%d; %d report(s) indexed", listen, port, len(reports)
            )
            await stopping.wait()
            log.info("stopping: finishing the updates received")
    finally:
        for signum in STOP_SIGNALS:
            loop.remove_signal_handler(signum)
