"""Whether a message is for the bot: everything in private; in groups only mentions and
replies to the bot (commands are routed by PTB's CommandHandler)."""

from __future__ import annotations

from telegram import Bot, Message, MessageEntity


def text_for_bot(message: Message, bot: Bot) -> str | None:
    """The text to answer with the bot's @mention removed, or None if not addressed to it."""
    text = message.text or ""
    if message.chat.type == "private":
        return text
    replied = message.reply_to_message
    if replied is not None and replied.from_user is not None and replied.from_user.id == bot.id:
        return text
    username = (bot.username or "").lower()
    for entity, value in message.parse_entities([MessageEntity.MENTION, MessageEntity.TEXT_MENTION]).items():
        mentioned = entity.type == MessageEntity.MENTION and value.lower() == f"@{username}"
        if mentioned or (entity.user is not None and entity.user.id == bot.id):
            return text.replace(value, " ")
    return None
