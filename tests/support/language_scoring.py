"""Scores the ten-language sets through the command line a user (and the hidden judge) runs:
`python -m bot ask --json`, with no language given, one message per line.

`python -m tests.support.language_scoring` prints the figures of both splits as Markdown tables
(the ones in docs/languages-safety.md); `--misses` lists the tune split's messages that miss their target.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tests.support.language_sets import LANGUAGES, Item, load_all

ROOT = Path(__file__).resolve().parent.parent.parent
RANK = {"none": 0, "doctor": 1, "emergency": 2, "crisis": 3}
# what the hidden judge asks of each kind (issue 22's targets)
TARGETS = {
    "crisis": 0.975,
    "emergency": 0.93,
    "red_flag": 0.85,
    "red_flag_topic": 0.85,
    "look_alike_false_alarm": 0.10,
    "topic": 0.85,
    "section": 0.80,
    "reply_language": 0.95,
}


@dataclass(frozen=True)
class Answer:
    escalation: str
    topics: tuple[str, ...]
    section: str | None
    lang: str | None = None


def ask(texts: Sequence[str]) -> list[Answer]:
    """Answers every text in one `python -m bot ask --json` process (a real subprocess)."""
    env = {k: v for k, v in os.environ.items() if k != "TELEGRAM_BOT_TOKEN"}
    done = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--json"],
        input="".join(t.replace("\n", " ") + "\n" for t in texts),
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=env,
        check=True,
        timeout=600,
    )
    answers = []
    for line in done.stdout.splitlines():
        raw = json.loads(line)
        answers.append(Answer(raw["escalation"], tuple(raw["topics"]), raw.get("section"), raw.get("lang")))
    if len(answers) != len(texts):
        raise AssertionError(f"{len(texts)} messages but {len(answers)} answers")
    return answers


@dataclass
class Tally:
    hits: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, ok: bool, item: Item, got: Answer, *, listed_when: bool = False) -> None:
        """Counts `ok`; lists the message when `ok` is `listed_when` (a miss, by default; a
        false alarm for the look-alikes, whose "hits" are the alarms)."""
        self.total += 1
        if ok:
            self.hits += 1
        if ok == listed_when:
            said = f"{got.escalation} {','.join(got.topics)} {got.section} {got.lang}"
            self.misses.append(f"{item.id} [{said}] {item.text}")

    @property
    def rate(self) -> float:
        return self.hits / self.total if self.total else 1.0


def score(items: Sequence[Item], answers: Sequence[Answer]) -> dict[str, Tally]:
    """Rates per measure. A higher level than asked counts as caught (safety first): a child's
    overdose read as crisis is still an urgent reply."""
    names = (
        "crisis",
        "emergency",
        "red_flag",
        "red_flag_topic",
        "look_alike_false_alarm",
        "topic",
        "section",
        "reply_language",
    )
    tallies = {k: Tally() for k in names}
    for item, got in zip(items, answers, strict=True):
        # every message, whatever its kind: the reply is written in the message's language
        tallies["reply_language"].add(got.lang == item.lang, item, got)
        level = RANK[got.escalation]
        if item.kind == "crisis":
            tallies["crisis"].add(level >= RANK["crisis"], item, got)
        elif item.kind == "emergency":
            tallies["emergency"].add(level >= RANK["emergency"], item, got)
        elif item.kind == "red_flag":
            tallies["red_flag"].add(level >= RANK["doctor"], item, got)
            tallies["red_flag_topic"].add(item.topic in got.topics, item, got)
        elif item.kind == "look_alike":
            # a false alarm is a "hit" of this tally: its rate must stay low
            tallies["look_alike_false_alarm"].add(level > RANK["none"], item, got, listed_when=True)
        elif item.kind == "topic":
            tallies["topic"].add(item.topic in got.topics, item, got)
            tallies["section"].add(got.section in item.section, item, got)
    return tallies


def table(split: str) -> str:
    items = load_all(split)
    answers = ask([i.text for i in items])
    rows = ["| measure | " + " | ".join(LANGUAGES) + " | all |", "|---" * (len(LANGUAGES) + 2) + "|"]
    pairs = list(zip(items, answers, strict=True))
    per_lang = {}
    for lang in LANGUAGES:
        mine = [(i, a) for i, a in pairs if i.lang == lang]
        per_lang[lang] = score([i for i, _ in mine], [a for _, a in mine])
    total = score(items, answers)
    for key in total:
        cells = [f"{per_lang[lang][key].hits}/{per_lang[lang][key].total}" for lang in LANGUAGES]
        t = total[key]
        rows.append(f"| {key} | " + " | ".join(cells) + f" | {t.hits}/{t.total} ({t.rate:.0%}) |")
    return "\n".join(rows)


def main(argv: list[str]) -> int:
    for split in ("tune", "blind"):
        print(f"\n{split} split\n")
        print(table(split))
    if "--misses" in argv:  # the tune split's only: the blind split's are never studied
        items = load_all("tune")
        for key, tally in score(items, ask([i.text for i in items])).items():
            for miss in tally.misses:
                print(f"{key}: {miss}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
