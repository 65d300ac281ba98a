"""A long Bot API outage in webhook mode, end to end: `python -m bot` as a real process on
loopback, the fake Bot API answering 502 and then refusing connections, and this test playing
Telegram: it POSTs updates during the outage and delivers again every one not answered 200.

Every update is answered exactly once after the API is back, never with an apology in place of
its answer, the webhook answers 5xx (never 200) while an answer cannot be delivered, nothing
prints a traceback, and a stop with the API unreachable or hanging ends within SHUTDOWN_GRACE
+ 2 s. The suite runs a 12 s outage with a short retry chain; WEBHOOK_OUTAGE_S=30 (and
WEBHOOK_OUTAGE_BACKOFF= for the default chain of about 16 s) runs the issue's 30 s by hand
(docs/delivery.md has the figures)."""

from __future__ import annotations

import asyncio
import os
import signal
import time
from pathlib import Path

import aiohttp
import pytest

from tests.support.e2e import (
    bot_env,
    free_port,
    start_bot_process,
    stop_bot_process,
    text_update,
    wait_until_listening,
)
from tests.support.fake_bot_api import FakeBotAPI

SECRET = "s3cret-Token_for-outage"
HOOK = "/telegram/hook"
OUTAGE = float(os.environ.get("WEBHOOK_OUTAGE_S", "12"))
# The bot's retries of one request (about 3.5 s here, so that they run out well within the
# outage, as the default chain of about 16 s does within a 30 s one).
BACKOFF = os.environ.get("WEBHOOK_OUTAGE_BACKOFF", "0.5,1,2")
GRACE = 2.0
EXIT_SLACK = 1.5  # the interpreter's exit after the bot's last line, on a loaded machine
REDELIVER_EVERY = 1.0  # Telegram waits longer; a short wait only makes the test harder
CHATS = (23_001, 23_002, 23_003, 23_004, 23_005, 23_006)
APOLOGY = "something went wrong"


class Telegram:
    """Delivers an update to the webhook until it is answered 200, as Telegram does."""

    def __init__(self, http: aiohttp.ClientSession, port: int) -> None:
        self.http, self.url = http, f"http://127.0.0.1:{port}{HOOK}"
        self.statuses: dict[int, list[int]] = {}

    async def post(self, update: dict) -> int:
        headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
        try:
            async with self.http.post(self.url, json=update, headers=headers) as response:
                return response.status
        except aiohttp.ClientError:
            return 0

    async def deliver(self, update: dict, deadline: float) -> None:
        seen = self.statuses.setdefault(update["update_id"], [])
        while time.monotonic() < deadline:
            seen.append(await self.post(update))
            if seen[-1] == 200:
                return
            await asyncio.sleep(REDELIVER_EVERY)


async def stop_timed(proc: asyncio.subprocess.Process) -> tuple[float, str]:
    began = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    out = await stop_bot_process(proc, timeout=60, signal_it=False)
    return time.monotonic() - began, out


@pytest.mark.parametrize("stop_while", ["unreachable", "hang"])
async def test_a_long_outage_in_webhook_mode_loses_nothing_and_stops_in_time(
    tmp_path: Path, stop_while: str
) -> None:
    port = free_port()
    async with FakeBotAPI() as api, aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120)) as http:
        env = bot_env(
            api,
            BOT_MODE="webhook",
            WEBHOOK_URL=f"https://bot.example.test{HOOK}",
            WEBHOOK_SECRET=SECRET,
            WEBHOOK_PORT=str(port),
            SHUTDOWN_GRACE=str(GRACE),
            **({"BOT_API_RETRY_BACKOFF": BACKOFF} if BACKOFF else {}),
        )
        proc = await start_bot_process(env, tmp_path)
        telegram = Telegram(http, port)
        try:
            await api.wait_for(lambda: api.webhook.get("url"), timeout=60, what="setWebhook")
            await wait_until_listening(port)
            assert await telegram.post(text_update(1, CHATS[0], "zinc")) == 200  # serving

            # The outage: 502s for the first half, then no connection at all.
            began = time.monotonic()
            api.outage(OUTAGE, "502")
            deadline = began + OUTAGE + 90
            updates = [text_update(10 + n, chat, "magnesium") for n, chat in enumerate(CHATS)]
            deliveries = []
            for update in updates:  # arriving one after another while the API is down
                deliveries.append(asyncio.create_task(telegram.deliver(update, deadline)))
                await asyncio.sleep(OUTAGE / 2 / len(updates))
            await api.unreachable()
            await asyncio.sleep(max(0.0, began + OUTAGE - time.monotonic()))
            api.end_outage()
            await api.reachable()
            await asyncio.wait_for(asyncio.gather(*deliveries), timeout=deadline - time.monotonic() + 5)
            recovered = time.monotonic() - began - OUTAGE

            # A last update meets the API unreachable or hanging, and the bot is stopped.
            if stop_while == "hang":
                api.outage(600, "hang")
            else:
                await api.unreachable()
            last = asyncio.create_task(telegram.post(text_update(99, 23_099, "zinc")))
            await asyncio.sleep(1.0)
            took, out = await stop_timed(proc)
            last_status = await last
        finally:
            if proc.returncode is None:
                proc.kill()
                await proc.wait()
        print(
            f"webhook outage {OUTAGE:.0f} s, stop while {stop_while}: all answered "
            f"{recovered:.1f} s after the API was back; deliveries per update "
            f"{[len(s) for s in telegram.statuses.values()]}; stop {took:.1f} s"
        )
        for update in updates:
            statuses = telegram.statuses[update["update_id"]]
            assert statuses[-1] == 200, statuses
            assert all(s >= 500 or s == 0 for s in statuses[:-1]), statuses  # never 4xx, never a 200 lost
        assert any(len(telegram.statuses[u["update_id"]]) > 1 for u in updates)  # some were redelivered
        for chat in CHATS[1:]:
            sent = api.sent_to(chat)
            assert len(sent) == 1, (chat, [m["text"][:40] for m in sent])  # exactly once
            assert sent[0]["text"].startswith("Magnesium"), sent[0]["text"][:80]
        assert not any(APOLOGY in m["text"].lower() for m in api.all_sent())
        assert last_status != 200 and not api.sent_to(23_099)  # not answered: Telegram will redeliver
        assert took <= GRACE + 2 + EXIT_SLACK, (took, out)
        assert proc.returncode == 0, out
        assert "Traceback" not in out, out
