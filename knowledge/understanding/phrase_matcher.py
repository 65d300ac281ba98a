"""Find every pattern in a message in one pass: whole words, word forms, typos, short gaps."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import compress, pairwise
from typing import NamedTuple

from knowledge.understanding.normalise import Token, stem, texts_of, words
from knowledge.understanding.patterns import EXACT, MANY, MAX_GAP, NUMBER, Pattern, matches, members
from knowledge.understanding.typo_index import DeletionIndex

_MANY_MIN = 10
_LONG_SKIP = 20  # words: a message this long or longer has its pairs looked up in C
_MANY_WORDS = frozenset(
    (
        "ten",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "hundred",
        "dozen",
        "dozens",
    )
)


class Hit(NamedTuple):
    """A pattern found at tokens [start, end). A named tuple: a message has dozens, built,
    hashed and compared in C (a frozen dataclass sets each field through a Python call)."""

    start: int
    end: int
    pattern: Pattern
    text: str


class PhraseMatcher:
    """All patterns, indexed so that a message's words look up only the patterns they can start.

    One-word patterns are found by a dictionary lookup. A pattern whose first part is one word
    followed by a gap ("hit ... head") is indexed by that word and the first word after the
    gap, so a common word ("my", "leg") tries only the patterns whose next part is in reach.
    A pattern that opens with two words is indexed by both.
    """

    def __init__(
        self, patterns: Iterable[Pattern], fuzzy_vocabulary: Iterable[str], never_fuzzy: frozenset[str]
    ) -> None:
        self._single: dict[str, list[Pattern]] = {}
        self._gapped: dict[str, dict[str, list[Pattern]]] = {}
        self._pair: dict[tuple[str, str], list[Pattern]] = {}
        exact: set[str] = set()
        for pattern in patterns:
            head = pattern.segments[0]
            exact.update(
                m[len(EXACT) :]
                for s in pattern.segments
                for w in s
                for m in members(w)
                if m.startswith(EXACT)
            )
            # A slot is indexed under each of its words.
            for first in members(head[0]):
                if len(head) >= 2:
                    for second in members(head[1]):
                        self._pair.setdefault((first, second), []).append(pattern)
                elif len(pattern.segments) == 1:
                    self._single.setdefault(first, []).append(pattern)
                else:
                    after = self._gapped.setdefault(first, {})
                    for second in members(pattern.segments[1][0]):
                        after.setdefault(second, []).append(pattern)
        # Stems that start some pattern: most words of a long message start none.
        self._starts = frozenset(self._single) | frozenset(self._gapped) | frozenset(f for f, _ in self._pair)
        self._alone_starts = frozenset(self._single) | frozenset(self._gapped)
        self._stems = {w: stem(w) for w in fuzzy_vocabulary}
        self._known = frozenset(self._stems) | frozenset(self._stems.values())
        self._speller = DeletionIndex(self._stems)
        self._never_fuzzy = never_fuzzy
        self._exact = frozenset(exact)

    def _alternatives(self, token: Token) -> tuple[str, ...]:
        """The stems a message word may stand for: its own, and a lexicon word's if misspelt."""
        text = token.text
        if (
            text in self._known
            or text in self._never_fuzzy
            or not text.isalpha()
            or _inflected(text, self._never_fuzzy)
        ):
            return (token.stem,)
        corrected = [self._stems[w] for w, _ in self._speller.lookup(text)]
        return (token.stem, *corrected) if corrected else (token.stem,)

    def match(self, tokens: list[Token]) -> list[Hit]:
        # Work once per distinct word, and visit only the positions whose word can start a
        # pattern: a long message repeats its words, and most of them start nothing.
        texts, distinct = texts_of(tokens)
        alts_of: dict[str, tuple[str, ...]] = {text: (t.stem,) for text, t in distinct.items()}
        for text in distinct.keys() - self._known - self._never_fuzzy - _foreign(tokens):  # in C
            if text.isalpha():
                alts_of[text] = self._alternatives(distinct[text])
        for text in distinct:
            if text.isdecimal():  # int() reads these; isdigit() also admits "❶"
                many = (MANY,) if len(text) > 6 or int(text) >= _MANY_MIN else ()
                alts_of[text] = (*alts_of[text], NUMBER, *many)
            elif text in _MANY_WORDS:
                alts_of[text] = (*alts_of[text], MANY)
        for text in distinct.keys() & self._exact:
            alts_of[text] = (*alts_of[text], EXACT + text)
        alternatives = list(map(alts_of.__getitem__, texts))
        single, gapped, pair = self._single, self._gapped, self._pair
        hits: list[Hit] = []
        n = len(alternatives)
        match_at = self._match_at
        for i in self._openings(texts, alts_of):
            alts, word = alternatives[i], texts[i]
            # A pattern is tried once per position, however many of the word's readings (or of
            # a slot's words) lead to it.
            tried: set[int] = set()
            for first in alts:
                for pattern in single.get(first, ()):
                    if id(pattern) not in tried:
                        tried.add(id(pattern))
                        hits.append(Hit(i, i + 1, pattern, word))
                after = gapped.get(first)
                if after:
                    for j in range(i + 1, min(i + 2 + MAX_GAP, n)):
                        for second in alternatives[j]:
                            for pattern in after.get(second, ()):
                                if id(pattern) in tried:
                                    continue
                                tried.add(id(pattern))
                                end = match_at(alternatives, i, pattern)
                                if end is not None:
                                    hits.append(Hit(i, end, pattern, " ".join(texts[i:end])))
                if i + 1 < n:
                    for second in alternatives[i + 1]:
                        for pattern in pair.get((first, second), ()):
                            if id(pattern) in tried:
                                continue
                            tried.add(id(pattern))
                            end = match_at(alternatives, i, pattern)
                            if end is not None:
                                hits.append(Hit(i, end, pattern, " ".join(texts[i:end])))
        return hits

    def _openings(self, texts: list[str], alts_of: dict[str, tuple[str, ...]]) -> list[int]:
        """The positions where some pattern may start, in order: a word that opens a one-word
        or gapped pattern, or the first of two words that open a pattern together. Most words
        of a long message ("i", "and", "my") open some pair, and almost none with the word
        after them: the pairs of words with one reading each are looked up in C, and only the
        words with several readings (a typo, a number) are left to the loop, as before."""
        starts = self._starts
        starting = {text for text, alts in alts_of.items() if not starts.isdisjoint(alts)}
        n = len(texts)
        if n < 2 * _LONG_SKIP:  # a short message: every opening word is visited
            return list(compress(range(n), map(starting.__contains__, texts)))
        alone = self._alone_starts
        opening = {text for text in starting if not alone.isdisjoint(alts_of[text])}
        # Each word's one reading (None when it has several), so that a pair is one lookup.
        reading = {text: alts[0] if len(alts) == 1 else None for text, alts in alts_of.items()}
        readings = list(map(reading.__getitem__, texts))
        several = {text for text, one in reading.items() if one is None}
        places = range(n)
        at = set(compress(places, map(opening.__contains__, texts)))
        at.update(compress(places, map(self._pair.__contains__, pairwise(readings))))
        # A word of several readings, or one before such a word: every reading is tried.
        for i in compress(places, map(several.__contains__, texts)):
            at.add(i)
            if i > 0:
                at.add(i - 1)
        return sorted(i for i in at if texts[i] in starting)

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
                while k < size and matches(segment[k], alternatives[at + k]):
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
    for hit in sorted(hits, key=lambda h: (-h.pattern.size, -h.pattern.weight, -(h.end - h.start), h.start)):
        span = set(range(hit.start, hit.end))
        if not span & taken:
            chosen.append(hit)
            taken |= span
    return sorted(chosen, key=lambda h: h.start)


def _foreign(tokens: list[Token]) -> frozenset[str]:
    """The words typed with letters English does not write ("nasıl", "größe"): a word of
    another language, never a typo for an English one (Turkish "nasıl" is not "nasal")."""
    source = getattr(tokens, "source", "")
    if not source or source.isascii():
        return frozenset()
    return frozenset(
        w for raw in source.split() if any(c.isalpha() and not c.isascii() for c in raw) for w in words(raw)
    )


_INFLECTIONS = ("ing", "ed", "es", "s", "d")
_MIN_BASE = 3


def _inflected(text: str, words: frozenset[str]) -> bool:
    """Whether `text` is a common word with an inflection ("slurped", "yellowing"): a word, not
    a typo for a lexicon word ("slurred", "hollowing": children-704, children-060). A typo
    whose stem happens to be a word ("weekness") is still corrected."""
    for suffix in _INFLECTIONS:
        base = text[: -len(suffix)]
        if text.endswith(suffix) and len(base) >= _MIN_BASE and (base in words or base + "e" in words):
            return True
    return False
