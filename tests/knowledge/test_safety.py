"""Ingredient safety facts: from data, with sources, never a dose; asked-about safety comes first."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge import DEFAULT_KNOWLEDGE_DIR, KnowledgeError, load_knowledge
from knowledge.answers import wording as texts
from knowledge.base.models import KnowledgeBase
from knowledge.engine import Engine
from knowledge.sections import heading

SEED_TEXT = (DEFAULT_KNOWLEDGE_DIR / "twitching.txt").read_text(encoding="utf-8")
ADVICE = texts.SAFETY_ADVICE.split("{")[0]  # the advice line's fixed start


def safety_items(engine: Engine, text: str) -> list[str]:
    reply = engine.answer(text)
    section = next(s for s in reply.sections if s.heading == heading("safety"))
    return [i.text for i in section.items]


@pytest.mark.parametrize(
    ("text", "slug", "source"),
    [
        ("is magnesium safe", "magnesium", "NIH Office of Dietary Supplements, Magnesium fact sheet"),
        ("how much b6 can I take", "vitamin-b6", "NIH Office of Dietary Supplements, Vitamin B6 fact sheet"),
        ("zinc side effects", "zinc", "NIH Office of Dietary Supplements, Zinc fact sheet"),
        ("ashwagandha while pregnant", "ashwagandha", "NIH National Center for Complementary"),
        ("can I take magnesium with my medication", "magnesium", "Magnesium fact sheet"),
        ("max dose of zinc per day", "zinc", "Zinc fact sheet"),
    ],
)
def test_safety_questions_answer_from_the_safety_data(
    engine: Engine, text: str, slug: str, source: str
) -> None:
    reply = engine.answer(text)
    assert (reply.topics[0], reply.section) == (slug, "safety")
    assert reply.sections[0].heading == "Safety"
    items = [i.text for i in reply.sections[0].items]
    assert any(source in item for item in items)
    assert items[-1].startswith(ADVICE)


def test_facts_are_the_curated_ones(engine: Engine, kb: KnowledgeBase) -> None:
    items = safety_items(engine, "is magnesium safe")
    safety = kb.ingredients["magnesium"].safety
    assert safety is not None and items[0] == texts.UPPER_LIMIT.format(limit=safety.upper_limit)
    assert "350 mg/day from supplements and medicines" in items[0]
    assert "People with kidney disease are at risk of build-up." in items
    b6 = safety_items(engine, "vitamin b6 dosage")
    assert "12 mg/day in 2023" in b6[0] and "sensory neuropathy" in b6[1]


@pytest.mark.parametrize("text", ["is l-theanine safe", "gaba side effects"])
def test_no_upper_limit_says_exactly_that(engine: Engine, text: str) -> None:
    items = safety_items(engine, text)
    assert items[0] == texts.NO_UPPER_LIMIT and items[1].startswith(ADVICE) and len(items) == 2


def test_every_ingredient_answer_has_a_short_safety_section(engine: Engine, kb: KnowledgeBase) -> None:
    for slug in kb.ingredients:
        reply = engine.topic_reply(slug)
        assert reply is not None and reply.sections[-1].heading == "Safety"
        assert reply.sections[-1].items[-1].text.startswith(ADVICE)


def test_b6_with_numbness_gives_caution_and_escalation(engine: Engine) -> None:
    reply = engine.answer("I've been taking b6 and now my feet are numb")
    assert reply.topics[0] == "vitamin-b6"
    assert reply.escalation.level == "doctor"
    assert any("sensory neuropathy" in i.text for s in reply.sections for i in s.items)


def test_no_dose_is_ever_recommended(engine: Engine, kb: KnowledgeBase) -> None:
    """Every figure in an answer is one that the curated data holds."""
    import re

    curated = " ".join(f"{i.safety.upper_limit or ''}" for i in kb.ingredients.values() if i.safety)
    for text in ("how much magnesium should I take", "b6 dose", "zinc dosage", "ashwagandha dose"):
        reply = engine.answer(text)
        numbers = re.findall(r"\d+ ?mg", " ".join(i.text for s in reply.sections for i in s.items))
        assert all(n in curated for n in numbers), numbers


def test_condition_questions_are_unchanged_by_safety_words(engine: Engine) -> None:
    assert engine.answer("is twitching dangerous").section == "severity"
    assert engine.answer("twitching and my thyroid").section == "severity"


def write(tmp_path: Path, overlay: str) -> Path:
    (tmp_path / "t.txt").write_text(SEED_TEXT, encoding="utf-8")
    (tmp_path / "overlay.toml").write_text(overlay, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("overlay", "message", "line"),
    [
        ('[ingredients.zinc.safety]\nupper_limit = "40 mg/day"\n', "needs a source", 1),
        ('[ingredients.zinc.safety]\ncautions = ["x"]\nsources = [" "]\n', "needs a source", 1),
        ('[ingredients.zinc.safety]\nsources = ["s"]\n', "needs an upper limit", 1),
        (
            '[ingredients.zinc.safety]\nupper_limit = "1"\nno_upper_limit = true\nsources = ["s"]\n',
            "contradict",
            1,
        ),
        ('[ingredients.zinc.safety]\ndose = "5 mg"\nsources = ["s"]\n', "dose", 2),
    ],
)
def test_validation_rejects_unsourced_or_malformed_safety(
    tmp_path: Path, overlay: str, message: str, line: int
) -> None:
    with pytest.raises(KnowledgeError) as info:
        load_knowledge(write(tmp_path, overlay))
    problem = info.value.problems[0]
    assert (problem.path.name, problem.line) == ("overlay.toml", line)
    assert message in problem.message


@pytest.mark.parametrize(
    "text",
    ["T3 my father had ALS", "my tsh came back odd and my mother had MS", "emg next week, my dad had als"],
)
def test_a_condition_named_beside_a_thing_we_lack_keeps_its_red_flags(engine: Engine, text: str) -> None:
    """A concern said beside a test or drug the knowledge base lacks is not the topic (the thing
    is), but its own red flags count: a family history of ALS or MS is on twitching's doctor
    list (found by tests/handlers/test_fuzz.py: "T3 my father had ALS" was level none)."""
    assert engine.answer(text).escalation.level == "doctor"
