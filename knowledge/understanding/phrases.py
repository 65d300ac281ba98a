"""Phrases of the concept vocabulary matched against a message's words: whole words, by stem,
"=word" by that exact form only ("=winded" is not "wind"), "..." allowing up to three words in
between. Works for any script the tokenizer splits into
words (Latin, Cyrillic, Arabic, ...)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import compress, pairwise
from typing import TypeVar

from knowledge.understanding.normalise import stem, words

GAP = "..."
MAX_GAP = 3
EXACT = "="  # marks a word matched by its exact form, kept on the word in the index
K = TypeVar("K")
V = TypeVar("V")


def phrase_segments(phrase: str, fold: Callable[[str], str] = stem) -> tuple[tuple[str, ...], ...]:
    """ "cant ... hold" -> (("cant",), ("hold",)), each word as its stem; "=winded" stays
    "=winded", compared with the word as typed."""
    out: list[tuple[str, ...]] = []
    for part in phrase.split(GAP):
        segment: list[str] = []
        for raw in part.split():
            found = words(raw)
            exact = raw.startswith(EXACT)
            segment += [EXACT + w if exact else fold(w) for w in found]
        if segment:
            out.append(tuple(segment))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Found:
    """A phrase found at [start, end) of the message's words, labelled with what it says."""

    label: str
    start: int
    end: int


class PhraseIndex:
    """Many labelled phrases, indexed by the stem of their first word."""

    def __init__(self, labelled: Iterable[tuple[str, str]], fold: Callable[[str], str] = stem) -> None:
        """`fold`: the stem function of the phrases' language (the messages read with this
        index are stemmed by the same one)."""
        # A phrase whose first part has two words or more is found by its first two words
        # ("my friend"), the rest by their first: a long message's "my" and "i" start many
        # phrases, few of which its next word continues.
        self._by_first: dict[str, list[tuple[tuple[tuple[str, ...], ...], str]]] = {}
        self._by_pair: dict[tuple[str, str], list[tuple[tuple[tuple[str, ...], ...], str]]] = {}
        for label, phrase in labelled:
            segments = phrase_segments(phrase, fold)
            if not segments:
                continue
            if len(segments[0]) >= 2:
                first, second = segments[0][:2]
                self._by_pair.setdefault((first, second), []).append((segments, label))
            else:
                self._by_first.setdefault(segments[0][0], []).append((segments, label))
        # A phrase written in several forms that fold to one ("twitch", "twitches", "twitching":
        # "twitch" four times over) is tried once where it may start: the same words found
        # again add nothing.
        self._by_first, self._by_pair = _once(self._by_first), _once(self._by_pair)
        # Whether any phrase has an exact form anywhere ("hace ... =meses"): then the words as
        # typed are kept for comparing.
        indexed = (*self._by_first.values(), *self._by_pair.values())
        self._exact = any(
            w.startswith(EXACT) for entries in indexed for segments, _ in entries for s in segments for w in s
        )
        # The exact forms that open a phrase, or that are a pair's first or second word: most
        # indexes have none or a few, and a word as typed is looked up under them only then.
        self._exact_first = frozenset(w for w in self._by_first if w.startswith(EXACT))
        self._exact_a = frozenset(a for a, _ in self._by_pair if a.startswith(EXACT))
        self._exact_b = frozenset(b for _, b in self._by_pair if b.startswith(EXACT))
        # The same as typed (without the mark), to look the message's words up as they are.
        self._typed_first = frozenset(w[len(EXACT) :] for w in self._exact_first)
        self._typed_a = frozenset(w[len(EXACT) :] for w in self._exact_a)
        self._typed_b = frozenset(w[len(EXACT) :] for w in self._exact_b)

    def find(self, stems: Sequence[str], texts: Sequence[str] = ()) -> list[Found]:
        """Every occurrence of every phrase; the longest per label and start. `texts`, the
        words as typed, for the exact-form words ("=winded")."""
        out: dict[tuple[str, int], Found] = {}
        # The words as typed, when an exact form may meet them: each is marked (EXACT + word)
        # only where a phrase is tried, not the whole message once per index.
        typed = texts if texts and self._exact else ()
        by_first, by_pair = self._by_first, self._by_pair
        last = len(stems) - 1
        # Only the positions where some phrase can start, picked in C: most words of a long
        # message start none (four indexes read every message). That is a word that starts a
        # phrase alone, or two words that start one together ("i" and "my" start many pairs,
        # and a long message says them dozens of times, mostly before a word none of those
        # pairs goes on with), or a word as typed that an exact form may start.
        places = range(len(stems))
        found_at = {
            *compress(places, map(by_first.__contains__, stems)),
            *compress(places, map(by_pair.__contains__, pairwise(stems))),
        }
        typed_first, typed_a, typed_b = self._typed_first, self._typed_a, self._typed_b
        if typed:
            found_at.update(compress(places, map(typed_first.__contains__, texts)))
            found_at.update(compress(places, map(typed_a.__contains__, texts)))
            found_at.update(i - 1 for i in compress(places, map(typed_b.__contains__, texts)) if i)
        at = sorted(found_at)
        for i in at:
            first = stems[i]
            candidates = by_first.get(first, [])
            if i < last:
                following = stems[i + 1]
                pair = by_pair.get((first, following))
                # An exact form opens a pair with the word as typed (its mark taken off).
                if typed and (typed[i] in typed_a or typed[i + 1] in typed_b):
                    word, word_next = EXACT + typed[i], EXACT + typed[i + 1]
                    for key in ((word, following), (first, word_next), (word, word_next)):
                        more = by_pair.get(key)
                        if more:
                            pair = [*(pair or ()), *more]
                if pair:
                    candidates = [*candidates, *pair]
            if typed and typed[i] in typed_first:
                candidates = candidates + by_first[EXACT + typed[i]]
            for segments, label in candidates:
                end = _match(stems, typed, i, segments)
                if end is None:
                    continue
                known = out.get((label, i))
                if known is None or end > known.end:
                    out[(label, i)] = Found(label, i, end)
        return sorted(out.values(), key=lambda f: (f.start, -f.end))


def _once(table: dict[K, list[V]]) -> dict[K, list[V]]:
    """`table` with each list's repeats left out, the first of each kept in its place."""
    return {key: list(dict.fromkeys(entries)) for key, entries in table.items()}


def _match(
    stems: Sequence[str], typed: Sequence[str], i: int, segments: tuple[tuple[str, ...], ...]
) -> int | None:
    first = segments[0]
    if not _at(stems, typed, i, first):
        return None
    j = i + len(first)
    for segment in segments[1:]:
        for k in range(j, min(j + MAX_GAP, len(stems)) + 1):
            if _at(stems, typed, k, segment):
                j = k + len(segment)
                break
        else:
            return None
    return j


def _at(stems: Sequence[str], typed: Sequence[str], i: int, segment: tuple[str, ...]) -> bool:
    """Whether `segment` is at word `i`: an exact form ("=winded") against the word as typed
    (`typed`, when the index has exact forms), any other word against the stem."""
    if i + len(segment) > len(stems):
        return False
    for n, word in enumerate(segment):
        if word.startswith(EXACT) and typed:
            if typed[i + n] != word[len(EXACT) :]:
                return False
        elif stems[i + n] != word:
            return False
    return True
