"""Button presses: section, did-you-mean, related-topic and page buttons edit their message."""

from __future__ import annotations

from telegram import CallbackQuery, InlineKeyboardMarkup, Update
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot.callback_data import ListButton, TopicButton, decode
from bot.keyboard import keyboard
from bot.render_html import render_html
from handlers.common import NOT_MODIFIED, send_html, services
from knowledge import texts
from knowledge.reply import Reply


def _reply_for(context: ContextTypes.DEFAULT_TYPE, data: str | None) -> Reply | None:
    button = decode(data)
    engine = services(context).engine
    if isinstance(button, TopicButton):
        return engine.topic_reply(button.slug, button.section, button.keep)
    if isinstance(button, ListButton):
        return engine.catalogue(button.listing, button.page, button.keep)
    return None


async def on_callback(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Show what the button names in the same message; stale or forged data gets a notice."""
    query = update.callback_query
    if query is None:
        return
    reply = _reply_for(context, query.data)
    message = query.message
    if reply is None or (message is None and query.inline_message_id is None):
        await query.answer(texts.BUTTON_EXPIRED)
        return
    await query.answer()
    rendered = render_html(reply)
    markup = keyboard(rendered.buttons)
    first, *rest = rendered.messages
    if query.inline_message_id is not None or (message is not None and message.is_accessible):
        await _edit(query, first, None if rest else markup)  # buttons go under the last part
    else:
        rest = [first, *rest]  # the old message can no longer be edited: send it all anew
    if message is not None:
        for i, text in enumerate(rest):
            await send_html(context.bot, message.chat.id, text, markup if i == len(rest) - 1 else None)


async def _edit(query: CallbackQuery, text: str, markup: InlineKeyboardMarkup | None) -> None:
    try:
        await query.edit_message_text(text, reply_markup=markup)
    except BadRequest as exc:
        if NOT_MODIFIED not in exc.message.lower():
            raise
