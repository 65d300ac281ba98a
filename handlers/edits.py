"""Edited messages: rewrite the earlier answer in place, or answer anew if it is forgotten."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from handlers.addressing import text_for_bot
from handlers.common import edit_in_place, send_reply, services


async def on_edited_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer the edited text by editing the reply we sent before."""
    message = update.edited_message
    text = text_for_bot(message, context.bot)
    if message is None or text is None:
        return
    found = services(context)
    reply = found.engine.answer(text)
    earlier = found.replies.recall(message.chat_id, message.message_id)
    if earlier is None:  # after a restart, or evicted: a new answer is better than none
        ids = await send_reply(message, reply)
    else:
        earlier_ids, keep = earlier
        reply = found.engine.with_kept(reply, keep)  # advice once shown stays
        ids = await edit_in_place(context, message.chat_id, earlier_ids, reply)
    found.replies.remember(message.chat_id, message.message_id, ids, reply.escalation.keep)
