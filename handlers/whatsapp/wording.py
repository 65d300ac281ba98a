"""The strings only WhatsApp shows: around the buttons and lists of an answer, and the note
that an answer was shortened. They live in the handlers' message catalogs beside Telegram's
(handlers/locale/<lang>/LC_MESSAGES/telegram.po, English the source; shared notices are
handlers/notices.py), read by name in the active language: `wording.LIST_BUTTON` (at most 20
characters), LIST_SECTION (24), MORE_ROW (24), MORE_ROW_DESCRIPTION (72), CHOOSE_BODY (the
text over buttons when the answer itself is too long for it), MORE_BODY (over the next page
of a list), SHORTENED_CHOICES. The words of answers come with each Reply from knowledge."""

from __future__ import annotations

from handlers.notices import CATALOG


def text(key: str, lang: str | None = None) -> str:
    """The message `key` in `lang` (default: the active language)."""
    return CATALOG.text(key, lang)


# `wording.NAME`: the message NAME in the active language.
__getattr__ = CATALOG.attribute
