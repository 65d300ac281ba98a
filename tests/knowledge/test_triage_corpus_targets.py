"""Issue 19's targets on the labelled triage corpus (tests/data/triage), asserted on its tune
split only: the blind split is measured and reported (docs/triage.md), never tuned on."""

from __future__ import annotations

import pytest

from knowledge.engine import Engine
from tests.support.triage_corpus import load_corpus
from tests.support.triage_figures import Figures, figures


@pytest.fixture(scope="module")
def tune(engine: Engine) -> Figures:
    return figures(engine, [item for item in load_corpus() if item.split == "tune"])


def test_the_tune_split_is_large_enough(tune: Figures) -> None:
    assert len(tune.red_flag) >= 300 and len(tune.crisis) >= 40 and len(tune.lookalike) >= 40


def test_red_flag_recall(tune: Figures) -> None:
    assert Figures.rate(tune.red_flag) >= 0.95, tune.misses


def test_emergencies_reach_emergency(tune: Figures) -> None:
    assert Figures.rate(tune.emergency) >= 0.93, tune.misses


def test_every_crisis_reaches_crisis(tune: Figures) -> None:
    assert Figures.rate(tune.crisis) == 1.0, tune.misses


def test_false_alarms_on_benign_messages(tune: Figures) -> None:
    assert Figures.rate(tune.false_alarm) <= 0.05, tune.misses


def test_false_alarms_on_look_alikes(tune: Figures) -> None:
    assert Figures.rate(tune.lookalike) <= 0.07, tune.misses
