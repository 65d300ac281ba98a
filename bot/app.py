"""The one place where the python-telegram-bot Application is built and its handlers registered."""

from __future__ import annotations

import asyncio
import logging
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

from bot.request import ApiHealth, RetryingRequest
from bot.settings import Settings
from handlers.metrics import Metrics
from handlers.service import Conversations, ConversationService
from handlers.stores.shared import SharedState
from handlers.telegram import callbacks, errors, flood, inline, messages, other, wording
from handlers.telegram.commands import COMMANDS
from handlers.telegram.context import CONTEXT_TYPES, BotApplication, Services
from handlers.telegram.error_notices import ErrorNotices
from knowledge import Engine
from knowledge.i18n.catalog import speaking
from knowledge.i18n.languages import DEFAULT_LANGUAGE, LANGUAGES

# Small on purpose: in PTB 22 large pools slow httpx down (measured).
CONNECTION_POOL = 8
RATE_LIMIT_RETRIES = 5  # 429s are waited out and retried, not dropped
log = logging.getLogger(__name__)
ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "inline_query"]
# The builder's type changes with the rate limiter (ExtBot[int] or ExtBot[None]): the bot and
# the benchmark's echo bot share it, each with its own context types.
AnyBuilder = ApplicationBuilder[Any, Any, Any, Any, Any, Any]


async def post_init(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Set the command menus from the command table (all commands in private chats, the ones
    that make sense there in groups) and the profile a new user sees before the first message:
    English, the default for every app language, before the bot serves; the other languages
    (Telegram shows each user those of their app's language) in the background, so that their
    fifty rate-limited calls never hold the start-up."""
    await _set_profile(application.bot, DEFAULT_LANGUAGE)
    task = asyncio.get_running_loop().create_task(_set_translated_profiles(application.bot))
    _BACKGROUND.add(task)
    task.add_done_callback(_BACKGROUND.discard)


_BACKGROUND: set[asyncio.Task[None]] = set()  # kept referenced until done


async def _set_translated_profiles(bot: Any) -> None:
    for spec in LANGUAGES:
        if spec.code == DEFAULT_LANGUAGE:
            continue
        try:
            await _set_profile(bot, spec.code)
        except Exception as exc:  # a menu is a nicety: the bot serves without it
            # One line, no traceback: start-up output shows none (i21), and names no URL.
            log.warning("could not set the %s menus and description (%s)", spec.code, type(exc).__name__)
            return


async def _set_profile(bot: Any, lang: str) -> None:
    """The menus and descriptions in `lang`; English is also the default: no language_code."""
    code = None if lang == DEFAULT_LANGUAGE else lang
    with speaking(lang):
        private = [BotCommand(c.name, c.description) for c in COMMANDS]
        groups = [BotCommand(c.name, c.description) for c in COMMANDS if c.in_groups]
        description, short = wording.BOT_DESCRIPTION, wording.BOT_SHORT_DESCRIPTION
    await bot.set_my_commands(private, language_code=code)
    await bot.set_my_commands(private, scope=BotCommandScopeAllPrivateChats(), language_code=code)
    await bot.set_my_commands(groups, scope=BotCommandScopeAllGroupChats(), language_code=code)
    await bot.set_my_description(description, language_code=code)
    await bot.set_my_short_description(short, language_code=code)


def application_builder(
    settings: Settings,
    *,
    rate_limit: bool = True,
    request: BaseRequest | None = None,
    get_updates_request: BaseRequest | None = None,
    metrics: Metrics | None = None,
    health: ApiHealth | None = None,
) -> AnyBuilder:
    """The PTB set-up shared by the bot and the benchmark's echo bot. There is no Updater:
    updates come from our own polling loop or webhook server (bot/polling.py,
    bot/http_server.py), which confirm an update only once it is handled."""
    if settings.telegram_bot_token is None:
        raise ValueError("TELEGRAM_BOT_TOKEN is not set")
    backoff = settings.retry_backoff
    request = request or RetryingRequest(
        connection_pool_size=CONNECTION_POOL, backoff=backoff, metrics=metrics, health=health
    )
    builder: AnyBuilder = (
        Application.builder()
        .token(settings.telegram_bot_token.get_secret_value())
        .base_url(settings.api_base_url)
        .base_file_url(settings.api_base_url.removesuffix("/bot") + "/file/bot")
        .defaults(
            Defaults(parse_mode=ParseMode.HTML, link_preview_options=LinkPreviewOptions(is_disabled=True))
        )
        .updater(None)
        .request(request)
        .get_updates_request(get_updates_request or RetryingRequest(backoff=backoff, health=health))
    )
    if rate_limit:
        limiter = AIORateLimiter(overall_max_rate=settings.send_rate, max_retries=RATE_LIMIT_RETRIES)
        builder = builder.rate_limiter(limiter)
    return builder


def build_application(
    settings: Settings,
    engine: Engine,
    *,
    rate_limit: bool = True,
    request: BaseRequest | None = None,
    get_updates_request: BaseRequest | None = None,
    metrics: Metrics | None = None,
    health: ApiHealth | None = None,
    state: SharedState | None = None,
    service: ConversationService | None = None,
) -> BotApplication:
    """The Application for `settings`. `rate_limit=False` is for benchmarks only; `request` and
    `get_updates_request` let tests answer the Bot API in-process or with short timeouts.
    `state` is where the handlers keep what outlives an update (handlers/stores/shared.py;
    default: this process's memory); its owner starts and closes it. `service`: the
    conversation service when another platform shares it (default: one on `state`)."""
    metrics = metrics or Metrics()
    state = state or SharedState()
    application: BotApplication = (
        application_builder(
            settings,
            rate_limit=rate_limit,
            request=request,
            get_updates_request=get_updates_request,
            metrics=metrics,
            health=health,
        )
        .context_types(CONTEXT_TYPES)
        .build()
    )
    service = service or conversation_service(settings, engine, state, metrics)
    application.bot_data.services = Services(
        service=service, flood=state.flood, notices=ErrorNotices(settings.admin_chat_id)
    )
    register(application)
    return application


def conversation_service(
    settings: Settings, engine: Engine, state: SharedState, metrics: Metrics
) -> ConversationService:
    """The one conversation service of a process, on its state, for every platform."""
    return ConversationService(
        engine,
        conversations=Conversations(state.conversations, ttl=settings.context_ttl),
        replies=state.replies,
        metrics=metrics,
        shared=state.shared,
    )


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
            # A question: answer it. First, since most updates are questions: no command
            # handler would take a text that is not a command, so none is tried on one.
            MessageHandler(filters.UpdateType.MESSAGE & text, messages.on_text),
            # An edited question: edit the answer.
            MessageHandler(filters.UpdateType.EDITED_MESSAGE & text, messages.on_edited_text),
            # The commands of handlers/telegram/commands.py; their table also makes the menus and /help.
            *(CommandHandler(c.name, c.callback) for c in COMMANDS),
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
