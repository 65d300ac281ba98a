"""Stickers, photos, voice notes, locations and the like: a hint to type instead."""

from __future__ import annotations

import html

from telegram import Update
from telegram.ext import ContextTypes

from knowledge import texts


async def on_non_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Ask for a typed question."""
    if update.effective_message:
        await update.effective_message.reply_text(html.escape(texts.NON_TEXT_HINT, quote=False))


async def on_unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An unknown /command gets the help text."""
    if update.effective_message:
        await update.effective_message.reply_text(html.escape(texts.HELP_TEXT, quote=False))
