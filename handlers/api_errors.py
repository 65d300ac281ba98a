"""Every error answer of the Bot API the bot can meet, and what it does about each: the one table.

An update is handled when its answer was delivered or failed for good. A transient failure (a
5xx, a timeout, a refused or reset connection, a 429 still refused after the rate limiter's
retries) is no answer yet: the update is left unconfirmed and comes again (bot/dispatch.py).
The 4xx answers below are for good: retrying cannot fix them.

The descriptions are Telegram's own (lower-cased, matched as substrings: Telegram adds a
"Bad Request: " or "Forbidden: " prefix and sometimes details), as collected in the
non-official lists of real Bot API error answers (github.com/TelegramBotAPI/errors,
github.com/vrumger/telegram-errors) and the error tables of Bot API libraries (aiogram's
exceptions, teloxide's ApiError, telebot's errors.go). Telegram documents the envelope
(core.telegram.org/bots/api#making-requests), not the list.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Literal

from telegram import CallbackQuery
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Conflict,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
)

log = logging.getLogger(__name__)

# resend: an edit that cannot happen; the answer goes out as a new message instead.
# ignore: nothing to do (the message already shows the answer).
# go_on: the call's own effect is lost, the rest of the answer still goes out.
# gone: the chat cannot be written to; one INFO line, nothing more for this update.
# warn: a request Telegram refuses for good; one WARNING line, never the text.
# transient: no answer yet; the update stays unconfirmed and comes again.
Action = Literal["resend", "ignore", "go_on", "gone", "warn", "transient"]


@dataclass(frozen=True)
class ErrorRule:
    name: str  # for log lines and metrics: never Telegram's description, never the user's text
    kind: type[TelegramError]
    description: str  # lower-case substring of Telegram's description; "" matches any
    action: Action


RULES: tuple[ErrorRule, ...] = (
    # editMessageText on a message that is gone, or too old / not the bot's to edit.
    ErrorRule("message_to_edit_not_found", BadRequest, "message to edit not found", "resend"),
    ErrorRule("message_cant_be_edited", BadRequest, "message can't be edited", "resend"),
    ErrorRule("message_id_invalid", BadRequest, "message_id_invalid", "resend"),
    # editMessageText with exactly what the message shows.
    ErrorRule("message_not_modified", BadRequest, "message is not modified", "ignore"),
    # answerCallbackQuery / answerInlineQuery after Telegram's answer window (or after a
    # restart, when unconfirmed updates come again).
    ErrorRule("query_too_old", BadRequest, "query is too old", "go_on"),
    ErrorRule("query_id_invalid", BadRequest, "query_id_invalid", "go_on"),
    # The chat cannot be written to any more.
    ErrorRule("bot_blocked", Forbidden, "bot was blocked by the user", "gone"),
    ErrorRule("bot_kicked", Forbidden, "bot was kicked", "gone"),
    ErrorRule("user_deactivated", Forbidden, "user is deactivated", "gone"),
    ErrorRule("not_a_member", Forbidden, "bot is not a member", "gone"),
    ErrorRule("cant_initiate", Forbidden, "bot can't initiate conversation", "gone"),
    ErrorRule("cant_message_bots", Forbidden, "bot can't send messages to bots", "gone"),
    ErrorRule("forbidden", Forbidden, "", "gone"),
    ErrorRule("group_deactivated", BadRequest, "group is deactivated", "gone"),
    ErrorRule("no_rights_to_send", BadRequest, "have no rights to send a message", "gone"),
    ErrorRule("chat_write_forbidden", BadRequest, "chat_write_forbidden", "gone"),
    ErrorRule("chat_migrated", ChatMigrated, "", "gone"),  # a group became a supergroup
    # Refused for good: the chat is unknown to the bot, or the request is wrong.
    ErrorRule("chat_not_found", BadRequest, "chat not found", "warn"),
    ErrorRule("bad_request", BadRequest, "", "warn"),
    ErrorRule("unauthorized", InvalidToken, "", "warn"),
    ErrorRule("conflict", Conflict, "", "warn"),
    # 429: AIORateLimiter waits `retry_after` and tries again; still refused after its
    # retries, the update is not answered yet, so it comes again.
    ErrorRule("too_many_requests", RetryAfter, "", "transient"),
    # 5xx, timeouts, refused or reset connections, for however long.
    ErrorRule("unavailable", NetworkError, "", "transient"),
)
# PTB reports other 4xx codes (413, 414...) as NetworkError("<phrase> (<code>)"): for good.
_CLIENT_CODE = re.compile(r"\(4\d\d\)")
_OTHER_CLIENT_ERROR = ErrorRule("client_error", NetworkError, "", "warn")


def classify(error: BaseException | None) -> ErrorRule | None:
    """The rule for a Bot API error; None for anything else (a fault in our own code)."""
    if not isinstance(error, TelegramError):
        return None
    description = error.message.lower()
    for rule in RULES:
        if isinstance(error, rule.kind) and rule.description in description:
            if rule.name == "unavailable" and _CLIENT_CODE.search(description):
                return _OTHER_CLIENT_ERROR
            return rule
    return None


def action_of(error: BaseException | None) -> Action | None:
    rule = classify(error)
    return None if rule is None else rule.action


def is_transient(error: BaseException | None) -> bool:
    return action_of(error) == "transient"


async def answer_query(query: CallbackQuery, text: str | None = None) -> None:
    """answerCallbackQuery, once per press; too late to answer is no reason to stop (the
    section asked for is still shown). Any other error is raised."""
    try:
        await query.answer(text)
    except BadRequest as exc:
        rule = classify(exc)
        if rule is None or rule.action != "go_on":
            raise
        log.info("a button press was answered too late (%s)", rule.name)
