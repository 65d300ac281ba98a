"""Button presses: section, did-you-mean, related-topic, symptom-check and page buttons edit
their message. A topic button moves the conversation on to that topic, as if it was asked
(the conversation service decides; see handlers/service.py)."""

from __future__ import annotations

from telegram import Update

from handlers.callback_data import LanguageButton, as_action, decode
from handlers.telegram import wording
from handlers.telegram.api_errors import answer_query
from handlers.telegram.context import PLATFORM, BotContext
from handlers.telegram.conversations import conversation_key
from handlers.telegram.deliver import Where, deliver
from handlers.telegram.language import on_language_button, reply_language, user_region
from knowledge import Reply


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
    if button is None or (message is None and query.inline_message_id is None):
        await answer_query(query, wording.text("BUTTON_EXPIRED", lang))
        return
    if query.inline_message_id is not None:
        where = Where(inline_message_id=query.inline_message_id)
        key = None  # an inline message is in someone else's chat: no conversation of ours
    elif message is not None:
        # A message too old to edit is answered anew.
        replace = (message.message_id,) if message.is_accessible else ()
        where = Where(chat_id=message.chat.id, replace=replace)
        key = conversation_key(message.chat, query.from_user)

    async def send(reply: Reply, over: tuple[int, ...]) -> tuple[int, ...]:
        await answer_query(query)
        return await deliver(context.bot, reply, where)

    shown = await context.services.service.press(
        key, as_action(button), send, platform=PLATFORM, lang=lang, region=user_region(query.from_user)
    )
    if shown is None:
        await answer_query(query, wording.text("BUTTON_EXPIRED", lang))
