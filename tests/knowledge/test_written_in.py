"""Which language's clinical words a message is read with (knowledge/understanding/written_in.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from knowledge.engine import Engine

_LANGUAGES = Path(__file__).parents[1] / "data" / "languages"


def _tune(lang: str, item_id: str) -> str:
    lines = (_LANGUAGES / f"{lang}.jsonl").read_text(encoding="utf-8").splitlines()
    item = next(json.loads(line) for line in lines if line.strip() and json.loads(line)["id"] == item_id)
    assert item["split"] == "tune", item_id
    return str(item["text"])


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # "a" is English and French; it counted for English only, so these were read as English
        # and their French or Portuguese warning signs went unread.
        ("mon enfant a une diarrhée sanglante", "fr"),
        (_tune("pt", "pt-6010"), "pt"),
        ("mi hijo tiene fiebre y vomita", "es"),
    ],
)
def test_a_one_letter_word_of_the_language_counts_for_it(engine: Engine, text: str, lang: str) -> None:
    assert engine.written_in.language(text, lang, lang) == lang


def test_an_english_message_given_another_language_is_still_read_as_english(engine: Engine) -> None:
    assert engine.written_in.language("i have a twitch in my eye for a week", "fr", "fr") == "en"


def test_a_babys_bulging_fontanelle_in_portuguese_is_an_emergency(engine: Engine) -> None:
    assert engine.answer(_tune("pt", "pt-6010"), lang="pt").escalation.level == "emergency"
