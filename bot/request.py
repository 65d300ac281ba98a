"""HTTP to the Bot API with retries, so no answer is lost while Telegram is briefly down.

A dropped connection, a timeout or a 5xx answer is retried with backoff. 429 is left to
PTB's AIORateLimiter, which waits `retry_after` and tries again. Retrying a request whose
answer never arrived can repeat it (Telegram may have applied it), so delivery is
at-least-once: a message can, rarely, be answered twice; it is never silently dropped.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from telegram.error import NetworkError, TimedOut
from telegram.request import HTTPXRequest, RequestData

from bot.settings import BACKOFF
from handlers.metrics import Metrics
from handlers.ptb import lean_answer

log = logging.getLogger(__name__)
_SERVER_ERROR = 500
_CLIENT_ERROR = 400


class ApiHealth:
    """Whether the last request to the Bot API got an answer (/readyz reports it), and whether
    the API is `down`: an update could not be answered through all the retries. While it is
    down no new work is taken; the first answer from the API ends it."""

    def __init__(self) -> None:
        self.reachable = True
        self.down = False

    def record(self, reachable: bool) -> None:
        self.reachable = reachable
        if reachable and self.down:
            self.down = False
            log.info("the Bot API answers again: taking new updates")

    def mark_down(self) -> None:
        if not self.down:
            log.warning("the Bot API is unavailable: no new updates until it answers")
        self.down, self.reachable = True, False


class RetryingRequest(HTTPXRequest):
    """PTB's httpx request, retrying transport failures and server errors with backoff."""

    def __init__(
        self,
        *args: Any,
        backoff: tuple[float, ...] = BACKOFF,
        health: ApiHealth | None = None,
        metrics: Metrics | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.backoff = backoff
        self.health = health or ApiHealth()
        self.metrics = metrics

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = HTTPXRequest.DEFAULT_NONE,
        write_timeout: Any = HTTPXRequest.DEFAULT_NONE,
        connect_timeout: Any = HTTPXRequest.DEFAULT_NONE,
        pool_timeout: Any = HTTPXRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        api_method = url.rsplit("/", 1)[-1].split("?", 1)[0]  # never log the URL: it holds the token
        timeouts = {
            "read_timeout": read_timeout,
            "write_timeout": write_timeout,
            "connect_timeout": connect_timeout,
            "pool_timeout": pool_timeout,
        }
        for attempt, delay in enumerate((*self.backoff, None)):
            try:
                code, body = await super().do_request(url, method, request_data, **timeouts)
            except (TimedOut, NetworkError) as exc:
                self._failed(api_method, type(exc).__name__)
                if delay is None:
                    raise
                log.warning("%s failed (%s), retry %d", api_method, type(exc).__name__, attempt + 1)
            else:
                self.health.record(True)
                if code < _SERVER_ERROR or delay is None:
                    if code >= _CLIENT_ERROR and self.metrics is not None:
                        self.metrics.api_errors.labels(api_method, str(code)).inc()
                    return code, lean_answer(api_method, code, body)
                self._failed(api_method, str(code))
                log.warning("%s got HTTP %d, retry %d", api_method, code, attempt + 1)
            if self.metrics is not None:
                self.metrics.api_retries.labels(api_method).inc()
            await asyncio.sleep(delay)
        raise AssertionError("unreachable")

    def _failed(self, api_method: str, kind: str) -> None:
        if kind != "TimedOut" or api_method != "getUpdates":  # an empty long poll is no failure
            self.health.record(False)
        if self.metrics is not None:
            self.metrics.api_errors.labels(api_method, kind).inc()
