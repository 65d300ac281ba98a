"""Typo-tolerant lookup that does not scan the vocabulary per query.

A symmetric-deletion index (the SymSpell idea): every key is stored under the strings left by
deleting up to `depth` characters from its first PREFIX characters. A query generates its own
deletions and looks them up, so the candidates come from dictionary hits, whatever the size of
the vocabulary. rapidfuzz then measures the real edit distance (OSA: a swap of two neighbouring
letters is one edit) of the few candidates in one C call.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

from rapidfuzz import process
from rapidfuzz.distance import OSA

PREFIX = 7
MAX_DEPTH = 2
_MIN_FUZZY_LEN = 4
_LONG = 8


def allowed_edits(key: str) -> int:
    """One edit for short names, two for long ones; none at all for very short ones."""
    if len(key) < _MIN_FUZZY_LEN:
        return 0
    return 1 if len(key) < _LONG else 2


def _deletions(word: str, depth: int) -> set[str]:
    head = word[:PREFIX]
    out = {head}
    frontier = out
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier if len(w) > 1 for i in range(len(w))}
        out = out | frontier
    return out


def _digits(word: str) -> str:
    return "".join(ch for ch in word if ch.isdigit())


class DeletionIndex:
    """Keys within `allowed_edits(key)` edits of a query, found by hashing.

    `slack` widens short keys' budget by that many edits (never past MAX_DEPTH), so that a
    caller can offer near misses as suggestions; it tells them apart by the distance.
    """

    def __init__(self, keys: Iterable[str], slack: int = 0) -> None:
        self.keys: list[str] = sorted(set(keys))
        self.slack = slack
        self._buckets: dict[str, list[int]] = {}
        for i, key in enumerate(self.keys):
            depth = self.budget(key)
            if depth:
                for variant in _deletions(key, depth):
                    self._buckets.setdefault(variant, []).append(i)

    def budget(self, key: str) -> int:
        return min(allowed_edits(key) + self.slack, MAX_DEPTH) if allowed_edits(key) else 0

    def __len__(self) -> int:
        return len(self.keys)

    def lookup(self, query: str) -> list[tuple[str, int]]:
        """(key, distance) pairs within each key's budget (plus slack), best first.

        Numbers never fuzz: "b12" is not "b6", "vitamin c" is not "vitamin b6".
        """
        if len(query) < _MIN_FUZZY_LEN:
            return []
        ids: set[int] = set()
        for variant in _deletions(query, MAX_DEPTH):
            bucket = self._buckets.get(variant)
            if bucket:
                ids.update(bucket)
        if not ids:
            return []
        digits = _digits(query)
        candidates = [self.keys[i] for i in ids if _digits(self.keys[i]) == digits]
        hits = process.extract(
            query, candidates, scorer=OSA.distance, score_cutoff=MAX_DEPTH, limit=None
        )
        found = [
            (key, int(dist))
            for key, dist, _ in hits
            if dist <= self.budget(key) and dist <= len(query) // 3 + 1
        ]
        return sorted(found, key=lambda kd: (kd[1], kd[0]))

    def completions(self, prefix: str, limit: int = 3) -> list[str]:
        """Keys that start with `prefix` ("ashwa" -> "ashwagandha"), by binary search."""
        if len(prefix) < _MIN_FUZZY_LEN:
            return []
        out = []
        for key in self.keys[bisect_left(self.keys, prefix) :]:
            if not key.startswith(prefix) or len(out) == limit:
                break
            if key != prefix:
                out.append(key)
        return out
