"""ConText (Harkema et al., 2009; medspaCy's ConText is the reference): each concept mention's
context, from trigger words around it. A forward trigger ("no", "history of", "what if", "my
dad") reaches the mentions after it, a backward one ("ruled out", "as a child") those before
it, up to the end of their clause: a sentence end, a terminator word ("but"), or a comma that
does not go on listing concepts ("no weakness, numbness or tingling" is all negated). Whose a
mention is reaches to the end of the sentence, or until the writer speaks of themselves again.
A trigger inside a concept's own words ("no feeling" is numbness) is not a trigger, and pseudo
triggers ("not sure", "no idea") are never triggers."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import accumulate

from knowledge.levels import Experiencer
from knowledge.understanding.clauses import Layout
from knowledge.understanding.normalise import stem, words
from knowledge.understanding.phrases import Found, PhraseIndex
from knowledge.understanding.vocabulary import ContextWords

_WINDOW = 8  # words a trigger reaches at most, as ConText's default max scope
_LIST_WORDS = frozenset(("or", "and", "nor", "any", "either"))
_FORWARD = ("negated", "historical", "hypothetical", "family", "other")
_BACKWARD = {"negated_after": "negated", "historical_after": "historical"}


@dataclass(frozen=True, slots=True)
class Context:
    negated: bool = False
    historical: bool = False
    hypothetical: bool = False
    experiencer: Experiencer = "self"
    # Negated by a trigger right before it ("dont want to die", "not suicidal"): strong
    # enough to read even a crisis phrase as denied.
    negated_adjacent: bool = False


class ContextReader:
    def __init__(self, words_of: ContextWords, fold: Callable[[str], str] = stem) -> None:
        labelled: list[tuple[str, str]] = []
        for category in (*_FORWARD, *_BACKWARD, "pseudo", "terminators", "self"):
            labelled += [(category, p) for p in getattr(words_of, category)]
        # "couldnt ... without": the second negation -> the first ones that undo it
        self._undoing: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
        for pair in words_of.double_negation:
            first, second = (tuple(words(part)) for part in pair.split("...", 1))
            self._undoing.setdefault(second, []).append(first)
        self._index = PhraseIndex(labelled, fold)

    def read(
        self, stems: Sequence[str], texts: Sequence[str], layout: Layout, mentions: Sequence[Found]
    ) -> list[Context]:
        """The context of each of `mentions`, in order."""
        if not mentions:
            return []  # nothing to read the context of (many messages): no trigger looked for
        covered = {i for m in mentions for i in range(m.start, m.end)}
        starts = {m.start for m in mentions}
        found = self._index.find(stems, texts)
        pseudo = {i for f in found if f.label == "pseudo" for i in range(f.start, f.end)}
        in_a_mention = _Inside(mentions)
        triggers = [
            f
            for f in found
            if f.label not in ("pseudo", "terminators", "self")
            and not any(i in pseudo for i in range(f.start, f.end))
            and not in_a_mention(f)
        ]
        # A terminator inside a concept's words is not one ("every day since"), unless the
        # concept's words begin with it: "and now", "now i have" (new_now) still end a past
        # trigger's reach ("i had a heart attack last year and now i have crushing chest pain").
        inside = {i for m in mentions for i in range(m.start + 1, m.end)}
        stops = {f.start for f in found if f.label == "terminators" and f.start not in inside}
        if self._undoing:
            triggers = self._undone(triggers, texts, layout, stops)
        selves = {f.start for f in found if f.label == "self" and f.start not in covered}
        # No trigger reaches past its sentence: a mention looks only at its own sentence's.
        by_sentence: dict[int, list[Found]] = {}
        for trigger in triggers:
            by_sentence.setdefault(layout.sentence[trigger.start], []).append(trigger)
        out: list[Context] = []
        for mention in mentions:
            flags: dict[str, bool] = {}
            adjacent = False
            experiencer: Experiencer = "self"
            for trigger in by_sentence.get(layout.sentence[mention.start], ()):
                if trigger.label in _BACKWARD:
                    if self._reaches_back(trigger, mention, layout, stops, starts, texts):
                        flags[_BACKWARD[trigger.label]] = True
                elif trigger.end > mention.start:
                    continue
                elif trigger.label in ("family", "other"):
                    if self._person_reaches(trigger, mention, layout, selves):
                        experiencer = "family" if trigger.label == "family" else "other"
                elif self._reaches(trigger, mention, layout, stops, starts, texts):
                    flags[trigger.label] = True
                    adjacent = adjacent or (trigger.label == "negated" and trigger.end == mention.start)
            out.append(
                Context(
                    negated=flags.get("negated", False),
                    historical=flags.get("historical", False),
                    hypothetical=flags.get("hypothetical", False),
                    experiencer=experiencer,
                    negated_adjacent=adjacent,
                )
            )
        return out

    def _undone(
        self, triggers: list[Found], texts: Sequence[str], layout: Layout, stops: set[int]
    ) -> list[Found]:
        """`triggers` without a double negation: a negation such as "without" after another in
        its clause ("couldn't be in a lit area without my eye having shooting pains") says what
        happens, so it is dropped and ends the first one's reach (its start joins `stops`)."""
        undoing: set[int] = set()
        for t in triggers:
            firsts = self._undoing.get(tuple(texts[t.start : t.end])) if t.label == "negated" else None
            if firsts and any(
                tuple(texts[i : i + len(first)]) == first and layout.same("clause", i, t.start)
                for first in firsts
                for i in range(max(0, t.start - _WINDOW - len(first)), t.start - len(first) + 1)
            ):
                undoing.add(id(t))
        if not undoing:
            return triggers
        stops.update(t.start for t in triggers if id(t) in undoing)
        return [t for t in triggers if id(t) not in undoing]

    @staticmethod
    def _reaches(
        trigger: Found,
        mention: Found,
        layout: Layout,
        stops: set[int],
        starts: set[int],
        texts: Sequence[str],
    ) -> bool:
        """A negation reaches to the end of its clause; a history or a supposition ("four
        years ago i got bronchitis, i couldnt breathe") to the end of its sentence."""
        if trigger.label != "negated":
            return layout.same("sentence", trigger.start, mention.start) and not any(
                trigger.end <= i < mention.start for i in stops
            )
        if mention.start - trigger.end > _WINDOW and not layout.same("clause", trigger.start, mention.start):
            return False
        return _open_between(trigger.end, mention.start, layout, stops, starts, texts, listing=True)

    @staticmethod
    def _reaches_back(
        trigger: Found,
        mention: Found,
        layout: Layout,
        stops: set[int],
        starts: set[int],
        texts: Sequence[str],
    ) -> bool:
        if mention.end > trigger.start or trigger.start - mention.end > _WINDOW:
            return False
        return _open_between(mention.end, trigger.start, layout, stops, starts, texts)

    @staticmethod
    def _person_reaches(trigger: Found, mention: Found, layout: Layout, selves: set[int]) -> bool:
        if not layout.same("sentence", trigger.start, mention.start):
            return False
        return not any(trigger.end <= i < mention.start for i in selves)


