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


# --- t-fa4 (session 7): false alarms on pages never tuned on, by mechanism ----------------------


@pytest.mark.parametrize(
    "item_id",
    [
        "lookalike-10011",  # "This time two years ago ... a heart attack ... celebrating tonight"
        "lookalike-10012",  # "Today makes the first anniversary of ... I had a heart attack."
        "lookalike-035",  # "This morning is the 14th anniversary of that fateful day"
    ],
)
def test_the_day_an_anniversary_is_told_on_is_no_new_episode(engine: Engine, item_id: str) -> None:
    assert engine.answer(_text(item_id)).escalation.level == "none", item_id


@pytest.mark.parametrize(
    "text",
    [
        "Last year I had a heart attack and this morning I felt the same crushing pain in my chest",
        "I had a stroke years ago. It happened again this morning, my face dropped",
        "My mum had a stroke last year. Tonight she can't speak properly",
    ],
)
def test_a_recent_episode_beside_an_old_one_is_still_an_emergency(engine: Engine, text: str) -> None:
    assert engine.answer(text).escalation.level == "emergency", text


@pytest.mark.parametrize("item_id", ["abdomen-10000", "lookalike-10020"])
def test_food_poisoning_is_a_stomach_bug_not_a_poison(engine: Engine, item_id: str) -> None:
    assert engine.answer(_text(item_id)).escalation.level == "none", item_id


@pytest.mark.parametrize(
    "text",
    [
        "I think I have food poisoning, I've been vomiting all night and now I'm vomiting blood",
        "My toddler ate rat poison",
    ],
)
def test_a_poison_swallowed_or_blood_vomited_is_still_an_emergency(engine: Engine, text: str) -> None:
    assert engine.answer(text).escalation.level == "emergency", text


def test_a_pain_that_dies_down_is_no_wish_to_die(engine: Engine) -> None:
    # msk-10007: "it took most of the afternoon for the pain to die down. I followed all the RICE rules"
    assert engine.answer(_text("msk-10007")).escalation.level == "none"
    assert engine.answer("I took all my pills to die").escalation.level == "crisis"


@pytest.mark.parametrize(
    ("text", "level"),
    [
        (_text("breast-10002"), "none"),  # "my boobs get sore and hurt during my periods"
        (_text("breast-011"), "doctor"),  # "a pain in my breast, like a period pain": no timing
        ("My breast has been painful for two weeks", "doctor"),
        ("I have a lump in my breast that gets sore before my period", "doctor"),
    ],
)
def test_breast_pain_with_the_periods_is_cyclical(engine: Engine, text: str, level: str) -> None:
    assert engine.answer(text).escalation.level == level, text


def test_how_long_healing_takes_is_not_how_long_it_has_lasted(engine: Engine) -> None:
    # skin-10006: the nurse said "it should heal in a few weeks"
    assert engine.answer(_text("skin-10006")).escalation.level == "none"
    assert (
        engine.answer("I have had this rash for a few weeks and it should heal soon").escalation.level
        == "doctor"
    )


@pytest.mark.parametrize(
    ("text", "level"),
    [
        (_text("breathing-10001"), "doctor"),  # "a cough for over a month, following a bad cold"
        (_text("breathing-7003"), "doctor"),  # "coughing juicily for three months now"
        ("I had a cough for a week, getting better", "none"),
        ("I cough blood", "doctor"),
    ],
)
def test_a_cough_is_a_symptom_a_duration_belongs_to(engine: Engine, text: str, level: str) -> None:
    assert engine.answer(text).escalation.level == level, text


@pytest.mark.parametrize(
    ("text", "level"),
    [
        (_text("msk-10020"), "doctor"),  # a back sore for weeks, "unbearable pain ... in agony"
        (_text("msk-7001"), "doctor"),  # "severe back pain Monday night"
        (_text("urinary-005"), "emergency"),  # one side of the lower back, "the pain turned blinding"
        ("I have severe pain in my lower back and I can't feel my bum and can't pee", "emergency"),
        ("severe chest pain going into my back", "emergency"),
    ],
)
def test_a_very_bad_back_pain_alone_is_a_doctors_matter(engine: Engine, text: str, level: str) -> None:
    assert engine.answer(text).escalation.level == level, text


@pytest.mark.parametrize("item_id", ["abdomen-704", "lookalike-5523"])
def test_wanting_to_curl_up_and_die_is_an_idiom(engine: Engine, item_id: str) -> None:
    # norovirus "at one point I just wanted to curl up and die"; "crawl under a table and die"
    assert engine.answer(_text(item_id)).escalation.level == "none", item_id


def test_the_idiom_beside_a_plan_is_still_a_crisis(engine: Engine) -> None:
    text = "I want to curl up and die, I can't go on anymore and I have pills saved"
    assert engine.answer(text).escalation.level == "crisis"
