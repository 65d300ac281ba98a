"""Per-user flood guard, ahead of every other handler."""

from __future__ import annotations

import html

from telegram import Update
from telegram.ext import ApplicationHandlerStop

from handlers import wording
from handlers.context import BotContext
from handlers.language import user_tag


async def guard(update: Update, context: BotContext) -> None:
    """Let the update through, or send one notice and then drop until the user slows down."""
    user = update.effective_user
    if user is None:
        return
    verdict = await context.services.flood.check(user.id)
    if verdict == "ok":
        return
    if verdict == "notice" and update.effective_chat is not None and update.inline_query is None:
        # In the app's language: a flood is no time to read the conversation store.
        lang = context.services.engine.language_without_text(None, user_tag(user))
        await context.bot.send_message(
            update.effective_chat.id, html.escape(wording.text("FLOOD_NOTICE", lang), quote=False)
        )
    raise ApplicationHandlerStop
