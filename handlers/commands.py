"""/start, /help, /conditions, /ingredients, /privacy, and unknown commands."""

from __future__ import annotations

import html

from telegram import Update
from telegram.ext import ContextTypes

from handlers.common import send_reply, services
from knowledge import texts


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Greet, say what the bot can do, give example questions and the disclaimer."""
    if update.effective_message:
        await send_reply(update.effective_message, services(context).engine.greeting())


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Explain how to ask and list the commands."""
    if update.effective_message:
        await update.effective_message.reply_text(html.escape(texts.HELP_TEXT, quote=False))


async def conditions(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """List the conditions, each a button."""
    if update.effective_message:
        await send_reply(update.effective_message, services(context).engine.catalogue("conditions"))


async def ingredients(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """List the ingredients, each a button."""
    if update.effective_message:
        await send_reply(update.effective_message, services(context).engine.catalogue("ingredients"))


async def privacy(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Say what is kept about the user: nothing beyond the running process."""
    if update.effective_message:
        await update.effective_message.reply_text(html.escape(texts.PRIVACY_TEXT, quote=False))
