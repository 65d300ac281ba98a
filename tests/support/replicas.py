"""Several `python -m bot` replicas in webhook mode sharing one Redis, and a small load balancer
in front of them that delivers as Telegram and a load balancer would together: an update is
POSTed to one replica; a non-200 answer or a dropped connection is POSTed again, alternating
between the replicas, until one answers 200."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

from tests.support.e2e import bot_env, free_port, start_bot_process, stop_bot_process, wait_until_listening
from tests.support.fake_bot_api import FakeBotAPI

SECRET = "s3cret-Token_for-replicas"
HOOK = "/telegram/hook"


@dataclass
class Replica:
    name: str
    port: int
    process: asyncio.subprocess.Process
    output: str = ""

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def kill(self) -> None:
        """SIGKILL: no stop, no cleanup, as a crashed machine."""
        self.process.send_signal(signal.SIGKILL)
        out, _ = await asyncio.wait_for(self.process.communicate(), 30)
        self.output += out.decode(errors="replace")


@dataclass
class Delivery:
    update_id: int
    statuses: list[tuple[str, int]] = field(default_factory=list)  # (replica, status or 0)

    @property
    def answered_by(self) -> str | None:
        return next((name for name, status in self.statuses if status == 200), None)


class LoadBalancer:
    def __init__(self, replicas: list[Replica], http: aiohttp.ClientSession, deadline: float = 90.0) -> None:
        self.replicas, self.http, self.deadline = replicas, http, deadline

    async def post(self, update: dict, to: int) -> Delivery:
        """Deliver `update`, first to replica `to`; return every attempt once one got 200."""
        delivery = Delivery(update["update_id"])
        loop = asyncio.get_running_loop()
        give_up = loop.time() + self.deadline
        pause, n = 0.05, 0
        while True:
            replica = self.replicas[(to + n) % len(self.replicas)]
            status = await self._post_once(replica, update)
            delivery.statuses.append((replica.name, status))
            if status == 200:
                return delivery
            if loop.time() > give_up:
                raise TimeoutError(f"update {update['update_id']} never got 200: {delivery.statuses}")
            n += 1
            if n % len(self.replicas) == 0:  # every replica said no: back off, as Telegram does
                await asyncio.sleep(pause)
                pause = min(1.0, pause * 2)

    async def _post_once(self, replica: Replica, update: dict) -> int:
        headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
        try:
            timeout = aiohttp.ClientTimeout(total=30)
            async with self.http.post(replica.url + HOOK, json=update, headers=headers, timeout=timeout) as r:
                return r.status
        except (aiohttp.ClientError, TimeoutError):
            return 0  # refused or dropped: no answer, as Telegram would see it


def replica_env(api: FakeBotAPI, port: int, redis_url: str, **extra: str) -> dict[str, str]:
    return bot_env(
        api,
        BOT_MODE="webhook",
        WEBHOOK_URL=f"https://bot.example.test{HOOK}",
        WEBHOOK_SECRET=SECRET,
        WEBHOOK_PORT=str(port),
        REDIS_URL=redis_url,
        REDIS_TIMEOUT="0.5",
        **extra,
    )


@asynccontextmanager
async def replicas(
    api: FakeBotAPI, redis_url: str, cwd: Path, names: tuple[str, ...] = ("A", "B"), **extra: str
) -> AsyncIterator[tuple[list[Replica], LoadBalancer]]:
    """Start one `python -m bot` per name, all on `redis_url`; stop (or reap) them all after."""
    started: list[Replica] = []
    try:
        for name in names:
            port = free_port()
            process = await start_bot_process(replica_env(api, port, redis_url, **extra), cwd)
            started.append(Replica(name, port, process))
        for replica in started:
            await wait_until_listening(replica.port)
        async with aiohttp.ClientSession() as http:
            yield started, LoadBalancer(started, http)
    finally:
        for replica in started:
            if replica.process.returncode is None:
                replica.output += await stop_bot_process(replica.process)
