"""Start-up cost as a user pays it: `python -m bot ask "magnesium"` as a real subprocess (wall
time and peak RSS), and the import time of each package in a fresh interpreter."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from bench.stats import median

ROOT = Path(__file__).parents[1]
ASK = ("-m", "bot", "ask", "magnesium")
IMPORTS = ("rapidfuzz", "pydantic", "telegram", "knowledge.engine", "bot", "bot.__main__")
# The settings the command would otherwise read from a developer's .env or environment.
_UNSET = ("KNOWLEDGE_DIR", "TELEGRAM_BOT_TOKEN", "BOT_MODE", "LOG_LEVEL")


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _UNSET}
    env["PYTHONDONTWRITEBYTECODE"] = "1"  # bytecode is already there; do not time writing it
    return env


# Spawns the command and reports its wall time and its own peak RSS. It runs in a small
# interpreter of its own because a child's ru_maxrss starts from its parent's RSS at fork (the
# kernel carries the pre-exec high-water mark over), and the benchmark's process is large.
_LAUNCHER = """
import json, os, sys, time
args = sys.argv[1:]
start = time.perf_counter()
pid = os.posix_spawn(sys.executable, [sys.executable, *args], os.environ, file_actions=[
    (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0)])
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - start
print(json.dumps({"wall": wall, "rss_kb": usage.ru_maxrss, "code": os.waitstatus_to_exitcode(status)}))
"""


def run(args: tuple[str, ...]) -> tuple[float, float, str]:
    """Wall seconds, peak RSS (MB) of exactly this child (os.wait4 gives its own rusage; a
    RUSAGE_CHILDREN delta cannot work for a maximum), and its stdout."""
    launched = subprocess.run(
        [sys.executable, "-c", _LAUNCHER, *args],
        cwd=ROOT,
        env=_env(),
        capture_output=True,
        text=True,
        check=True,
    )
    *output, last = launched.stdout.splitlines()
    result = json.loads(last)
    if result["code"]:
        raise RuntimeError(f"python {' '.join(args)} exited with {result['code']}")
    return result["wall"], result["rss_kb"] / 1024, "\n".join(output)


def startup(runs: int) -> dict[str, float]:
    measured = [run(ASK) for _ in range(runs)]
    if "agnesium" not in measured[0][2]:  # timing a failure would be meaningless
        raise RuntimeError(f"python {' '.join(ASK)} did not answer about magnesium")
    return {
        "startup_s": median([wall for wall, _, _ in measured]),
        "peak_rss_mb": median([rss for _, rss, _ in measured]),
    }


def import_times(runs: int) -> dict[str, float]:
    """Seconds to import each module in a fresh interpreter (its own timer, so interpreter
    start-up is not counted), median of `runs`."""
    out = {}
    for module in IMPORTS:
        code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
        samples = [float(run(("-c", code))[2]) for _ in range(runs)]
        out[module] = median(samples)
    return out
