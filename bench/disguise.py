"""The cost of unmasking disguised words (knowledge/understanding/disguise.py) per message, on
its own line in the report, by kind of text: plain English (real_messages.jsonl), Russian and
Ukrainian (their Cyrillic letters are in the look-alike table, so each such message is read
for look-alikes), and disguised messages (tests/data/disguised.jsonl)."""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

from knowledge.understanding.disguise import unmask

DATA = Path(__file__).parents[1] / "tests" / "data"
SETS = {
    "English": ("real_messages.jsonl",),
    "Russian and Ukrainian": ("languages/ru.jsonl", "languages/uk.jsonl"),
    "disguised": ("disguised.jsonl",),
}


def bench_unmask(repeats: int) -> dict[str, float]:
    """Median µs per message for each set of SETS."""
    unmask("warm the look-alike table up: wаrm")
    result: dict[str, float] = {}
    for name, files in SETS.items():
        texts = [
            json.loads(line)["text"]
            for file in files
            for line in (DATA / file).read_text(encoding="utf-8").splitlines()
            if line
        ]
        times = []
        for _ in range(repeats):
            for text in texts:
                start = time.perf_counter()
                unmask(text)
                times.append(time.perf_counter() - start)
        result[name] = statistics.median(times) * 1e6
    return result


def line(result: dict[str, float]) -> str:
    return "unmasking disguised words, per message (median): " + ", ".join(
        f"{name} {us:.0f} µs" for name, us in result.items()
    )
