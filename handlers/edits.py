"""Edited messages: rewrite the earlier answer in place, or answer anew if it is forgotten."""

from __future__ import annotations

from telegram import Update

from handlers.addressing import text_for_bot
from handlers.context import BotContext
from handlers.conversations import conversation_key
from handlers.deliver import Where, deliver
from handlers.language import user_region, user_tag


async def on_edited_text(update: Update, context: BotContext) -> None:
    """Answer the edited text by editing the reply we sent before; advice once shown stays.
    The edit is read in the conversation as it is now, and moves it on like a new message."""
    message = update.edited_message
    text = text_for_bot(message, context.bot)
    if message is None or text is None:
        return
    services = context.services
    async with services.conversations.turn(conversation_key(message.chat, message.from_user)) as turn:
        lang = services.engine.language(text, turn.before, user_tag(message.from_user))
        region = user_region(message.from_user)
        reply = services.engine.answer(text, turn.before, lang=lang, region=region)
        earlier = await services.replies.recall(message.chat_id, message.message_id)
        quote = message.message_id if message.chat.type != "private" else None
        if earlier is None:  # after a restart, or evicted: a new answer is better than none
            where = Where(chat_id=message.chat_id, quote=quote)
        else:
            earlier_ids, keep = earlier
            reply = services.engine.with_kept(reply, keep, region)
            where = Where(chat_id=message.chat_id, replace=earlier_ids)
        sent = await deliver(context.bot, reply, where, services.metrics)
        await services.replies.remember(message.chat_id, message.message_id, sent, reply.escalation.keep)
        turn.after = services.engine.after(turn.before, reply)
