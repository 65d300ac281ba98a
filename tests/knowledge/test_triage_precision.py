"""Precision by sense and context (issue 19, item 5): words read in another sense, or a concept
said of the past or of the family, raise no flag; the emergency said beside them still does.
The quiet messages are real ones of the triage corpus (tune split, by id); the emergencies beside
them say the same with the word that changes the level, as the seed's red-flag tests do."""

from __future__ import annotations

import pytest

from knowledge.engine import Engine
from tests.support.triage_corpus import tune_text as _text


@pytest.mark.parametrize(
    "item_id",
    [
        "skin-723",  # "my water bottle": not waters breaking
        "neuro-701",  # a history of stroke in the family: family history, not a stroke now
        "mental-247",  # "havn't cut in a few years": a recovery's length, not a symptom's
    ],
)
def test_another_sense_or_the_past_raises_nothing(engine: Engine, item_id: str) -> None:
    assert engine.answer(_text(item_id)).escalation.level == "none", item_id


@pytest.mark.parametrize(
    "item_id",
    [
        "msk-033",  # sometimes both hands have gone numb at night
        "neuro-094",  # dizzy spells, sometimes once a day
    ],
)
def test_what_comes_and_goes_is_a_doctors_matter(engine: Engine, item_id: str) -> None:
    assert engine.answer(_text(item_id)).escalation.level == "doctor", item_id


@pytest.mark.parametrize(
    "item_id",
    [
        "children-123",  # shrimp, then hive-like bumps on the chin
        "children-134",  # a cashew, then hives round the mouth
    ],
)
def test_hives_right_after_a_food_are_an_emergency(engine: Engine, item_id: str) -> None:
    assert engine.answer(_text(item_id)).escalation.level in ("emergency", "crisis"), item_id


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("I have hives on my arms today, what helps?", "none"),
        ("I get hives every few weeks and they itch", "none"),
        ("I ate peanuts ten minutes ago and now I have hives", "emergency"),
        ("a wasp stung me and now I have hives all over", "emergency"),
        ("my face feels numb sometimes", "doctor"),
        ("my face suddenly went numb and my speech is slurred", "emergency"),
        ("my waters broke and I'm 36 weeks pregnant", "emergency"),
        ("I think my dad is having a stroke", "emergency"),
        ("I stroke my cat to calm down", "none"),
    ],
)
def test_the_level_beside_it(engine: Engine, text: str, level: str) -> None:
    assert engine.answer(text).escalation.level == level, text


def test_german_welt_is_not_welts(engine: Engine) -> None:
    """A foreign word is never read as an English flag: "Welt" is the world."""
    text = "Ich bin der glücklichste Mensch der Welt"
    assert engine.answer(text).escalation.level == "none"
