"""Triage on the way people really write: crisis, more emergencies, other senses of flag words,
negation worded right, durations anchored to dates, and health anxiety."""

from __future__ import annotations

from datetime import date

import pytest

from bot.render_text import render_text
from knowledge import Conversation, KnowledgeBase
from knowledge.answers import wording as texts
from knowledge.engine import Engine


def level(engine: Engine, text: str) -> str:
    return engine.answer(text).escalation.level


@pytest.mark.parametrize(
    "text",
    [
        "i want to kill myself",
        "this twitching makes me want to die",
        "end it all",
        "i dont want to live anymore",
        "everyone would be better off without me",
        "i wish i could go to sleep and never wake up",
        "been cutting myself again",
        "kms",
        "how many b6 pills would it take to kill me",
        "thinking about overdosing tonight",
        "im suicidal",
        "i keep hurting myself when it gets bad",
    ],
)
def test_crisis(engine: Engine, text: str) -> None:
    reply = engine.answer(text)
    assert reply.escalation.level == "crisis", text
    assert reply.escalation.leads and reply.escalation.lists
    assert texts.UNKNOWN_TITLE not in render_text(reply)


@pytest.mark.parametrize(
    "text",
    [
        "this twitch is killing me lol",
        "im dying to know if magnesium works",
        "the suspense is killing me",
        "killed it at the gym today",
        "cutting back on caffeine",
        "is it possible to overdose on magnesium?",
        "dead tired after work",
    ],
)
def test_idioms_never_alarm(engine: Engine, text: str) -> None:
    assert level(engine, text) in ("none", "doctor"), engine.answer(text).escalation.reasons


@pytest.mark.parametrize(
    "text",
    [
        "my toddler swallowed a bottle of zinc tablets",
        "i accidentally took a whole bottle of b6",
        "my throat is swelling after taking ashwagandha",
        "severe allergic reaction to magnesium",
        "took too much magnesium and now im vomiting and confused",
        "worst headache of my life",
        "hes not responding",
        "the left side of my face is numb",
        "my lips are swelling up",
    ],
)
def test_more_emergencies(engine: Engine, text: str) -> None:
    assert level(engine, text) == "emergency", text


def test_poisoning_names_the_poison_lines(engine: Engine, kb: KnowledgeBase) -> None:
    esc = engine.answer("my son swallowed a handful of my magnesium pills").escalation
    assert kb.helplines is not None
    assert [line.split(":")[0] for line in esc.lists[0].items] == [h.region for h in kb.helplines.poison]


@pytest.mark.parametrize(
    "text",
    [
        "a faint twitch in my eyelid",
        "my thumb twitches when I stroke my cat",
        "my calf keeps seizing up at night",
        "I fell asleep and woke with a twitch",
        "twitching after the caffeine crash",
        "im 20 weeks pregnant, is magnesium safe",
        "my toes keep wiggling",
        "weak coffee makes my eye twitch",
        "35 years old, eye twitch",
    ],
)
def test_other_senses_do_not_alarm(engine: Engine, text: str) -> None:
    assert level(engine, text) == "none", engine.answer(text).escalation.reasons


def test_negation_is_worded_for_what_was_said(engine: Engine) -> None:
    reply = engine.answer("no weakness or numbness, just my eyelid twitching for 2 days")
    esc = reply.escalation
    assert esc.level == "doctor" and esc.reasons == () and esc.denied == ("weakness", "numbness")
    text = render_text(reply)
    assert "You said no weakness or numbness." in text and texts.WATCH_HEADING in text
    assert "You mentioned" not in text
    assert "i dont feel weak" and engine.answer("i dont feel weak, just twitchy").escalation.denied
    mixed = engine.answer("no weakness but twitching for 2 months").escalation
    assert mixed.reasons == ("2 months",) and mixed.denied == ("weakness",)
    assert mixed.title == texts.DOCTOR_TITLE


@pytest.mark.parametrize(
    "text",
    [
        "havent slept properly in a week because of it",
        "the twitching keeps me up for hours",
        "it wakes me at night",
        "eye twitch since july, now my legs arms and lip twitch too",
        "twitching all over my body",
        "whole body twitching for over an hour, i have MS",
        "twitching since I started a new med",
        "twitching since my surgery",
        "my calf has twitched since christmas",
        "twitching on and off since 2023",
    ],
)
def test_natural_wording_of_the_articles_red_flags(dated: tuple[Engine, list[date]], text: str) -> None:
    """In a conversation about twitching, as these would be said (on a fixed day: dates are relative)."""
    engine, clock = dated
    clock[0] = date(2026, 11, 25)
    about = Conversation(topics=("twitching",), condition="twitching")
    assert engine.answer(text, about).escalation.level in ("doctor", "emergency"), text


