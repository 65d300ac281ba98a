"""Issue 20, session 6 (t-conv4): what a follow-up inherits from the conversation. Each change
from real messages of several threads of tests/data/conversations_threads.jsonl, named below;
each test fails without its change."""

from __future__ import annotations

import pytest

from knowledge.answers import wording
from knowledge.engine import Engine
from tests.support.conversation import chat

# --- a statement said in a topic's talk is said of that topic -----------------------------------


@pytest.mark.parametrize(
    ("before", "said", "topic"),
    [
        # thread-540 (tendertransitionsmn.com will-magnesium-help-my-child-sleep)
        (
            ("should i give my child a magnesium supplement to help them sleep?", "she's 2 years old"),
            "she won't eat kale or spinach",
            "magnesium",
        ),
        # thread-465: "about" is approximately here, not "what about ...?"
        (("is it safe for a toddler to take a magnesium gummy daily?",), "she's about 13 kg", "magnesium"),
        # thread-419 (zinc lozenges and a metallic taste)
        (
            ("does taking zinc lozenges make a cold shorter?", "it leaves a metallic taste in my mouth"),
            "everything tastes like galvanized nails",
            "zinc",
        ),
        # thread-441
        (
            ("i'm popping 500mg capsules of magnesium citrate",),
            "now i'm sprinting to the bathroom",
            "magnesium",
        ),
        # thread-521: two words of its own are a statement too (as thread-409's "i have
        # generalized anxiety disorder" after l-theanine)
        (("can you take gaba with sertraline?",), "i have panic disorder", "gaba"),
    ],
)
def test_a_statement_in_a_topics_talk_is_said_of_it(
    engine: Engine, before: tuple[str, ...], said: str, topic: str
) -> None:
    reply = chat(engine, *before, said)[-1]
    assert reply.topics[:1] == (topic,) and reply.escalation.level == "none"


@pytest.mark.parametrize(
    ("before", "said"),
    [
        # thread-091: a test the knowledge base lacks, told of: nothing on it
        ("is ashwagandha ok with hypothyroidism", "my tpo antibodies were 17"),
        # a question about something new, and a bare name, still name something new
        ("magnesium", "what about diabetes?"),
        ("magnesium", "diabetes"),
    ],
)
def test_a_thing_of_its_own_is_not_the_topic(engine: Engine, before: str, said: str) -> None:
    assert chat(engine, before, said)[-1].topics == ()


# --- a supplement taken, started or its dose changed is no new medicine, and how long it was
# taken is no symptom's duration ----------------------------------------------------------------


@pytest.mark.parametrize(
    "turns",
    [
        # thread-506 (zaro.info), as thread-155's "been on ashwagandha gummies for stress about 6 weeks"
        ("can you take zinc every day?", "i've been on a high dose for months"),
        # thread-316: the duration said in a phrase, not in numbers
        ("i've taken high dose zinc for my acne for a long time",),
        # thread-439 and thread-350: the supplement's own dose, started or upped
        (
            "how do i know if i have too much magnesium glycinate?",
            "i've had diarrhea and nausea since i upped my dose",
        ),
        ("since i started taking calcium and magnesium it has almost stopped",),
        # thread-502: a supplement the knowledge base lacks, put on by a doctor
        ("can magnesium help me sleep", "i am also low on potassium, my doctor put me on potassium pills"),
    ],
)
def test_a_supplements_own_course_is_no_red_flag(engine: Engine, turns: tuple[str, ...]) -> None:
    assert chat(engine, *turns)[-1].escalation.level == "none"


def test_a_medicine_started_is_still_a_new_medicine(engine: Engine) -> None:
    # thread-037: sertraline is a medicine, and twitching began with it
    reply = chat(engine, "does l-theanine help twitching", "my doctor put me on sertraline last month")[-1]
    assert reply.escalation.level == "doctor" and "put me on" in reply.escalation.reasons


def test_a_symptoms_month_after_an_ingredient_still_counts(engine: Engine) -> None:
    assert chat(engine, "does magnesium help", "its been about a month now")[-1].escalation.level == "doctor"


# --- whether the ingredient in context gives you a symptom is a Safety question -----------------


def test_whether_it_gives_you_a_symptom_asks_its_safety(engine: Engine) -> None:
    # thread-318 after l-theanine; as "make you", and triage eye-041's "can new glasses give you a
    # headache?" asks whether the glasses bring it on
    reply = chat(engine, "l-theanine for anxiety", "does it give you headaches")[-1]
    assert reply.topics[:1] == ("l-theanine",) and reply.section == "safety"


# --- a crisis is about the person: what follows it is not answered with the topic before -------

_CRISIS_AFTER_A_TOPIC = (
    "does ashwagandha help with depression",
    "honestly nothing helps, i don't want to be here anymore",
)


@pytest.mark.parametrize(
    "follow_up",
    [
        # triage mental-141 ("I turn around the pills in my hand"), after thread-255's crisis
        "i have the pills in my hand",
        # test_conversation.py's follow-up not understood after crisis advice
        "ive been planning how to do it",
    ],
)
def test_after_crisis_a_follow_up_with_no_topic_of_its_own_gets_the_advice_again(
    engine: Engine, follow_up: str
) -> None:
    reply = chat(engine, *_CRISIS_AFTER_A_TOPIC, follow_up)[-1]
    assert reply.turn == "asks_help" and reply.escalation.level == "crisis" and reply.escalation.leads
    assert reply.topics == ()


def test_after_crisis_thanks_and_a_new_topic_still_are_what_they_are(engine: Engine) -> None:
    # thread-255 "lol anyway", thread-257 "what about l-theanine"
    assert chat(engine, *_CRISIS_AFTER_A_TOPIC, "lol anyway")[-1].turn == "acknowledgement"
    other = chat(engine, *_CRISIS_AFTER_A_TOPIC, "what about l-theanine")[-1]
    assert other.topics[:1] == ("l-theanine",) and other.escalation.level == "crisis"


# --- the emergency services called hold the emergency level ------------------------------------


@pytest.mark.parametrize(
    "turns",
    [
        # thread-531 (es.archildrens.org): a battery missing, then drooling, then the ER
        (
            "my son was playing with the tv remote and the battery is missing",
            "now he's drooling and has trouble swallowing",
            "ok we're going to the er",
        ),
        # thread-552 (familycircle.com): a threat and self-harm told by a parent, then 911
        (
            "my 15 year old said if i don't let her go she will kill herself",
            "she took some pills and cut her arm",
            "ok calling 911",
        ),
    ],
)
def test_a_follow_up_telling_the_services_are_called_holds_emergency(
    engine: Engine, turns: tuple[str, ...]
) -> None:
    replies = chat(engine, *turns, "what do i do")
    assert [r.escalation.level for r in replies[-2:]] == ["emergency", "emergency"]
    assert replies[-2].escalation.leads and replies[-1].turn == "asks_help"


def test_asking_whether_to_call_is_not_telling(engine: Engine) -> None:
    # thread-457's "should i call 911 or take her to the doctor?" asks; and a first message has
    # no conversation to hold
    assert chat(engine, "magnesium", "should i call 911 or go to the er?")[-1].escalation.level != "emergency"
    assert engine.answer("ok calling 911").escalation.level == "none"


def test_going_to_the_er_is_still_the_short_line_with_the_emergency_advice(engine: Engine) -> None:
    reply = chat(engine, "magnesium", "ok going to the er now")[-1]
    assert reply.kind == "small_talk" and reply.title == wording.small_talk_line("ok")
    assert reply.escalation.level == "emergency" and not reply.topics
