"""The one place where the python-telegram-bot Application is built and its handlers registered."""

from __future__ import annotations

from telegram import BotCommand, LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.ext import (
    AIORateLimiter,
    Application,
    CallbackQueryHandler,
    CommandHandler,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import BaseRequest

from bot.services import KEY, Services
from bot.settings import Settings
from handlers import callbacks, commands, edits, errors, flood, inline, messages, other
from knowledge import texts
from knowledge.engine import Engine

# Small on purpose: in PTB 22 large values slow httpx's pool down (measured).
CONCURRENT_UPDATES = 4
CONNECTION_POOL = 8
ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "inline_query"]


async def post_init(application: Application) -> None:
    """Register the command menu once the bot is initialised."""
    await application.bot.set_my_commands([BotCommand(c, d) for c, d in texts.COMMANDS])


def build_application(
    settings: Settings,
    engine: Engine,
    *,
    rate_limit: bool = True,
    request: BaseRequest | None = None,
) -> Application:
    """The Application for `settings`; `rate_limit=False` is for benchmarks only, and
    `request` lets handler tests answer the Bot API in-process."""
    assert settings.telegram_bot_token is not None
    builder = (
        Application.builder()
        .token(settings.telegram_bot_token.get_secret_value())
        .base_url(settings.api_base_url)
        .base_file_url(settings.api_base_url.removesuffix("/bot") + "/file/bot")
        .defaults(Defaults(
            parse_mode=ParseMode.HTML, link_preview_options=LinkPreviewOptions(is_disabled=True)
        ))
        .concurrent_updates(CONCURRENT_UPDATES)
        .post_init(post_init)
    )
    if request is None:
        builder = builder.connection_pool_size(CONNECTION_POOL)
    else:
        builder = builder.request(request).get_updates_request(request)
    if rate_limit:
        builder = builder.rate_limiter(AIORateLimiter())
    application = builder.build()
    application.bot_data[KEY] = Services(engine)
    register(application)
    return application


def register(application: Application) -> None:
    private = filters.ChatType.PRIVATE
    application.add_handler(TypeHandler(Update, flood.guard), group=-1)
    for name, callback in (
        ("start", commands.start),
        ("help", commands.help_command),
        ("conditions", commands.conditions),
        ("ingredients", commands.ingredients),
        ("privacy", commands.privacy),
    ):
        application.add_handler(CommandHandler(name, callback))
    application.add_handler(MessageHandler(
        filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND, messages.on_text
    ))
    application.add_handler(MessageHandler(
        filters.UpdateType.EDITED_MESSAGE & filters.TEXT & ~filters.COMMAND, edits.on_edited_text
    ))
    application.add_handler(CallbackQueryHandler(callbacks.on_callback))
    application.add_handler(InlineQueryHandler(inline.on_inline_query))
    application.add_handler(MessageHandler(
        filters.UpdateType.MESSAGE & private & filters.COMMAND, other.on_unknown_command
    ))
    application.add_handler(MessageHandler(
        filters.UpdateType.MESSAGE & private & ~filters.TEXT, other.on_non_text
    ))
    application.add_error_handler(errors.on_error)


def run(settings: Settings, engine: Engine) -> None:
    """Serve until SIGINT/SIGTERM: long polling by default, or a webhook."""
    application = build_application(settings, engine)
    if settings.bot_mode == "webhook":
        assert settings.webhook_secret is not None
        application.run_webhook(
            listen=settings.webhook_listen,
            port=settings.webhook_port,
            url_path=settings.webhook_path,
            webhook_url=settings.webhook_url,
            secret_token=settings.webhook_secret.get_secret_value(),
            allowed_updates=ALLOWED_UPDATES,
        )
    else:
        application.run_polling(allowed_updates=ALLOWED_UPDATES)