@pytest.fixture(scope="module")
def dated(kb: KnowledgeBase) -> tuple[Engine, list[date]]:
    """An engine whose today is whatever the test sets."""
    clock = [date(2026, 11, 25)]
    return Engine(kb, today=lambda: clock[0]), clock


@pytest.mark.parametrize(
    ("today", "text", "expected"),
    [
        (date(2026, 11, 25), "twitching since july", "doctor"),
        (date(2026, 11, 25), "twitching since november", "none"),
        (date(2026, 8, 10), "twitching since july", "doctor"),
        (date(2026, 7, 20), "twitching since july", "none"),
        (date(2027, 1, 5), "twitching since christmas", "none"),
        (date(2026, 12, 6), "twitching since christmas", "doctor"),
        (date(2026, 12, 27), "twitching since christmas", "none"),
        (date(2027, 2, 20), "twitching since christmas", "doctor"),
        (date(2026, 11, 25), "twitching since last week", "none"),
        (date(2026, 11, 25), "twitching since 2026", "doctor"),
        (date(2026, 1, 10), "twitching since 2026", "none"),
    ],
)
def test_dates_are_read_against_today(
    dated: tuple[Engine, list[date]], today: date, text: str, expected: str
) -> None:
    engine, clock = dated
    clock[0] = today
    assert engine.answer(text).escalation.level == expected


def test_how_long_a_supplement_was_taken_is_not_a_symptom(engine: Engine) -> None:
    assert level(engine, "been on zinc for 3 months, is it safe") == "none"
    assert level(engine, "twitching for 3 months, is zinc safe") == "doctor"


@pytest.mark.parametrize("text", ["do I have ALS?", "i am scared i have als", "is it MND"])
def test_health_anxiety_gets_serious_causes_with_the_doctor_signs(
    engine: Engine, kb: KnowledgeBase, text: str
) -> None:
    reply = engine.answer(text)
    assert (reply.topics[:1], reply.section) == (("twitching",), "severity")
    c = kb.conditions["twitching"]
    shown = [[i.text for i in s.items] for s in reply.sections]
    assert shown == [list(c.severity_causes), list(c.when_to_see_doctor)]
    assert reply.escalation.level == "none"


@pytest.mark.parametrize("text", ["BFS", "benign fasciculation syndrome"])
def test_bfs_is_twitching(engine: Engine, text: str) -> None:
    assert engine.answer(text).topics[:1] == ("twitching",)


def test_the_advice_a_button_keeps(engine: Engine) -> None:
    """A press on a button under escalated advice shows that advice again."""
    for question in (
        "twitching and chest pain",
        "twitching makes me want to die",
        "twitching and weakness",
        "no weakness, just twitching",
    ):
        first = engine.answer(question)
        for action in (*first.actions, *first.suggestions):
            pressed = engine.topic_reply(action.topic, action.section, action.keep)
            assert pressed is not None
            assert pressed.escalation.level == first.escalation.level
            assert pressed.escalation.title == first.escalation.title
    assert engine.kept("zz", None).level == "none"  # forged codes keep nothing


@pytest.mark.parametrize(
    ("text", "denied"),
    [
        ("my calf isnt swollen or red, just the usual night cramp", "calf isnt swollen or red"),
        ("my eye is not red or painful, just dry", "eye is not red or painful"),
    ],
)
def test_a_negation_between_a_signs_words_is_heard(engine: Engine, text: str, denied: str) -> None:
    """Not only "no weakness": "my calf isnt swollen" says no too, so the advice is worded for it."""
    escalation = engine.answer(text).escalation
    assert escalation.level == "doctor" and escalation.reasons == () and escalation.denied == (denied,)


@pytest.mark.parametrize(
    "text",
    [
        "im a bit scared to try castor oil",  # "a bit", and "scared" is not "scars"
        "am i wasting my money on magnesium",
        "im losing weight on purpose with calorie counting",
    ],
)
def test_everyday_words_that_look_like_harm_do_not_alarm(engine: Engine, text: str) -> None:
    assert engine.answer(text).escalation.level == "none", text


@pytest.mark.parametrize(
    "text", ["bit my arm till it bled", "i have scars on my wrists from cutting", "stopped eating on purpose"]
)
def test_harm_is_still_heard(engine: Engine, text: str) -> None:
    assert engine.answer(text).escalation.level == "crisis", text


@pytest.mark.parametrize(
    "text", ["im done with life", "im going to take all my sleeping pills tonight", "tired of being alive"]
)
def test_more_ways_of_saying_it_reach_crisis(engine: Engine, text: str) -> None:
    assert engine.answer(text).escalation.level == "crisis", text
