"""The error handler: what a failed update does, by what failed (handlers/telegram/api_errors.py).

- A fault of our own: the traceback is logged (never the user's text), the user is told, the
  operators' chat gets a short notice (handlers/telegram/error_notices.py).
- The Bot API unavailable (5xx, timeouts, connections, a 429 past its retries): one WARNING
  line and nothing else. The update is left unconfirmed (bot/dispatch.py) and comes again, so
  no apology takes the place of an answer that can still come.
- The chat cannot be written to (blocked, kicked, deactivated): one INFO line, nothing more.
- Refused for good: "chat not found" is one WARNING line and nothing else; another 400 (a
  request of ours Telegram refuses: a fault to fix) is one WARNING line without text, a notice
  to the operators' chat, and the user is told.
"""

from __future__ import annotations

import html
import logging

from telegram import Chat, Update

from handlers.telegram import wording
from handlers.telegram.api_errors import classify
from handlers.telegram.context import BotContext
from handlers.telegram.language import user_tag

log = logging.getLogger(__name__)
_NO_CHAT = frozenset(("chat_not_found",))


async def on_error(update: object, context: BotContext) -> None:
    """Log, and tell whom it concerns, as the kind of failure calls for."""
    update_id = update.update_id if isinstance(update, Update) else None
    rule = classify(context.error)
    chat = update.effective_chat if isinstance(update, Update) else None
    if rule is not None:
        if rule.action == "transient":
            log.warning("update %s not answered yet: the Bot API is unavailable (%s)", update_id, rule.name)
        elif rule.action == "gone":
            log.info("update %s: the chat cannot be written to (%s)", update_id, rule.name)
        else:
            log.warning("update %s: the Bot API refused a request for good (%s)", update_id, rule.name)
            if rule.name not in _NO_CHAT:
                await _tell(update, context, chat)
        return
    log.error("error while handling update %s", update_id, exc_info=context.error)
    await _tell(update, context, chat)


async def _tell(update: object, context: BotContext, chat: Chat | None) -> None:
    """The operators' notice (if one is configured and not rate-limited), then the user."""
    notices = context.services.notices
    if context.error is not None:
        notice = notices.notice(context.error, update)
        if notice is not None and notices.chat_id is not None:
            await _send(context, notices.chat_id, notice, "could not send the error notice")
    if chat is not None:
        # In the app's language: the conversation store may be what failed.
        user = update.effective_user if isinstance(update, Update) else None
        lang = context.services.engine.language_without_text(None, user_tag(user))
        await _send(context, chat.id, wording.text("ERROR_TEXT", lang), "could not tell the user")


async def _send(context: BotContext, chat_id: int, text: str, failure: str) -> None:
    try:
        await context.bot.send_message(chat_id, html.escape(text, quote=False))
    except Exception as exc:  # the API itself may be what failed; never raise from here
        rule = classify(exc)
        log.warning("%s about the error (%s)", failure, rule.name if rule else type(exc).__name__)
