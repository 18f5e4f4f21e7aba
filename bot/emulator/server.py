"""The HTTP side: Telegram's URL scheme and request encodings, and the recording of each call."""

from __future__ import annotations

import asyncio
import json
import os
import socket
import struct
from typing import Any

from aiohttp import web

from bot.emulator.errors import ApiError
from bot.emulator.files import MAX_UPLOAD_BYTES, Upload, too_large
from bot.emulator.methods import IMPLEMENTED
from bot.emulator.spec import load_spec
from bot.emulator.state import Call, State

_FORMS = ("application/x-www-form-urlencoded", "multipart/form-data")
# Room for a largest upload and the parameters beside it: a larger file is refused by
# MAX_UPLOAD_BYTES in Telegram's words, not cut off mid-request by aiohttp.
_MAX_REQUEST_BYTES = MAX_UPLOAD_BYTES + 1024 * 1024


async def _raw_params(request: web.Request) -> tuple[dict[str, str], dict[str, Upload]]:
    """The parameters as the Bot API server sees them, every value a string, and the files
    uploaded with them by part name.

    JSON body values that are not strings are re-encoded as JSON, so that both encodings decode
    alike.
    """
    params = dict(request.query)
    uploads: dict[str, Upload] = {}
    if request.content_type == "application/json":
        try:
            body = json.loads(await request.text())
        except ValueError:
            raise ApiError.bad_request("can't parse JSON request body") from None
        if not isinstance(body, dict):
            raise ApiError.bad_request("JSON request body must be an object")
        for name, value in body.items():
            if value is not None:
                params[name] = value if isinstance(value, str) else json.dumps(value)
    elif request.content_type in _FORMS:
        try:
            form = await request.post()
        except web.HTTPRequestEntityTooLarge:
            raise too_large() from None
        for name, value in form.items():
            if isinstance(value, str):
                params[name] = value
            elif isinstance(value, web.FileField):
                uploads[name] = await _upload(value)
    return params, uploads


async def _upload(part: web.FileField) -> Upload:
    """A file part's content, read off the disk aiohttp spooled it to."""
    with part.file:
        size = part.file.seek(0, os.SEEK_END)
        if size > MAX_UPLOAD_BYTES:
            raise too_large()
        part.file.seek(0)
        content = await asyncio.to_thread(part.file.read)
    return Upload(part.filename, content)


class Server:
    def __init__(self, state: State) -> None:
        self.state = state
        self._spec = load_spec()
        self._runner: web.AppRunner | None = None
        self.port = 0

    async def start(self, host: str, port: int) -> None:
        """Listen on `port` (0: any free one; `port` tells which)."""
        app = web.Application(client_max_size=_MAX_REQUEST_BYTES)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_route("*", "/{tail:.*}", self._not_found)
        # Cancelling the handler when the client goes away keeps an abandoned long poll from
        # being recorded, or from taking updates the client will never see.
        runner = web.AppRunner(
            app, access_log=None, handler_cancellation=True, shutdown_timeout=1.0
        )
        await runner.setup()
        await web.TCPSite(runner, host, port).start()
        self._runner = runner
        self.port = runner.addresses[0][1]

    async def stop(self, *, abruptly: bool = False) -> None:
        """Stop listening; `abruptly` cuts open connections rather than letting their calls
        finish, as a server that goes down does."""
        if self._runner is None:
            return
        if abruptly:
            for site in list(self._runner.sites):
                await site.stop()
            # Idle keep-alive connections too: a client would otherwise be answered on them.
            if self._runner.server is not None:
                for connection in self._runner.server.connections:
                    connection.force_close()
        await self._runner.cleanup()
        self._runner = None

    async def _not_found(self, request: web.Request) -> web.Response:
        return web.json_response(ApiError(404, "Not Found").body(), status=404)

    async def _handle(self, request: web.Request) -> web.Response:
        name = request.match_info["method"]
        method = self._spec.method(name)
        self.state.arrive(method.name if method else name)
        params: dict[str, Any] = {}
        try:
            raw, uploads = await _raw_params(request)
            params = raw if method is None else self._spec.decode_leniently(method, raw, uploads)
            if request.match_info["token"] != self.state.token:
                raise ApiError(401, "Unauthorized")
            if method is None:
                raise ApiError(404, "Not Found")
            fault = self.state.take_fault(method.name, params)
            if fault is not None:
                await asyncio.sleep(fault.hang)
                if fault.reset:
                    self.state.record(Call(method.name, params, 0, {}))
                    return await _reset(request)
                if fault.error is not None:
                    raise fault.error
            implementation = IMPLEMENTED.get(method.name)
            if implementation is None:
                raise ApiError(
                    501, f"Not Implemented: the emulator does not implement {method.name}"
                )
            values = self._spec.decode_params(
                method, raw, uploads, implementation.missing, implementation.optional
            )
            body = {"ok": True, "result": await implementation.run(self.state, values)}
            status = 200
        except ApiError as error:
            body, status = error.body(), error.status
        self.state.record(Call(method.name if method else name, params, status, body))
        return web.json_response(body, status=status)


async def _reset(request: web.Request) -> web.Response:
    """Cut the connection with a TCP reset, the request unanswered."""
    transport = request.transport
    if transport is not None:
        connection = transport.get_extra_info("socket")
        # Lingering 0 seconds makes closing send RST rather than FIN: a reset, not an end.
        connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        transport.abort()
    # The lost connection cancels this handler (handler_cancellation); nothing is sent.
    await asyncio.Event().wait()
    raise AssertionError("unreachable: the handler is cancelled with its connection")
