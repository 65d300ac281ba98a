"""The console's and the `ask` CLI's own strings, in the message catalogs
bot/locale/<lang>/LC_MESSAGES/console.po (English is the source), read by name in the active
language (knowledge.i18n.catalog.speaking) or in a language given."""

from __future__ import annotations

from pathlib import Path

from knowledge.i18n.catalog import Catalog

CATALOG = Catalog(Path(__file__).parent / "locale", "console")


def text(key: str, lang: str | None = None) -> str:
    """The message `key` in `lang` (default: the active language)."""
    return CATALOG.text(key, lang)


# `wording.NAME`: the message NAME in the active language.
__getattr__ = CATALOG.attribute
