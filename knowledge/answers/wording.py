"""The words of answers: what the engine says around the knowledge base's own text. They live
in the message catalogs, knowledge/locale/<lang>/LC_MESSAGES/answers.po (English is the
source), and are read here by name in the active language (knowledge.i18n.catalog.speaking):
`wording.DISCLAIMER`. Telegram's own strings are in handlers/locale (read by
handlers/telegram/wording.py), the console's in bot/locale. Medical content never lives here:
it comes from the articles and the lexicon.
"""

from __future__ import annotations

from pathlib import Path

from knowledge.i18n.catalog import Catalog
from knowledge.i18n.languages import DEFAULT_LANGUAGE

CATALOG = Catalog(Path(__file__).parents[1] / "locale", "answers")

# Who should talk to a doctor or pharmacist before any supplement, said once per answer after
# the ingredients' own `ask_first` groups, leaving out what those already say. Each general
# group comes with the word that shows a group says it ("pregnan" in "people who are
# pregnant"): the overlay's groups are English data, so these words are English.
GENERAL_ASK_FIRST = (("pregnan", "GROUP_PREGNANT"), ("medic", "GROUP_MEDICINES"))
GENERAL_CONDITIONS = (
    ("kidney", "CONDITION_KIDNEY"),
    ("liver", "CONDITION_LIVER"),
    ("thyroid", "CONDITION_THYROID"),
)
EXAMPLE_TEMPLATES = ("EXAMPLE_CAUSES", "EXAMPLE_HELPS", "EXAMPLE_DOCTOR")


def text(key: str) -> str:
    """The message `key` in the active language."""
    return CATALOG.text(key)


def level_label(level: str, lang: str | None = None) -> str:
    """What a level of advice ("crisis", "emergency", "doctor") is called where only a
    one-line title is seen (inline results, a list to pick from): LEVEL_<LEVEL>, said the same
    on every platform (knowledge/answers/layout.py)."""
    return CATALOG.text(f"LEVEL_{level.upper()}", lang)


def flag_advice(group: str, english: str) -> str:
    """A red-flag group's own line of advice (triage.toml's `advice`, "keep the packet to show
    the crew"), in the active language: the catalogs' FLAG_ADVICE_<GROUP>, whose English msgid
    is the data's line. A group with no such message keeps the data's English line."""
    key = f"FLAG_ADVICE_{group.upper()}"
    return CATALOG.text(key) if key in CATALOG.texts(DEFAULT_LANGUAGE) else english


def small_talk_line(kind: str) -> str:
    """The one line that answers a thank-you, an ok or a goodbye."""
    return CATALOG.text(f"SMALL_TALK_{kind.upper()}")


# `wording.NAME`: the message NAME in the active language.
__getattr__ = CATALOG.attribute
