"""Stickers, photos, voice notes, locations and the like: a hint to type instead."""

from __future__ import annotations

import html

from telegram import Update

from handlers.telegram import wording
from handlers.telegram.commands import help_text
from handlers.telegram.context import BotContext


async def on_non_text(update: Update, context: BotContext) -> None:
    """Ask for a typed question."""
    if update.effective_message:
        await update.effective_message.reply_text(html.escape(wording.NON_TEXT_HINT, quote=False))


async def on_unknown_command(update: Update, context: BotContext) -> None:
    """An unknown /command gets the help text."""
    if update.effective_message:
        await update.effective_message.reply_text(html.escape(help_text(context), quote=False))
