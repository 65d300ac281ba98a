"""The real WhatsApp side of the bot against the fake Cloud API: in-process (our HTTP server
on a loopback port, the production composition of bot/whatsapp.py) or as `python -m bot`."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from bot.app import conversation_service
from bot.http_server import HttpServer, Limits
from bot.settings import Settings
from bot.whatsapp import build_whatsapp
from handlers.metrics import Metrics
from handlers.stores.shared import SharedState
from handlers.whatsapp.bot import WhatsAppBot
from knowledge.engine import Engine
from tests.support.e2e import ROOT, free_port
from tests.support.fake_whatsapp_api import FakeWhatsAppAPI


@dataclass
class Running:
    url: str  # the bot's /whatsapp
    bot: WhatsAppBot
    metrics: Metrics
    server: HttpServer


def settings_for(api: FakeWhatsAppAPI, **extra: Any) -> Settings:
    return Settings(
        _env_file=None,
        whatsapp_phone_number_id=api.phone_number_id,
        whatsapp_access_token=api.token,
        whatsapp_app_secret=api.app_secret,
        whatsapp_verify_token=api.verify_token,
        whatsapp_api_base_url=api.base_url,
        **extra,
    )


@asynccontextmanager
async def whatsapp_bot(
    api: FakeWhatsAppAPI, engine: Engine, state: SharedState | None = None, **extra: Any
) -> AsyncIterator[Running]:
    settings = settings_for(api, **extra)
    state = state or SharedState()
    metrics = Metrics()
    service = conversation_service(settings, engine, state, metrics)
    bot, session = build_whatsapp(settings, service, state, metrics)
    server = HttpServer(metrics, lambda: {}, limits=Limits(body_timeout=2.0), whatsapp=bot)
    port = free_port()
    await server.start("127.0.0.1", port)
    try:
        yield Running(f"http://127.0.0.1:{port}/whatsapp", bot, metrics, server)
    finally:
        await server.stop()
        await session.aclose()


def whatsapp_env(api: FakeWhatsAppAPI, port: int, **extra: str) -> dict[str, str]:
    """`python -m bot` with only the WhatsApp settings (no Telegram token)."""
    ours = ("TELEGRAM_", "BOT_", "WEBHOOK_", "WHATSAPP_", "REDIS_")
    env = {k: v for k, v in os.environ.items() if not k.startswith(ours)}
    env.update(api.env(), WEBHOOK_LISTEN="127.0.0.1", WEBHOOK_PORT=str(port), PYTHONPATH=str(ROOT))
    env.update(extra)
    return env
