"""Run the real bot against the fake Bot API: in-process (fast timeouts) or as `python -m bot`."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import sys
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from telegram.ext import Application

from bot.app import ALLOWED_UPDATES, build_application, post_init
from bot.dispatch import Dispatcher
from bot.polling import POLL_POOL, Poller
from bot.request import RetryingRequest
from bot.settings import Settings
from handlers.stores.memory import HandledUpdates
from knowledge.engine import Engine
from tests.support.fake_bot_api import FakeBotAPI
from tests.support.telegram_html import validate, visible_text

FAST_BACKOFF = (0.05, 0.1, 0.2, 0.4, 0.8, 1.6)
ROOT = Path(__file__).parents[2]


def fast_request(read_timeout: float = 1.0, pool: int = 8) -> RetryingRequest:
    return RetryingRequest(
        connection_pool_size=pool,
        read_timeout=read_timeout,
        write_timeout=1.0,
        connect_timeout=1.0,
        pool_timeout=1.0,
        backoff=FAST_BACKOFF,
    )


@asynccontextmanager
async def polling_bot(
    api: FakeBotAPI, engine: Engine, *, rate_limit: bool = True, read_timeout: float = 1.0, **extra: Any
) -> AsyncIterator[Application]:
    """The production Application, polling the fake over loopback HTTP, with short timeouts;
    `extra`: other settings (admin_chat_id=...)."""
    settings = Settings(
        telegram_bot_token=api.token, telegram_api_base_url=api.base_url, _env_file=None, **extra
    )
    poll_request = fast_request(read_timeout + 1, pool=POLL_POOL)
    app = build_application(
        settings,
        engine,
        rate_limit=rate_limit,
        request=fast_request(read_timeout),
        get_updates_request=poll_request,  # shared with the poller, so the app closes it
    )
    await app.initialize()
    await post_init(app)
    await app.start()
    services = app.bot_data.services
    dispatcher = Dispatcher(app, services.metrics, HandledUpdates())
    poller = Poller(
        app.bot.base_url,
        poll_request,
        dispatcher,
        ALLOWED_UPDATES,
        poll_timeout=1,
        confirm_interval=0.1,
    )
    polling = asyncio.create_task(poller.run())
    try:
        yield app
    finally:
        poller.stop()
        await asyncio.wait_for(polling, 10)
        await poller.close()
        await app.stop()
        await app.shutdown()


def check_html(message: dict) -> None:
    """Every reply must be HTML that Telegram accepts, within its length limit."""
    assert validate(message["html"]) is None, message["html"]
    assert len(visible_text(message["html"]).encode("utf-16-le")) // 2 <= 4096


def bot_env(api: FakeBotAPI, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "BOT_", "WEBHOOK_"))}
    env.update(TELEGRAM_BOT_TOKEN=api.token, TELEGRAM_API_BASE_URL=api.base_url, PYTHONPATH=str(ROOT))
    env.update(extra)
    return env


async def start_bot_process(
    env: dict[str, str], cwd: Path, launcher: Sequence[str] = ()
) -> asyncio.subprocess.Process:
    """`python -m bot`, exactly as a user runs it (after `launcher`, such as `env
    --block-signal=HUP,INT`: docs/delivery.md)."""
    return await asyncio.create_subprocess_exec(
        *launcher,
        sys.executable,
        "-m",
        "bot",
        env=env,
        cwd=cwd,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )


async def stop_bot_process(
    proc: asyncio.subprocess.Process, timeout: float = 30, signal_it: bool = True
) -> str:
    """SIGTERM (unless already sent), wait for a clean exit, return everything it printed."""
    if signal_it and proc.returncode is None:
        proc.send_signal(signal.SIGTERM)
    out, _ = await asyncio.wait_for(proc.communicate(), timeout)
    return out.decode(errors="replace")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def wait_until_listening(port: int, timeout: float = 30) -> None:
    """The webhook server registers with Telegram before it listens: wait for the socket."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            if loop.time() > deadline:
                raise TimeoutError(f"nothing listens on port {port}") from None
            await asyncio.sleep(0.05)
        else:
            writer.close()
            await writer.wait_closed()
            return


async def close_raw(writer: asyncio.StreamWriter) -> None:
    """Close a hand-spoken connection for good before the test's loop ends: aborted, not
    closed (a close waits for any unsent bytes the server will never read), and waited for,
    so that no socket outlives its test and warns in another one (a flake seen in CI)."""
    writer.transport.abort()
    with contextlib.suppress(Exception):
        await asyncio.wait_for(writer.wait_closed(), 5)


def rss_mb(pid: int) -> float:
    """A process's resident memory, in MB, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for {pid}")


async def settle(api: FakeBotAPI, quiet: float = 0.1) -> None:
    """Wait until the bot has made no Bot API call (getUpdates aside) for `quiet` seconds:
    every part of an answer has been sent."""

    def busy() -> int:
        return sum(1 for call in api.calls if call.method.lower() != "getupdates")

    seen = -1
    while seen != busy():
        seen = busy()
        await asyncio.sleep(quiet)


async def ask_all(api: FakeBotAPI, chat: int, text: str) -> list[dict]:
    """Send a message; return every message of its answer, each checked as Telegram would."""
    before = len(api.sent_to(chat))
    api.push_text(chat, text)
    await api.wait_for(lambda: len(api.sent_to(chat)) > before, what=f"an answer to {text!r}")
    await settle(api)
    sent = api.sent_to(chat)[before:]
    for message in sent:
        check_html(message)
    return sent


def text_update(update_id: int, chat: int, text: str) -> dict[str, Any]:
    """A Telegram update carrying one private text message, as the Bot API sends it."""
    return {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": 1_700_000_000,
            "text": text,
            "chat": {"id": chat, "type": "private", "first_name": "Web"},
            "from": {"id": chat, "is_bot": False, "first_name": "Web"},
        },
    }
