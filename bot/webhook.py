"""A stricter handler for PTB's webhook server.

PTB's own handler answers malformed JSON with 500, reads any body up to tornado's 100 MB
default, and logs an undecodable update's data (which may hold a user's text) at CRITICAL.
This one, installed into PTB's updater before `run_webhook`, keeps PTB's secret-token check
(403) and answers 400 to malformed JSON or updates and 413 to bodies over MAX_BODY, without
logging their content; the server keeps serving.
"""

from __future__ import annotations

import asyncio
import json
import logging
from http import HTTPStatus

import tornado.web
from telegram import Bot, Update
from telegram.ext import _updater
from telegram.ext._utils import webhookhandler

log = logging.getLogger(__name__)
MAX_BODY = 1024 * 1024  # real updates are a few kilobytes


@tornado.web.stream_request_body
class GuardedTelegramHandler(webhookhandler.TelegramHandler):
    """The body is bounded while it streams in, then the secret is checked (PTB's check) and
    the update parsed defensively. Refusing only after reading a small body keeps the
    connection usable for the sender."""

    def prepare(self) -> None:
        self._body = bytearray()
        declared = self.request.headers.get("Content-Length", "0")
        if not declared.isdigit() or int(declared) > MAX_BODY:
            raise tornado.web.HTTPError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE)

    def data_received(self, chunk: bytes) -> None:
        self._body += chunk
        if len(self._body) > MAX_BODY:
            raise tornado.web.HTTPError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE)

    async def post(self) -> None:
        self._validate_post()
        try:
            data = json.loads(bytes(self._body).decode("utf-8"))
            update = Update.de_json(data, self.bot) if isinstance(data, dict) else None
        except Exception:
            update = None
        if update is None:
            log.warning("webhook: rejected a malformed update (%d bytes)", len(self._body))
            raise tornado.web.HTTPError(HTTPStatus.BAD_REQUEST)
        self.set_status(HTTPStatus.OK)
        await self.update_queue.put(update)


class GuardedWebhookApp(webhookhandler.WebhookAppClass):
    """PTB's webhook app (same constructor, same quiet request log) with the guarded handler."""

    def __init__(
        self,
        webhook_path: str,
        bot: Bot,
        update_queue: asyncio.Queue[object],
        secret_token: str | None = None,
    ) -> None:
        self.shared_objects = {"bot": bot, "update_queue": update_queue, "secret_token": secret_token}
        handlers = [(rf"{webhook_path}/?", GuardedTelegramHandler, self.shared_objects)]
        tornado.web.Application.__init__(self, handlers)


def install() -> None:
    """Make PTB's updater build its webhook app with the guarded handler."""
    if not hasattr(_updater, "WebhookAppClass"):  # a PTB upgrade moved it: fail loudly
        raise RuntimeError("python-telegram-bot's webhook app class was not found")
    _updater.WebhookAppClass = GuardedWebhookApp
