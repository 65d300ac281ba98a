"""Issue 20, session 5 (t-conv3): red flags and topics said in everyday words in a conversation,
and a dose's strength that is not a count of pills. Each change from at least two real messages,
the threads of tests/data/conversations_threads.jsonl (or triage items) named below."""

from __future__ import annotations

import pytest

from knowledge.engine import Engine
from tests.support.conversation import chat


def test_a_dose_strength_is_not_a_count_of_pills(engine: Engine) -> None:
    # thread-441 (namegenerator.biz magnesium-too-much-symptoms): "500 mg" was read as 500
    # capsules swallowed, a crisis held for the rest of the conversation. thread-451
    # (fatandthefurious.wordpress.com magnesium-meltdown) says a dose's size the same way ("an
    # added 300mg caplet per day").
    replies = chat(
        engine,
        "my gym buddy swears magnesium stops his heart from racing after a heavy deadlift session",
        "i'm popping 500mg capsules of magnesium citrate",
        "now i'm sprinting to the bathroom",
    )
    assert [r.escalation.level for r in replies] == ["none", "none", "none"]
    assert replies[1].topics[:1] == ("magnesium",)


@pytest.mark.parametrize("text", ["i took 20 500mg tablets", "i took 30 pills"])
def test_a_count_beside_a_strength_still_counts(engine: Engine, text: str) -> None:
    assert engine.answer(text).escalation.level == "crisis"


@pytest.mark.parametrize(
    "text",
    [
        # neuro-083 (goaskalice.columbia.edu my-husbands-speech-patterns-have-changed)
        "my husband is 61 and for the last few days has a hard time saying words",
        # thread-402 (doctorqna.com/en/article/38562)
        "my father-in-law often has difficulty expressing himself clearly lately",
        # thread-436 (ourstrokeofluckblog.wordpress.com stroke-day-one)
        "it seems so hard for him to find the words he is trying to say",
        # neuro-504 (robyndwyer.com a-stroke-in-the-family)
        "it sounded like he was finding it hard to get the words out",
    ],
)
def test_words_that_will_not_come_are_a_stroke_sign(engine: Engine, text: str) -> None:
    reply = engine.answer(text)
    assert reply.escalation.level == "emergency", reply.escalation.reasons


def test_words_that_will_not_come_for_months_need_a_doctor(engine: Engine) -> None:
    # The speech_lasting rule (NICE NG42): over months it is a referral, not 999.
    assert engine.answer("i have had a hard time saying words for months").escalation.level == "doctor"


def test_speech_said_partly_gone_in_a_conversation_is_still_caught(engine: Engine) -> None:
    # thread-402: "sometimes ... cannot complete a full sentence" comes and goes (doctor at least)
    _, reply = chat(
        engine,
        "my father-in-law has a history of hypertension and heart disease",
        "sometimes he speaks clearly, while other times he cannot complete a full sentence",
    )
    assert reply.escalation.level in ("doctor", "emergency")


@pytest.mark.parametrize(
    "texts",
    [
        # thread-412 (community.theasianparent.com), thread-416 (medhelp.org)
        ("my son has recently started blinking his eyes alot. he's 5 years old",),
        # thread-414 (mooffour.blogspot.com they-call-me-twitchy)
        ("my son is doing this hard blinking thing since last october", "the eye blink thing comes and goes"),
        # thread-415 (intelihealth.com)
        (
            "my son has recently started blinking his eyes many times, especially when it is dark",
            "why is this happening?",
        ),
    ],
)
def test_a_childs_eyes_blinking_over_and_over_is_twitching(engine: Engine, texts: tuple[str, ...]) -> None:
    for reply in chat(engine, *texts):
        assert reply.topics[:1] == ("twitching",)
