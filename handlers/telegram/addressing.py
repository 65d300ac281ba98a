"""Whether a message is for the bot: everything in private; in groups only mentions and
replies to the bot (commands are routed by PTB's CommandHandler)."""

from __future__ import annotations

import re

from telegram import Bot, Message, MessageEntity


def text_for_bot(message: Message | None, bot: Bot) -> str | None:
    """The text to answer with the bot's @mention removed, or None if not addressed to it.

    Entity offsets are not trusted (a forged update can cut a character in half), so the
    @mention is found in the text itself."""
    if message is None:
        return None
    text = message.text or ""
    if message.chat.type == "private":
        return text
    replied = message.reply_to_message
    if replied is not None and replied.from_user is not None and replied.from_user.id == bot.id:
        return text
    if bot.username:
        mention = re.compile(rf"@{re.escape(bot.username)}\b", re.IGNORECASE)
        if mention.search(text):
            return mention.sub(" ", text)
    for entity in message.entities:
        if entity.type == MessageEntity.TEXT_MENTION and entity.user is not None and entity.user.id == bot.id:
            return text
    return None