class _Inside:
    """Whether a phrase lies inside one of `mentions`: some mention starts at or before it and
    reaches to its end or beyond, so the furthest reach of the mentions starting at or before
    it says it (looked up by bisection, not each trigger of a long message against each
    mention)."""

    def __init__(self, mentions: Sequence[Found]) -> None:
        furthest: dict[int, int] = {}
        for m in mentions:
            furthest[m.start] = max(furthest.get(m.start, m.end), m.end)
        self._starts = sorted(furthest)
        self._reach = list(accumulate((furthest[s] for s in self._starts), max))

    def __call__(self, phrase: Found) -> bool:
        k = bisect_right(self._starts, phrase.start)
        return k > 0 and self._reach[k - 1] >= phrase.end


def _open_between(
    first: int,
    last: int,
    layout: Layout,
    stops: set[int],
    starts: set[int],
    texts: Sequence[str],
    *,
    listing: bool = False,
) -> bool:
    """Whether nothing ends a scope from word `first` to word `last` (a trigger's end and a
    mention's start, or the reverse): no sentence end, no terminator, and each clause break is
    followed by a listed concept or a list word. With `listing` (a negation reaching forward), a
    clause break goes on only after a concept: "no weakness, numbness" lists what it denies, but
    the "not" of "she cant get up, her left side is paralysed" (Russian "встать не может,
    парализована вся левая сторона") denied a verb, and its clause ends at the comma."""
    if any(i in stops for i in range(first, last)):
        return False
    segment = first
    for j in range(max(first, 1), min(last, len(texts) - 1) + 1):
        if not layout.same("sentence", j - 1, j):
            return False
        if not layout.same("clause", j - 1, j):
            if not (j in starts or texts[j] in _LIST_WORDS):
                return False
            if listing and not any(i in starts for i in range(segment, j)):
                return False
            segment = j
    return True
