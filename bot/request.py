"""HTTP to the Bot API with retries, so no answer is lost while Telegram is briefly down.

A dropped connection, a timeout or a 5xx answer is retried with backoff. 429 is left to
PTB's AIORateLimiter, which waits `retry_after` and tries again. Retrying a request whose
answer never arrived can repeat it (Telegram may have applied it), so delivery is
at-least-once: a message can, rarely, be answered twice; it is never silently dropped.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import httpx
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

from bot.settings import BACKOFF
from handlers.metrics import Metrics
from handlers.telegram.ptb import PreparedJSON, encode_json, error_body, lean_answer, parse_answer

log = logging.getLogger(__name__)
_SERVER_ERROR = 500
_CLIENT_ERROR = 400
MEDIA_WRITE_TIMEOUT = 20.0  # seconds to write an upload (PTB's default)


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


def _json_body(parameters: Mapping[str, Any]) -> bytes:
    """The parameters as one JSON object, encoded once: PTB's `json_payload` first encodes
    each object parameter (the keyboard, the link preview options) to a JSON string and then
    encodes those strings again, escaping every quote of the keyboard. Objects are sent as
    objects, as the Bot API reads a JSON body; non-ASCII text as UTF-8, not escaped. A
    prepared keyboard (handlers/telegram/ptb.py) goes as the text it was encoded to once.
    `parameters`: a request's `RequestData.parameters`."""
    plain = {name: value for name, value in parameters.items() if not isinstance(value, PreparedJSON)}
    if len(plain) == len(parameters):
        return encode_json(parameters).encode()
    # Put together as bytes: the prepared text is not copied into the answer's text and
    # encoded to UTF-8 again with it on every send (bench/RESULTS.md, session 7).
    prepared = [
        _member(name) + value.json for name, value in parameters.items() if isinstance(value, PreparedJSON)
    ]
    opened = encode_json(plain)[:-1].encode()  # "{...", without its "}"
    return b"".join((opened, b"," if plain else b"", b",".join(prepared), b"}"))


@lru_cache(maxsize=64)
def _member(name: str) -> bytes:
    """A parameter's name as it opens its member of the body (`"reply_markup":`): encoded
    once per name, not once per send."""
    return f"{encode_json(name)}:".encode()


class JsonRequest(BaseRequest):
    """PTB's networking backend on httpx (BaseRequest, PTB's public extension point), sending a
    request's parameters as one JSON body. PTB's own HTTPXRequest url-encodes them, and
    percent-encoding a 1-2 KB HTML answer byte by byte in Python, then sending three times the
    bytes, was the largest cost of the bot's own per update (bench/RESULTS.md). The Bot API
    reads application/json the same way. Uploads (never sent by this bot) stay multipart."""

    def __init__(
        self,
        connection_pool_size: int = 256,
        read_timeout: float | None = 5.0,
        write_timeout: float | None = 5.0,
        connect_timeout: float | None = 5.0,
        pool_timeout: float | None = 1.0,
    ) -> None:
        self._timeout = httpx.Timeout(
            connect=connect_timeout, read=read_timeout, write=write_timeout, pool=pool_timeout
        )
        self._limits = httpx.Limits(max_connections=connection_pool_size)
        self._client = self._build()

    def _build(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(timeout=self._timeout, limits=self._limits, http1=True, http2=False)

    @property
    def read_timeout(self) -> float | None:
        return self._timeout.read

    async def initialize(self) -> None:
        if self._client.is_closed:
            self._client = self._build()

    async def shutdown(self) -> None:
        if not self._client.is_closed:
            await self._client.aclose()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = BaseRequest.DEFAULT_NONE,
        write_timeout: Any = BaseRequest.DEFAULT_NONE,
        connect_timeout: Any = BaseRequest.DEFAULT_NONE,
        pool_timeout: Any = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        if self._client.is_closed:
            raise RuntimeError("this request is not initialised")
        default = self._timeout
        uploading = request_data is not None and request_data.contains_files

        def chosen(given: Any, fallback: float | None) -> float | None:
            return fallback if given is BaseRequest.DEFAULT_NONE else given

        timeout = httpx.Timeout(
            connect=chosen(connect_timeout, default.connect),
            read=chosen(read_timeout, default.read),
            write=chosen(write_timeout, MEDIA_WRITE_TIMEOUT if uploading else default.write),
            pool=chosen(pool_timeout, default.pool),
        )
        headers = {"User-Agent": self.USER_AGENT}
        content: bytes | None = None
        files, data = None, None
        if request_data is not None and request_data.contains_files:
            files, data = request_data.multipart_data, request_data.json_parameters
        elif request_data is not None:
            content = _json_body(request_data.parameters)
            headers["Content-Type"] = "application/json"
        try:
            response = await self._client.request(
                method, url, headers=headers, timeout=timeout, content=content, files=files, data=data
            )
        except httpx.TimeoutException as exc:
            if isinstance(exc, httpx.PoolTimeout):
                raise TimedOut("Pool timeout: every connection is busy; the request was not sent") from exc
            raise TimedOut from exc
        except httpx.HTTPError as exc:
            raise NetworkError(f"httpx.{type(exc).__name__}: {exc}") from exc
        return response.status_code, response.content


class RetryingRequest(JsonRequest):
    """The JSON request, retrying transport failures and server errors with backoff."""

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
        read_timeout: Any = BaseRequest.DEFAULT_NONE,
        write_timeout: Any = BaseRequest.DEFAULT_NONE,
        connect_timeout: Any = BaseRequest.DEFAULT_NONE,
        pool_timeout: Any = BaseRequest.DEFAULT_NONE,
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
                    return code, lean_answer(api_method, code, error_body(code, body))
                self._failed(api_method, str(code))
                log.warning("%s got HTTP %d, retry %d", api_method, code, attempt + 1)
            if self.metrics is not None:
                self.metrics.api_retries.labels(api_method).inc()
            await asyncio.sleep(delay)
        raise AssertionError("unreachable")

    @staticmethod
    def parse_json_payload(payload: bytes) -> dict[str, Any]:
        """PTB's parsing, leaving out what no handler reads of a send's answer (`lean_answer`
        marked it): one JSON decoding, never a decoding and an encoding again."""
        return parse_answer(payload)

    def _failed(self, api_method: str, kind: str) -> None:
        if kind != "TimedOut" or api_method != "getUpdates":  # an empty long poll is no failure
            self.health.record(False)
        if self.metrics is not None:
            self.metrics.api_errors.labels(api_method, kind).inc()
