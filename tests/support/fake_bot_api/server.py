"""The HTTP transport: the fake Bot API on real loopback HTTP, as the bot meets Telegram.

It checks the token, reads JSON, urlencoded or multipart bodies, applies injected faults at the
connection level (a dropped connection, a slow answer) and hands the rest to methods.py.

A "slow" fault applies the call's side effects after the delay even if the client has already
given up: real Telegram would have delivered a sendMessage the client timed out on, so tests see
the duplicate a naive retry produces. ``if_connected=True`` skips them when the client left.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aiohttp import web

from .methods import METHODS, Method, answer
from .state import BotState
from .wire import Answer, ApiError, bad, canned_fault, decode_params, error

__all__ = ["HttpServer"]


async def _read_params(request: web.Request) -> dict[str, Any]:
    """Merge the query string and the body (JSON, urlencoded or multipart) into decoded values."""
    raw: dict[str, Any] = dict(request.query)
    if request.body_exists:
        if request.content_type == "application/json":
            body = await request.json()
            if not isinstance(body, dict):
                raise ValueError("JSON body must be an object")
            raw.update(body)
        else:
            for key, value in (await request.post()).items():
                if isinstance(value, web.FileField):  # an upload: its name and size are enough
                    raw[key] = {"filename": value.filename, "size": len(value.file.read())}
                else:
                    raw[key] = value
    return decode_params(raw)


def _response(ans: Answer) -> web.Response:
    """An ``Answer`` as an aiohttp response."""
    return web.Response(status=ans.status, body=ans.body, content_type=ans.content_type)


class HttpServer:
    """Serves ``/bot<token>/<method>`` (and 404s file downloads) on 127.0.0.1."""

    def __init__(self, state: BotState, token: str | None, table: Mapping[str, Method] = METHODS) -> None:
        """``token=None`` accepts any token (the benchmark's bots bring their own)."""
        self.state, self.token, self.table = state, token, table
        self.port = 0
        self._runner: web.AppRunner | None = None

    async def start(self, port: int = 0) -> None:
        """Listen on 127.0.0.1 (an OS-chosen port by default)."""
        app = web.Application(client_max_size=64 * 2**20)
        for route in ("/bot{token}/{method}", "/file/bot{token}/{path:.+}"):
            app.router.add_get(route, self._handle)
            app.router.add_post(route, self._handle)
        # Slow faults and long polls end early on stop, so a short shutdown_timeout is enough.
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=2.0)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", port).start()
        self.port = self._runner.addresses[0][1]

    async def stop(self) -> None:
        """Release pending long polls and slow faults, then close the server."""
        self.state.stopping = True
        self.state.changed()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        """Authenticate, record, apply a fault, dispatch."""
        if self.token is not None and request.match_info["token"] != self.token:
            return _response(error(ApiError(401, "Unauthorized")))
        if "path" in request.match_info:
            return _response(error(ApiError(404, "Not Found")))
        name = request.match_info["method"]
        try:
            params = await _read_params(request)
        except ValueError:
            return _response(error(bad("can't parse JSON object")))
        fault = self.state.arrive(name, params)
        if name.lower() not in self.table:
            return _response(error(ApiError(404, "Not Found")))
        if fault is not None:
            if (canned := canned_fault(fault)) is not None:
                return _response(canned)
            if fault.kind == "drop":
                if request.transport is not None:
                    request.transport.abort()  # RST, no status line: the client sees a disconnect
                return web.Response()  # never written; aiohttp discards it on the dead connection
            await self.state.sleep(fault.kw["delay"])  # "slow"
            gone = request.transport is None or request.transport.is_closing()
            if gone and fault.kw.get("if_connected"):
                return web.Response(status=499)
        return _response(await answer(self.state, name, params, self.table))
