"""Find lexicon phrases in a message in one pass: whole words, word forms, typos, short gaps."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import product

from knowledge.fuzzy import DeletionIndex
from knowledge.text import Token, stem, words

GAP = "..."
MAX_GAP = 3
_GROUP = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True, slots=True)
class Pattern:
    """One phrase: word stems in segments, with up to MAX_GAP other words between segments."""

    segments: tuple[tuple[str, ...], ...]
    label: str
    tag: str
    section: str | None = None
    weight: int = 1
    condition: str | None = None

    @property
    def size(self) -> int:
        return sum(len(s) for s in self.segments)


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    pattern: Pattern
    text: str


def expand(phrase: str, groups: Mapping[str, Iterable[str]]) -> list[str]:
    """`{relative} ... {neuro}` -> one phrase per combination of the groups' entries."""
    names = _GROUP.findall(phrase)
    if not names:
        return [phrase]
    for name in names:
        if name not in groups:
            raise KeyError(f"phrase {phrase!r} uses unknown group {{{name}}}")
    template = _GROUP.sub("{}", phrase)
    return [template.format(*combo) for combo in product(*(groups[n] for n in names))]


def compile_phrase(phrase: str, **fields: object) -> Pattern | None:
    segments = tuple(tuple(stem(w) for w in words(part)) for part in phrase.split(GAP))
    segments = tuple(s for s in segments if s)
    if not segments:
        return None
    return Pattern(segments=segments, label=" ".join(words(phrase)), **fields)  # type: ignore[arg-type]


class PhraseMatcher:
    """All patterns, indexed by the stem of their first word, matched in one pass."""

    def __init__(self, patterns: Iterable[Pattern], fuzzy_vocabulary: Iterable[str],
                 never_fuzzy: frozenset[str]) -> None:
        # Indexed by their first stem, or first two, so few patterns are tried per word.
        self._single: dict[str, list[Pattern]] = {}
        self._pair: dict[tuple[str, str], list[Pattern]] = {}
        for pattern in patterns:
            head = pattern.segments[0]
            if len(head) == 1:
                self._single.setdefault(head[0], []).append(pattern)
            else:
                self._pair.setdefault((head[0], head[1]), []).append(pattern)
        self._stems = {w: stem(w) for w in fuzzy_vocabulary}
        self._known = frozenset(self._stems) | frozenset(self._stems.values())
        self._speller = DeletionIndex(self._stems)
        self._never_fuzzy = never_fuzzy

    def _alternatives(self, token: Token) -> tuple[str, ...]:
        """The stems a message word may stand for: its own, and a lexicon word's if misspelt."""
        text = token.text
        if text in self._known or text in self._never_fuzzy or not text.isalpha():
            return (token.stem,)
        corrected = [self._stems[w] for w, _ in self._speller.lookup(text)]
        return (token.stem, *corrected) if corrected else (token.stem,)

    def match(self, tokens: list[Token]) -> list[Hit]:
        seen: dict[str, tuple[str, ...]] = {}
        alternatives = []
        for t in tokens:
            alts = seen.get(t.text)
            if alts is None:
                alts = seen[t.text] = self._alternatives(t)
            alternatives.append(alts)
        hits: list[Hit] = []
        last = len(alternatives) - 1
        for i, alts in enumerate(alternatives):
            candidates = [p for first in alts for p in self._single.get(first, ())]
            if i < last:
                candidates += [
                    p for first in alts for second in alternatives[i + 1]
                    for p in self._pair.get((first, second), ())
                ]
            for pattern in candidates:
                # A one-word pattern already matched by being looked up.
                end = i + 1 if pattern.size == 1 else self._match_at(alternatives, i, pattern)
                if end is not None:
                    text = " ".join(t.text for t in tokens[i:end])
                    hits.append(Hit(i, end, pattern, text))
        return hits

    @staticmethod
    def _match_at(alternatives: list[tuple[str, ...]], start: int, pattern: Pattern) -> int | None:
        pos = start
        for index, segment in enumerate(pattern.segments):
            gaps = range(1) if index == 0 else range(MAX_GAP + 1)
            for gap in gaps:
                at = pos + gap
                if at + len(segment) <= len(alternatives) and all(
                    s in alternatives[at + k] for k, s in enumerate(segment)
                ):
                    pos = at + len(segment)
                    break
            else:
                return None
        return pos


def longest_first(hits: Iterable[Hit]) -> list[Hit]:
    """Non-overlapping hits, longer phrases first: "serious causes" beats "causes"."""
    chosen: list[Hit] = []
    taken: set[int] = set()
    for hit in sorted(
        hits, key=lambda h: (-h.pattern.size, -h.pattern.weight, -(h.end - h.start), h.start)
    ):
        span = set(range(hit.start, hit.end))
        if not span & taken:
            chosen.append(hit)
            taken |= span
    return sorted(chosen, key=lambda h: h.start)
