"""Text messages: answer with the engine in the conversation's context, remember which
messages answered it."""

from __future__ import annotations

from telegram import Update

from handlers.addressing import text_for_bot
from handlers.context import BotContext
from handlers.conversations import conversation_key
from handlers.deliver import Where, deliver
from handlers.language import user_region, user_tag


async def on_text(update: Update, context: BotContext) -> None:
    """Answer a text message addressed to the bot."""
    message = update.message
    text = text_for_bot(message, context.bot)
    if message is None or text is None:
        return
    services = context.services
    async with services.conversations.turn(conversation_key(message.chat, message.from_user)) as turn:
        tag = user_tag(message.from_user)
        lang = services.engine.language(text, turn.before, tag)
        reply = services.engine.answer(text, turn.before, lang=lang, region=user_region(message.from_user))
        quote = message.message_id if message.chat.type != "private" else None
        sent = await deliver(
            context.bot, reply, Where(chat_id=message.chat_id, quote=quote), services.metrics
        )
        await services.replies.remember(message.chat_id, message.message_id, sent, reply.escalation.keep)
        turn.after = services.engine.after(turn.before, reply)
