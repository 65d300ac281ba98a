"""Issue 19's figures on the labelled triage corpus (tests/data/triage): red-flag recall,
emergencies and crises caught, false alarms on benign messages and on look-alikes, and the
exact level of the two levels over-triage hurts (doctor items answered doctor, benign none)."""

from __future__ import annotations

from dataclasses import dataclass, field

from knowledge.engine import Engine
from tests.support.triage_corpus import CorpusItem

RANK = {"none": 0, "doctor": 1, "emergency": 2, "crisis": 3}


@dataclass
class Figures:
    red_flag: list[bool] = field(default_factory=list)  # any escalation for a doctor+ item
    emergency: list[bool] = field(default_factory=list)  # emergency or crisis for an emergency
    crisis: list[bool] = field(default_factory=list)  # crisis for a crisis item
    false_alarm: list[bool] = field(default_factory=list)  # any escalation for a benign item
    lookalike: list[bool] = field(default_factory=list)  # any escalation for a look-alike
    # The level exactly right for a doctor item (doctor, not emergency or crisis) or a benign
    # one (none): Semigran's "triage right", where over-triage counts as wrong.
    exact: list[bool] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    @staticmethod
    def rate(xs: list[bool]) -> float:
        return sum(xs) / len(xs) if xs else float("nan")

    def line(self) -> str:
        r = self.rate
        return (
            f"red-flag recall {r(self.red_flag):.3f} ({len(self.red_flag)}), "
            f"emergencies {r(self.emergency):.3f} ({len(self.emergency)}), "
            f"crisis {r(self.crisis):.3f} ({len(self.crisis)}), "
            f"false alarms {r(self.false_alarm):.3f} ({len(self.false_alarm)}), "
            f"look-alikes {r(self.lookalike):.3f} ({len(self.lookalike)}), "
            f"exact level {r(self.exact):.3f} ({len(self.exact)})"
        )


def figures(engine: Engine, items: list[CorpusItem]) -> Figures:
    out = Figures()
    for item in items:
        got = RANK[engine.answer(item.text).escalation.level]
        want = RANK[item.level]
        wrong = False
        if want >= RANK["doctor"]:
            out.red_flag.append(got >= RANK["doctor"])
            wrong = got < want
        if item.level == "emergency":
            out.emergency.append(got >= RANK["emergency"])
        if item.level == "crisis":
            out.crisis.append(got == RANK["crisis"])
        if item.level == "doctor" or item.kind == "benign":
            out.exact.append(got == want)
            wrong = wrong or got > want
        if item.kind == "benign":
            out.false_alarm.append(got > 0)
            wrong = got > 0
        if item.kind == "lookalike":
            out.lookalike.append(got > 0)
            wrong = got > 0
        if wrong:
            level = next(k for k, v in RANK.items() if v == got)
            out.misses.append(f"{item.id} [{item.level} got {level}] {item.text[:90]!r}")
    return out
