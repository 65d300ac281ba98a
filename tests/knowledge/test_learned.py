"""The learned backstops (knowledge/understanding/learned.py): read as trained, trained on tune
splits only, raising only messages long enough to judge, never quoting their reason back."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.engine import Engine
from knowledge.understanding.learned import (
    LearnedLevel,
    LearnedModel,
    PairScorer,
    grams,
    load_learned,
    model_path,
    read_model_file,
)
from knowledge.understanding.lexicon import LexiconError
from knowledge.understanding.triage import LEARNED
from tests.support.eval_scoring import items
from tests.support.train_learned import DATA, LEVELS, OTHER_SETS, words_of
from tests.support.triage_corpus import load_corpus, tune_text


@pytest.mark.parametrize("level", LEVELS)
def test_the_engine_reads_a_model_as_the_trainer_computed_it(level: LearnedLevel) -> None:
    found, model = read_model_file(model_path(level)), load_learned(level)
    assert found.level == level and len(found.checks) >= 20
    for text, trained in found.checks:
        assert model.probability(words_of(text)) == pytest.approx(trained, abs=1e-3), text


def test_both_backstops_in_one_pass_score_as_each_alone() -> None:
    """PairScorer's probabilities are each model's probability_of to the last bit, on the
    models' own check messages and on a model whose grams the other lacks."""
    crisis, emergency = load_learned("crisis"), load_learned("emergency")
    texts = [t for level in LEVELS for t, _ in read_model_file(model_path(level)).checks]
    some = dict(list(emergency.features.items())[::2])  # half the grams only
    partial = LearnedModel("emergency", 0.8, 10, frozenset(("none",)), emergency.intercept, some)
    for first, second in ((crisis, emergency), (crisis, partial), (partial, crisis)):
        pair = PairScorer(first, second)
        for text in texts:
            counts = grams(words_of(text))
            assert pair.probabilities(counts) == (first.probability_of(counts), second.probability_of(counts))


@pytest.mark.parametrize("level", LEVELS)
def test_a_model_was_trained_on_tune_splits_only(level: LearnedLevel) -> None:
    split = {f"triage:{item.id}": item.split for item in load_corpus()}
    for name in OTHER_SETS:
        split.update({f"{name}:{item['id']}": item.get("split", "") for item in items(DATA / name)})
    trained_on = read_model_file(model_path(level)).trained_on
    assert len(trained_on) >= 2000
    assert [key for key in trained_on if split.get(key) != "tune"] == []


# Tune messages no phrase or rule reads at their level (measured with the backstops off,
# 2026-12-07).
@pytest.mark.parametrize(
    ("item_id", "level"),
    [
        ("mental-072", "crisis"),
        ("mental-120", "crisis"),
        ("mental-142", "crisis"),
        ("mental-283", "crisis"),
        ("mental-512", "crisis"),
        *[(i, "emergency") for i in ("children-046", "children-007", "chest-014")],
    ],
)
def test_a_danger_told_in_other_words_reaches_its_level(engine: Engine, item_id: str, level: str) -> None:
    escalation = engine.answer(tune_text(item_id)).escalation
    assert escalation.level == level
    assert LEARNED[level] in escalation.reasons


def test_a_learned_reason_is_not_quoted_as_the_persons_words(engine: Engine) -> None:
    reply = engine.answer(tune_text("children-046"))
    assert reply.escalation.level == "emergency"
    assert LEARNED["emergency"] not in reply.model_dump_json()[reply.model_dump_json().find('"paragraphs"') :]


@pytest.mark.parametrize("level", LEVELS)
def test_a_short_message_is_left_to_the_rules(engine: Engine, level: LearnedLevel) -> None:
    """Real short follow-ups of the tune conversations ("would glycinate be better", "i feel
    better now") that a model alone scores above its threshold on a few grams: never raised by
    it. At least two such turns exist, or the test proves nothing."""
    model = load_learned(level)
    short = [
        turn["text"]
        for name in ("conversations_threads.jsonl", "conversations.jsonl")
        for conv in items(DATA / name)
        if conv.get("split", "tune") == "tune"
        for turn in conv["turns"]
        if len(words_of(turn["text"])) < model.min_words and level not in turn["escalation"]
    ]
    flagged = [t for t in short if model.probability(words_of(t)) >= model.threshold]
    assert len(flagged) >= (2 if level == "crisis" else 1)
    assert [t for t in flagged if LEARNED[level] in engine.answer(t).escalation.reasons] == []


def test_a_broken_model_file_names_itself(tmp_path: Path) -> None:
    path = model_path("crisis", tmp_path)
    path.write_text('{"about": "x"}', encoding="utf-8")
    with pytest.raises(LexiconError, match=r"learned_crisis\.json"):
        read_model_file(path)
