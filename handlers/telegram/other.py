"""Stickers, photos, voice notes, locations and the like: a hint to type instead."""

from __future__ import annotations

import html

from telegram import Update

from handlers.telegram import wording
from handlers.telegram.commands import help_text
from handlers.telegram.context import BotContext
from handlers.telegram.language import reply_language
from knowledge import speaking


async def on_non_text(update: Update, context: BotContext) -> None:
    """Ask for a typed question."""
    if update.effective_message:
        lang = await reply_language(context, update.effective_chat, update.effective_user)
        await update.effective_message.reply_text(
            html.escape(wording.text("NON_TEXT_HINT", lang), quote=False)
        )


async def on_unknown_command(update: Update, context: BotContext) -> None:
    """An unknown /command gets the help text."""
    if update.effective_message:
        with speaking(await reply_language(context, update.effective_chat, update.effective_user)):
            await update.effective_message.reply_text(html.escape(help_text(context), quote=False))
