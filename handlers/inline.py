"""Inline mode: `@bot <question>` in any chat offers the same formatted answer."""

from __future__ import annotations

import html

from telegram import InlineQueryResultArticle, InputTextMessageContent, Update
from telegram.ext import ContextTypes

from bot.keyboard import keyboard
from bot.render_html import render_single
from handlers.common import services
from knowledge import texts
from knowledge.reply import Reply

MAX_RESULTS = 5
CACHE_SECONDS = 300


def _article(result_id: str, reply: Reply) -> InlineQueryResultArticle:
    first = reply.sections[0].heading if reply.sections else reply.intro
    return InlineQueryResultArticle(
        id=result_id,
        title=reply.title,
        description=first or None,
        input_message_content=InputTextMessageContent(render_single(reply)),
        reply_markup=keyboard((*reply.suggestions, *reply.actions)),
    )


async def on_inline_query(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer an inline query with the answer to its text, then each other topic it names."""
    query = update.inline_query
    if query is None:
        return
    engine = services(context).engine
    if not query.query.strip():
        results = [InlineQueryResultArticle(
            id="help", title=texts.INLINE_EMPTY_TITLE,
            input_message_content=InputTextMessageContent(html.escape(texts.INLINE_EMPTY_TEXT, quote=False)),
        )]
    else:
        reply = engine.answer(query.query)
        results = [_article("0", reply)]
        for n, slug in enumerate(reply.topics[1:MAX_RESULTS], start=1):
            other = engine.topic_reply(slug)
            if other is not None:
                # The escalation belongs to the whole question, so every result carries it.
                results.append(_article(str(n), other.model_copy(update={"escalation": reply.escalation})))
    await query.answer(results, cache_time=CACHE_SECONDS, is_personal=False)
