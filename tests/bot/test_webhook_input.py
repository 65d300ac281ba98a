"""Our webhook server against hostile input and an unavailable Bot API, over loopback HTTP with
the real Application behind it: 400 in one rate-limited line (never a traceback, never the bytes
sent), and 503 for an update the Bot API could not answer yet."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator
from typing import Any

import pytest

from bot.app import build_application
from bot.dispatch import Dispatcher
from bot.http_server import SECRET_HEADER, HttpServer, Webhook
from bot.request import ApiHealth
from bot.settings import Settings
from handlers.stores.memory import HandledUpdates
from handlers.telegram import wording
from knowledge.engine import Engine
from tests.support.e2e import close_raw, free_port
from tests.support.fake_bot_api import InProcessAPI, message

TOKEN = "123456:TEST-token_abc"
SECRET = "hook-secret"
MARK = "ATTACKER-BYTES"


@pytest.fixture
async def served(engine: Engine) -> AsyncIterator[tuple[int, InProcessAPI, ApiHealth]]:
    api = InProcessAPI()
    settings = Settings(telegram_bot_token=TOKEN, _env_file=None)
    app = build_application(settings, engine, rate_limit=False, request=api, get_updates_request=api)
    health = ApiHealth()
    async with app:
        dispatcher = Dispatcher(app, app.bot_data.services.metrics, HandledUpdates(), health)
        webhook = Webhook("/hook", SECRET, dispatcher, lambda: health.down)
        server = HttpServer(app.bot_data.services.metrics, lambda: {}, webhook)
        port = free_port()
        await server.start("127.0.0.1", port)
        try:
            yield port, api, health
        finally:
            await server.stop()


async def raw_request(port: int, data: bytes) -> int:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(data)
    await writer.drain()
    try:
        line = await asyncio.wait_for(reader.readline(), 10)
    finally:
        await close_raw(writer)
    return int(line.split()[1])


def post(body: bytes, extra: str = "") -> bytes:
    head = (
        f"POST /hook HTTP/1.1\r\nHost: x\r\n{SECRET_HEADER}: {SECRET}\r\n{extra}"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body


def update(**fields: Any) -> bytes:
    return json.dumps({"update_id": 1, **fields}).encode()


HOSTILE = {
    "oversized header": post(b"{}", f"X-Big: {MARK}{'A' * 9000}\r\n"),
    "bad request line": f"GET /{MARK} HTTP/1.1 junk\r\n\r\n".encode(),
    "not http": f"\x16\x03\x01{MARK}\r\n\r\n".encode(),
    "deep json": post(b"[" * 100_000 + b"]" * 100_000),
    "deep update": post(b'{"update_id": 1, "message": ' + b'{"x": ' * 5000 + b"1" + b"}" * 5001),
    "text is a list": update(message=message(None) | {"text": [MARK]}),
    "text is an object": update(message=message(None) | {"text": {"a": MARK}}),
    "chat id is a string": update(message=message("hi") | {"chat": {"id": MARK, "type": "private"}}),
    "callback data is a number": update(
        callback_query={
            "id": "1",
            "from": {"id": 1, "is_bot": False, "first_name": "A"},
            "chat_instance": "c",
            "data": 5,
        }
    ),
    "inline query is null": update(
        inline_query={
            "id": "1",
            "from": {"id": 1, "is_bot": False, "first_name": "A"},
            "query": None,
            "offset": "",
        }
    ),
}


@pytest.mark.parametrize("name", list(HOSTILE))
async def test_hostile_input_is_a_400_in_one_line_without_a_traceback(
    served: tuple[int, InProcessAPI, ApiHealth], name: str, caplog: pytest.LogCaptureFixture
) -> None:
    port, api, _ = served
    caplog.set_level(logging.DEBUG)
    statuses = [await raw_request(port, HOSTILE[name]) for _ in range(20)]
    assert set(statuses) == {400}, statuses
    assert "Traceback" not in caplog.text and MARK not in caplog.text
    assert not [r for r in caplog.records if r.exc_info]
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) <= 1, [r.getMessage() for r in warnings]  # rate-limited: 20 requests, 1 line
    assert not api.sent()  # no handler ran


async def test_an_update_the_bot_api_could_not_answer_gets_503_and_no_apology(
    served: tuple[int, InProcessAPI, ApiHealth],
) -> None:
    port, api, health = served
    api.fail_with["sendMessage"] = (502, "Bad Gateway")
    body = update(message=message("zinc", chat_id=55, user_id=55))
    assert await raw_request(port, post(body)) == 503
    assert health.down
    assert (
        await raw_request(port, post(json.dumps({"update_id": 2, "message": message("gaba")}).encode()))
        == 503
    )
    health.record(True)  # the API answers again (the probe's getMe)
    assert await raw_request(port, post(body)) == 200  # Telegram's redelivery is answered
    texts = [p["text"] for p in api.sent()]
    assert texts and texts[-1].startswith("<b>Zinc") and wording.ERROR_TEXT not in texts
