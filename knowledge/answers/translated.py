"""Which language an answer's content is in: the article's translation when the reply's
language has one, else the English article under a one-line note in the reply's language
(the note is the answers catalog's NOT_TRANSLATED)."""

from __future__ import annotations

from knowledge.answers import wording
from knowledge.i18n.catalog import speaking
from knowledge.i18n.languages import DEFAULT_LANGUAGE


def wants_translation(lang: str | None) -> bool:
    """Whether a reply in `lang` should show translated content (English needs none)."""
    return bool(lang) and lang != DEFAULT_LANGUAGE


def untranslated_note(lang: str) -> str:
    """The one-line note, in `lang`, above English content."""
    with speaking(lang):
        return wording.NOT_TRANSLATED
