"""Per-user flood guard, ahead of every other handler."""

from __future__ import annotations

import html

from telegram import Update
from telegram.ext import ApplicationHandlerStop

from handlers.telegram import wording
from handlers.telegram.api_errors import answer_query
from handlers.telegram.context import BotContext
from handlers.telegram.language import user_tag


async def guard(update: Update, context: BotContext) -> None:
    """Let the update through, or send one notice and then drop until the user slows down.
    A dropped button press still gets its answerCallbackQuery (a short toast): Telegram's
    client shows a spinner on the button until it does."""
    user = update.effective_user
    if user is None:
        return
    verdict = await context.services.flood.check(user.id)
    if verdict == "ok":
        return
    if update.callback_query is not None:
        await answer_query(update.callback_query, wording.FLOOD_TOAST)
        raise ApplicationHandlerStop
    if verdict == "notice" and update.effective_chat is not None and update.inline_query is None:
        # In the app's language: a flood is no time to read the conversation store.
        lang = context.services.engine.language_without_text(None, user_tag(user))
        await context.bot.send_message(
            update.effective_chat.id, html.escape(wording.text("FLOOD_NOTICE", lang), quote=False)
        )
    raise ApplicationHandlerStop
