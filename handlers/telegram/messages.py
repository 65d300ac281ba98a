"""Text messages and their edits: a turn of the conversation service, shown by deliver(), in
the language the service picks with the app's language_code (handlers/telegram/language.py)."""

from __future__ import annotations

from telegram import Bot, Message, Update

from handlers.service import Asked, Send
from handlers.telegram.addressing import text_for_bot
from handlers.telegram.context import PLATFORM, BotContext
from handlers.telegram.conversations import conversation_key
from handlers.telegram.deliver import Where, deliver
from handlers.telegram.language import user_region, user_tag
from knowledge import Reply


def _sender(bot: Bot, message: Message) -> Send:
    """New messages quote the question in groups; an edit's answer replaces the earlier one."""
    quote = message.message_id if message.chat.type != "private" else None

    async def send(reply: Reply, over: tuple[int, ...]) -> tuple[int, ...]:
        where = Where(chat_id=message.chat_id, replace=over) if over else Where(message.chat_id, quote)
        return await deliver(bot, reply, where)

    return send


async def _answer(message: Message | None, context: BotContext, again: bool) -> None:
    text = text_for_bot(message, context.bot)
    if message is None or text is None:
        return
    await context.services.service.ask(
        conversation_key(message.chat, message.from_user),
        text,
        _sender(context.bot, message),
        platform=PLATFORM,
        asked=Asked(message.chat_id, message.message_id),
        again=again,
        tag=user_tag(message.from_user),
        region=user_region(message.from_user),
    )


async def on_text(update: Update, context: BotContext) -> None:
    """Answer a text message addressed to the bot."""
    await _answer(update.message, context, again=False)


async def on_edited_text(update: Update, context: BotContext) -> None:
    """Answer the edited text by editing the reply we sent before; advice once shown stays.
    The edit is read in the conversation as it is now, and moves it on like a new message."""
    await _answer(update.edited_message, context, again=True)
