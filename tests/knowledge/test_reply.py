"""Replies say only what the knowledge base says, always carry the disclaimer, and link onwards."""

from __future__ import annotations

import re

import pytest

from knowledge.answers import wording as texts
from knowledge.answers.advice import advice_update
from knowledge.answers.reply import Answers, Reply
from knowledge.base.models import KnowledgeBase
from knowledge.engine import Engine
from knowledge.sections import CONDITION_BUTTONS

MESSAGES = [
    "twitching",
    "what causes twitching",
    "types of twitching",
    "serious causes of twitching",
    "when to see a doctor",
    "remedies for twitching",
    "supplements for twitching",
    "magnesium",
    "zinc",
    "does b6 help twitching",
    "gaba and zinc",
    "headache",
    "hi",
    "magnes",
    "",
    "my calf twitches and my leg feels weak",
    "chest pain",
    "i want to kill myself",
    "my son swallowed a bottle of zinc",
    "no weakness, just twitching",
    "do i have als",
]


def knowledge_strings(kb: KnowledgeBase) -> set[str]:
    out: set[str] = set()
    for c in kb.conditions.values():
        out |= {
            c.name,
            c.synopsis,
            c.ingredients_intro,
            *c.common_causes,
            *c.severity_causes,
            *c.when_to_see_doctor,
        }
        out |= {t.name for t in c.types} | {t.text for t in c.types}
        out |= {r.name for r in c.remedies} | {r.description for r in c.remedies}
    for i in kb.ingredients.values():
        out |= {i.name, *i.aliases} | {u.description for u in i.uses if u.description}
        if i.safety:
            out |= set(i.safety.cautions)
    # Red-flag advice is data too (triage.toml), reviewed by a clinician.
    from knowledge.understanding.lexicon import load_lexicon

    out |= {f.advice for f in load_lexicon().triage.flags.values() if f.advice}
    return out


def interface_strings() -> list[str]:
    """The answers' own words: the English answers catalog (section headings and button
    labels included)."""
    return list(texts.CATALOG.texts("en").values())


def is_from_texts(s: str) -> bool:
    """A fixed interface string, possibly with {placeholders} filled in."""
    for template in interface_strings():
        pattern = re.sub(r"\\\{\w+\\\}", "(.+)", re.escape(template))
        if re.fullmatch(pattern, s, flags=re.DOTALL):
            return True
    return False


def every_string(reply: Reply) -> list[str]:
    out = [reply.title, reply.intro, reply.disclaimer]
    for section in reply.sections:
        out += [section.heading, section.paragraph]
        out += [i.text for i in section.items] + [i.name for i in section.items]
    out += [a.label for a in (*reply.actions, *reply.suggestions)]
    esc = reply.escalation
    out += [esc.banner, esc.title, *esc.paragraphs]
    out += [s for advice in esc.lists for s in (advice.heading, *advice.items)]
    return [s for s in out if s]


def test_helplines_come_from_the_knowledge_directory(engine: Engine, kb: KnowledgeBase) -> None:
    esc = engine.answer("i want to kill myself").escalation
    assert kb.helplines is not None
    shown = esc.lists[0].items
    assert len(shown) == len(kb.helplines.crisis)
    assert all(
        h.contact in line and h.region in line for h, line in zip(kb.helplines.crisis, shown, strict=True)
    )
    assert any("call or text 988" in line for line in shown)


@pytest.mark.parametrize("text", MESSAGES)
def test_nothing_is_invented(engine: Engine, kb: KnowledgeBase, text: str) -> None:
    known = knowledge_strings(kb)
    for s in every_string(engine.answer(text)):
        assert s in known or is_from_texts(s) or s in engine.examples(), s


@pytest.mark.parametrize("text", MESSAGES)
def test_disclaimer_present_wherever_something_medical_is_said(engine: Engine, text: str) -> None:
    """Answers, advice and the greeting carry it; lists, pickers and did-you-mean prompts do
    not."""
    reply = engine.answer(text)
    medical = reply.kind in ("topic", "advice") or reply.escalation.level != "none"
    assert reply.disclaimer == (texts.DISCLAIMER if medical or reply == engine.greeting() else "")


def test_condition_overview_is_synopsis_with_buttons_for_other_sections(
    engine: Engine, kb: KnowledgeBase
) -> None:
    reply = engine.answer("twitching")
    assert reply.sections[0].paragraph == kb.conditions["twitching"].synopsis
    sections = [a for a in reply.actions if a.check is None]
    # Every section keeps its button; the one on screen (the overview) is marked, not removed.
    assert [a.section for a in sections] == [s.key for s in CONDITION_BUTTONS]
    assert [a.section for a in sections if a.current] == ["synopsis"]
    check = [a for a in reply.actions if a.check is not None]
    assert [(a.topic, a.check) for a in check] == [("twitching", Answers())]


def test_each_section_shows_its_items(engine: Engine, kb: KnowledgeBase) -> None:
    c = kb.conditions["twitching"]
    expected = {
        "types": [t.text for t in c.types],
        "causes": list(c.common_causes),
        "severity": list(c.severity_causes),
        "doctor": list(c.when_to_see_doctor),
        "remedies": [r.description for r in c.remedies],
    }
    for section, items in expected.items():
        reply = engine.topic_reply("twitching", section)
        assert reply is not None
        assert [i.text for i in reply.sections[0].items] == items, section
    ingredients = engine.topic_reply("twitching", "ingredients")
    assert ingredients is not None
    assert [i.name for i in ingredients.sections[0].items] == [
        "Ashwagandha",
        "GABA",
        "L-theanine",
        "Magnesium",
        "Vitamin B6",
        "Zinc",
    ]
    assert {a.topic for a in ingredients.actions} >= set(c.ingredient_slugs)


def test_ingredient_answer_in_context_of_condition(engine: Engine, kb: KnowledgeBase) -> None:
    reply = engine.answer("does magnesium help twitching")
    assert reply.title == "Magnesium"
    assert reply.sections[0].heading == "For Twitching"
    use = kb.use("magnesium", "twitching")
    assert use is not None and reply.sections[0].items[0].text == use.description
    assert reply.actions[0].topic == "twitching"


def test_zinc_says_which_conditions_list_it_and_nothing_more(engine: Engine) -> None:
    reply = engine.answer("zinc")
    text = reply.sections[0].items[0].text
    assert text == texts.USE_LISTED_ONLY.format(condition="Twitching")
    assert text == "Listed among the ingredients for Twitching; the article gives no description."
    assert reply.actions[0].topic == "twitching"


def test_topic_reply_for_unknown_slug_is_none(engine: Engine) -> None:
    assert engine.topic_reply("nope") is None


def test_buttons_under_advice_keep_it_and_are_made_once(engine: Engine) -> None:
    """Every button under advice keeps it; the same button of knowledge keeping the same
    advice is one object answer after answer (knowledge/answers/advice.py's _keeping), and
    the buttons of a reply without advice keep nothing."""
    first = engine.answer("my calf twitches and my leg feels weak")
    again = engine.answer("my calf twitches and my leg feels weak")
    keep = first.escalation.keep
    assert keep and first.actions
    assert all(a.keep == keep for a in (*first.actions, *first.suggestions))
    assert all(a is b for a, b in zip(first.actions, again.actions, strict=True))
    plain = engine.answer("what causes twitching")
    assert plain.actions and not any(a.keep for a in plain.actions)
    # The same buttons kept by other advice keep that advice.
    other = advice_update(first, first.escalation.model_copy(update={"keep": "e"}), first.actions)
    assert all(a.keep == "e" for a in other["actions"])  # type: ignore[attr-defined]
