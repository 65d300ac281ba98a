"""Find lexicon phrases in a message in one pass: whole words, word forms, typos, short gaps."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import compress, product

from knowledge.fuzzy import DeletionIndex
from knowledge.text import Token, stem, texts_of, words

GAP = "..."
MAX_GAP = 3
_GROUP = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True, slots=True)
class Pattern:
    """One phrase: word stems in segments, with up to MAX_GAP other words between segments.

    `owners`: the conditions whose articles lend the phrase; empty for the lexicon's phrases,
    which hold for every condition. A phrase that thousands of articles lend ("stress") is one
    Pattern with thousands of owners, so a message meets it once, not once per article.
    `first` and `last`: where its first and last lending article put it in the order phrases
    are built (see knowledge.patterns), which decides ties exactly as separate copies would.
    """

    segments: tuple[tuple[str, ...], ...]
    label: str
    tag: str
    section: str | None = None
    weight: int = 1
    owners: frozenset[str] = frozenset()
    first: int = field(default=0, compare=False)
    last: int = field(default=0, compare=False)
    size: int = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "size", sum(len(s) for s in self.segments))

    def applies_to(self, condition: str) -> bool:
        return not self.owners or condition in self.owners


@dataclass(frozen=True, slots=True)
class Hit:
    """A pattern found at tokens [start, end). `group` numbers the (position, first words)
    lookups in the order match() makes them: hits of one group come in the patterns' order."""

    start: int
    end: int
    pattern: Pattern
    text: str
    group: int = field(default=0, compare=False)


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
        # Stems that start some pattern: most words of a long message start none.
        self._starts = frozenset(self._single) | frozenset(first for first, _ in self._pair)
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
        # Work once per distinct word, and visit only the positions whose word can start a
        # pattern: a long message repeats its words, and most of them start nothing.
        texts, distinct = texts_of(tokens)
        alts_of = {text: (t.stem,) for text, t in distinct.items()}
        for text in distinct.keys() - self._known - self._never_fuzzy:  # set algebra, in C
            if text.isalpha():
                alts_of[text] = self._alternatives(distinct[text])
        alternatives = list(map(alts_of.__getitem__, texts))
        starts, single, pair = self._starts, self._single, self._pair
        # Each starting word's one-word-pattern buckets, in the order of its alternatives.
        singles_of = {
            text: [block for first in alts if (block := single.get(first))]
            for text, alts in alts_of.items() if not starts.isdisjoint(alts)
        }
        hits: list[Hit] = []
        last = len(alternatives) - 1
        group = 0
        match_at = self._match_at
        for i in compress(range(len(texts)), map(singles_of.__contains__, texts)):
            alts, word = alternatives[i], texts[i]
            # Buckets in the order of the nested loops over alternatives that list them: each is
            # one group, whose hits come in the patterns' order.
            blocks = singles_of[word]
            if i < last:
                following = alternatives[i + 1]
                if len(alts) == 1 and len(following) == 1:  # no typo here or next: one pair
                    block = pair.get((alts[0], following[0]))
                    if block:
                        blocks = [*blocks, block]
                else:
                    paired = [
                        block for first in alts for second in following
                        if (block := pair.get((first, second)))
                    ]
                    if paired:
                        blocks = blocks + paired
            for block in blocks:
                group += 1
                for pattern in block:
                    if pattern.size == 1:  # a one-word pattern already matched by being looked up
                        hits.append(Hit(i, i + 1, pattern, word, group))
                        continue
                    end = match_at(alternatives, i, pattern)
                    if end is not None:
                        hits.append(Hit(i, end, pattern, " ".join(texts[i:end]), group))
        return hits

    @staticmethod
    def _match_at(alternatives: list[tuple[str, ...]], start: int, pattern: Pattern) -> int | None:
        """Where the pattern ends if it matches at `start`: its first segment there, each next
        one after at most MAX_GAP other words."""
        total = len(alternatives)
        pos = start
        for index, segment in enumerate(pattern.segments):
            size = len(segment)
            for at in range(pos, pos + (1 if index == 0 else MAX_GAP + 1)):
                if at + size > total:
                    return None  # later gaps only start further on
                k = 0
                while k < size and segment[k] in alternatives[at + k]:
                    k += 1
                if k == size:
                    pos = at + size
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
