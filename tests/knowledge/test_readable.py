"""Answers that read like a person wrote them: entries without a description, forms apart from
other names, red flags echoed as written, each fact once, the disclaimer where it belongs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from knowledge import KnowledgeBase, KnowledgeError, Reply, load_knowledge
from knowledge.answers import wording as texts
from knowledge.answers.mentioned import canonical_spellings, mentioned
from knowledge.engine import Engine
from tests.conftest import SEED

ADVICE_START = texts.SAFETY_ADVICE.split("{")[0]


def every_line(reply: Reply) -> list[str]:
    """Every line the reply says, in order (sections, items and advice). A fact of one
    ingredient's Safety section is its own ("GABA: no upper limit" is not L-theanine's)."""
    lines = [reply.title, *reply.intro.splitlines()]
    for section in reply.sections:
        owner = f"{section.heading} / " if section.heading.startswith("Safety:") else ""
        items = (f"{owner}{i.name}: {i.text}" if i.name else f"{owner}{i.text}" for i in section.items)
        lines += [section.heading, section.paragraph, *items]
    escalation = reply.escalation
    lines += [escalation.banner, escalation.title, *escalation.paragraphs]
    for advice in escalation.lists:
        lines += [advice.heading, *advice.items]
    return [line for line in lines if line]


# --- entries without a description --------------------------------------------------------


def test_an_ingredient_listed_without_a_description_says_so_plainly(engine: Engine) -> None:
    items = [i.text for i in engine.answer("zinc").sections[0].items]
    assert items == ["Listed among the ingredients for Twitching; the article gives no description."]
    assert not any("raw ingredients are often used" in line for line in every_line(engine.answer("zinc")))


# --- forms are not other names -------------------------------------------------------------


def test_forms_are_shown_apart_from_other_names(engine: Engine, kb: KnowledgeBase) -> None:
    magnesium = engine.answer("magnesium")
    assert magnesium.intro == "Forms: citrate, glycinate, oxide, threonate"
    assert "Also known as" not in magnesium.intro
    b6 = engine.answer("vitamin b6").intro
    assert b6.startswith("Also known as: B6") and "Forms" not in b6
    assert kb.ingredients["magnesium"].other_names == ()
    assert kb.ingredients["magnesium"].forms == ("citrate", "glycinate", "oxide", "threonate")


@pytest.mark.parametrize(
    "text",
    [
        "magnesium glycinate any good?",
        "mag citrate gave me the runs lol",
        "whats the difference between mag oxide and citrate",
        "magnesium threonate",
        "zinc picolinate",
    ],
)
def test_forms_are_still_names_people_type(engine: Engine, text: str) -> None:
    assert engine.answer(text).topics[0] in ("magnesium", "zinc")


def test_a_blank_form_is_rejected_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "t.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "overlay.toml").write_text('[ingredients.zinc]\nforms = ["gluconate", " "]\n')
    with pytest.raises(KnowledgeError) as info:
        load_knowledge(tmp_path)
    problem = info.value.problems[0]
    assert (problem.path.name, problem.line) == ("overlay.toml", 2) and "form is blank" in problem.message


def test_a_form_named_by_another_article_is_the_same_ingredient(tmp_path: Path) -> None:
    seed = SEED.read_text(encoding="utf-8")
    other = seed.replace(" (also called fasciculations)", "")
    other = other.replace("Twitching", "Cramping").replace("twitching", "cramping")
    other = other.replace("\nmagnesium\n", "\nmagnesium citrate\n")
    (tmp_path / "a.txt").write_text(seed, encoding="utf-8")
    (tmp_path / "b.txt").write_text(other, encoding="utf-8")
    (tmp_path / "overlay.toml").write_text('[ingredients.magnesium]\nforms = ["citrate"]\n')
    kb = load_knowledge(tmp_path)
    assert "magnesium-citrate" not in kb.ingredients
    assert [u.condition_slug for u in kb.ingredients["magnesium"].uses] == ["twitching", "cramping"]


# --- "You mentioned" ---------------------------------------------------------------------------


def test_mentioned_phrases_are_distinct_longest_first_and_never_overlap() -> None:
    reasons = ["2 months", "weakness", "dad had als", "keep dropping", "dropping things", "weakness"]
    text = "2 months now, Weakness, dad had als, I keep dropping things"
    shown = mentioned(reasons, text, {"als": "ALS"})
    assert shown == ("keep dropping things", "dad had ALS", "2 months", "Weakness")


def test_mentioned_phrases_drop_one_inside_another() -> None:
    assert mentioned(["feels weak", "weak", "weak"], "my leg Feels weak", {}) == ("Feels weak",)


def test_a_phrase_keeps_the_punctuation_typed_inside_it() -> None:
    shown = mentioned(["als dad had als"], "is it ALS?  dad had als", {"als": "ALS"})
    assert shown == ("ALS? dad had ALS",)
    assert mentioned(["feels weak"], "my leg feels\nweak", {}) == ("feels weak",)


def test_a_corrected_typo_is_shown_corrected() -> None:
    assert mentioned(["weakness"], "twitching and weeknes", {}) == ("weakness",)


def test_acronyms_keep_the_knowledge_bases_spelling(kb: KnowledgeBase) -> None:
    spellings = canonical_spellings(kb)
    assert spellings["als"] == "ALS" and spellings["b6"] == "B6"
    assert "twitching" not in spellings  # a capital that only starts a name does not count


def test_you_mentioned_in_an_answer(engine: Engine) -> None:
    text = "my twitching for 2 months, weakness, my dad had als and I keep dropping things"
    said = next(p for p in engine.answer(text).escalation.paragraphs if p.startswith("You mentioned: "))
    phrases = said.removeprefix("You mentioned: ").split(", ")
    assert "dad had ALS" in phrases and not re.search(r"\bals\b", said)
    assert [len(p.split()) for p in phrases] == sorted((len(p.split()) for p in phrases), reverse=True)
    words = [set(p.casefold().split()) for p in phrases]
    assert all(not a <= b for i, a in enumerate(words) for j, b in enumerate(words) if i != j)
    loud = engine.answer("Twitching and CHEST PAIN").escalation.paragraphs[0]
    assert loud == "You mentioned: CHEST PAIN"  # the person's own casing


# --- each fact once ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "magnesium",
        "is magnesium safe",
        "magnesium and ashwagandha",
        "zinc, gaba and l-theanine together?",
        "is ashwagandha safe while pregnant",
        "feverfew",
    ],
)
def test_each_fact_once_per_answer(engine: Engine, text: str) -> None:
    reply = engine.answer(text)
    lines = every_line(reply)
    repeated = {line for line in lines if lines.count(line) > 1}
    assert not repeated, repeated
    assert "\n".join(lines).casefold().count("doctor or pharmacist") <= 1
    # Who should ask first is said once, in the one advice line (a caution is another fact).
    for ingredient in (engine.kb.ingredients[t] for t in reply.topics if t in engine.kb.ingredients):
        if ingredient.safety is None:
            continue
        cautions = ingredient.safety.cautions
        for group in ingredient.safety.ask_first:
            saying = [line for line in lines if group in line and line.split(" / ")[-1] not in cautions]
            assert len(saying) == 1 and ADVICE_START in saying[0], (group, saying)


def test_magnesium_names_kidneys_once_as_a_caution_and_once_as_advice(engine: Engine) -> None:
    lines = every_line(engine.answer("magnesium"))
    assert [line for line in lines if "kidney" in line.casefold()] == [
        "People with kidney disease are at risk of build-up.",
        texts.SAFETY_ADVICE.format(
            groups="people with kidney disease, people who are pregnant, people who take medicines "
            "and people with a liver or thyroid condition"
        ),
    ]


def test_several_ingredients_share_one_advice_line_saying_whose_groups(engine: Engine) -> None:
    reply = engine.answer("magnesium and ashwagandha")
    advice = [i.text for s in reply.sections for i in s.items if i.text.startswith(ADVICE_START)]
    assert len(advice) == 1 and reply.sections[-1].items[-1].text == advice[0]
    assert "people with kidney disease (Magnesium)" in advice[0]
    assert "people who are pregnant (Ashwagandha)" in advice[0]


def test_doctor_signs_are_listed_once_when_the_advice_lists_them(engine: Engine) -> None:
    reply = engine.answer("do I have ALS? my twitching has lasted 2 months")
    assert reply.escalation.level == "doctor"
    doctor_items = engine.kb.conditions["twitching"].when_to_see_doctor
    lines = every_line(reply)
    assert all(lines.count(item) == 1 for item in doctor_items), lines


# --- the disclaimer ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "disclaimed"),
    [
        ("twitching", True),
        ("magnesium", True),
        ("chest pain", True),  # advice with no topic
        ("magnes", False),  # did-you-mean
        ("diabetes", False),  # the unknown topic, a picker
        ("", False),
        ("thanks", False),
        ("hello", True),  # the greeting, the first screen
    ],
)
def test_the_disclaimer_comes_with_medical_content_only(engine: Engine, text: str, disclaimed: bool) -> None:
    assert bool(engine.answer(text).disclaimer) is disclaimed


def test_lists_and_check_questions_have_no_disclaimer_but_outcomes_do(engine: Engine) -> None:
    assert not engine.catalogue("ingredients").disclaimer
    assert engine.catalogue("ingredients", keep="e").disclaimer  # it shows advice
    start = next(a for a in engine.answer("twitching").actions if a.check is not None)
    assert start.check is not None
    question = engine.check("twitching", start.check)
    assert question is not None and not question.disclaimer
    items = engine.kb.conditions["twitching"].when_to_see_doctor
    answers = start.check
    for _ in items:
        answers = answers.answer("no")
    outcome = engine.check("twitching", answers)
    assert outcome is not None and outcome.disclaimer == texts.DISCLAIMER
