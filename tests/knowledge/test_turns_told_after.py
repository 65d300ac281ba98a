"""Issue 20, session 7 (t-conv5): what the unseen tune threads thread-601..653 of
tests/data/conversations_threads.jsonl taught, each change from at least two real messages of
different pages (docs/conversation.md)."""

from __future__ import annotations

import pytest

from knowledge.engine import Engine
from tests.support.conversation import chat


@pytest.mark.parametrize(
    "texts",
    [
        # thread-607 (biologyinsights.com if-my-dad-has-als-will-i-inherit-it): a family history
        ("my dad has als, will i inherit it?", "my calves have been twitching a lot lately"),
        # thread-652 (jamaicahospital.org newsletter/foot-drop): a weakness
        ("i keep tripping because i cant lift the front of my foot", "the muscles in that leg twitch too"),
        # thread-037 (medx.it.com does-l-theanine-react-with-zoloft): a new medicine
        ("my doctor put me on sertraline last month", "since then my eyelid twitches all day"),
    ],
)
def test_a_twitch_told_right_after_its_red_flag_keeps_the_doctor_advice(
    engine: Engine, texts: tuple[str, ...]
) -> None:
    first, reply = chat(engine, *texts)
    assert first.escalation.level == "doctor"
    assert reply.topics[:1] == ("twitching",) and reply.escalation.level == "doctor"
    # Said alone, the twitch is no red flag: the level is the turn before's flag, not the words.
    (alone,) = chat(engine, texts[1])
    assert alone.escalation.level == "none"


def test_a_question_after_the_red_flag_is_answered_as_asked(engine: Engine) -> None:
    *_, reply = chat(engine, "my dad has als, will i inherit it?", "what causes twitching?")
    assert reply.section == "causes" and reply.escalation.level == "none"


def test_the_flag_holds_only_the_turn_after(engine: Engine) -> None:
    # A turn with no flag in between ("is it safe?" asks, so it is not raised) lets it go.
    *_, reply = chat(
        engine,
        "my dad has als, will i inherit it?",
        "does magnesium help",
        "my calves have been twitching a lot lately",
    )
    assert reply.escalation.level == "none"


@pytest.mark.parametrize(
    "text",
    [
        "i used a zinc nasal gel for my cold",  # thread-621, thedoctorwillseeyounow.com
        "what about the nasal gels, are they safe",  # thread-622, philly.com
    ],
)
def test_a_nasal_product_is_no_nasal_voice(engine: Engine, text: str) -> None:
    assert engine.answer(text).escalation.level == "none"
    assert engine.answer("my voice sounds nasal").escalation.level == "doctor"


@pytest.mark.parametrize(
    "text",
    [
        "i stopped drinking 3 days ago and im shaking and sweating",  # thread-628, fit-recovery.com
        "i stopped the xanax cold turkey 2 days ago and im shaking all over",  # thread-648, valiantliving.com
    ],
)
def test_shaking_after_stopping_drink_or_a_sedative_is_withdrawal(engine: Engine, text: str) -> None:
    assert engine.answer(text).escalation.level == "doctor"


@pytest.mark.parametrize(
    "text", ["i quit drinking last year and feel great", "im shaking", "stopped drinking coffee"]
)
def test_stopping_or_shaking_alone_is_no_withdrawal(engine: Engine, text: str) -> None:
    assert engine.answer(text).escalation.level == "none"


def test_dark_pee_told_over_days_is_the_liver_flag(engine: Engine) -> None:
    # thread-641 (akarali.com does-ashwagandha-cause-liver-damage), after ashwagandha
    *_, reply = chat(
        engine,
        "i have fatty liver, should i avoid ashwagandha?",
        "my pee has been dark and my belly is swollen",
    )
    assert reply.escalation.level == "doctor"


@pytest.mark.parametrize(
    "texts",
    [
        # thread-434 (veganthyme.blogspot.com): the crew on the scene
        ("my husband keeps heaving", "the firemen are here now, thank god"),
        # thread-508 (ems1.com): the crew on the way in
        ("my chest feels weird", "the paramedics are running up the stairs"),
        # thread-435 (nitakwatson.blogspot.com): driven to hospital
        (
            "my spouse fell in the floor this morning",
            "i'm walking him to the car to drive him to the hospital",
        ),
    ],
)
def test_the_crew_on_the_scene_is_an_emergency(engine: Engine, texts: tuple[str, ...]) -> None:
    *_, reply = chat(engine, *texts)
    assert reply.escalation.level == "emergency"


def test_asking_for_the_crew_is_not_telling_it_came(engine: Engine) -> None:
    *_, reply = chat(engine, "my husband keeps heaving", "should i call the paramedics?")
    assert reply.escalation.level != "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "now the twitching goes down into my cheek",  # thread-633, findatopdoc.com
        "it moved from under my eye to my cheek",  # thread-202, doctorbase.com
    ],
)
def test_an_eyelid_twitch_moving_on_to_the_face_is_spreading(engine: Engine, text: str) -> None:
    *_, reply = chat(engine, "my eyelid twitches", text)
    assert reply.escalation.level == "doctor"
    *_, still = chat(engine, "my eyelid twitches", "it is under my eye")
    assert still.escalation.level == "none"
