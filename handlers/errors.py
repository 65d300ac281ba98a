"""The error handler: log the traceback (never the user's text), tell the user, tell the
operators' chat in a short notice (handlers/error_notices.py), carry on."""

from __future__ import annotations

import html
import logging

from telegram import Update

from handlers import wording
from handlers.context import BotContext
from handlers.language import user_tag

log = logging.getLogger(__name__)


async def on_error(update: object, context: BotContext) -> None:
    """Log with the traceback and the update id only; apologise where there is a chat; send
    the operators a notice if one is configured and not rate-limited."""
    update_id = update.update_id if isinstance(update, Update) else None
    log.error("error while handling update %s", update_id, exc_info=context.error)
    notices = context.services.notices
    if context.error is not None:
        notice = notices.notice(context.error, update)
        if notice is not None and notices.chat_id is not None:
            await _send(context, notices.chat_id, notice, "could not send the error notice")
    if isinstance(update, Update) and update.effective_chat is not None:
        # In the app's language: the conversation store may be what failed.
        lang = context.services.engine.language_without_text(None, user_tag(update.effective_user))
        await _send(
            context, update.effective_chat.id, wording.text("ERROR_TEXT", lang), "could not tell the user"
        )


async def _send(context: BotContext, chat_id: int, text: str, failure: str) -> None:
    try:
        await context.bot.send_message(chat_id, html.escape(text, quote=False))
    except Exception:  # the API itself may be what failed; never raise from here
        log.warning("%s about the error", failure, exc_info=True)
