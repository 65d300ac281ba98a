"""The eval set's scoring rules (as ../shared/tools/score_eval.py), run in-process."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from knowledge.answers.reply import Reply
from knowledge.engine import Engine

LEVEL = {"none": 0, "doctor": 1, "emergency": 2, "crisis": 3}


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


def items(path: Path, split: str | None = None, where: Callable[[dict], bool] | None = None) -> list[dict]:
    found = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [i for i in found if (split is None or i.get("split") == split) and (where is None or where(i))]


def score(engine: Engine, path: Path, split: str | None = None) -> Score:
    s = Score()
    for item in items(path, split):
        judge(item, engine.answer(item["text"].replace("\n", " ")), s)
    return s


def judge(item: dict, reply: Reply, s: Score, where: str = "") -> None:
    """Score one labelled message's reply into `s`, by the rules of score_eval.py."""
    name = where or item.get("id", "")
    topics = list(reply.topics)
    topic_ok = None
    if "topic" in item:
        want = item["topic"]
        topic_ok = (not topics) if want == [None] else bool(topics) and topics[0] in want
        if None in want and not topics:
            topic_ok = True
        s.topic.append(topic_ok)
        if not topic_ok:
            s.misses.append(f"topic {name} {item['text'][:70]!r}: want {want}, got {topics}")
    if "section" in item and topic_ok is not False:
        ok = reply.section in item["section"]
        s.section.append(ok)
        if not ok:
            s.misses.append(
                f"section {name} {item['text'][:70]!r}: want {item['section']}, got {reply.section}"
            )
    got = LEVEL[reply.escalation.level]
    need = min(LEVEL[x] for x in item["escalation"])
    if need == 0:
        alarm = got > max(LEVEL[x] for x in item["escalation"])
        s.false_alarm.append(alarm)
        if alarm:
            s.misses.append(
                f"alarm {name} {item['text'][:70]!r}: {reply.escalation.level} {reply.escalation.reasons}"
            )
    else:
        s.recall.append(got >= need)
        if got < need:
            want, got_level = item["escalation"], reply.escalation.level
            s.misses.append(f"missed {name} {item['text'][:70]!r}: want {want}, got {got_level}")


@dataclass
class Conversations:
    """A conversation set's scores: first turns, and follow-up turns (each read in the
    context the turns before it left, as `ask --json --conversation` reads them)."""

    first: Score = field(default_factory=Score)
    follow: Score = field(default_factory=Score)
    whole: list[bool] = field(default_factory=list)  # every turn of a conversation right

    @property
    def misses(self) -> list[str]:
        return self.first.misses + self.follow.misses


def score_conversations(
    engine: Engine, path: Path, split: str | None = None, where: Callable[[dict], bool] | None = None
) -> Conversations:
    out = Conversations()
    for conv in items(path, split, where):
        conversation = None
        misses = len(out.misses)
        for n, turn in enumerate(conv["turns"]):
            reply = engine.answer(turn["text"], conversation)
            conversation = engine.after(conversation, reply)
            judge(turn, reply, out.follow if n else out.first, f"{conv['id']}#{n}")
        out.whole.append(len(out.misses) == misses)
    return out


@dataclass
class Levels:
    crisis: list[bool] = field(default_factory=list)  # labelled crisis, and reached it
    emergency: list[bool] = field(default_factory=list)  # labelled emergency, reached at least it
    alarmed: list[bool] = field(default_factory=list)  # labelled harmless, reached emergency or more
    misses: list[str] = field(default_factory=list)

    @property
    def harmless(self) -> list[bool]:
        return self.alarmed


def score_levels(engine: Engine, path: Path) -> Levels:
    """The crisis set's three questions, by label."""
    out = Levels()
    for item in items(path):
        got = LEVEL[engine.answer(item["text"]).escalation.level]
        want = [LEVEL[x] for x in item["escalation"]]
        if min(want) == LEVEL["crisis"]:
            bucket, ok = out.crisis, got == LEVEL["crisis"]
        elif min(want) == LEVEL["emergency"]:
            bucket, ok = out.emergency, got >= LEVEL["emergency"]
        elif max(want) <= LEVEL["doctor"]:
            bucket, ok = out.alarmed, got < LEVEL["emergency"]
        else:
            continue
        bucket.append(ok if bucket is not out.alarmed else not ok)
        if not ok:
            out.misses.append(f"{item['id']} {item['text'][:70]!r}: want {item['escalation']}, got {got}")
    return out
