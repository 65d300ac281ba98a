"""The topic index: every name and alias of every condition and ingredient, built once at load.

A message's words are joined into short windows ("vitamin b 6" -> "vitaminb6") and looked up
exactly, by spelling and by stem; windows holding a word the index and the dictionary do not
know are also looked up with typo tolerance (knowledge.fuzzy). Nothing scans the vocabulary
per message, so the cost of a message does not grow with the number of topics.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from knowledge.fuzzy import DeletionIndex, allowed_edits
from knowledge.models import KnowledgeBase
from knowledge.text import Token, stem, words

Kind = Literal["condition", "ingredient"]
_SHORT = 2


@dataclass(frozen=True, slots=True)
class Mention:
    """A topic found in a message, at token span [start, end), `distance` edits away."""

    slug: str
    kind: Kind
    start: int
    end: int
    distance: int


@dataclass(frozen=True, slots=True)
class Found:
    mentions: tuple[Mention, ...]
    near_misses: tuple[str, ...]


class TopicIndex:
    def __init__(self, kb: KnowledgeBase, never_fuzzy: frozenset[str], stopwords: frozenset[str]):
        self._exact: dict[str, list[tuple[str, Kind]]] = {}
        self._first: set[str] = set()
        self._vocabulary: set[str] = set()
        self.max_window = 1
        topics = [(c.slug, "condition", c.name, c.aliases) for c in kb.conditions.values()]
        topics += [(i.slug, "ingredient", i.name, i.aliases) for i in kb.ingredients.values()]
        for slug, kind, name, aliases in topics:
            for alias in (name, *aliases):
                tokens = words(alias)
                stems = [stem(t) for t in tokens]
                for key in ("".join(tokens), "".join(stems)):
                    refs = self._exact.setdefault(key, [])
                    if (slug, kind) not in refs:
                        refs.append((slug, kind))
                self._first.update((tokens[0], stems[0]))
                self._vocabulary.update(tokens)
                self.max_window = max(self.max_window, len(tokens) + 1)
        self._fuzzy = DeletionIndex(self._exact, slack=1)
        self._never_fuzzy = never_fuzzy
        self._stopwords = stopwords

    @property
    def size(self) -> int:
        return len(self._exact)

    def _unknown(self, token: Token) -> bool:
        """A word worth a typo-tolerant look: not an alias word, not an everyday word."""
        text = token.text
        return (
            len(text) > _SHORT
            and text not in self._vocabulary
            and text not in self._never_fuzzy
            and not text.isdigit()
        )

    def _joinable(self, token: Token) -> bool:
        """A word that may be part of a name: an alias word, an unknown word, or a short one."""
        return token.text not in self._stopwords and (
            token.text in self._vocabulary or len(token.text) <= _SHORT + 1 or self._unknown(token)
        )

    def find(self, tokens: list[Token]) -> Found:
        candidates: list[Mention] = []
        near: list[tuple[int, str]] = []
        n = len(tokens)
        for i, token in enumerate(tokens):
            if token.text in self._first or token.stem in self._first or len(token.text) <= _SHORT:
                self._exact_from(tokens, i, candidates)
        memo: dict[str, list[tuple[str, int]]] = {}
        for i, token in enumerate(tokens):
            if self._unknown(token):
                self._fuzzy_around(tokens, i, n, candidates, near, memo)
        mentions = _best_non_overlapping(candidates)
        found = {m.slug for m in mentions}
        suggestions = [s for _, s in sorted(near) if s not in found]
        return Found(tuple(mentions), tuple(dict.fromkeys(suggestions)))

    def _exact_from(self, tokens: list[Token], i: int, out: list[Mention]) -> None:
        raw = st = ""
        for end in range(i + 1, min(i + self.max_window, len(tokens)) + 1):
            raw += tokens[end - 1].text
            st += tokens[end - 1].stem
            for key in (raw, st):
                for slug, kind in self._exact.get(key, ()):
                    out.append(Mention(slug, kind, i, end, 0))

    def _fuzzy_around(
        self,
        tokens: list[Token],
        u: int,
        n: int,
        out: list[Mention],
        near: list[tuple[int, str]],
        memo: dict[str, list[tuple[str, int]]],
    ) -> None:
        lo = u
        while lo > 0 and u - lo + 1 < self.max_window and self._joinable(tokens[lo - 1]):
            lo -= 1
        hi = u + 1
        while hi < n and hi - lo < self.max_window and self._joinable(tokens[hi]):
            hi += 1
        for start in range(lo, u + 1):
            for end in range(u + 1, min(hi, start + self.max_window) + 1):
                window = "".join(t.text for t in tokens[start:end])
                if window not in memo:
                    memo[window] = self._fuzzy.lookup(window)
                for key, distance in memo[window]:
                    whole_words = end - start == 1 or distance < min(
                        len(tokens[start].text), len(tokens[end - 1].text)
                    )
                    if not whole_words:
                        continue
                    for slug, kind in self._exact[key]:
                        if distance <= allowed_edits(key):
                            out.append(Mention(slug, kind, start, end, distance))
                        else:
                            near.append((start, slug))
        for key in self._fuzzy.completions(tokens[u].text):
            near += [(u, slug) for slug, _ in self._exact[key]]


def _best_non_overlapping(candidates: list[Mention]) -> list[Mention]:
    """Closest spelling first, then the longest name, then the earliest."""
    chosen: list[Mention] = []
    taken: set[int] = set()
    for m in sorted(candidates, key=lambda m: (m.distance, -(m.end - m.start), m.start)):
        span = set(range(m.start, m.end))
        if span & taken:
            continue
        chosen.append(m)
        taken |= span
    return sorted(chosen, key=lambda m: m.start)
