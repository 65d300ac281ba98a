"""Button presses: section, did-you-mean, related-topic, symptom-check and page buttons edit
their message. A topic button moves the conversation on to that topic, as if it was asked."""

from __future__ import annotations

from telegram import Update

from handlers import wording
from handlers.callback_data import (
    Button,
    CheckButton,
    LanguageButton,
    ListButton,
    TopicButton,
    UsesButton,
    decode,
)
from handlers.context import BotContext
from handlers.conversations import conversation_key
from handlers.deliver import Where, deliver
from handlers.language import on_language_button, reply_language, user_region
from knowledge import Engine, Reply


def _reply_for(engine: Engine, button: Button | None, lang: str, region: str | None) -> Reply | None:
    if isinstance(button, TopicButton):
        return engine.topic_reply(button.slug, button.section, button.keep, lang=lang, region=region)
    if isinstance(button, UsesButton):
        return engine.topic_reply(button.slug, keep=button.keep, page=button.page, lang=lang, region=region)
    if isinstance(button, CheckButton):
        return engine.check(button.slug, button.answers, button.keep, lang=lang, region=region)
    if isinstance(button, ListButton):
        return engine.catalogue(button.listing, button.page, button.keep, lang=lang, region=region)
    return None


async def on_callback(update: Update, context: BotContext) -> None:
    """Show what the button names in the same message; stale or forged data gets a notice."""
    query = update.callback_query
    if query is None:
        return
    button = decode(query.data)
    if isinstance(button, LanguageButton):
        await on_language_button(update, context, button)
        return
    message = query.message
    # The language the conversation is in (an inline message has none: the app's).
    lang = await reply_language(context, message.chat if message is not None else None, query.from_user)
    reply = _reply_for(context.services.engine, button, lang, user_region(query.from_user))
    if reply is None or (message is None and query.inline_message_id is None):
        await query.answer(wording.text("BUTTON_EXPIRED", lang))
        return
    await query.answer()
    if query.inline_message_id is not None:
        await deliver(
            context.bot, reply, Where(inline_message_id=query.inline_message_id), context.services.metrics
        )
    elif message is not None:
        # A message too old to edit is answered anew.
        replace = (message.message_id,) if message.is_accessible else ()
        where = Where(chat_id=message.chat.id, replace=replace)
        services = context.services
        if not isinstance(button, TopicButton):
            await deliver(context.bot, reply, where, services.metrics)
            return
        async with services.conversations.turn(conversation_key(message.chat, query.from_user)) as turn:
            await deliver(context.bot, reply, where, services.metrics)
            turn.after = services.engine.after(turn.before, reply)
