"""The one place where the python-telegram-bot Application is built and its handlers registered."""

from __future__ import annotations

import asyncio
import logging
import signal
from typing import Any

from telegram import (
    BotCommand,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    LinkPreviewOptions,
    Update,
)
from telegram.constants import ParseMode
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import BaseRequest

from bot import webhook
from bot.request import RetryingRequest
from bot.settings import Settings
from handlers import callbacks, edits, errors, flood, inline, messages, other
from handlers.commands import COMMANDS
from handlers.context import CONTEXT_TYPES, BotApplication, Services
from knowledge import Engine

# Small on purpose: in PTB 22 large values slow httpx's pool down (measured).
CONCURRENT_UPDATES = 4
CONNECTION_POOL = 8
RATE_LIMIT_RETRIES = 5  # 429s are waited out and retried, not dropped
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)
BOOTSTRAP_RETRIES = 5  # deleteWebhook/setWebhook at start-up survive a brief API outage
log = logging.getLogger(__name__)
ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "inline_query"]
# The builder's type changes with the rate limiter (ExtBot[int] or ExtBot[None]): the bot and
# the benchmark's echo bot share it, each with its own context types.
AnyBuilder = ApplicationBuilder[Any, Any, Any, Any, Any, Any]


async def post_init(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Set the command menus from the command table: all commands in private chats, the ones
    that make sense there in groups."""
    private = [BotCommand(c.name, c.description) for c in COMMANDS]
    groups = [BotCommand(c.name, c.description) for c in COMMANDS if c.in_groups]
    await application.bot.set_my_commands(private)
    await application.bot.set_my_commands(private, scope=BotCommandScopeAllPrivateChats())
    await application.bot.set_my_commands(groups, scope=BotCommandScopeAllGroupChats())


def install_stop_signals(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Stop on the first SIGINT/SIGTERM and ignore repeats. PTB's own handlers raise
    SystemExit on every signal, so a second one aborts the graceful stop and loses updates
    that were fetched (and so confirmed) but not yet answered."""
    loop = asyncio.get_running_loop()

    def already_stopping() -> None:
        log.info("already stopping: answering the updates received so far")

    def stop_once() -> None:
        for sig in STOP_SIGNALS:
            loop.add_signal_handler(sig, already_stopping)
        log.info("stop signal received: finishing pending updates")
        application.stop_running()

    for sig in STOP_SIGNALS:
        loop.add_signal_handler(sig, stop_once)


async def post_init_serving(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """post_init when serving for real: commands, then our signal handling."""
    await post_init(application)
    install_stop_signals(application)


def application_builder(
    settings: Settings,
    *,
    rate_limit: bool = True,
    request: BaseRequest | None = None,
    get_updates_request: BaseRequest | None = None,
) -> AnyBuilder:
    """The PTB set-up shared by the bot and the benchmark's echo bot."""
    if settings.telegram_bot_token is None:
        raise ValueError("TELEGRAM_BOT_TOKEN is not set")
    backoff = settings.retry_backoff
    request = request or RetryingRequest(connection_pool_size=CONNECTION_POOL, backoff=backoff)
    builder: AnyBuilder = (
        Application.builder()
        .token(settings.telegram_bot_token.get_secret_value())
        .base_url(settings.api_base_url)
        .base_file_url(settings.api_base_url.removesuffix("/bot") + "/file/bot")
        .defaults(
            Defaults(parse_mode=ParseMode.HTML, link_preview_options=LinkPreviewOptions(is_disabled=True))
        )
        .concurrent_updates(CONCURRENT_UPDATES)
        .request(request)
        .get_updates_request(get_updates_request or RetryingRequest(backoff=backoff))
    )
    if rate_limit:
        builder = builder.rate_limiter(AIORateLimiter(max_retries=RATE_LIMIT_RETRIES))
    return builder


def build_application(
    settings: Settings,
    engine: Engine,
    *,
    rate_limit: bool = True,
    request: BaseRequest | None = None,
    get_updates_request: BaseRequest | None = None,
) -> BotApplication:
    """The Application for `settings`. `rate_limit=False` is for benchmarks only; `request` and
    `get_updates_request` let tests answer the Bot API in-process or with short timeouts."""
    application: BotApplication = (
        application_builder(
            settings, rate_limit=rate_limit, request=request, get_updates_request=get_updates_request
        )
        .context_types(CONTEXT_TYPES)
        .post_init(post_init)
        .build()
    )
    application.bot_data.services = Services(engine)
    register(application)
    return application


def register(application: BotApplication) -> None:
    """Every handler, in the order PTB tries them."""
    private = filters.ChatType.PRIVATE
    text = filters.TEXT & ~filters.COMMAND
    application.add_handlers(
        [
            # Before everything: drop a flooding user's updates (one notice, then silence).
            TypeHandler(Update, flood.guard),
        ],
        group=-1,
    )
    application.add_handlers(
        [
            # The commands of handlers/commands.py; their table also makes the menus and /help.
            *(CommandHandler(c.name, c.callback) for c in COMMANDS),
            # A question: answer it.
            MessageHandler(filters.UpdateType.MESSAGE & text, messages.on_text),
            # An edited question: edit the answer.
            MessageHandler(filters.UpdateType.EDITED_MESSAGE & text, edits.on_edited_text),
            # A button under an answer.
            CallbackQueryHandler(callbacks.on_callback),
            # "@bot question" in any chat.
            InlineQueryHandler(inline.on_inline_query),
            # In private chats, an unknown /command gets the help; anything not text, a hint.
            MessageHandler(filters.UpdateType.MESSAGE & private & filters.COMMAND, other.on_unknown_command),
            MessageHandler(filters.UpdateType.MESSAGE & private & ~filters.TEXT, other.on_non_text),
        ]
    )
    application.add_error_handler(errors.on_error)


def run(settings: Settings, engine: Engine) -> None:
    """Serve until SIGINT/SIGTERM: long polling by default, or a webhook."""
    application = build_application(settings, engine)
    application.post_init = post_init_serving
    if settings.bot_mode == "webhook":
        if settings.webhook_secret is None:
            raise ValueError("WEBHOOK_SECRET is not set")
        webhook.install()
        application.run_webhook(
            listen=settings.webhook_listen,
            port=settings.webhook_port,
            url_path=settings.webhook_path,
            webhook_url=settings.webhook_url,
            secret_token=settings.webhook_secret.get_secret_value(),
            allowed_updates=ALLOWED_UPDATES,
            bootstrap_retries=BOOTSTRAP_RETRIES,
            stop_signals=None,
        )
    else:
        application.run_polling(
            allowed_updates=ALLOWED_UPDATES, bootstrap_retries=BOOTSTRAP_RETRIES, stop_signals=None
        )
