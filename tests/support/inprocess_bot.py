"""The production Application answering through the fake Bot API's in-process transport: for
handler tests that need no sockets."""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from telegram import Update
from telegram.ext import Application

from bot.app import build_application
from bot.settings import Settings
from knowledge.engine import Engine
from tests.support.fake_bot_api import InProcessAPI

TOKEN = "123456:TEST-token_abc"
_ids = itertools.count(1)


@asynccontextmanager
async def in_process_app(engine: Engine, **settings: Any) -> AsyncIterator[tuple[Application, InProcessAPI]]:
    api = InProcessAPI()
    config = Settings(telegram_bot_token=TOKEN, _env_file=None, **settings)
    app = build_application(config, engine, rate_limit=False, request=api, get_updates_request=api)
    async with app:
        yield app, api


async def feed(app: Application, **update: Any) -> None:
    """One update, as Telegram would deliver it, handled to the end."""
    await app.process_update(Update.de_json({"update_id": next(_ids), **update}, app.bot))
