"""Follow-ups read in the conversation's context; small talk; what the context keeps."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from bot.render_text import render_text
from knowledge import Conversation, Reply
from knowledge.answers import wording
from knowledge.base.models import KnowledgeBase
from knowledge.engine import Engine
from tests.knowledge.test_properties import RED_FLAGS, SETTINGS
from tests.support.conversation import chat


def topic_and_section(reply: Reply) -> tuple[str | None, str]:
    return (reply.topics[0] if reply.topics else None), reply.section


@pytest.mark.parametrize("follow_up", ["is it safe?", "how much can I take", "side effects?", "max dose?"])
def test_safety_questions_refer_to_the_ingredient_in_context(engine: Engine, follow_up: str) -> None:
    _, reply = chat(engine, "magnesum?", follow_up)
    assert topic_and_section(reply) == ("magnesium", "safety")
    assert reply.sections[0].heading == "Safety"


@pytest.mark.parametrize(
    ("follow_up", "sections"),
    [
        ("what causes it?", {"causes"}),
        ("why?", {"causes"}),
        ("how do I stop it", {"remedies"}),
        ("when should I worry?", {"doctor", "severity"}),
        ("what kinds are there", {"types"}),
    ],
)
def test_section_questions_refer_to_the_condition_in_context(
    engine: Engine, follow_up: str, sections: set[str]
) -> None:
    _, reply = chat(engine, "my eyelid keeps twitching", follow_up)
    topic, section = topic_and_section(reply)
    assert topic == "twitching" and section in sections


def test_a_new_topic_wins_and_keeps_the_condition_in_context(engine: Engine) -> None:
    first, second, third = chat(engine, "does magnesium help my twitching", "and b6?", "what about zinc")
    assert first.topics[0] == "magnesium"
    assert second.topics == ("vitamin-b6",) and third.topics == ("zinc",)
    # Still about twitching: its use for twitching comes first.
    assert third.sections[0].heading == "For Twitching"


def test_a_bare_new_topic_asks_what_the_question_before_asked(engine: Engine) -> None:
    _, reply = chat(engine, "is ashwagandha safe while breastfeeding?", "what about l-theanine?")
    assert topic_and_section(reply) == ("l-theanine", "safety")
    _, reply = chat(engine, "what causes twitching", "and b6?")
    assert topic_and_section(reply) == ("vitamin-b6", "overview")  # b6 has no causes section


def test_an_unknown_topic_is_not_the_topic_in_context(engine: Engine) -> None:
    _, unknown, safe = chat(engine, "magnesium", "what about vitamin d", "is it safe?")
    assert unknown.kind == "unknown" and not unknown.topics
    # Said plainly, with the topic in context a tap away.
    assert unknown.title == wording.NOTHING_ON_IT.format(name="vitamin d", topic="Magnesium")
    assert [a.topic for a in unknown.actions] == ["magnesium"]
    assert not safe.topics  # "it" is vitamin D now, which the bot does not know


def test_a_red_flag_without_a_topic_escalates_with_the_condition_in_context(
    engine: Engine, kb: KnowledgeBase
) -> None:
    _, reply = chat(engine, "twitching in my legs", "its been 2 months now")
    assert reply.kind == "advice" and reply.topics == ("twitching",)
    assert reply.escalation.level == "doctor"
    listed = [item for advice in reply.escalation.lists for item in advice.items]
    assert listed == list(kb.conditions["twitching"].when_to_see_doctor)
    assert [a.topic for a in reply.actions] == ["twitching"]


def test_red_flags_are_judged_on_every_message_by_itself(engine: Engine) -> None:
    replies = chat(engine, "ashwagandha", "my lips are swelling up", "ok", "is it safe?")
    assert replies[1].escalation.level == "emergency" and replies[1].topics == ("ashwagandha",)
    # Emergency advice holds for the context's lifetime: a milder message never lowers it.
    assert replies[2].escalation.level == replies[3].escalation.level == "emergency"
    assert replies[3].topics == ("ashwagandha",) and replies[3].section == "safety"


def test_a_crisis_is_about_the_person_not_the_topic(engine: Engine) -> None:
    _, reply = chat(engine, "magnesium", "i want to end my life")
    assert reply.escalation.level == "crisis" and reply.escalation.leads
    assert not reply.topics


@SETTINGS
@given(st.sampled_from(["magnesium", "twitching", "zinc"]), st.sampled_from(RED_FLAGS))
def test_a_red_flag_escalates_in_any_context(engine: Engine, topic: str, flag: str) -> None:
    alone = engine.answer(flag).escalation.level
    _, reply = chat(engine, topic, flag)
    assert reply.escalation.level == alone != "none"


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("thanks!", wording.small_talk_line("thanks")),
        ("thank you so much", wording.small_talk_line("thanks")),
        ("ok", wording.small_talk_line("ok")),
        ("great", wording.small_talk_line("ok")),
        ("👍", wording.small_talk_line("ok")),
        ("🙏🙏", wording.small_talk_line("thanks")),
        ("bye", wording.small_talk_line("bye")),
        ("ok will call my gp tomorrow, thanks", wording.small_talk_line("thanks")),
        # "ok going to the er now" also holds emergency since session 6 (test_turns_inherited.py)
    ],
)
def test_small_talk_gets_one_short_line(engine: Engine, text: str, line: str) -> None:
    _, reply = chat(engine, "magnesium", text)
    assert reply.kind == "small_talk" and reply.title == line
    assert not reply.sections and not reply.actions and not reply.disclaimer and not reply.topics


@pytest.mark.parametrize("text", ["hi", "hello there", "what can you do"])
def test_a_greeting_gets_the_greeting(engine: Engine, text: str) -> None:
    assert engine.answer(text) == engine.greeting()


@pytest.mark.parametrize("text", ["ok so is it safe?", "thanks, how much can i take", "ok but why"])
def test_a_question_after_thanks_is_a_question(engine: Engine, text: str) -> None:
    _, reply = chat(engine, "magnesium", text)
    assert reply.kind == "topic" and reply.topics[0] == "magnesium"


@pytest.mark.parametrize("follow_up", ["ive been planning how to do it", "tonight", "idk"])
def test_after_crisis_advice_a_message_not_understood_gets_it_again(engine: Engine, follow_up: str) -> None:
    """Never "I don't have information on that" to someone who just said they want to die."""
    _, reply = chat(engine, "i want to die", follow_up)
    assert reply.kind == "advice" and reply.escalation.level == "crisis" and reply.escalation.leads
    _, _, again = chat(engine, "i want to die", follow_up, "what")
    assert again.escalation.level == "crisis"


def test_after_emergency_advice_a_message_not_understood_keeps_it(engine: Engine) -> None:
    _, reply = chat(engine, "crushing chest pain", "its getting worse")
    assert reply.escalation.level == "emergency" and reply.escalation.leads


def test_a_new_question_after_crisis_advice_is_answered(engine: Engine) -> None:
    _, reply = chat(engine, "i want to die", "is magnesium safe?")
    assert reply.topics == ("magnesium",) and reply.kind == "topic"


def test_it_before_a_condition_is_the_ingredient_in_context(engine: Engine) -> None:
    """ "does it work for twitching?" after "gaba" asks about gaba, for twitching."""
    _, reply, dose = chat(engine, "gaba supplements", "does it work for twitching", "whats the dose")
    assert reply.topics[0] == "gaba" and topic_and_section(dose) == ("gaba", "safety")
    _, other = chat(engine, "gaba", "what causes twitching")
    assert other.topics == ("twitching",)


@pytest.mark.parametrize("text", ["what about diabetes", "and diabetes?", "how about my dad"])
def test_what_about_something_new_is_not_the_topic_in_context(engine: Engine, text: str) -> None:
    _, reply = chat(engine, "magnesium", text)
    assert reply.kind == "unknown" and reply.topics == ()


@pytest.mark.parametrize(
    ("first", "text", "section"),
    [
        ("twitching", "what about at night", "overview"),  # where and when tie back
        ("magnesium", "what about blood thinners", "safety"),  # an interaction
        ("magnesium", "and the dose?", "safety"),
    ],
)
def test_what_about_a_word_of_the_conversation_follows_on(
    engine: Engine, first: str, text: str, section: str
) -> None:
    _, reply = chat(engine, first, text)
    assert reply.topics[:1] == (first,) and reply.section in (section, "synopsis")


def test_which_one_is_best_asks_for_the_remedies(engine: Engine) -> None:
    _, reply = chat(engine, "what natural remedies help twitching", "which one is best")
    assert topic_and_section(reply) == ("twitching", "remedies")


def test_small_talk_leaves_the_context_as_it_was(engine: Engine) -> None:
    replies = chat(engine, "zinc", "thanks", "👍", "is it safe?")
    assert topic_and_section(replies[-1]) == ("zinc", "safety")


def test_after_emergency_advice_an_acknowledgement_restates_the_number(engine: Engine) -> None:
    """ "ok calling 911" gets one line in the emergency's words with the number, at its level."""
    _, advice, reply = chat(engine, "gaba", "my throat is swelling shut", "ok calling 911")
    assert reply.turn == "acknowledgement" and reply.escalation.level == "emergency"
    assert reply.escalation.leads and "911" in reply.escalation.title
    assert len(render_text(reply)) < len(render_text(advice))  # short, not the advice again


