"""The learned crisis backstop (knowledge/understanding/crisis_model.py): read as trained,
trained on the tune split only, raising only messages long enough to judge."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from knowledge.engine import Engine
from knowledge.understanding.crisis_model import load_crisis_model, read_model_file
from knowledge.understanding.lexicon import LexiconError
from knowledge.understanding.triage import LEARNED_CRISIS
from tests.support.train_crisis_model import DATA, OTHER_SETS, words_of
from tests.support.triage_corpus import load_corpus, tune_text


def test_the_engine_reads_the_model_as_the_trainer_computed_it() -> None:
    found, model = read_model_file(), load_crisis_model()
    assert len(found.checks) >= 20
    for text, trained in found.checks:
        assert model.probability(words_of(text)) == pytest.approx(trained, abs=1e-3), text


def test_it_was_trained_on_tune_splits_only() -> None:
    split = {f"triage:{item.id}": item.split for item in load_corpus()}
    for name in OTHER_SETS:
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                split[f"{name}:{item['id']}"] = item.get("split", "")
    trained_on = read_model_file().trained_on
    assert len(trained_on) >= 2000
    assert [key for key in trained_on if split.get(key) != "tune"] == []


# Tune crises no phrase or rule reads (measured with the model off, 2026-12-07).
@pytest.mark.parametrize("item_id", ["mental-072", "mental-120", "mental-142", "mental-283", "mental-512"])
def test_a_crisis_told_in_other_words_reaches_crisis(engine: Engine, item_id: str) -> None:
    escalation = engine.answer(tune_text(item_id)).escalation
    assert escalation.level == "crisis"
    assert LEARNED_CRISIS in escalation.reasons


# Real follow-ups (conversations_threads.jsonl, conversations.jsonl) the model alone scores above its
# threshold: a few words weigh too much, so short messages are left to the rules.
@pytest.mark.parametrize("text", ["would it make me sleepy", "could it be als", "would glycinate be better"])
def test_a_short_message_is_left_to_the_rules(engine: Engine, text: str) -> None:
    model = load_crisis_model()
    assert model.probability(words_of(text)) >= model.threshold
    assert engine.answer(text).escalation.level != "crisis"


def test_a_broken_model_file_names_itself(tmp_path: Path) -> None:
    path = tmp_path / "crisis_model.json"
    path.write_text('{"about": "x"}', encoding="utf-8")
    with pytest.raises(LexiconError, match=r"crisis_model\.json"):
        read_model_file(path)
