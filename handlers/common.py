"""Shared plumbing: reach the services, send a rendered reply, edit messages in place."""

from __future__ import annotations

import logging

from telegram import InlineKeyboardMarkup, Message
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot.keyboard import keyboard
from bot.render_html import render_html
from bot.services import KEY, Services
from knowledge import texts
from knowledge.reply import Reply

log = logging.getLogger(__name__)
NOT_MODIFIED = "message is not modified"


def services(context: ContextTypes.DEFAULT_TYPE) -> Services:
    return context.application.bot_data[KEY]


async def send_reply(message: Message, reply: Reply) -> list[Message]:
    """Answer `message` with `reply`; the buttons go under the last part."""
    rendered = render_html(reply)
    markup = keyboard(rendered.buttons)
    quote = message.chat.type != "private"
    sent = []
    for i, text in enumerate(rendered.messages):
        last = i == len(rendered.messages) - 1
        sent.append(
            await message.reply_text(text, reply_markup=markup if last else None, do_quote=quote)
        )
    return sent


async def edit_in_place(
    context: ContextTypes.DEFAULT_TYPE, chat_id: int, message_ids: tuple[int, ...], reply: Reply
) -> list[int]:
    """Rewrite earlier reply messages with a new reply; send parts that do not fit in them."""
    rendered = render_html(reply)
    markup = keyboard(rendered.buttons)
    parts = list(rendered.messages)
    ids: list[int] = []
    for i, text in enumerate(parts):
        last = i == len(parts) - 1
        if i < len(message_ids):
            await edit_text(context, chat_id, message_ids[i], text, markup if last else None)
            ids.append(message_ids[i])
        else:
            sent = await context.bot.send_message(chat_id, text, reply_markup=markup if last else None)
            ids.append(sent.message_id)
    for stale in message_ids[len(parts):]:
        await edit_text(context, chat_id, stale, texts.EDIT_SUPERSEDED, None)
    return ids


async def edit_text(
    context: ContextTypes.DEFAULT_TYPE,
    chat_id: int,
    message_id: int,
    text: str,
    markup: InlineKeyboardMarkup | None,
) -> None:
    """Edit one message; an unchanged answer is not an error."""
    try:
        await context.bot.edit_message_text(
            text, chat_id=chat_id, message_id=message_id, reply_markup=markup
        )
    except BadRequest as exc:
        if NOT_MODIFIED not in exc.message.lower():
            raise
