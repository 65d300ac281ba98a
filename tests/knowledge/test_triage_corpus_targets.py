"""Issue 19's targets on the labelled triage corpus (tests/data/triage), asserted on its tune
split only: the blind split is measured and reported (docs/triage.md), never tuned on.

The corpus grew from 1,170 to 1,621 and then 1,771 real messages (the new pages fell into tune or
blind by the frozen hash rule). A target met on the tune split is asserted (emergencies); the
others are kept, as strict expected failures naming the measured figure (each fails the day its
target is met, so that it is then asserted), beside floors at the measured figures that no change
may go below.
"""

from __future__ import annotations

import pytest

from knowledge.engine import Engine
from tests.support.triage_corpus import load_corpus
from tests.support.triage_figures import Figures, figures

NOT_MET = "issue 19 target not met on the grown tune split (docs/triage.md, Figures)"


@pytest.fixture(scope="module")
def tune(engine: Engine) -> Figures:
    return figures(engine, [item for item in load_corpus() if item.split == "tune"])


def test_the_tune_split_is_large_enough(tune: Figures) -> None:
    assert len(tune.red_flag) >= 600 and len(tune.crisis) >= 150 and len(tune.lookalike) >= 150


# --- floors: the figures measured on the grown tune split (docs/triage.md) -------------------


def test_red_flag_recall_floor(tune: Figures) -> None:
    assert Figures.rate(tune.red_flag) >= 0.93, tune.misses


def test_emergencies_floor(tune: Figures) -> None:
    assert Figures.rate(tune.emergency) >= 0.93, tune.misses


def test_crisis_floor(tune: Figures) -> None:
    assert Figures.rate(tune.crisis) >= 0.95, tune.misses


def test_false_alarms_ceiling(tune: Figures) -> None:
    assert Figures.rate(tune.false_alarm) <= 0.09, tune.misses


def test_look_alikes_ceiling(tune: Figures) -> None:
    assert Figures.rate(tune.lookalike) <= 0.12, tune.misses


# --- the targets, unchanged ------------------------------------------------------------


@pytest.mark.xfail(strict=True, reason=NOT_MET + ": 0.934")
def test_red_flag_recall(tune: Figures) -> None:
    assert Figures.rate(tune.red_flag) >= 0.95, tune.misses


def test_emergencies_reach_emergency(tune: Figures) -> None:
    assert Figures.rate(tune.emergency) >= 0.93, tune.misses


@pytest.mark.xfail(strict=True, reason=NOT_MET + ": 0.959, 7 of its 8 misses in it, es, pt")
def test_every_crisis_reaches_crisis(tune: Figures) -> None:
    assert Figures.rate(tune.crisis) == 1.0, tune.misses


@pytest.mark.xfail(strict=True, reason=NOT_MET + ": 0.087")
def test_false_alarms_on_benign_messages(tune: Figures) -> None:
    assert Figures.rate(tune.false_alarm) <= 0.05, tune.misses


@pytest.mark.xfail(strict=True, reason=NOT_MET + ": 0.120")
def test_false_alarms_on_look_alikes(tune: Figures) -> None:
    assert Figures.rate(tune.lookalike) <= 0.07, tune.misses
