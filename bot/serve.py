"""Serving for real: start-up that explains itself, polling or the webhook, and a fast stop.

Delivery is at-least-once, hard kills included: an update is confirmed to Telegram (a polling
offset, a webhook's 200) only after it has been handled. A stop (SIGTERM, SIGINT) takes no new
updates, gives the ones being handled SHUTDOWN_GRACE seconds, confirms what was handled and
exits; the rest are delivered again after the restart.

SIGHUP reloads the knowledge directory (bot/reload.py): a valid set replaces the engine between
messages, an invalid one is rejected whole and the bot answers on from the previous set.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Awaitable, Callable
from typing import TypeVar

from telegram.error import InvalidToken, NetworkError, TimedOut

from bot.app import ALLOWED_UPDATES, build_application, post_init
from bot.dispatch import Dispatcher
from bot.http_server import AcceptErrorFilter, HttpServer, Limits, Webhook
from bot.polling import POLL_POOL, Poller
from bot.reload import KnowledgeReloader
from bot.request import ApiHealth, RetryingRequest
from bot.settings import Settings, without_credentials
from bot.shared_state import SharedState, open_state
from handlers.context import BotApplication
from handlers.metrics import Metrics
from knowledge import Engine

log = logging.getLogger(__name__)
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)
RELOAD_SIGNAL = signal.SIGHUP
_MAX_BACKOFF = 30.0
_LAST_WORD = 0.5  # seconds the last confirmation gets at least, however late the stop is
PROBE_EVERY = 2.0
_STOPPED = object()
_T = TypeVar("_T")


class ConfigurationError(Exception):
    """A setting cannot work: the message names the setting, never its value."""


async def serve(settings: Settings, engine: Engine) -> None:
    """Serve until SIGINT or SIGTERM, reloading the knowledge on SIGHUP. ConfigurationError for a
    setting that cannot work."""
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(AcceptErrorFilter())
    stopping = asyncio.Event()
    _install_stop_signals(loop, stopping)
    metrics, health = Metrics(), ApiHealth()
    poll_request = RetryingRequest(
        backoff=settings.retry_backoff,
        health=health,
        metrics=metrics,
        read_timeout=60.0,
        # One request at a time, plus a spare: a long poll cancelled by a stop can hold its
        # slot for good (encode/httpcore#1093), and the final confirmation still needs one.
        connection_pool_size=POLL_POOL,
    )
    state = open_state(settings)
    application = build_application(
        settings, engine, metrics=metrics, health=health, get_updates_request=poll_request, state=state
    )
    del engine  # the services hold the only reference: a reload must be able to free it
    reloader = KnowledgeReloader(
        settings.knowledge_dir, application.bot_data.services, registry=metrics.registry
    )
    _install_reload_signal(loop, reloader, stopping)
    api = _without_token(settings.api_base_url)
    await state.start()  # a Redis that does not answer is logged, and answered without
    try:
        if not await _until_reachable(application, api, stopping):
            return  # stopped before the Bot API could be reached
        await _serve(settings, application, state, reloader, metrics, health, poll_request, api, stopping)
    finally:
        await state.close()


async def _serve(
    settings: Settings,
    application: BotApplication,
    state: SharedState,
    reloader: KnowledgeReloader,
    metrics: Metrics,
    health: ApiHealth,
    poll_request: RetryingRequest,
    api: str,
    stopping: asyncio.Event,
) -> None:
    try:
        await _retrying(lambda: post_init(application), "set the command menus", api, stopping)
        await application.start()
        reloader.start()
        dispatcher = Dispatcher(application, metrics, state.handled, health)

        def ready() -> dict[str, bool]:
            return {"knowledge_loaded": True, "bot_api_reachable": health.reachable, **state.checks()}

        if settings.bot_mode == "webhook":
            await _serve_webhook(settings, application, dispatcher, health, metrics, ready, api, stopping)
        else:
            await _serve_polling(settings, application, dispatcher, poll_request, metrics, ready, stopping)
    finally:
        await reloader.close()
        if application.running:
            await application.stop()
        await application.shutdown()


async def _serve_polling(
    settings: Settings,
    application: BotApplication,
    dispatcher: Dispatcher,
    request: RetryingRequest,
    metrics: Metrics,
    ready: Callable[[], dict[str, bool]],
    stopping: asyncio.Event,
) -> None:
    api = _without_token(settings.api_base_url)
    await _retrying(lambda: application.bot.delete_webhook(), "remove a webhook", api, stopping)
    server = None
    if settings.metrics_port is not None:
        server = HttpServer(metrics, ready, limits=_limits(settings))
        await _listen(server, settings.metrics_listen, settings.metrics_port, "METRICS_PORT")
    poller = Poller(application.bot.base_url, request, dispatcher, ALLOWED_UPDATES)
    polling = asyncio.create_task(poller.run())
    stop_began = [asyncio.get_running_loop().time()]
    try:
        await _until(stopping, polling)
        stop_began[0] = asyncio.get_running_loop().time()
        log.info("stopping: finishing the updates being handled")
        poller.stop(settings.shutdown_grace)
        if server is not None:
            server.stopping = True
        await _within(settings.shutdown_grace, polling)
    finally:
        # The last confirmation gets what is left of the grace (and a moment at least): a Bot
        # API that hangs or fails cannot hold the stop past SHUTDOWN_GRACE + 2 s.
        left = settings.shutdown_grace - (asyncio.get_running_loop().time() - stop_began[0])
        await poller.close(timeout=max(_LAST_WORD, left))
        if server is not None:
            await server.stop()


async def _serve_webhook(
    settings: Settings,
    application: BotApplication,
    dispatcher: Dispatcher,
    health: ApiHealth,
    metrics: Metrics,
    ready: Callable[[], dict[str, bool]],
    api: str,
    stopping: asyncio.Event,
) -> None:
    if settings.webhook_secret is None or settings.webhook_url is None:
        raise ConfigurationError("BOT_MODE=webhook needs WEBHOOK_URL and WEBHOOK_SECRET")
    secret = settings.webhook_secret.get_secret_value()
    webhook = Webhook("/" + settings.webhook_path, secret, dispatcher, lambda: health.down)
    server = HttpServer(metrics, ready, webhook, _limits(settings))
    await _listen(server, settings.webhook_listen, settings.webhook_port, "WEBHOOK_PORT")
    try:
        url = settings.webhook_url

        async def register() -> bool:
            return await application.bot.set_webhook(
                url, secret_token=secret, allowed_updates=ALLOWED_UPDATES
            )

        await _retrying(register, "register the webhook", api, stopping)
        probing = asyncio.create_task(_probe_while_down(application, health, stopping))
        await stopping.wait()
        log.info("stopping: finishing the updates being handled")
        server.stopping = True  # new updates get 503: Telegram delivers them again later
        probing.cancel()
        await _within(settings.shutdown_grace, asyncio.ensure_future(dispatcher.idle()))
    finally:
        await server.stop()


async def _probe_while_down(application: BotApplication, health: ApiHealth, stopping: asyncio.Event) -> None:
    """Webhook mode takes no update while the Bot API is down (503: Telegram delivers it again
    later); this asks the API (getMe) every PROBE_EVERY seconds until it answers."""
    while not stopping.is_set():
        await _sleep_unless(stopping, PROBE_EVERY)
        if health.down:
            with contextlib.suppress(NetworkError, TimedOut):
                await _unless_stopped(application.bot.get_me(), stopping)


async def _listen(server: HttpServer, host: str, port: int, setting: str) -> None:
    try:
        await server.start(host, port)
    except OSError as exc:
        listen = "METRICS_LISTEN" if setting == "METRICS_PORT" else "WEBHOOK_LISTEN"
        raise ConfigurationError(
            f"{setting}/{listen}: cannot listen there ({exc.strerror or type(exc).__name__})"
        ) from None


async def _until_reachable(application: BotApplication, api: str, stopping: asyncio.Event) -> bool:
    """Initialise (getMe) until the Bot API answers; False if stopped first. A rejected token
    is a ConfigurationError."""
    attempt = 0
    while not stopping.is_set():
        try:
            return await _unless_stopped(application.initialize(), stopping) is not _STOPPED
        except InvalidToken:
            raise ConfigurationError(f"TELEGRAM_BOT_TOKEN: rejected by the Bot API at {api}") from None
        except (NetworkError, TimedOut) as exc:
            attempt += 1
            delay = min(_MAX_BACKOFF, 2.0**attempt)
            log.error(
                "cannot reach the Bot API at %s (%s); retrying in %.0f s", api, type(exc).__name__, delay
            )
            await _sleep_unless(stopping, delay)
    return False


async def _retrying(work: Callable[[], Awaitable[_T]], what: str, api: str, stopping: asyncio.Event) -> None:
    """Start-up calls survive a Bot API outage: retried with bounded backoff, one log line each."""
    attempt = 0
    while not stopping.is_set():
        try:
            await _unless_stopped(work(), stopping)
            return
        except (NetworkError, TimedOut) as exc:
            attempt += 1
            delay = min(_MAX_BACKOFF, 2.0**attempt)
            log.error("could not %s at %s (%s); retrying in %.0f s", what, api, type(exc).__name__, delay)
            await _sleep_unless(stopping, delay)


def _install_stop_signals(loop: asyncio.AbstractEventLoop, stopping: asyncio.Event) -> None:
    """The first SIGINT/SIGTERM starts the stop; repeats only say so (the stop is bounded)."""

    def stop() -> None:
        if stopping.is_set():
            log.info("already stopping")
        stopping.set()

    for sig in STOP_SIGNALS:
        loop.add_signal_handler(sig, stop)


def _install_reload_signal(
    loop: asyncio.AbstractEventLoop, reloader: KnowledgeReloader, stopping: asyncio.Event
) -> None:
    """SIGHUP reloads the knowledge; before the bot serves and once it stops, it is ignored."""

    def reload() -> None:
        if stopping.is_set():
            log.info("knowledge reload ignored: the bot is stopping")
            return
        reloader.request()

    loop.add_signal_handler(RELOAD_SIGNAL, reload)


async def _until(stopping: asyncio.Event, task: asyncio.Task[None]) -> None:
    """Wait for a stop, or for `task` to end by itself (its error is raised)."""
    waiter = asyncio.ensure_future(stopping.wait())
    done, _ = await asyncio.wait({waiter, task}, return_when=asyncio.FIRST_COMPLETED)
    waiter.cancel()
    if task in done:
        task.result()


async def _within(grace: float, task: asyncio.Future[None]) -> None:
    """Let `task` finish within `grace` seconds, else cancel it."""
    try:
        await asyncio.wait_for(asyncio.shield(task), grace)
    except TimeoutError:
        log.warning("stop: %.0f s passed; the updates still being handled will be delivered again", grace)
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)


async def _unless_stopped(work: Awaitable[_T], stopping: asyncio.Event) -> _T | object:
    """`work`'s result, or _STOPPED once a stop comes first (the work is cancelled): a start-up
    call that retries or hangs never holds a stop."""
    task = asyncio.ensure_future(work)
    waiter = asyncio.ensure_future(stopping.wait())
    try:
        done, _ = await asyncio.wait({task, waiter}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        waiter.cancel()
    if task in done:
        return task.result()
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
    return _STOPPED


async def _sleep_unless(stopping: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stopping.wait(), seconds)


def _limits(settings: Settings) -> Limits:
    return Limits(header_timeout=settings.http_timeout, body_timeout=settings.http_timeout)


def _without_token(base_url: str) -> str:
    """The Bot API's address for messages: scheme, host and port only, never the token's path
    nor a user name and password in the URL."""
    return without_credentials(base_url)
