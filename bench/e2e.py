"""End-to-end throughput: the real Application polling the fake Bot API over loopback HTTP,
beside an echo bot with the same python-telegram-bot set-up whose handler replies "ok".

The echo bot is the ceiling PTB plus HTTP allows on this machine; ours is reported as a ratio
to it. The rate limiter is OFF here (and only here): with it, both would be capped at
Telegram's ~30 messages/s and the comparison would measure the limiter.

The fake is the test suite's (tests/support/fake_bot_api) in its lean server mode, in a process
of its own, so that its work does not count against either bot.

Ours runs twice per round: with its state in memory (one process) and in Redis (REDIS_URL, as
replicas run it), on a redis-server the benchmark starts on the fake's core, persistence off.
Without redis-server the Redis run is skipped, with a note.
"""

from __future__ import annotations

import asyncio
import gc
import os
import shutil
import statistics
import sys
import tempfile
import time
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
from handlers.metrics import Metrics
from handlers.stores.shared import SharedState, open_state
from handlers.telegram.context import BotApplication
from knowledge import load_knowledge
from knowledge.engine import Engine
from tests.support.redis_server import RedisServer

ROOT = Path(__file__).resolve().parents[1]  # where `tests.support.fake_bot_api` imports from
_WAIT_S = 300.0  # a round takes seconds; far past that, the bot has lost an update


async def _echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Reply "ok"."""
    if update.message:
        await update.message.reply_text("ok")


def _echo_app(settings: Settings, state: SharedState) -> Application:
    app = application_builder(settings, rate_limit=False).build()
    app.add_handler(MessageHandler(filters.TEXT, _echo))
    return app


async def _throughput(
    make: Callable[[Settings, SharedState], Application[Any, Any, Any, Any, Any, Any]],
    updates: int,
    redis_url: str | None = None,
) -> tuple[float, float]:
    """Updates answered per second, timed by the fake from the first poll to the last answer,
    and the bot's CPU milliseconds per update (which other work on the machine does not
    inflate); the bot's state in Redis at `redis_url`, else in memory."""
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
    port = int(await asyncio.wait_for(server.stdout.readline(), _WAIT_S))
    settings = Settings(
        telegram_bot_token="1:bench-token",
        telegram_api_base_url=f"http://127.0.0.1:{port}/bot",
        redis_url=redis_url,
        redis_prefix=f"bench{port}:",  # each round on keys of its own
        _env_file=None,
    )
    state = open_state(settings.redis_config)
    await state.start()
    if state.link is not None and not state.link.up:
        raise RuntimeError("the benchmark's redis-server does not answer")
    app = make(settings, state)
    await app.initialize()
    await app.start()
    # Both bots take updates the way ours does in production: our poller, which confirms an
    # update only once it is handled (the echo bot pays the same delivery cost).
    dispatcher = Dispatcher(cast(BotApplication, app), Metrics(), state.handled)
    poll_request = HTTPXRequest(connection_pool_size=POLL_POOL, read_timeout=5)
    await poll_request.initialize()
    poller = Poller(app.bot.base_url, poll_request, dispatcher, ALLOWED_UPDATES, poll_timeout=1)
    cpu = time.process_time()
    polling = asyncio.create_task(poller.run())
    try:
        # The fake prints once every chat has its answer: an update the bot never answers must
        # end the run with an error, not leave it (or the test running it) waiting for ever.
        elapsed = float(await asyncio.wait_for(server.stdout.readline(), _WAIT_S))
    except TimeoutError:
        server.kill()
        raise RuntimeError(f"the bot did not answer all {updates} updates within {_WAIT_S:.0f} s") from None
    cpu = time.process_time() - cpu
    poller.stop()
    await polling
    await poller.close()
    await poll_request.shutdown()
    await app.stop()
    await app.shutdown()
    await state.close()
    server.stdin.close()
    await server.wait()
    return updates / elapsed, cpu * 1000 / updates


def run_e2e(quick: bool) -> dict:
    """Alternate echo, ours in memory and ours on Redis a few times; report medians and ratios."""
    updates, rounds = (400, 2) if quick else (2000, 3)
    engine = Engine(load_knowledge())
    # As `python -m bot` does once its knowledge is loaded (bot/__main__.py): the collector no
    # longer re-scans the knowledge base's 200,000 objects in a full collection (one a round,
    # 0.15 s, else), for either bot. Undone at the end, for what runs after the benchmark.
    gc.freeze()
    try:
        return _rounds(engine, updates, rounds)
    finally:
        gc.unfreeze()


def _rounds(engine: Engine, updates: int, rounds: int) -> dict:
    """The rounds of `run_e2e`, on `engine`."""

    def ours(settings: Settings, state: SharedState) -> Application:
        return build_application(settings, engine, rate_limit=False, state=state)

    two_cores = (os.cpu_count() or 1) >= 2
    binary = shutil.which("redis-server")
    with tempfile.TemporaryDirectory() as workdir:
        redis = RedisServer(binary, Path(workdir)) if binary else None
        if redis is not None:
            redis.start()
            if two_cores and redis.process is not None:  # beside the fake, away from the bot
                os.sched_setaffinity(redis.process.pid, {1})
        cores = os.sched_getaffinity(0)
        if two_cores:  # the bot on core 0, the fake on core 1: less noise
            os.sched_setaffinity(0, {0})
        echo_runs, our_runs, redis_runs = [], [], []
        try:
            for _ in range(rounds):
                echo_runs.append(asyncio.run(_throughput(_echo_app, updates)))
                our_runs.append(asyncio.run(_throughput(ours, updates)))
                if redis is not None:
                    redis_runs.append(asyncio.run(_throughput(ours, updates, redis.url)))
        finally:
            os.sched_setaffinity(0, cores)
            if redis is not None:
                redis.stop()

    def median(runs: list[tuple[float, float]], at: int, digits: int = 1) -> float | None:
        return round(statistics.median(r[at] for r in runs), digits) if runs else None

    echo, mine = median(echo_runs, 0), median(our_runs, 0)
    assert echo is not None and mine is not None
    note = f"{updates} updates x {rounds} rounds each, medians; rate limiter off"
    return {
        "e2e_updates_per_s": mine,
        "echo_updates_per_s": echo,
        "e2e_ratio_vs_echo": round(mine / echo, 3),
        "e2e_redis_updates_per_s": median(redis_runs, 0),
        # The bot's CPU time per update: what the state in Redis costs each replica; and the
        # echo bot's, the PTB and HTTP share both pay (the ratio is about the rest).
        "echo_cpu_ms_per_update": median(echo_runs, 1, 3),
        "e2e_cpu_ms_per_update": median(our_runs, 1, 3),
        "e2e_redis_cpu_ms_per_update": median(redis_runs, 1, 3),
        "note": note if redis_runs else note + "; Redis not measured: redis-server not installed",
    }
