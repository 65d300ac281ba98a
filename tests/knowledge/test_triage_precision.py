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


# --- t-fa3: a poisoning frame needs a dose ---------------------------------------------------


@pytest.mark.parametrize(
    "item_id",
    [
        "head-705",  # "instead of waking up to breakfast in bed, I woke up to a bloody nose"
        "abdomen-6000",  # "three hours sleep the whole night ... I either needed to puke"
    ],
)
def test_a_mishap_or_a_whole_night_is_no_dose(engine: Engine, item_id: str) -> None:
    assert engine.answer(_text(item_id)).escalation.level == "none", item_id


@pytest.mark.parametrize(
    "text",
    [
        "I gave him ibuprofen instead of tylenol and now he is vomiting",
        "I accidentally took my husband's pills and now I feel dizzy",
        "I took the whole packet of paracetamol and now I feel sick",
        "my son swallowed a whole bottle of magnesium pills",
    ],
)
def test_a_dose_by_mistake_or_a_whole_packet_is_still_a_poisoning(engine: Engine, text: str) -> None:
    assert engine.answer(text).escalation.level in ("emergency", "crisis"), text


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # one thing taken is no mix: a hangover, or melatonin tried for a racing heart (sleep-021)
        ("I had a glass of wine with dinner and felt a bit dizzy", "none"),
        ("After a few beers last night I was shaking this morning", "none"),
        ("I take melatonin with my magnesium and sometimes feel a bit weird in the morning", "none"),
        # a medicine with alcohol or a sedative, and now unwell, stays a poisoning
        ("I took my sleeping pills with wine and now I'm really drowsy", "emergency"),
        ("I took xanax with vodka and now I feel really weird", "emergency"),
        ("he mixed his painkillers with alcohol and is now really sleepy", "emergency"),
    ],
)
def test_a_mix_is_a_medicine_with_a_depressant(engine: Engine, text: str, level: str) -> None:
    assert engine.answer(text).escalation.level == level, text


def test_melatonin_tried_for_a_racing_heart_is_no_poisoning(engine: Engine) -> None:
    assert engine.answer(_text("sleep-021")).escalation.level == "doctor"


# --- t-fa3: a baby's fever by NICE NG143's amber line ------------------------------------------


@pytest.mark.parametrize(
    "item_id",
    [
        "children-907",  # "only a low grade fever" with a cold
        "children-5501",  # exactly 1 year old, "now it's 38 degrees", a cold
    ],
)
def test_a_babys_fever_under_39_is_no_amber_feature(engine: Engine, item_id: str) -> None:
    assert engine.answer(_text(item_id)).escalation.level == "none", item_id


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("my 5 month old baby has a fever of 38.2 and a runny nose", "none"),
        ("my 5 month old baby has a fever of 39.4", "doctor"),
        ("my baby has a fever", "doctor"),  # no reading: the amber feature may be there
        ("my 6 week old has a temperature of 38.1", "emergency"),  # under 3 months: red
    ],
)
def test_a_babys_fever_reaches_its_level(engine: Engine, text: str, level: str) -> None:
    assert engine.answer(text).escalation.level == level, text


def test_a_fever_with_pallor_in_a_child_is_a_doctors_matter(engine: Engine) -> None:
    # children-035: five months, 38, "he still seems a bit off colour" (NICE NG143 amber: pallor)
    assert engine.answer(_text("children-035")).escalation.level == "doctor"
