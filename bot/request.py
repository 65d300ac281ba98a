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
from handlers.ptb import lean_answer

log = logging.getLogger(__name__)
_SERVER_ERROR = 500


class RetryingRequest(HTTPXRequest):
    """PTB's httpx request, retrying transport failures and server errors with backoff."""

    def __init__(self, *args: Any, backoff: tuple[float, ...] = BACKOFF, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.backoff = backoff

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
        api_method = url.rsplit("/", 1)[-1]  # never log the URL: it holds the token
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
                if delay is None:
                    raise
                log.warning("%s failed (%s), retry %d", api_method, type(exc).__name__, attempt + 1)
            else:
                if code < _SERVER_ERROR or delay is None:
                    return code, lean_answer(api_method, code, body)
                log.warning("%s got HTTP %d, retry %d", api_method, code, attempt + 1)
            await asyncio.sleep(delay)
        raise AssertionError("unreachable")
