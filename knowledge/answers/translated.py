"""Which language an answer's content is in: the article's translation when the reply's
language has one, else the English article under a one-line note in the reply's language.

The note's words are an interface string. HOOK `untranslated_note`: until the message
catalogs (one per language) are merged, it gives the English line of knowledge.answers.wording;
the catalog's lookup replaces its body, nothing else changes.
"""

from __future__ import annotations

from knowledge.answers import wording

ENGLISH = "en"


def wants_translation(lang: str | None) -> bool:
    """Whether a reply in `lang` should show translated content (English needs none)."""
    return bool(lang) and lang != ENGLISH


def untranslated_note(lang: str) -> str:
    """HOOK for the message catalogs: the one-line note, in `lang`, above English content."""
    del lang  # the catalog lookup will use it
    return wording.NOT_TRANSLATED
