"""The eval set's scoring rules (as ../shared/tools/score_eval.py), run in-process."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from knowledge.engine import Engine

LEVEL = {"none": 0, "doctor": 1, "emergency": 2}


@dataclass
class Score:
    topic: list[bool] = field(default_factory=list)
    section: list[bool] = field(default_factory=list)
    recall: list[bool] = field(default_factory=list)
    false_alarm: list[bool] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    @staticmethod
    def rate(xs: list[bool]) -> float:
        return sum(xs) / len(xs) if xs else float("nan")


def score(engine: Engine, path: Path) -> Score:
    s = Score()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        reply = engine.answer(item["text"].replace("\n", " "))
        topics = list(reply.topics)
        topic_ok = None
        if "topic" in item:
            want = item["topic"]
            topic_ok = (not topics) if None in want else bool(topics) and topics[0] in want
            s.topic.append(topic_ok)
            if not topic_ok:
                s.misses.append(f"topic {item['id']}: want {want}, got {topics}")
        if "section" in item and topic_ok is not False:
            ok = reply.section in item["section"]
            s.section.append(ok)
            if not ok:
                s.misses.append(f"section {item['id']}: want {item['section']}, got {reply.section}")
        got = LEVEL[reply.escalation.level]
        need = min(LEVEL[x] for x in item["escalation"])
        if need == 0:
            s.false_alarm.append(got != 0)
            if got:
                s.misses.append(f"alarm {item['id']}: {reply.escalation.reasons}")
        else:
            s.recall.append(got >= need)
            if got < need:
                s.misses.append(f"missed {item['id']}: want {item['escalation']}")
    return s
