"""The one place that sends or edits an answer on Telegram.

A Reply is rendered to one or more HTML messages; the buttons go under the last one. An answer
replaces earlier messages in place (a button press, an edited question) or goes out as new
messages, quoting the question in groups. What an edit or a send refused by Telegram does is
decided in handlers/telegram/api_errors.py: an edit that cannot happen is sent as a new message
(whose id is returned, so later edits go to it), an unchanged message is left as is.
"""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass
from functools import lru_cache

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, ReplyParameters
from telegram.error import BadRequest

from handlers.metrics import Metrics
from handlers.telegram import wording
from handlers.telegram.api_errors import classify
from handlers.telegram.keyboards import keyboard
from handlers.telegram.render import render_html, render_single
from knowledge import Reply, speaking

log = logging.getLogger(__name__)


@lru_cache(maxsize=64)
def _ways_in(label: str) -> tuple[InlineKeyboardButton, ...]:
    """Under a way in (the greeting, an unknown topic): inline mode, started in this very
    chat, labelled `label` (wording.TRY_INLINE in the active language). Built once per label:
    the button is immutable, and the keyboard cache then finds its keyboard at once."""
    return (InlineKeyboardButton(label, switch_inline_query_current_chat=""),)


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
        if not await _edit(bot, text, markup, inline_message_id=where.inline_message_id):
            log.info("an inline message could not be edited; it keeps what it showed")
        return ()
    if where.chat_id is None:
        raise ValueError("an answer needs a chat or an inline message")
    with speaking(reply.lang):
        rendered = render_html(reply)
        markup = keyboard(rendered.buttons, _ways_in(wording.TRY_INLINE) if reply.welcome else ())
        # Said only over earlier messages the answer no longer needs (an edit's, rarely).
        leftover = len(where.replace) > len(rendered.messages)
        superseded = html.escape(wording.EDIT_SUPERSEDED) if leftover else ""
    ids: list[int] = []
    last = len(rendered.messages) - 1
    for i, text in enumerate(rendered.messages):
        buttons = markup if i == last else None
        if i < len(where.replace) and await _edit(
            bot, text, buttons, chat_id=where.chat_id, message_id=where.replace[i]
        ):
            ids.append(where.replace[i])
            continue
        # A new message, or one that can no longer be edited (deleted, too old): sent anew.
        # The quoted question may be gone by now: the answer goes out all the same.
        quote = (
            ReplyParameters(where.quote, allow_sending_without_reply=True)
            if where.quote is not None and not ids
            else None
        )
        sent = await bot.send_message(where.chat_id, text, reply_markup=buttons, reply_parameters=quote)
        ids.append(sent.message_id)
    for stale in where.replace[len(rendered.messages) :]:
        # A stale message that can no longer be edited is left as it is.
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
) -> bool:
    """Edit one message: True when it shows the text (edited, or unchanged already), False
    when it cannot be edited (handlers/telegram/api_errors.py); any other error is raised."""
    try:
        await bot.edit_message_text(
            text,
            chat_id=chat_id,
            message_id=message_id,
            inline_message_id=inline_message_id,
            reply_markup=markup,
        )
    except BadRequest as exc:
        rule = classify(exc)
        if rule is None or rule.action not in ("ignore", "resend"):
            raise
        return rule.action == "ignore"
    return True
