"""Inline mode: `@bot <question>` in any chat offers the same formatted answer.

Above the results, a button opens a private chat with the bot on the same topic. While a name
is being typed ("magnes"), the topics it begins are offered; an empty query, or one the bot
has no answer for, offers a few topics to pick. Each result is a real answer, never a message
that only says how to use the bot. A result that carries advice says so in its title and
description (knowledge's headline and summary), since the list is all that is seen before it
is sent."""

from __future__ import annotations

import logging

from telegram import InlineQueryResultArticle, InlineQueryResultsButton, InputTextMessageContent, Update
from telegram.error import BadRequest

from handlers.telegram import wording
from handlers.telegram.api_errors import classify
from handlers.telegram.context import BotContext
from handlers.telegram.deep_link import start_parameter
from handlers.telegram.keyboards import keyboard
from handlers.telegram.language import user_region, user_tag
from handlers.telegram.render import render_single
from knowledge import Engine, Reply, headline, speaking, summary

log = logging.getLogger(__name__)
MAX_RESULTS = 5
CACHE_SECONDS = 300
_DESCRIPTION_CHARS = 160  # a result's description is two short lines in the list
_ANSWERS = frozenset(("topic", "advice"))  # replies worth sending into a chat


def _article(result_id: str, reply: Reply) -> InlineQueryResultArticle:
    return InlineQueryResultArticle(
        id=result_id,
        title=headline(reply),
        description=summary(reply, _DESCRIPTION_CHARS) or None,
        input_message_content=InputTextMessageContent(render_single(reply)),
        reply_markup=keyboard((*reply.suggestions, *reply.actions)),
    )


def _picks(engine: Engine, slugs: tuple[str, ...], lang: str) -> list[Reply]:
    replies = (engine.topic_reply(s, lang=lang) for s in slugs[:MAX_RESULTS])
    return [r for r in replies if r is not None]


def _starters(engine: Engine) -> tuple[str, ...]:
    """The topics the greeting offers: conditions, then the most used ingredients."""
    return tuple(a.topic for a in engine.greeting().actions if a.topic and a.listing is None)


def _results(engine: Engine, text: str, tag: str | None = None, region: str | None = None) -> list[Reply]:
    """The replies to offer for what has been typed so far, in the language it is written
    in (else the app's: `tag`)."""
    lang = engine.language(text, None, tag)
    if not text:
        return _picks(engine, _starters(engine), lang)
    reply = engine.answer(text, lang=lang, region=region)
    if reply.kind in _ANSWERS:
        results = [reply]
        for slug in reply.topics[1:MAX_RESULTS]:
            other = engine.topic_reply(slug, keep=reply.escalation.keep, lang=lang, region=region)
            if other is not None:
                # The escalation belongs to the whole question, so every result carries it.
                results.append(other.model_copy(update={"escalation": reply.escalation}))
        return results
    # Not an answer yet: the name being typed ("magnes"), the names it nearly is, or a few
    # topics; never "I'm not sure what you meant" sent into someone's chat.
    completed = engine.complete(text, MAX_RESULTS)
    suggested = tuple(a.topic for a in reply.suggestions if a.topic)
    return _picks(engine, completed or suggested or _starters(engine), lang)


async def on_inline_query(update: Update, context: BotContext) -> None:
    """Answer an inline query with the answers its text asks for, under a button that opens
    the same topic in a private chat."""
    query = update.inline_query
    if query is None:
        return
    engine = context.services.engine
    text = query.query.strip()
    replies = _results(engine, text, user_tag(query.from_user), user_region(query.from_user))
    if replies:
        context.services.metrics.answered(replies[0].kind, replies[0].escalation.level)
    # Nothing typed yet, nothing chosen: the button opens the greeting.
    first = replies[0] if replies and text else None
    with speaking(
        replies[0].lang if replies else engine.language_without_text(None, user_tag(query.from_user))
    ):
        button = InlineQueryResultsButton(
            text=wording.INLINE_OPEN_CHAT, start_parameter=start_parameter(first)
        )
        results = [_article(str(n), reply) for n, reply in enumerate(replies)]
    try:
        # Results differ with the user's language: they are cached per user.
        await query.answer(results, cache_time=CACHE_SECONDS, is_personal=True, button=button)
    except BadRequest as exc:
        rule = classify(exc)
        if rule is None or rule.action != "go_on":
            raise
        # The user typed on: a newer query replaced this one. Nothing is lost.
        log.info("an inline query was answered too late (%s)", rule.name)
