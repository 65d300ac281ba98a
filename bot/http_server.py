"""Our HTTP server (aiohttp): the webhook, and /healthz, /readyz and /metrics.

Built to face the internet behind a TLS proxy without trusting it:
- the secret header is checked, in constant time, before a byte of the body is read (403);
- the body is capped while it is read, chunked or not (413), within a read timeout;
- a request's headers must arrive within a timeout (slow clients are closed), and the number
  of open connections and of updates being handled are bounded;
- a body that is not a valid Update gets 400 before any handler runs (bot/update_shape.py),
  and so do JSON nested too deep to parse, oversized headers and bad request lines: each with
  at most one log line per interval, naming the kind of fault, never a traceback or a byte of
  what was sent;
- 200 is answered only after the update has been handled: if the process dies first,
  Telegram delivers it again. An update the Bot API was unavailable to answer gets 503, and
  so does every new one while the API is down: Telegram delivers them again later.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from http import HTTPStatus

from aiohttp import web

from bot.dispatch import Dispatcher
from handlers.metrics import Metrics

log = logging.getLogger(__name__)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
_CHUNK = 16 * 1024


@dataclass(frozen=True)
class Limits:
    max_body: int = 1024 * 1024  # real updates are a few kilobytes
    header_timeout: float = 10.0  # for a request's headers, and between requests
    body_timeout: float = 10.0
    max_connections: int = 512
    max_in_progress: int = 64  # updates being handled at once
    busy_wait: float = 10.0  # for a free slot before answering 503


@dataclass(frozen=True)
class Webhook:
    path: str  # "/telegram/hook"
    secret: str
    dispatcher: Dispatcher
    api_down: Callable[[], bool] = lambda: False  # no new updates while the Bot API is down


class HostileRequestLog:
    """aiohttp's server logger, for requests refused before our handler sees them (headers
    too long, a bad request line, not HTTP at all): one WARNING line per `interval` with the
    fault's kind and how many more came, never a traceback (it quotes the request). Anything
    else aiohttp reports keeps its traceback: that is a fault of ours."""

    def __init__(self, interval: float = 10.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.interval, self.clock = interval, clock
        self._last = float("-inf")
        self.suppressed = 0

    def _refused(self, exc: object) -> None:
        now = self.clock()
        if now - self._last < self.interval:
            self.suppressed += 1
            return
        log.warning(
            "refused a malformed HTTP request (%s); %d more since the last line",
            type(exc).__name__,
            self.suppressed,
        )
        self._last, self.suppressed = now, 0

    def debug(self, msg: str, *args: object, exc_info: object = None, **kw: object) -> None:
        if msg.startswith("Error handling request"):
            self._refused(exc_info)

    def exception(self, msg: str, *args: object, exc_info: object = None, **kw: object) -> None:
        if msg.startswith("Error handling request"):
            self._refused(exc_info)
        else:
            log.error(msg, *args, exc_info=exc_info if isinstance(exc_info, BaseException) else True)

    error = exception

    def warning(self, msg: str, *args: object, **kw: object) -> None:
        log.warning(msg, *args)

    def info(self, msg: str, *args: object, **kw: object) -> None:
        log.info(msg, *args)

    def isEnabledFor(self, level: int) -> bool:  # logging.Logger's name
        return log.isEnabledFor(level)


class _Server(web.Server):
    """aiohttp's low-level server, refusing connections beyond a bound."""

    def __init__(
        self,
        handler: Callable[[web.BaseRequest], Awaitable[web.StreamResponse]],
        max_connections: int,
        **kwargs: object,
    ) -> None:
        super().__init__(handler, **kwargs)  # type: ignore[arg-type]
        self.max_connections = max_connections

    def connection_made(self, handler: web.RequestHandler, transport: asyncio.Transport) -> None:
        super().connection_made(handler, transport)
        if len(self.connections) > self.max_connections:
            transport.close()


