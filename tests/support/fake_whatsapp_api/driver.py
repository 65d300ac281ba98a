"""The test-facing fake WhatsApp Cloud API: push what users do (signed webhook bodies POSTed to
the bot), observe what the bot sent, inject faults.

``async with FakeWhatsAppAPI() as api`` serves the Graph API over loopback HTTP
(``api.base_url`` is WHATSAPP_API_BASE_URL); ``api.env()`` is the bot's WhatsApp settings.
"""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import Callable
from typing import Any

import aiohttp

from . import webhook
from .server import HttpServer
from .state import Fault, Sent, WhatsAppState

FAULT_KINDS = frozenset(("500", "drop", "slow", "throttled", "undeliverable"))


class FakeWhatsAppAPI:
    def __init__(
        self,
        *,
        phone_number_id: str = "106540352242922",
        token: str = "EAAGfakeAccessToken0123456789",
        app_secret: str = "0123456789abcdef0123456789abcdef",
        verify_token: str = "fake-verify-token-42",
    ) -> None:
        self.phone_number_id, self.token = phone_number_id, token
        self.app_secret, self.verify_token = app_secret, verify_token
        self.state = WhatsAppState(phone_number_id, token)
        self._server = HttpServer(self.state)
        self._ids = itertools.count(1)
        self._http: aiohttp.ClientSession | None = None

    async def start(self) -> None:
        await self._server.start()
        self._http = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60))

    async def stop(self) -> None:
        if self._http is not None:
            await self._http.close()
        await self._server.stop()

    async def __aenter__(self) -> FakeWhatsAppAPI:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.port}"

    def env(self) -> dict[str, str]:
        """The bot's WhatsApp settings, pointing at this fake."""
        return {
            "WHATSAPP_PHONE_NUMBER_ID": self.phone_number_id,
            "WHATSAPP_ACCESS_TOKEN": self.token,
            "WHATSAPP_APP_SECRET": self.app_secret,
            "WHATSAPP_VERIFY_TOKEN": self.verify_token,
            "WHATSAPP_API_BASE_URL": self.base_url,
        }

    # ---- what users do ----------------------------------------------------------------------

    def new_id(self) -> str:
        return f"wamid.USER{next(self._ids):08d}"

    def says(self, user: str, text: str, *, message_id: str = "", sent_at: float | None = None) -> dict:
        """The webhook body of a typed message (and the user's window opens)."""
        return self._from(user, webhook.text(text), message_id, sent_at)

    def taps(self, user: str, choice: tuple[str, str, str], kind: str = "", message_id: str = "") -> dict:
        """The webhook body of a tapped reply button or list row (`choice` as sent)."""
        choice_id, title, _ = choice
        content = (
            webhook.list_reply(choice_id, title) if kind == "list" else webhook.button_reply(choice_id, title)
        )
        return self._from(user, content, message_id, None)

    def sends_image(self, user: str) -> dict:
        return self._from(user, {"type": "image", "image": {"id": "1", "mime_type": "image/jpeg"}}, "", None)

    def status(self, user: str) -> dict:
        return webhook.status(self.phone_number_id, user, self.state.next_id())

    def _from(self, user: str, content: dict[str, Any], message_id: str, sent_at: float | None) -> dict:
        when = time.time() if sent_at is None else sent_at
        self.state.last_message[user] = max(self.state.last_message.get(user, 0.0), when)
        return webhook.message(self.phone_number_id, user, message_id or self.new_id(), content, when)

    async def deliver(self, url: str, payload: dict, *, signature: str | None = None) -> int:
        """POST a webhook body to the bot's /whatsapp, signed (or with `signature`, "" for
        none); the HTTP status, or 0 if the connection failed."""
        assert self._http is not None, "start the fake first"
        body = webhook.encode(payload)
        sig = webhook.sign(self.app_secret, body) if signature is None else signature
        headers = {"Content-Type": "application/json"}
        if sig:
            headers["X-Hub-Signature-256"] = sig
        try:
            async with self._http.post(url, data=body, headers=headers) as response:
                await response.read()
                return response.status
        except (TimeoutError, aiohttp.ClientError):
            return 0

    async def verify(self, url: str, token: str, challenge: str = "1158201444") -> tuple[int, str]:
        """Meta's subscription check: GET with hub.mode, hub.verify_token, hub.challenge."""
        assert self._http is not None, "start the fake first"
        params = {"hub.mode": "subscribe", "hub.verify_token": token, "hub.challenge": challenge}
        async with self._http.get(url, params=params) as response:
            return response.status, await response.text()

    # ---- observation --------------------------------------------------------------------------

    def sent_to(self, user: str) -> list[Sent]:
        return [s for s in self.state.sent if s.to == user]

    @property
    def read(self) -> list[str]:
        return list(self.state.read)

    @property
    def refused(self) -> list[dict[str, Any]]:
        return list(self.state.refused)

    async def wait_for(self, predicate: Callable[[], Any], timeout: float = 15.0, what: str = "") -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not predicate():
            left = deadline - loop.time()
            if left <= 0:
                raise TimeoutError(
                    f"FakeWhatsAppAPI.wait_for: {what or predicate!r} still false after {timeout}s"
                )
            await self.state.wait_change(min(left, 0.2))

    # ---- faults -------------------------------------------------------------------------------

    def fail(self, kind: str, times: int = 1, delay: float = 0.0) -> None:
        """The next `times` requests: "500", "drop" (no answer), "slow" (`delay` s first),
        "throttled" (Meta's rate limit, 130429, a 400) or "undeliverable" (131026, a 400)."""
        if kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {kind!r}")
        self.state.faults += [Fault(kind, delay) for _ in range(times)]
