"""An acute event dated a week or more before is over (retold.py `_events_over`, t-past2, session
8): a heart attack, stroke, seizure or collapse with "6 weeks ago", "over a week ago", "a year and a
half ago", "last week", "last May" or "January 31st" in its sentence (or the one before), after a
verb of a completed event or in a sentence told in the past, is history, and dates its story like
"years ago" does. Hours, minutes or days ago, "this morning", "last night" and "yesterday" are now,
and so is an event its sentence keeps open ("since", "again", "worse"). Each look-alike below
reached emergency before; each emergency below must stay one (NHS.uk When to call 999)."""

from __future__ import annotations

import pytest

from knowledge.engine import Engine
from tests.support.triage_corpus import tune_text as _text


@pytest.mark.parametrize(
    "item_id",
    [
        "chest-14011",  # "a taxi driver who had a heart attack 6 weeks ago" (a present sentence)
        "chest-14001",  # "I had a heart attack on January 31st"
        "neuro-12501",  # "Mom had a mild stroke over a week ago"
        "neuro-11000",  # "her husband suffered a hemorrhagic stroke last week"
        "neuro-14027",  # "A week ago today I had my first seizure in a year and a half"
    ],
)
def test_an_event_dated_weeks_before_is_no_emergency(engine: Engine, item_id: str) -> None:
    assert engine.answer(_text(item_id)).escalation.level == "none", item_id


@pytest.mark.parametrize(
    "item_id",
    [
        "neuro-903",  # "had a stroke last May" (almost a year of therapy remains: a duration)
        "lookalike-10014",  # "a decade ago today ... I suffered a heart attack" (a duration remains)
    ],
)
def test_an_event_dated_weeks_before_raises_no_emergency(engine: Engine, item_id: str) -> None:
    assert engine.answer(_text(item_id)).escalation.level != "emergency", item_id


@pytest.mark.parametrize(
    "item_id",
    [
        "chest-14039",  # "I had a heart attack at 3:00am this morning"
        "chest-14041",  # "father had a massive heart attack this morning"
        "neuro-14035",  # "Yesterday my aunt called to tell me that grandma had suffered a stroke"
        "neuro-14044",  # "called me this morning ... her grandpa had just had a stroke"
        "children-14047",  # "Last night I gave her one quarter of a cashew ... We gave the epi-pen"
        "chest-7002",  # "My dad had a heart attack last night"
        "neuro-915",  # "I woke up yesterday to a phone call ... my mom had had a stroke"
    ],
)
def test_a_recent_event_stays_an_emergency(engine: Engine, item_id: str) -> None:
    assert engine.answer(_text(item_id)).escalation.level == "emergency", item_id


@pytest.mark.parametrize(
    "text",
    [
        "my dad had a stroke 2 hours ago and his face is still drooping",
        "i had a seizure 20 minutes ago and i feel confused",
        "she had a stroke three days ago and she cant lift her arm",
        "he has had seizures since two weeks ago and they are getting worse",
        "my husband had a heart attack a year ago and now he has crushing chest pain again",
    ],
)
def test_hours_days_or_an_open_event_stay_emergencies(engine: Engine, text: str) -> None:
    assert engine.answer(text).escalation.level == "emergency", text