class HttpServer:
    """Serves the webhook (when given) and the operator's endpoints on one port."""

    def __init__(
        self,
        metrics: Metrics,
        ready: Callable[[], dict[str, bool]],
        webhook: Webhook | None = None,
        limits: Limits = Limits(),
    ) -> None:
        self.metrics, self.ready, self.webhook, self.limits = metrics, ready, webhook, limits
        self._slots = asyncio.Semaphore(limits.max_in_progress)
        self._runner: web.ServerRunner | None = None
        self.stopping = False
        self.request_log = HostileRequestLog()

    async def start(self, host: str, port: int) -> None:
        server = _Server(
            self._handle,
            self.limits.max_connections,
            keepalive_timeout=self.limits.header_timeout,  # an idle connection is closed by then
            lingering_time=0,  # never read on to drain a refused body
            read_bufsize=_CHUNK,
            access_log=None,
            handler_cancellation=True,
            logger=self.request_log,
        )
        self._runner = web.ServerRunner(server, shutdown_timeout=1.0)
        await self._runner.setup()
        await web.TCPSite(self._runner, host, port, backlog=128).start()

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _handle(self, request: web.BaseRequest) -> web.StreamResponse:
        if request.method == "GET":
            if request.path == "/healthz":
                return web.Response(text="ok\n")
            if request.path == "/readyz":
                checks = {**self.ready(), "not_stopping": not self.stopping}
                status = HTTPStatus.OK if all(checks.values()) else HTTPStatus.SERVICE_UNAVAILABLE
                return web.json_response(checks, status=status)
            if request.path == "/metrics":
                return web.Response(body=self.metrics.exposition(), content_type="text/plain")
        if self.webhook is not None and request.method == "POST" and request.path == self.webhook.path:
            return await self._update(request, self.webhook)
        return self._refuse(HTTPStatus.NOT_FOUND, "not_found")

    async def _update(self, request: web.BaseRequest, webhook: Webhook) -> web.StreamResponse:
        given = request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, webhook.secret.encode()):
            return self._refuse(HTTPStatus.FORBIDDEN, "secret")
        if self.stopping:
            return self._refuse(HTTPStatus.SERVICE_UNAVAILABLE, "stopping")
        if webhook.api_down():
            return self._refuse(HTTPStatus.SERVICE_UNAVAILABLE, "api_down")
        declared = request.content_length
        if declared is not None and declared > self.limits.max_body:
            return self._refuse(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "too_large")
        try:
            async with asyncio.timeout(self.limits.body_timeout):
                body = await self._read(request)
        except TimeoutError:
            return self._refuse(HTTPStatus.REQUEST_TIMEOUT, "slow_body")
        if body is None:
            return self._refuse(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "too_large")
        try:
            data = json.loads(body)
        except (ValueError, UnicodeDecodeError, RecursionError):  # RecursionError: nested too deep
            return self._refuse(HTTPStatus.BAD_REQUEST, "not_json")
        update = webhook.dispatcher.parse(data)
        if update is None:
            return self._refuse(HTTPStatus.BAD_REQUEST, "not_an_update")
        try:
            async with asyncio.timeout(self.limits.busy_wait):
                await self._slots.acquire()
        except TimeoutError:
            return self._refuse(HTTPStatus.SERVICE_UNAVAILABLE, "busy")
        try:
            outcome = await webhook.dispatcher.dispatch(data, update)
        finally:
            self._slots.release()
        if outcome == "busy":  # being handled elsewhere: Telegram will ask again later
            return self._refuse(HTTPStatus.SERVICE_UNAVAILABLE, "in_progress")
        if outcome == "unavailable":  # not answered yet: Telegram delivers it again
            return self._refuse(HTTPStatus.SERVICE_UNAVAILABLE, "api_unavailable")
        return web.Response(status=HTTPStatus.OK)

    async def _read(self, request: web.BaseRequest) -> bytes | None:
        """The body, or None once it grows past the cap (chunked bodies have no length)."""
        parts: list[bytes] = []
        size = 0
        while chunk := await request.content.read(_CHUNK):
            size += len(chunk)
            if size > self.limits.max_body:
                return None
            parts.append(chunk)
        return b"".join(parts)

    def _refuse(self, status: HTTPStatus, reason: str) -> web.Response:
        self.metrics.webhook_rejected.labels(reason).inc()
        response = web.Response(status=status)
        if status != HTTPStatus.NOT_FOUND:
            response.force_close()  # the rest of a refused body is never read
        return response


class AcceptErrorFilter:
    """When file descriptors run out, asyncio reports every failed accept; log one line per
    interval instead, with no traceback (it holds nothing useful, and fills disks)."""

    def __init__(self, interval: float = 10.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.interval, self.clock = interval, clock
        self._last = float("-inf")
        self.suppressed = 0

    def __call__(self, loop: asyncio.AbstractEventLoop, context: dict[str, object]) -> None:
        message = str(context.get("message", ""))
        if "accept" in message and isinstance(context.get("exception"), OSError):
            now = self.clock()
            if now - self._last >= self.interval:
                log.error(
                    "cannot accept connections: %s (%d more since)", context["exception"], self.suppressed
                )
                self._last, self.suppressed = now, 0
            else:
                self.suppressed += 1
            return
        loop.default_exception_handler(context)
