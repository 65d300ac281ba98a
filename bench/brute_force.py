"""Brute-force references for the engine's fast matchers: every key scanned for every query.

Too slow for a bot, obviously right, and the oracle the test suite holds the typo index and the
topic index against (tests/knowledge/test_oracle.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from rapidfuzz.distance import OSA

MIN_LEN = 4


def _digits(word: str) -> str:
    return "".join(ch for ch in word if ch.isdigit())


def typo_lookup(keys: Iterable[str], query: str, budget: Callable[[str], int]) -> list[tuple[str, int]]:
    """Every key within its budget of OSA edits of `query` (and within a third of the query's
    length plus one), with the same digits, best first: what DeletionIndex.lookup promises."""
    if len(query) < MIN_LEN:
        return []
    found = []
    for key in set(keys):
        allowed = budget(key)
        if not allowed or _digits(key) != _digits(query):
            continue
        distance = OSA.distance(query, key)
        if distance <= allowed and distance <= len(query) // 3 + 1:
            found.append((key, distance))
    return sorted(found, key=lambda kd: (kd[1], kd[0]))


def nearest_names(names: dict[str, str], word: str, budget: Callable[[str], int]) -> set[str]:
    """The slugs whose one-word names are closest to `word`, within their budget."""
    best: dict[int, set[str]] = {}
    for name, slug in names.items():
        distance = OSA.distance(word, name)
        if distance <= budget(name):
            best.setdefault(distance, set()).add(slug)
    return best[min(best)] if best else set()
