"""The red flags a person mentioned, as they would write them back: "You mentioned: dad had
ALS, keep dropping things, 2 months".

Triage finds flags in normalised words ("dad had als"). To echo them the way a person reads
them, each is found again in the message as typed and shown in its own casing, except for
words the knowledge base spells one way (acronyms such as "ALS", names such as "B6"). Phrases
are distinct, none repeats another's words, and the longest comes first.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import chain, repeat

from knowledge.base.models import KnowledgeBase
from knowledge.understanding.normalise import word_forms, words

# A word as typed, with inner apostrophes ("can't"), which normalising joins.
_TYPED_WORD = re.compile(r"[^\W_]+(?:['’‘`´][^\W_]+)*")
_SPACES = re.compile(r"\s+")


def canonical_spellings(kb: KnowledgeBase) -> dict[str, str]:
    """Words the knowledge base always writes with capitals inside a name ("ALS", "MND",
    "B6"), by their normalised form. A capital that only starts a name ("Twitching") does not
    count: the person's casing of such a word is as good as ours."""
    names: list[str] = []
    for c in kb.conditions.values():
        names += [c.name, *c.aliases, *c.concerns]
    for i in kb.ingredients.values():
        names += [i.name, *i.aliases]
    found: dict[str, str] = {}
    for name in names:
        for word in _TYPED_WORD.findall(name):
            if _fixed_case(word):
                key = " ".join(words(word))
                found.setdefault(key, word)
    return found


def _fixed_case(word: str) -> bool:
    """An acronym or a code: two capitals or more, or a capital with a digit ("B6")."""
    capitals = sum(ch.isupper() for ch in word)
    return capitals >= 2 or (capitals == 1 and any(ch.isdigit() for ch in word))


def mentioned(reasons: Iterable[str], text: str, spellings: dict[str, str]) -> tuple[str, ...]:
    """The reasons (normalised phrases) as the person wrote them, distinct, without one
    contained in or overlapping another, longest first."""
    phrases = _without_overlaps([r.split() for r in dict.fromkeys(reasons) if r.strip()])
    if not phrases:
        return ()  # nothing to find: the message is not cut into words
    typed = _Typed(text)
    shown = [_as_typed(p, typed, spellings) for p in phrases]
    order = sorted(range(len(shown)), key=lambda i: (-len(phrases[i]), -len(shown[i])))
    return tuple(dict.fromkeys(shown[i] for i in order))


def _without_overlaps(phrases: list[list[str]]) -> list[list[str]]:
    """Join phrases where one ends with the words another starts with ("keep dropping" and
    "dropping things"), then drop any phrase inside another."""
    merged = [list(p) for p in phrases]
    joined = True
    while joined:
        joined = False
        for a in merged:
            for b in merged:
                if a is b:
                    continue
                overlap = next((n for n in range(min(len(a), len(b)) - 1, 0, -1) if a[-n:] == b[:n]), 0)
                if overlap:
                    a.extend(b[overlap:])
                    merged.remove(b)
                    joined = True
                    break
            if joined:
                break
    return [p for p in merged if not any(p is not q and _inside(p, q) for q in merged)]


def _inside(small: list[str], big: list[str]) -> bool:
    """Whether `small` is a run of `big`'s words and shorter (equal phrases are both kept;
    they are said once all the same)."""
    if len(small) >= len(big):
        return False
    return any(big[i : i + len(small)] == small for i in range(len(big) - len(small) + 1))


class _Typed:
    """The message's words as typed (`raw`) and normalised (`norm`), with the typed word
    each normalised one comes from (`owner`): one typed word may give several ("5weeks")."""

    def __init__(self, text: str) -> None:
        self.text = text
        matches = list(_TYPED_WORD.finditer(text))
        self.raw: list[str] = [m.group() for m in matches]
        self.spans: list[tuple[int, int]] = [m.span() for m in matches]
        # A long message repeats most of its words: each is normalised once, for this call
        # only (nothing a person wrote outlives the answer).
        known = self.forms = {word: word_forms(word) for word in set(self.raw)}
        # Each typed word's forms, joined, and the typed word each comes from, built in C.
        forms = list(map(known.__getitem__, self.raw))
        self.norm: list[str] = list(chain.from_iterable(forms))
        self.owner: list[int] = list(chain.from_iterable(map(repeat, range(len(forms)), map(len, forms))))

    def find(self, phrase: list[str]) -> int | None:
        """Where the phrase's words start in `norm`, or None."""
        at = 0
        while True:
            try:
                at = self.norm.index(phrase[0], at)  # in C: most words are not its first
            except ValueError:
                return None
            if self.norm[at : at + len(phrase)] == phrase:
                return at
            at += 1


def _as_typed(phrase: list[str], typed: _Typed, spellings: dict[str, str]) -> str:
    """The phrase as the person typed it (their casing, the punctuation between its words),
    with the knowledge base's fixed spellings; as normalised where it cannot be found so (a
    typo corrected)."""

    def spelt(word: str) -> str:
        forms = typed.forms.get(word)  # a typed word's, normalised once already
        return spellings.get(" ".join(forms if forms is not None else word_forms(word)), word)

    start = typed.find(phrase)
    if start is None:
        return " ".join(spelt(w) for w in phrase)
    first, last = typed.owner[start], typed.owner[start + len(phrase) - 1]
    # Only whole typed words: "5weeks" found as "weeks" alone is shown as normalised.
    if typed.norm[bisect_left(typed.owner, first) : bisect_right(typed.owner, last)] != phrase:
        return " ".join(spelt(w) for w in phrase)
    parts = [spelt(typed.raw[first])]
    for n in range(first + 1, last + 1):
        between = typed.text[typed.spans[n - 1][1] : typed.spans[n][0]]
        parts += [_SPACES.sub(" ", between) or " ", spelt(typed.raw[n])]
    return "".join(parts)
