"""The user's language on Telegram: which language each reply is in, and /language.

A message's reply is in the language knowledge.i18n.choose picks (the choice made with
/language, else the message's own language, else the conversation's, else the app's
language_code, else English). Commands, button presses and notices have no text to detect:
they follow the conversation's language, else the app's. The region of the app's
language_code ("pt-br" -> BR) picks the helplines.
"""

from __future__ import annotations

import html

from telegram import Chat, InlineKeyboardButton, InlineKeyboardMarkup, Update, User

from handlers.callback_data import LanguageButton, encode_language
from handlers.telegram import wording
from handlers.telegram.context import BotContext
from handlers.telegram.conversations import conversation_key
from knowledge import BY_CODE, LANGUAGES, region_of, speaking

LANGUAGES_PER_ROW = 2


def user_tag(user: User | None) -> str | None:
    """The language of the user's app, as Telegram gives it ("pt-br"), if it does."""
    return user.language_code if user is not None else None


def user_region(user: User | None) -> str | None:
    return region_of(user_tag(user))


async def reply_language(context: BotContext, chat: Chat | None, user: User | None) -> str:
    """The language of a reply with no text to detect: a command, a button, a notice."""
    key = conversation_key(chat, user) if chat is not None else None
    return await context.services.service.language(key, user_tag(user))


def picker(current: str) -> tuple[str, InlineKeyboardMarkup]:
    """The /language message: the question in the current language, a button per language
    in its own name, and "automatic"."""
    buttons = [InlineKeyboardButton(s.native, callback_data=encode_language(s.code)) for s in LANGUAGES]
    rows = [buttons[i : i + LANGUAGES_PER_ROW] for i in range(0, len(buttons), LANGUAGES_PER_ROW)]
    rows.append(
        [InlineKeyboardButton(wording.text("LANGUAGE_AUTO", current), callback_data=encode_language(None))]
    )
    prompt = wording.text("LANGUAGE_PROMPT", current).format(language=BY_CODE[current].native)
    return html.escape(prompt, quote=False), InlineKeyboardMarkup(rows)


async def language_command(update: Update, context: BotContext) -> None:
    """Offer the languages to answer in, as buttons."""
    message = update.effective_message
    if message is None:
        return
    current = await reply_language(context, message.chat, update.effective_user)
    text, markup = picker(current)
    await message.reply_text(text, reply_markup=markup)


async def on_language_button(update: Update, context: BotContext, button: LanguageButton) -> None:
    """Keep the choice with the conversation and say so in the chosen language; "automatic"
    forgets the choice."""
    query = update.callback_query
    if query is None:
        return
    message = query.message
    if message is None:  # a picker is only ever sent into a chat
        await query.answer()
        return
    key = conversation_key(message.chat, query.from_user)
    lang = await context.services.service.choose_language(key, button.lang, user_tag(query.from_user))
    said = wording.text("LANGUAGE_AUTOMATIC" if button.lang is None else "LANGUAGE_CHOSEN", lang)
    await query.answer()
    with speaking(lang):
        if message.is_accessible:
            await context.bot.edit_message_text(
                html.escape(said, quote=False), chat_id=message.chat.id, message_id=message.message_id
            )
        else:
            await context.bot.send_message(message.chat.id, html.escape(said, quote=False))
