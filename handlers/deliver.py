"""The one place that sends or edits an answer on Telegram.

A Reply is rendered to one or more HTML messages; the buttons go under the last one. An answer
replaces earlier messages in place (a button press, an edited question) or goes out as new
messages, quoting the question in groups. "Message is not modified" is not an error.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, ReplyParameters
from telegram.error import BadRequest

from handlers import wording
from handlers.keyboards import keyboard
from handlers.metrics import Metrics
from handlers.render import render_html, render_single
from knowledge import Reply, speaking

NOT_MODIFIED = "message is not modified"


def _ways_in() -> tuple[InlineKeyboardButton, ...]:
    """Under a way in (the greeting, an unknown topic): inline mode, started in this very
    chat, labelled in the active language."""
    return (InlineKeyboardButton(wording.TRY_INLINE, switch_inline_query_current_chat=""),)


@dataclass(frozen=True)
class Where:
    """Where an answer goes: a chat, optionally quoting a message (groups), optionally over
    earlier messages of the bot (`replace`, oldest first), or an inline message."""

    chat_id: int | None = None
    quote: int | None = None
    replace: tuple[int, ...] = ()
    inline_message_id: str | None = None


async def deliver(bot: Bot, reply: Reply, where: Where, metrics: Metrics | None = None) -> tuple[int, ...]:
    """Show `reply`; return the ids of the chat messages that now hold it. Its buttons and
    notes are in the reply's own language."""
    if metrics is not None:
        metrics.answered(reply.kind, reply.escalation.level)
    if where.inline_message_id is not None:
        with speaking(reply.lang):
            text, markup = render_single(reply), keyboard((*reply.suggestions, *reply.actions))
        await _edit(bot, text, markup, inline_message_id=where.inline_message_id)
        return ()
    if where.chat_id is None:
        raise ValueError("an answer needs a chat or an inline message")
    with speaking(reply.lang):
        rendered = render_html(reply)
        markup = keyboard(rendered.buttons, _ways_in() if reply.welcome else ())
        superseded = html.escape(wording.EDIT_SUPERSEDED)
    ids: list[int] = []
    last = len(rendered.messages) - 1
    for i, text in enumerate(rendered.messages):
        buttons = markup if i == last else None
        if i < len(where.replace):
            await _edit(bot, text, buttons, chat_id=where.chat_id, message_id=where.replace[i])
            ids.append(where.replace[i])
        else:
            quote = ReplyParameters(where.quote) if where.quote is not None and not ids else None
            sent = await bot.send_message(where.chat_id, text, reply_markup=buttons, reply_parameters=quote)
            ids.append(sent.message_id)
    for stale in where.replace[len(rendered.messages) :]:
        await _edit(bot, superseded, None, chat_id=where.chat_id, message_id=stale)
    return tuple(ids)


async def _edit(
    bot: Bot,
    text: str,
    markup: InlineKeyboardMarkup | None,
    *,
    chat_id: int | None = None,
    message_id: int | None = None,
    inline_message_id: str | None = None,
) -> None:
    """Edit one message; an unchanged answer is not an error."""
    try:
        await bot.edit_message_text(
            text,
            chat_id=chat_id,
            message_id=message_id,
            inline_message_id=inline_message_id,
            reply_markup=markup,
        )
    except BadRequest as exc:
        if NOT_MODIFIED not in exc.message.lower():
            raise
