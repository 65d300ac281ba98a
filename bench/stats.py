"""Small statistics and clocks shared by the benchmarks."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")


def percentile(values: Sequence[float], q: float) -> float:
    """Linear interpolation between closest ranks (numpy's default), q in [0, 100]."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def seconds(fn: Callable[[], T]) -> tuple[float, T]:
    """Wall time of one call, and its result."""
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def per_call_ms(fn: Callable[[str], object], texts: Sequence[str], repeats: int) -> list[float]:
    """Each text's median time over `repeats` calls, in milliseconds.

    The median per message keeps one garbage-collection pause from posing as a slow message;
    percentiles are then taken across the messages.
    """
    out = []
    for text in texts:
        samples = []
        for _ in range(repeats):
            start = time.perf_counter_ns()
            fn(text)
            samples.append((time.perf_counter_ns() - start) / 1e6)
        out.append(statistics.median(samples))
    return out
