"""The exact level (issue 19): what published guidance sends to a GP stays a doctor's matter, and
what it sends to 999 stays an emergency. The doctor-level messages are real ones of the triage
corpus (tune split, by id); the emergencies beside them say the same with the one word that
changes the level (sudden, now, at rest, a dose), as the seed's red-flag tests do."""

from __future__ import annotations

import pytest

from knowledge.engine import Engine
from tests.support.triage_corpus import tune_text as _text


@pytest.mark.parametrize(
    "item_id",
    [
        "chest-063",  # chest tightness on a brisk walk, gone after resting: stable angina
        "chest-070",  # out of breath when mowing the lawn
        "breathing-047",  # a bit short of breath
        "gi_bleed-019",  # very bad cramps and bloody diarrhoea for two years
        "gyn-004",  # periods heavier over the last several years
        "ear-700",  # ringing in the ears for a couple of years, louder lately
        "ear-011",  # one ear started ringing this morning
        "skin-710",  # an itchy rash that won't go away
    ],
)
def test_a_doctors_matter_is_not_an_emergency(engine: Engine, item_id: str) -> None:
    assert engine.answer(_text(item_id)).escalation.level == "doctor", item_id


@pytest.mark.parametrize(
    "text",
    [
        "shortness of breath",
        "I've had asthma for years and now I can't breathe",
        "I've had back pain for months and today I suddenly have crushing chest pain",
        "chest tightness when walking that doesn't go away when I rest, and I'm sweating",
        "I get out of breath climbing stairs and today my lips are blue",
        "I had a stroke in 2010. My face is drooping on one side now",
        "Last year I had a heart attack and this morning I felt the same crushing pain in my chest",
        "my toddler has a fever and a purple rash",
        "she has a high temperature and a rash that doesn't fade under a glass",
    ],
)
def test_the_emergency_beside_it_stays_one(engine: Engine, text: str) -> None:
    assert engine.answer(text).escalation.level in ("emergency", "crisis"), text


def test_a_dose_taken_is_never_long_standing(engine: Engine) -> None:
    text = "I've had headaches for 3 weeks and I just swallowed 30 paracetamol"
    assert engine.answer(text).escalation.level in ("emergency", "crisis")


@pytest.mark.parametrize("item_id", ["neuro-704", "neuro-706", "chest-700", "chest-703"])
def test_a_story_told_as_history_is_not_an_emergency_now(engine: Engine, item_id: str) -> None:
    assert engine.answer(_text(item_id)).escalation.level == "none", item_id


@pytest.mark.parametrize("item_id", ["children-709", "children-712"])
def test_a_mild_fever_after_jabs_is_expected(engine: Engine, item_id: str) -> None:
    assert engine.answer(_text(item_id)).escalation.level == "none", item_id


def test_a_young_babys_fever_is_an_emergency_even_after_jabs(engine: Engine) -> None:
    reply = engine.answer("my 6 week old baby has a fever of 38.5 after her jabs yesterday")
    assert reply.escalation.level == "emergency"
