"""Which language an answer's content is in: the article's translation when the reply's
language has one, else the English article under a one-line note in the reply's language.

The note's words are an interface string: NO_TRANSLATION of the answers catalog.
"""

from __future__ import annotations

from knowledge.answers import wording
from knowledge.i18n.languages import DEFAULT_LANGUAGE


def wants_translation(lang: str | None) -> bool:
    """Whether a reply in `lang` should show translated content (English needs none)."""
    return bool(lang) and lang != DEFAULT_LANGUAGE


def untranslated_note(lang: str) -> str:
    """The one-line note, in `lang`, above English content."""
    return wording.CATALOG.text("NO_TRANSLATION", lang)
