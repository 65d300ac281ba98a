"""The straightforward matchers the engine is compared with: for every word n-gram of a message,
scan every name and alias with `process.extractOne` (rapidfuzz, or thefuzz as many bots do).

They get our tokenizer for free, so the comparison is about matching, not text cleaning. They
are weaker matchers too: no stems, no joined words ("b 6"), no number rule, no common-word
guard, no ingredient-first rule; the best-scoring n-gram wins.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz as rapid_fuzz
from rapidfuzz import process as rapid_process
from thefuzz import fuzz as the_fuzz  # type: ignore[import-untyped]  # the package has no type hints
from thefuzz import process as the_process

from knowledge.base.models import KnowledgeBase
from knowledge.understanding.normalise import words

Library = Literal["scan", "thefuzz"]
SCORE_CUTOFF = 85  # fuzz.ratio: "magnesum" ~ "magnesium" scores 94, "zink" ~ "zinc" 75
_MIN_SAMPLED = 5


class ScanMatcher:
    def __init__(self, kb: KnowledgeBase, library: Library) -> None:
        topics = kb.topics()
        self.owner: dict[str, str] = {}
        for topic in topics:
            for name in (topic.name, *topic.aliases):
                self.owner.setdefault(" ".join(words(name)), topic.slug)
        self.choices = list(self.owner)
        self.max_words = max((len(c.split()) for c in self.choices), default=1)
        if library == "scan":
            self._extract: Callable = rapid_process.extractOne
            self._scorer: Callable = rapid_fuzz.ratio
        else:
            self._extract, self._scorer = the_process.extractOne, the_fuzz.ratio

    def ngrams(self, text: str) -> list[tuple[int, int, str]]:
        ws = words(text)
        return [
            (n, i, " ".join(ws[i : i + n]))
            for n in range(1, self.max_words + 1)
            for i in range(len(ws) - n + 1)
        ]

    def best(self, ngram: str) -> tuple[str, float] | None:
        found = self._extract(ngram, self.choices, scorer=self._scorer, score_cutoff=SCORE_CUTOFF)
        return (found[0], found[1]) if found else None

    def top(self, text: str) -> str | None:
        """The slug of the best-scoring n-gram: the higher score, then the longer, the earlier."""
        best: tuple[float, int, int, str] | None = None
        for n, i, ngram in self.ngrams(text):
            found = self.best(ngram)
            if found:
                key = (found[1], n, -i, self.owner[found[0]])
                if best is None or key[:3] > best[:3]:
                    best = key
        return best[3] if best else None


@dataclass
class ScanTiming:
    seconds: list[float]  # per message, measured or extrapolated
    sampled: bool  # some messages were timed on a share of their n-grams
    share: float  # the share of n-gram calls actually made


def time_scan(matcher: ScanMatcher, texts: Sequence[str], budget_s: float) -> ScanTiming:
    """Each message's scan time. When the whole mix would exceed `budget_s`, each message is
    timed on evenly spaced n-grams (at least a few) and its time extrapolated: every call
    scans the same list, so its cost barely depends on which n-gram it is."""
    grams = [[g for _, _, g in matcher.ngrams(t)] for t in texts]
    probe = [g for gs in grams for g in gs][:20] or ["x"]
    start = time.perf_counter()
    for g in probe:
        matcher.best(g)
    per_call = (time.perf_counter() - start) / len(probe)
    total_calls = sum(len(gs) for gs in grams)
    share = min(1.0, budget_s / max(per_call * total_calls, 1e-9))
    out, made = [], 0
    for gs in grams:
        keep = gs if share >= 1 else _spread(gs, max(_MIN_SAMPLED, round(len(gs) * share)))
        start = time.perf_counter()
        for g in keep:
            matcher.best(g)
        elapsed = time.perf_counter() - start
        made += len(keep)
        out.append(elapsed * len(gs) / len(keep) if keep else elapsed)
    return ScanTiming(out, share < 1, made / max(total_calls, 1))


def _spread(items: list[str], k: int) -> list[str]:
    if k >= len(items):
        return items
    step = len(items) / k
    return [items[int(i * step)] for i in range(k)]


def agreement(matcher: ScanMatcher, texts: Sequence[str], ours: Sequence[str | None]) -> float:
    """Share of messages whose top topic (or none) is the same as the engine's."""
    same = sum(matcher.top(t) == o for t, o in zip(texts, ours, strict=True))
    return same / len(texts) if texts else float("nan")
