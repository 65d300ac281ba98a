"""The HTTP transport: the fake Graph API on real loopback HTTP, as the bot meets Meta.

It checks the bearer token and the phone number id, applies injected faults at the connection
level (a dropped connection, a slow answer, a 500) and hands the rest to methods.py.
"""

from __future__ import annotations

import asyncio
import json

from aiohttp import web

from .methods import Refused, messages
from .state import WhatsAppState


def _error(refused: Refused) -> web.Response:
    return web.json_response(refused.envelope(), status=refused.status)


class HttpServer:
    def __init__(self, state: WhatsAppState) -> None:
        self.state = state
        self.port = 0
        self._runner: web.AppRunner | None = None

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/{version}/{phone_number_id}/messages", self._messages)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        self.port = self._runner.addresses[0][1]

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _messages(self, request: web.Request) -> web.StreamResponse:
        state = self.state
        state.requests += 1
        if request.headers.get("Authorization") != f"Bearer {state.token}":
            return _error(Refused(190, "Invalid OAuth access token", 401))
        if request.match_info["phone_number_id"] != state.phone_number_id:
            return _error(Refused(100, "Unsupported post request: unknown phone number id"))
        if not request.match_info["version"].startswith("v"):
            return _error(Refused(2500, "Unknown path components", 400))
        fault = state.take_fault()
        if fault is not None:
            if fault.kind == "drop":
                if request.transport is not None:
                    request.transport.close()
                return web.Response(status=500)
            if fault.kind == "500":
                return _error(Refused(1, "An unknown error occurred", 500))
            if fault.kind == "throttled":
                return _error(Refused(130429, "Rate limit hit"))
            if fault.kind == "undeliverable":
                return _error(Refused(131026, "Message undeliverable"))
            if fault.kind == "slow":
                await asyncio.sleep(fault.delay)
        try:
            body = json.loads(await request.read())
            if not isinstance(body, dict):
                raise ValueError("not an object")
        except ValueError:
            return _error(Refused(100, "Invalid JSON body"))
        try:
            answer = messages(state, body)
        except Refused as refused:
            state.refused.append({"reason": refused.message, "code": refused.code, "body": body})
            state.changed()
            return _error(refused)
        state.changed()
        return web.json_response(answer)
