"""The dev eval set's targets hold in every fresh clone (a copy of ../shared/eval/dev.jsonl)."""

from __future__ import annotations

from knowledge.engine import Engine
from tests.conftest import DATA
from tests.eval_scoring import Score, score


def test_dev_targets(engine: Engine) -> None:
    s = score(engine, DATA / "dev.jsonl")
    assert len(s.topic) >= 100
    assert Score.rate(s.topic) >= 0.97, s.misses
    assert Score.rate(s.section) >= 0.95, s.misses
    assert Score.rate(s.recall) == 1.0, s.misses
    assert Score.rate(s.false_alarm) <= 0.03, s.misses


def test_extra_targets(engine: Engine) -> None:
    """Our own labelled messages, written apart from the dev set, hold the same targets."""
    s = score(engine, DATA / "extra.jsonl")
    assert Score.rate(s.topic) >= 0.97, s.misses
    assert Score.rate(s.section) >= 0.95, s.misses
    assert Score.rate(s.recall) == 1.0, s.misses
    assert Score.rate(s.false_alarm) <= 0.03, s.misses
