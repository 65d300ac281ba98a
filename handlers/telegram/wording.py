"""The strings only Telegram shows: help, privacy, notices, inline mode, the bot's profile,
the command descriptions and the /language picker. They live in the message catalogs,
handlers/locale/<lang>/LC_MESSAGES/telegram.po (English is the source; the notices every
platform says alike are there too, handlers/notices.py), read by name in the
active language (knowledge.i18n.catalog.speaking): `wording.HELP_TEXT`, or in a language
given: `wording.text("HELP_TEXT", "es")`. The words of answers come with each Reply from
knowledge."""

from __future__ import annotations

from handlers.notices import CATALOG as CATALOG

# To the operators' chat (ADMIN_CHAT_ID) when a handler fails: never a user's words or ids.
# Operators' notices are not translated: they are for the people who run the bot.
ADMIN_NOTICE = "⚠️ Handler error: {error}\nwhere: {where}\nupdate: {update}"
ADMIN_HELD_BACK = "(+{count} more since the last notice, held back: at most one per {seconds} s)"
ADMIN_NO_UPDATE = "none"
ADMIN_UNKNOWN = "unknown"
INLINE_START_PARAMETER = "inline"  # /start's parameter from that button, when no topic fits


def text(key: str, lang: str | None = None) -> str:
    """The message `key` in `lang` (default: the active language)."""
    return CATALOG.text(key, lang)


# `wording.NAME`: the message NAME in the active language.
__getattr__ = CATALOG.attribute
