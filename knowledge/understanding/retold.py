"""A story told as history: a message dated in the past ("in 1995", "that was years ago", "last
year") that says nothing of a recent episode ("today", "last night", "right now"). Its concepts
said in a sentence in the past tense only ("I was unable to talk and had weakness on my right
side") are historical, like those after a ConText trigger ("history of"): the stroke or heart
attack of a recovery story is not an emergency now. A sentence with a present-tense word ("my
face is drooping", "now I can't breathe") keeps its own context, and so does a crisis (intent),
a dose taken (action, amount, substance): those are another helper's rules, never retold here.

The words are data (concepts/<lang>.toml [context]: retold_anchor, retold_recent, retold_past,
retold_present); a language without them is never read so. A year written in digits before this
year dates the story too."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date
from functools import cache
from typing import TYPE_CHECKING

from knowledge.understanding.clauses import Layout
from knowledge.understanding.normalise import words
from knowledge.understanding.vocabulary import ContextWords

if TYPE_CHECKING:
    from knowledge.understanding.concept_reader import Mention

# Kinds of concept a retold story never makes historical: intent (crisis), and what says a dose.
_KEPT_KINDS = frozenset(("intent", "action", "amount", "substance", "modality"))
_FIRST_YEAR = 1900


class Retold:
    def __init__(self, words_of: ContextWords) -> None:
        self._anchor = _phrases(words_of.retold_anchor)
        self._recent = _phrases(words_of.retold_recent)
        self._past = _phrases(words_of.retold_past)
        self._present = _phrases(words_of.retold_present)

    def read(
        self, texts: Sequence[str], shape: Layout, mentions: Sequence[Mention]
    ) -> tuple[Sequence[Mention], frozenset[int]]:
        """`mentions`, those of past-tense sentences made historical when the story is retold,
        and the positions of those sentences' words (a red-flag phrase there is history too)."""
        if not self._anchor or not mentions or not self._dated(texts) or self.recent(texts):
            return mentions, frozenset()
        sentences: dict[int, list[int]] = {}
        for i, n in enumerate(shape.sentence):
            sentences.setdefault(n, []).append(i)
        past = {
            n
            for n, positions in sentences.items()
            if _any([texts[i] for i in positions], self._past)
            and not _any([texts[i] for i in positions], self._present)
        }
        retold = [
            replace(m, context=replace(m.context, historical=True))
            if m.kind not in _KEPT_KINDS and shape.sentence[m.start] in past
            else m
            for m in mentions
        ]
        return retold, frozenset(i for n in past for i in sentences[n])

    def recent(self, texts: Sequence[str]) -> bool:
        """Whether the message says a recent episode ("this morning", "last night")."""
        return _any(texts, self._recent)

    def _dated(self, texts: Sequence[str]) -> bool:
        this_year = date.today().year
        return _any(texts, self._anchor) or any(
            t.isdecimal() and len(t) == 4 and _FIRST_YEAR <= int(t) < this_year for t in texts
        )


def _phrases(phrases: Iterable[str]) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(words(p)) for p in phrases if words(p))


def _any(texts: Sequence[str], phrases: frozenset[tuple[str, ...]]) -> bool:
    if not phrases:
        return False
    sizes, firsts = _shape(phrases)
    if firsts.isdisjoint(texts):  # most messages: no word starts a phrase, one lookup in C
        return False
    return any(tuple(texts[i : i + k]) in phrases for k in sizes for i in range(len(texts) - k + 1))


@cache
def _shape(phrases: frozenset[tuple[str, ...]]) -> tuple[tuple[int, ...], frozenset[str]]:
    """The phrases' lengths and first words, once per phrase set (a frozenset keeps its hash)."""
    return tuple({len(p) for p in phrases}), frozenset(p[0] for p in phrases if p)
