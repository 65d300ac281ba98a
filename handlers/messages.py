"""Text messages: answer with the engine, remember which messages answered it."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from handlers.addressing import text_for_bot
from handlers.common import send_reply, services


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer a text message addressed to the bot."""
    message = update.message
    text = text_for_bot(message, context.bot)
    if message is None or text is None:
        return
    found = services(context)
    reply = found.engine.answer(text)
    sent = await send_reply(message, reply)
    found.replies.remember(message.chat_id, message.message_id, sent, reply.escalation.keep)
