"""End-to-end throughput: the real Application polling the fake Bot API over loopback HTTP,
beside an echo bot with the same python-telegram-bot set-up whose handler replies "ok".

The echo bot is the ceiling PTB plus HTTP allows on this machine; ours is reported as a ratio
to it. The rate limiter is OFF here (and only here): with it, both would be capped at
Telegram's ~30 messages/s and the comparison would measure the limiter.

The fake is the test suite's (tests/support/fake_bot_api) in its lean server mode, in a process
of its own, so that its work does not count against either bot.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

from telegram import Update
from telegram.ext import Application, ContextTypes, MessageHandler, filters
from telegram.request import HTTPXRequest

from bot.app import ALLOWED_UPDATES, application_builder, build_application
from bot.dispatch import Dispatcher
from bot.polling import POLL_POOL, Poller
from bot.settings import Settings
from handlers.context import BotApplication
from handlers.metrics import Metrics
from handlers.state import HandledUpdates
from knowledge import load_knowledge
from knowledge.engine import Engine

ROOT = Path(__file__).resolve().parents[1]  # where `tests.support.fake_bot_api` imports from


async def _echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Reply "ok"."""
    if update.message:
        await update.message.reply_text("ok")


def _echo_app(settings: Settings) -> Application:
    app = application_builder(settings, rate_limit=False).build()
    app.add_handler(MessageHandler(filters.TEXT, _echo))
    return app


async def _throughput(
    make: Callable[[Settings], Application[Any, Any, Any, Any, Any, Any]], updates: int
) -> float:
    """Updates answered per second, timed by the fake from the first poll to the last answer."""
    pin = [] if (os.cpu_count() or 1) < 2 else ["1"]
    server = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "tests.support.fake_bot_api",
        "serve",
        str(updates),
        *pin,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        cwd=ROOT,
    )
    assert server.stdout is not None and server.stdin is not None
    port = int(await server.stdout.readline())
    settings = Settings(
        telegram_bot_token="1:bench-token",
        telegram_api_base_url=f"http://127.0.0.1:{port}/bot",
        _env_file=None,
    )
    app = make(settings)
    await app.initialize()
    await app.start()
    # Both bots take updates the way ours does in production: our poller, which confirms an
    # update only once it is handled (the echo bot pays the same delivery cost).
    dispatcher = Dispatcher(cast(BotApplication, app), Metrics(), HandledUpdates())
    poll_request = HTTPXRequest(connection_pool_size=POLL_POOL, read_timeout=5)
    await poll_request.initialize()
    poller = Poller(app.bot.base_url, poll_request, dispatcher, ALLOWED_UPDATES, poll_timeout=1)
    polling = asyncio.create_task(poller.run())
    elapsed = float(await server.stdout.readline())
    poller.stop()
    await polling
    await poller.close()
    await poll_request.shutdown()
    await app.stop()
    await app.shutdown()
    server.stdin.close()
    await server.wait()
    return updates / elapsed


def run_e2e(quick: bool) -> dict:
    """Alternate echo and ours a few times; report medians and their ratio."""
    updates, rounds = (400, 2) if quick else (2000, 3)
    engine = Engine(load_knowledge())

    def ours(settings: Settings) -> Application:
        return build_application(settings, engine, rate_limit=False)

    cores = os.sched_getaffinity(0)
    if (os.cpu_count() or 1) >= 2:  # the bot on core 0, the fake on core 1: less noise
        os.sched_setaffinity(0, {0})
    echo_rates, our_rates = [], []
    try:
        for _ in range(rounds):
            echo_rates.append(asyncio.run(_throughput(_echo_app, updates)))
            our_rates.append(asyncio.run(_throughput(ours, updates)))
    finally:
        os.sched_setaffinity(0, cores)
    echo, mine = statistics.median(echo_rates), statistics.median(our_rates)
    return {
        "e2e_updates_per_s": round(mine, 1),
        "echo_updates_per_s": round(echo, 1),
        "e2e_ratio_vs_echo": round(mine / echo, 3),
        "note": f"{updates} updates x {rounds} rounds each, medians; rate limiter off",
    }
