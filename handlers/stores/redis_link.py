"""One connection to Redis for every store, and whether Redis answers.

The stores (handlers/stores/redis.py) ask `up` before each call: while Redis is down they skip
it at once and answer degraded, so a message never waits out a timeout Redis already failed.
A probe (PING, once a second) notices both ways: a Redis that stopped answering with no traffic
(so /readyz says so), and a Redis that came back (redis-py opens fresh connections by itself).
Every outage is logged once when it starts and once when it ends, however close to the last
one; while it lasts, a reminder once a minute at most, with how many calls ran without it. No
line holds the URL: it may hold a password.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable

from redis.asyncio import Redis
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from redis.exceptions import RedisError

log = logging.getLogger(__name__)
# What a call to Redis can raise when the server is down, slow or confused.
FAILURES = (RedisError, OSError)
PROBE_EVERY = 1.0
LOG_EVERY = 60.0


def connect(url: str, timeout: float) -> Redis:
    """A client that fails fast: short socket timeouts, and one immediate retry, so that a
    connection Redis closed (a restart) is replaced on the spot instead of failing a call."""
    return Redis.from_url(
        url,
        socket_timeout=timeout,
        socket_connect_timeout=timeout,
        retry=Retry(NoBackoff(), 1),
        client_name="remedybot",
    )


class RedisLink:
    """The client, and whether Redis answered lately (`up`)."""

    def __init__(
        self,
        client: Redis,
        address: str,
        *,
        probe_every: float = PROBE_EVERY,
        log_every: float = LOG_EVERY,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.client, self.address = client, address
        self.probe_every, self.log_every, self.clock = probe_every, log_every, clock
        self.up = False  # until the first probe answers
        self.skipped = 0  # calls that ran without Redis in this outage
        self._down_since: float | None = None
        self._logged_at = float("-inf")
        self._told = False  # this outage was logged
        self._recovered: list[Callable[[], Awaitable[None]]] = []
        self._probing: asyncio.Task[None] | None = None

    def on_recovery(self, callback: Callable[[], Awaitable[None]]) -> None:
        """Run `callback` each time Redis answers again (e.g. deletes that had to wait)."""
        self._recovered.append(callback)

    def failed(self, exc: BaseException) -> None:
        """A call failed: Redis is down until a probe says otherwise."""
        now = self.clock()
        starts = self.up or self._down_since is None or not self._told
        if starts:
            self._down_since = now
        self.up = False
        self.skipped += 1
        if starts or now - self._logged_at >= self.log_every:
            log.warning(
                "Redis at %s is not answering (%s): answering without shared state, %d call(s) so far",
                self.address,
                type(exc).__name__,
                self.skipped,
            )
            self._logged_at, self._told = now, True

    def skip(self) -> None:
        """A call ran without Redis because it is down."""
        self.skipped += 1

    async def probe(self) -> bool:
        """PING once; mark Redis up or down accordingly."""
        try:
            await self.client.ping()
        except FAILURES as exc:
            self.failed(exc)
            return False
        if not self.up:
            await self._came_back()
        return True

    async def start(self) -> None:
        """Probe now (so a start-up without Redis is said at once), then once a second."""
        await self.probe()
        self._probing = asyncio.create_task(self._probe_forever())

    async def close(self) -> None:
        if self._probing is not None:
            # Cancelled until it ends: a PING cut short inside the client can absorb one
            # cancellation (a test's teardown hung on it once, on a loaded machine), and a
            # stop must never wait on the probe.
            while not self._probing.done():
                self._probing.cancel()
                await asyncio.wait({self._probing}, timeout=0.5)
            with contextlib.suppress(asyncio.CancelledError):
                await self._probing  # done: its error, if any, is raised as before
            self._probing = None
        await self.client.aclose()

    async def _probe_forever(self) -> None:
        while True:
            await asyncio.sleep(self.probe_every)
            await self.probe()

    async def _came_back(self) -> None:
        down_for = self.clock() - (self._down_since if self._down_since is not None else self.clock())
        if self._told:
            log.warning(
                "Redis at %s answers again after %.0f s; %d call(s) ran without it",
                self.address,
                down_for,
                self.skipped,
            )
        elif self._down_since is None:
            log.info("Redis at %s answers", self.address)
        self.up, self.skipped, self._down_since, self._told = True, 0, None, False
        for callback in self._recovered:
            try:
                await callback()
            except FAILURES as exc:  # down again already: the probe will call it again
                self.failed(exc)
                return
