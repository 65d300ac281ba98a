"""The notices every platform says in the same words (BUTTON_EXPIRED, FLOOD_NOTICE,
NON_TEXT_HINT), and the catalog that holds them with Telegram's own strings:
handlers/locale/<lang>/LC_MESSAGES/telegram.po (English is the source). Telegram's strings are
read through handlers/telegram/wording.py, WhatsApp's through handlers/whatsapp/wording.py."""

from __future__ import annotations

from pathlib import Path

from knowledge import Catalog

CATALOG = Catalog(Path(__file__).parent / "locale", "telegram")


def text(key: str, lang: str | None = None) -> str:
    """The notice `key` in `lang` (default: the active language)."""
    return CATALOG.text(key, lang)
