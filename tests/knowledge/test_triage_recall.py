"""Recall by concept (issue 19, t-recall round): lay words and context fixes for concepts the
lexicon already had, each backed by two or more real messages of the triage corpus (tune split,
quoted by id: the studied pages included). Each message was missed before its words were added."""

from __future__ import annotations

import pytest

from knowledge.engine import Engine
from tests.support.triage_corpus import tune_text as _text


@pytest.mark.parametrize(
    "item_id",
    [
        "mental-216",  # "I self injure" (self_harm)
        "mental-323",  # "I ended up cutting", after three years clean (self_harm)
        "mental-055",  # "sleep ... without ever waking up again" (death_wish)
        "mental-059",  # sleeping pills, "It doesn't matter if I wake up" (death_wish)
        "mental-089",  # "what she'll say when they find me" (death_wish)
        "mental-116",  # "What's the point of life, anyway?" (hopeless)
        "mental-286",  # Italian "desiderando solo di morire" (desire + death)
        "mental-306",  # Portuguese "penso em dar um fim a minha vida" (desire + death)
        "mental-525",  # French "envie de fuir ce monde", "pour ne pas me reveiller"
        "mental-528",  # Portuguese blades on the wrist: "passando" is not "passou" (went away)
    ],
)
def test_crisis_said_in_other_words_is_a_crisis(engine: Engine, item_id: str) -> None:
    assert engine.answer(_text(item_id)).escalation.level == "crisis", item_id


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # the concepts, not the sentences: other people's wording of the same thing
        ("I self injured again last night", "crisis"),
        ("sometimes suicide feels like my only option", "crisis"),
        ("I wish I had died in that crash", "crisis"),
        # and what they must not take: a pain that died down, a wish about a rash
        ("the pain has since died down, is that normal?", "none"),
        ("the only way to get rid of a cold sore is to wait?", "none"),
    ],
)
def test_crisis_concepts_in_new_words(engine: Engine, text: str, level: str) -> None:
    assert engine.answer(text).escalation.level == level, text
