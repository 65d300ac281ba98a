"""The error handler: log the traceback (never the user's text), tell the user, carry on."""

from __future__ import annotations

import html
import logging

from telegram import Update

from handlers import wording
from handlers.context import BotContext

log = logging.getLogger(__name__)


async def on_error(update: object, context: BotContext) -> None:
    """Log with the traceback and the update id only; apologise where there is a chat."""
    update_id = update.update_id if isinstance(update, Update) else None
    log.error("error while handling update %s", update_id, exc_info=context.error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    try:
        await context.bot.send_message(update.effective_chat.id, html.escape(wording.ERROR_TEXT, quote=False))
    except Exception:  # the API itself may be what failed; never raise from here
        log.warning("could not tell the user about the error", exc_info=True)
