"""Shared plumbing: reach the services, send a rendered reply, edit messages in place."""

from __future__ import annotations

import logging
import warnings

from telegram import Bot, InlineKeyboardMarkup, Message
from telegram.constants import ParseMode
from telegram.error import BadRequest
from telegram.ext import ContextTypes
from telegram.warnings import PTBUserWarning

from bot.keyboard import keyboard
from bot.render_html import render_html
from bot.services import KEY, Services
from knowledge import texts
from knowledge.reply import Reply

log = logging.getLogger(__name__)
NOT_MODIFIED = "message is not modified"
NO_PREVIEW = {"is_disabled": True}  # a plain dict: PTB re-serialises objects on every send
# send_html calls sendMessage through do_api_request on purpose (see there); PTB would warn.
warnings.filterwarnings("ignore", message=r".*do_api_request\(\"sendMessage\"", category=PTBUserWarning)


def services(context: ContextTypes.DEFAULT_TYPE) -> Services:
    return context.application.bot_data[KEY]


async def send_reply(message: Message, reply: Reply) -> list[int]:
    """Answer `message` with `reply` (the buttons under the last part); the sent ids."""
    rendered = render_html(reply)
    markup = keyboard(rendered.buttons)
    # In groups, quote the question so the answer is clearly its answer.
    quote = {"message_id": message.message_id} if message.chat.type != "private" else None
    ids = []
    for i, text in enumerate(rendered.messages):
        last = i == len(rendered.messages) - 1
        ids.append(await send_html(message.get_bot(), message.chat_id, text, markup if last else None, quote))
    return ids


async def send_html(
    bot: Bot,
    chat_id: int,
    text: str,
    markup: InlineKeyboardMarkup | None = None,
    reply_to: dict[str, int] | None = None,
) -> int:
    """sendMessage, returning only the new message's id. PTB's send_message would build a
    full Message object (and its keyboard) from Telegram's answer, which we never read: that
    was a fifth of the bot's CPU per answer (measured). Rate limiting and errors are PTB's."""
    kwargs: dict[str, object] = {"chat_id": chat_id, "text": text, "parse_mode": ParseMode.HTML,
                                 "link_preview_options": NO_PREVIEW}
    if markup is not None:
        kwargs["reply_markup"] = markup
    if reply_to is not None:
        kwargs["reply_parameters"] = reply_to
    result = await bot.do_api_request("sendMessage", api_kwargs=kwargs)
    return int(result["message_id"])


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
            ids.append(await send_html(context.bot, chat_id, text, markup if last else None))
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
