"""Red-flag triage: always on, data-driven, with word boundaries and durations."""

from __future__ import annotations

import pytest

from bot.render_text import render_text
from knowledge import Conversation
from knowledge.answers import wording as texts
from knowledge.engine import Engine


def level(engine: Engine, text: str) -> str:
    return engine.answer(text).escalation.level


@pytest.mark.parametrize(
    "text",
    [
        "twitching and weakness",
        "my leg feels weak",
        "my arm is getting weaker",
        "weeknes",
        "muscle atrophy",
        "my muscles look atrophied",
        "muscle wasting",
        "my calf is shrinking",
        "loss of coordination",
        "poor coordination",
        "I'm clumsy lately",
        "I keep dropping things",
        "twitching for 3 weeks",
        "twitching for months",
        "twitches for over a year",
        "since last year",
        "for 5 weeks now",
        "2 months of twitching",
        "a few weeks of twitching",
        "after a car accident",
        "after a fall",
        "injury",
        "I hit my head",
        "numbness",
        "slurred speech",
        "trouble swallowing",
        "no weakness, just twitching",  # negation still escalates: safety over precision
        "magnesium for weakness",
        "atrophy",
        ">< weakness ><",
        "<weakness>",
        "<b>numbness</b>",  # angle brackets never hide a flag
        "I can't feel my legs",
        "my chest hurts",
        "twitching after hitting my head",
        "my calf is getting smaller",
        "trouble walking",
    ],
)
def test_doctor_flags(engine: Engine, text: str) -> None:
    assert level(engine, text) in ("doctor", "emergency"), text


@pytest.mark.parametrize(
    "text",
    [
        "it keeps me awake",
        "I can't sleep because of it",
        "it's ruining my daily life",
        "my father had ALS",
        "family history of MS",
        "my mum has multiple sclerosis",
    ],
)
def test_twitchings_own_flags_in_its_conversation(engine: Engine, text: str) -> None:
    """Twitching's own red flags (overlay) count when the talk is about twitching."""
    about = Conversation(topics=("twitching",), condition="twitching")
    assert engine.answer(text, about).escalation.level == "doctor", text
    assert engine.answer(f"my eyelid twitching, {text}").escalation.level == "doctor", text


@pytest.mark.parametrize(
    "text",
    [
        "twitching and I can't breathe",
        "shortness of breath",
        "chest pain",
        "having a seizure",
        "he is convulsing",
        "convulsions",
        "face drooping",
        "sudden weakness on one side",
        "my left side is numb",
        "she fainted",
        "I think it's a stroke",
        "cant breath",
    ],
)
def test_emergency_flags(engine: Engine, text: str) -> None:
    reply = engine.answer(text)
    assert reply.escalation.level == "emergency", text
    assert "emergency number" in " ".join(reply.escalation.paragraphs)
    assert reply.escalation.leads


@pytest.mark.parametrize(
    "text",
    [
        "twitching for two days",
        "twitching for a week",
        "a couple of weeks",
        "every 3 weeks",
        "weekend twitching",
        "keystroke twitching",
        "I'm 35 years old",
        "twitching when I fall asleep",
        "my eyelid keeps twitching",
        "what causes twitching",
        "magnesium",
        "hello",
        "",
        "in 3 months I will travel",
        "week",
        "fallen leaves",
    ],
)
def test_no_false_alarms(engine: Engine, text: str) -> None:
    assert level(engine, text) == "none", engine.answer(text).escalation.reasons


def test_reasons_name_the_trigger(engine: Engine) -> None:
    esc = engine.answer("my eye has been twitching for 2 months and my hand feels weak").escalation
    assert esc.level == "doctor"
    assert esc.reasons == ("2 months", "hand feels weak")
    assert engine.answer("twitching and weeknes").escalation.reasons == ("weakness",)


def test_doctor_escalation_lists_the_condition_items(engine: Engine, kb) -> None:
    esc = engine.answer("twitching with weakness").escalation
    assert esc.lists[-1].items == kb.conditions["twitching"].when_to_see_doctor


def test_escalation_on_unknown_and_ingredient_topics(engine: Engine) -> None:
    unknown = engine.answer("headache and chest pain")
    assert (unknown.kind, unknown.escalation.level) == ("advice", "emergency")
    assert texts.UNKNOWN_TITLE not in render_text(unknown)
    ingredient = engine.answer("is zinc ok, I have numbness")
    assert (ingredient.topics[0], ingredient.escalation.level) == ("zinc", "doctor")


def test_article_doctor_items_escalate_without_the_lexicon(kb) -> None:
    """Red flags also come from each article's own "When to See a Doctor" items."""
    from knowledge.engine import Engine
    from knowledge.understanding.lexicon import load_lexicon

    lexicon = load_lexicon()
    flags = {n: f for n, f in lexicon.triage.flags.items() if f.level != "doctor"}
    bare = lexicon.model_copy(update={"triage": lexicon.triage.model_copy(update={"flags": flags})})
    engine = Engine(kb, bare)
    assert engine.answer("twitching with loss of coordination").escalation.level == "doctor"
    assert engine.answer("twitching, family history of neurological disorders").escalation.level == "doctor"
    assert engine.answer("twitching").escalation.level == "none"


@pytest.mark.parametrize(
    "text, want",
    [
        ("my twitching is spreading to my arms", "doctor"),
        ("the twitching spread to my arm and leg now", "doctor"),
        ("sharp pain spreading to my arm and jaw", "emergency"),
        ("a crushing pain that spreads to my arm", "emergency"),
    ],
)
def test_spreading_to_the_arm_is_the_chests_only_with_a_pain(engine: Engine, text: str, want: str) -> None:
    assert level(engine, text) == want
