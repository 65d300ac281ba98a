"""Session 8 (t-conv6): doctor advice does not fade on the very next turn when the person asks
what to do. Each conversation is quoted from the tune threads it was rebuilt from
(tests/data/conversations_threads.jsonl, with its page); each test fails without
`Turns._asks_after_its_advice` (knowledge/turns.py) or the `asks_help` words it reads
(knowledge/lexicon/conversation.toml)."""

from __future__ import annotations

import pytest

from knowledge.engine import Engine
from tests.support.conversation import chat


@pytest.mark.parametrize(
    "texts",
    [
        # thread-722, parentinghealthybabies.com unisom-pregnancy
        (
            "can i take b6 and unisom together while pregnant",
            "i can't keep food or liquids down and i've lost weight",
            "what should i do",
        ),
        # thread-718, skypharmacyreview.com (5-HTP beside Zoloft)
        (
            "can i take 5-htp with my zoloft",
            "i took both yesterday and now i'm sweating, shivering and my heart is racing",
            "should i go to the er?",
        ),
        # thread-608, biologyinsights.com if-my-brother-has-als-will-i-get-it
        (
            "my brother was diagnosed with als, will i get it?",
            "ive had twitches in my arm for a few weeks now",
            "what should i do",
        ),
    ],
)
def test_asking_what_to_do_right_after_doctor_advice_keeps_it(engine: Engine, texts: tuple[str, ...]) -> None:
    *_, flagged, asked = chat(engine, *texts)
    assert flagged.escalation.level == "doctor"
    assert asked.escalation.level == "doctor"


@pytest.mark.parametrize(
    "later",
    [
        "ok thanks",  # taken in: the threads label it none (thread-001, thread-022)
        "would magnesium help",  # a topic of its own
        "would it help",  # whether a thing helps asks about the thing
    ],
)
def test_what_is_not_asking_what_to_do_is_read_as_before(engine: Engine, later: str) -> None:
    *_, reply = chat(engine, "my calf has been twitching for a month", later)
    assert reply.escalation.level == "none"


def test_asking_what_to_do_with_no_advice_before_asks_nothing_of_a_level(engine: Engine) -> None:
    assert chat(engine, "does magnesium help with cramps", "what should i do")[-1].escalation.level == "none"
    assert engine.answer("should i go to the er?").escalation.level == "none"


@pytest.mark.parametrize(
    "texts",
    [
        # thread-635, mymsteam.com numbness-and-tingling-in-ms
        (
            "i had tingling in my thumb, the doctor said it was carpal tunnel from typing",
            "but then it spread up my arm",
        ),
        # thread-121, aboutbfs.com viewtopic.php?p=73189
        ("twitching in my calves started a year ago", "now i have cramping and burning in my legs"),
        # thread-111, doctorqna.com/en/article/83914
        ("my left eyelid has twitched since june", "now its the corners of my mouth and my chin too"),
    ],
)
def test_a_development_told_right_after_doctor_advice_keeps_it(
    engine: Engine, texts: tuple[str, ...]
) -> None:
    flagged, told = chat(engine, *texts)
    assert flagged.escalation.level == "doctor"
    assert told.escalation.level == "doctor"


@pytest.mark.parametrize(
    "later",
    [
        "but now its gone",  # told to have passed
        "but no pain in my legs",  # the body's sign denied
        "but my legs feel fine",  # told to be well
        "now i'm just worried",  # nothing of the body
        "but is it in my legs too?",  # asked, not told
    ],
)
def test_a_development_that_tells_nothing_worse_is_read_as_before(engine: Engine, later: str) -> None:
    *_, reply = chat(engine, "twitching in my calves started a year ago", later)
    assert reply.escalation.level == "none"
