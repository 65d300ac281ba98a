"""Inline mode: `@bot <question>` in any chat offers the same formatted answer."""

from __future__ import annotations

import html

from telegram import InlineQueryResultArticle, InputTextMessageContent, Update

from handlers import wording
from handlers.context import BotContext
from handlers.keyboards import keyboard
from handlers.render import render_single
from knowledge import Reply

MAX_RESULTS = 5
CACHE_SECONDS = 300


def _article(result_id: str, reply: Reply) -> InlineQueryResultArticle:
    first = reply.sections[0].heading if reply.sections else reply.intro
    return InlineQueryResultArticle(
        id=result_id,
        title=reply.title or reply.escalation.title,
        description=first or None,
        input_message_content=InputTextMessageContent(render_single(reply)),
        reply_markup=keyboard((*reply.suggestions, *reply.actions)),
    )


async def on_inline_query(update: Update, context: BotContext) -> None:
    """Answer an inline query with the answer to its text, then each other topic it names."""
    query = update.inline_query
    if query is None:
        return
    engine = context.services.engine
    if not query.query.strip():
        results = [
            InlineQueryResultArticle(
                id="help",
                title=wording.INLINE_EMPTY_TITLE,
                input_message_content=InputTextMessageContent(
                    html.escape(wording.INLINE_EMPTY_TEXT, quote=False)
                ),
            )
        ]
    else:
        reply = engine.answer(query.query)
        context.services.metrics.answered(reply.kind, reply.escalation.level)
        typing = not reply.topics and reply.escalation.level == "none"
        # While the user is still typing a name ("magnes"), offer the topics it begins.
        completed = engine.complete(query.query, MAX_RESULTS) if typing else ()
        if completed:
            found = (engine.topic_reply(slug) for slug in completed)
            results = [_article(str(n), r) for n, r in enumerate(found) if r is not None]
            await query.answer(results, cache_time=CACHE_SECONDS, is_personal=False)
            return
        results = [_article("0", reply)]
        for n, slug in enumerate(reply.topics[1:MAX_RESULTS], start=1):
            other = engine.topic_reply(slug, keep=reply.escalation.keep)
            if other is not None:
                # The escalation belongs to the whole question, so every result carries it.
                results.append(_article(str(n), other.model_copy(update={"escalation": reply.escalation})))
    await query.answer(results, cache_time=CACHE_SECONDS, is_personal=False)
