"""`python -m bench.profile_e2e [UPDATES] [--top N]`: where the bot's CPU goes per update,
against the echo bot's.

Both run bench/e2e.py's throughput round (the real Application polling the fake Bot API in a
process of its own) under cProfile with a CPU clock (`time.process_time`, so other work on the
machine does not count), then the two profiles are compared function by function: own time
per update, ours minus the echo bot's, largest first, and the same by package. cProfile
inflates pure-Python calls, so its figures rank the costs; `make bench` measures them.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import gc
import pstats
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from bench.e2e import _echo_app, _throughput
from bot.app import build_application
from bot.settings import Settings
from handlers.stores.shared import SharedState
from knowledge import load_knowledge
from knowledge.engine import Engine

Key = tuple[str, int, str]
ROOT = Path(__file__).resolve().parents[1]


def _profile(make: Any, updates: int) -> tuple[dict[Key, float], float]:
    """Own CPU seconds per function over one round, and the round's CPU seconds per update."""
    profiler = cProfile.Profile(time.process_time)
    profiler.enable()
    _, cpu_ms = asyncio.run(_throughput(make, updates))
    profiler.disable()
    stats = pstats.Stats(profiler)
    own = {key: row[2] for key, row in stats.stats.items()}  # type: ignore[attr-defined]
    return own, cpu_ms


def _where(key: Key) -> str:
    """A function's package, for the totals by package."""
    path = Path(key[0])
    if "site-packages" in path.parts:
        return path.parts[path.parts.index("site-packages") + 1]
    if path.is_relative_to(ROOT):
        return "/".join(path.relative_to(ROOT).parts[:2])
    return "stdlib" if path.suffix == ".py" else key[2]


def main(argv: list[str] | None = None) -> int:
    about = __doc__.split("\n\n")[0]
    parser = argparse.ArgumentParser(prog="python -m bench.profile_e2e", description=about)
    parser.add_argument("updates", type=int, nargs="?", default=800)
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args(argv)
    engine = Engine(load_knowledge())
    gc.freeze()  # as `python -m bot` and bench/e2e.py do once the knowledge is loaded

    def ours(settings: Settings, state: SharedState) -> Any:
        return build_application(settings, engine, rate_limit=False, state=state)

    _profile(_echo_app, 50)  # warm both (imports, first-call caches)
    _profile(ours, 50)
    echo, echo_ms = _profile(_echo_app, args.updates)
    mine, our_ms = _profile(ours, args.updates)
    n = args.updates
    print(f"profiled CPU per update: ours {our_ms:.2f} ms, echo {echo_ms:.2f} ms")
    diff = {k: (mine.get(k, 0.0) - echo.get(k, 0.0)) * 1e6 / n for k in mine.keys() | echo.keys()}
    print(f"\nown time per update, ours - echo (µs), top {args.top}:")
    for key, us in sorted(diff.items(), key=lambda kv: -abs(kv[1]))[: args.top]:
        print(f"{us:9.1f}  {key[2]}  {key[0].split('/work/')[-1].split('site-packages/')[-1]}:{key[1]}")
    packages: dict[str, float] = defaultdict(float)
    for key, us in diff.items():
        packages[_where(key)] += us
    print("\nby package (µs per update, ours - echo):")
    for name, us in sorted(packages.items(), key=lambda kv: -abs(kv[1]))[:25]:
        print(f"{us:9.1f}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
