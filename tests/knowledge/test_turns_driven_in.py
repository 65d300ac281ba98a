"""Session 8 (t-conv7): telling that one is being driven in to hospital is the person's own
judgement that it is an emergency, as calling the emergency services is (`services` words,
knowledge/lexicon/conversation.toml; `Turns._services_called`). The turns are quoted from the
tune threads they were rebuilt from (tests/data/conversations_threads.jsonl, with their pages);
the test fails without the words of being driven in."""

from __future__ import annotations

import pytest

from knowledge.engine import Engine
from tests.support.conversation import chat


@pytest.mark.parametrize(
    "told",
    [
        "ok i'm waking my wife to drive me in",  # thread-736, blindtravel.net
        "i'm waking up my wife to take me to the emergency room",  # thread-803, grandpa-tells-stories.com
    ],
)
def test_being_driven_in_holds_emergency(engine: Engine, told: str) -> None:
    # thread-806's first turn (barbarashallue.com) reaches doctor: palpitations woke her
    flagged, driven, after = chat(
        engine, "my heart is pounding so hard and fast it woke me from a sound sleep at 1am", told, "ok"
    )
    assert flagged.escalation.level == "doctor"
    assert driven.escalation.level == "emergency"
    assert after.escalation.level == "emergency"  # held, as after the services called


def test_a_drive_asked_about_is_no_emergency(engine: Engine) -> None:
    # a question about going in is asked, not told (thread-718's "should i go to the er?")
    woke = "my heart is pounding so hard and fast it woke me from a sound sleep at 1am"
    *_, asked = chat(engine, woke, "should my wife drive me in?")
    assert asked.escalation.level != "emergency"
