"""The symptom check: the article's own "When to See a Doctor" items, one at a time, then one of
two outcomes; its answers travel in the buttons."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from knowledge import Action, Answers, KnowledgeBase, Reply
from knowledge.answers import wording
from knowledge.engine import Engine
from tests.knowledge.test_properties import SETTINGS


def start(reply: Reply) -> Action:
    return next(a for a in reply.actions if a.check is not None)


def press(engine: Engine, action: Action) -> Reply:
    assert action.check is not None
    reply = engine.check(action.topic, action.check, action.keep)
    assert reply is not None
    return reply


def choose(reply: Reply, label: str) -> Action:
    return next(a for a in reply.actions if a.label == label)


def run(engine: Engine, answers: list[str]) -> tuple[list[Reply], Reply]:
    """Start the check under the twitching answer and press `answers` in turn."""
    reply = press(engine, start(engine.answer("twitching")))
    questions = []
    for label in answers:
        questions.append(reply)
        reply = press(engine, choose(reply, label))
    return questions, reply


def test_every_condition_answer_offers_the_check(engine: Engine) -> None:
    for section in ("overview", "causes", "remedies", "doctor"):
        reply = engine.topic_reply("twitching", section)
        assert reply is not None
        action = start(reply)
        assert action.label == wording.CHECK_BUTTON and action.check == Answers()


def test_no_check_once_it_is_an_emergency(engine: Engine) -> None:
    reply = engine.answer("my eye twitches and I have chest pain")
    assert reply.escalation.level == "emergency"
    assert all(a.check is None for a in reply.actions)


def test_it_asks_each_item_of_the_article_in_turn(engine: Engine, kb: KnowledgeBase) -> None:
    items = kb.conditions["twitching"].when_to_see_doctor
    questions, _ = run(engine, [wording.CHECK_NO] * len(items))
    assert [q.sections[0].paragraph for q in questions] == list(items)
    assert [q.sections[0].heading for q in questions] == [wording.CHECK_QUESTION] * len(items)
    assert questions[1].intro == wording.CHECK_PROGRESS.format(number=2, total=len(items))
    assert [a.label for a in questions[0].actions][:3] == [
        wording.CHECK_YES,
        wording.CHECK_NO,
        wording.CHECK_UNSURE,
    ]


def test_all_no_gives_self_care_and_the_signs_to_watch(engine: Engine, kb: KnowledgeBase) -> None:
    twitching = kb.conditions["twitching"]
    _, outcome = run(engine, [wording.CHECK_NO] * len(twitching.when_to_see_doctor))
    assert outcome.escalation.level == "none" and outcome.intro == wording.CHECK_ALL_NO
    care, watch = outcome.sections
    assert [i.text for i in care.items] == [r.name for r in twitching.remedies]
    assert [i.text for i in watch.items] == list(twitching.when_to_see_doctor)
    assert ("twitching", "remedies") in [(a.topic, a.section) for a in outcome.actions]


def test_any_yes_or_not_sure_gives_doctor_advice_listing_them(engine: Engine, kb: KnowledgeBase) -> None:
    items = kb.conditions["twitching"].when_to_see_doctor
    said = [wording.CHECK_NO] * len(items)
    said[0], said[2] = wording.CHECK_YES, wording.CHECK_UNSURE
    _, outcome = run(engine, said)
    advice = outcome.escalation
    assert advice.level == "doctor" and advice.leads  # the outcome comes first
    assert [(a.heading, a.items) for a in advice.lists] == [
        (wording.CHECK_SAID_YES, (items[0],)),
        (wording.CHECK_SAID_UNSURE, (items[2],)),
    ]
    # Buttons under it keep the doctor advice on screen.
    assert all(a.keep for a in outcome.actions)
    back = press_topic(engine, outcome.actions[0])
    assert back.escalation.level == "doctor"


def press_topic(engine: Engine, action: Action) -> Reply:
    reply = engine.topic_reply(action.topic, action.section, action.keep)
    assert reply is not None
    return reply


def test_a_check_under_doctor_advice_keeps_it(engine: Engine) -> None:
    reply = engine.answer("my legs have been twitching for 3 months")
    assert reply.escalation.level == "doctor"
    question = press(engine, start(reply))
    assert question.escalation.level == "doctor"
    assert all(a.keep == reply.escalation.keep for a in question.actions)


@SETTINGS
@given(st.integers(0, 32), st.integers(0, 1 << 12), st.integers(0, 1 << 12))
def test_answers_that_do_not_fit_the_article_are_refused(
    engine: Engine, step: int, yes: int, unsure: int
) -> None:
    answers = Answers(step=step, yes=yes, unsure=unsure)
    reply = engine.check("twitching", answers)
    fits = step <= 5 and yes < 1 << step and unsure < 1 << step and not yes & unsure
    assert (reply is not None) == fits


@pytest.mark.parametrize("fields", [{"step": -1}, {"yes": -1}, {"unsure": -2}, {"step": 33}])
def test_answers_are_never_negative(fields: dict[str, int]) -> None:
    with pytest.raises(ValidationError):
        Answers(**fields)


def test_unknown_condition_or_ingredient_has_no_check(engine: Engine) -> None:
    assert engine.check("magnesium", Answers()) is None
    assert engine.check("nope", Answers()) is None


def test_an_article_without_doctor_items_has_no_check(kb: KnowledgeBase) -> None:
    twitching = kb.conditions["twitching"]
    bare = twitching.model_copy(
        update={"bullets": {k: v for k, v in twitching.bullets.items() if k != "doctor"}}
    )
    engine = Engine(kb.model_copy(update={"conditions": {"twitching": bare}}))
    assert all(a.check is None for a in engine.answer("twitching").actions)
    assert engine.check("twitching", Answers()) is None


@pytest.mark.parametrize("choice", ["yes", "no", "unsure"])
def test_an_answer_sets_one_bit(choice: str) -> None:
    after = Answers(step=2, yes=0b01, unsure=0b10).answer(choice)  # type: ignore[arg-type]
    assert after.step == 3
    assert (after.yes >> 2 & 1, after.unsure >> 2 & 1) == {"yes": (1, 0), "no": (0, 0), "unsure": (0, 1)}[
        choice
    ]