def test_the_context_holds_slugs_levels_and_a_language_code_only(engine: Engine) -> None:
    conversation = Conversation()
    for text in ("my calves twitch, could it be ALS", "magnesium?", "my dad had MS"):
        conversation = engine.after(conversation, engine.answer(text, conversation))
    dumped = conversation.model_dump()
    assert set(dumped) == {"topics", "condition", "section", "level", "keep", "lang", "lang_chosen", "taken"}
    assert dumped["lang"] == "en" and dumped["lang_chosen"] is False
    assert dumped["taken"] is False  # whether a thing the knowledge base lacks was named, never its name
    assert dumped["topics"][0] == "twitching" and "magnesium" in dumped["topics"]
    assert dumped["level"] == "doctor"


def test_stored_context_is_validated() -> None:
    """A context read back from a store is checked: nothing but slugs, sections and levels."""
    ok = Conversation(topics=("magnesium",), condition="twitching", section="safety", level="doctor")
    assert Conversation.model_validate_json(ok.model_dump_json()) == ok
    for bad in (
        {"topics": ["<b>x</b>"]},
        {"condition": "Twitching!"},
        {"section": "nonsense"},
        {"level": "panic"},
        {"topics": ["a", "b", "c", "d", "e"]},
        {"text": "my message"},
    ):
        with pytest.raises(ValidationError):
            Conversation.model_validate(bad)


def test_follow_ups_without_context_are_answered_alone(engine: Engine) -> None:
    assert engine.answer("is it safe?").kind in ("unknown", "suggest")
    assert engine.answer("is it safe?", Conversation()).topics == ()


@pytest.mark.parametrize("text", ["diabetes", "insomnia", "headache"])
def test_a_bare_name_of_something_else_is_not_a_follow_up(engine: Engine, text: str) -> None:
    _, reply = chat(engine, "twitching", text)
    assert reply.kind == "unknown" and not reply.topics


@pytest.mark.parametrize("text", ["both legs", "would glycinate be better", "it gets worse at night"])
def test_a_message_that_ties_back_is_a_follow_up(engine: Engine, text: str) -> None:
    _, reply = chat(engine, "does magnesium help my twitching", text)
    assert reply.topics
