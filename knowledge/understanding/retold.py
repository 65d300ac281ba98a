"""A story told as history: a message dated in the past ("in 1995", "that was years ago", "last
year") that says nothing of a recent episode ("today", "last night", "right now"). Its concepts
said in a sentence in the past tense only ("I was unable to talk and had weakness on my right
side"), or in a short fragment of such a story with no present-tense word ("No breathing, no
pulse."), are historical, like those after a ConText trigger ("history of"): the stroke or heart
attack of a recovery story is not an emergency now. A sentence with a present-tense word ("my
face is drooping", "now I can't breathe") keeps its own context, and so does a crisis (intent),
a dose taken (action, amount, substance): those are another helper's rules, never retold here.

The words are data (concepts/<lang>.toml [context]: retold_anchor, retold_recent, retold_past,
retold_present); a language without them is never read so. A year written in digits before this
year, or its decade ("the 1980s"), dates the story too, and so does an acute event dated a week or
more before ("a heart attack 6 weeks ago", "a stroke last May": retold_event*), itself history."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import date
from functools import cache
from itertools import compress
from typing import TYPE_CHECKING

from knowledge.understanding.clauses import Layout
from knowledge.understanding.normalise import words
from knowledge.understanding.vocabulary import ContextWords

if TYPE_CHECKING:
    from knowledge.understanding.concept_reader import Mention

# Kinds of concept a retold story never makes historical: intent (crisis), and what says a dose.
_KEPT_KINDS = frozenset(("intent", "action", "amount", "substance", "modality"))
# Kinds of concept that name no episode of their own: "so many things", "tonight with friends".
_UNNAMING_KINDS = frozenset(("time", "amount", "person", "activity"))
_FIRST_YEAR = 1900
_FRAGMENT = 5  # words: a sentence this short with no verb of the present is the story's fragment
_BESIDE = 4  # words between a recent word and the words that date the story: the day it is told on
_VERB_REACH = 3  # words from a completed event's verb to the event: "had their first stroke"
_DAY_SUFFIXES = ("st", "nd", "rd", "th")


class Retold:
    def __init__(self, words_of: ContextWords) -> None:
        self._anchor = _phrases(words_of.retold_anchor)
        self._recent = _phrases(words_of.retold_recent)
        self._past = _phrases(words_of.retold_past)
        self._present = _phrases(words_of.retold_present)
        self._events = frozenset(words_of.retold_event)
        self._event_anchor = _phrases(words_of.retold_event_anchor)
        self._months = frozenset(words_of.retold_event_months)
        self._event_verb = _phrases(words_of.retold_event_verb)
        self._event_open = _phrases(words_of.retold_event_open)

    def read(
        self, texts: Sequence[str], shape: Layout, mentions: Sequence[Mention]
    ) -> tuple[Sequence[Mention], frozenset[int]]:
        """`mentions`, those of past-tense sentences made historical when the story is retold,
        and the positions of those sentences' words (a red-flag phrase there is history too)."""
        # The words that date an acute event, found once: they make it history (_events_over) and
        # they tell the day a story is told on (_episode_now).
        dates = self._event_dates(texts) if self._any_event(mentions) else None
        mentions, dated_by_event = self._events_over(shape, mentions, texts, dates or [])
        if not self._anchor or not mentions or not (dated_by_event or self._dated(texts)):
            return mentions, frozenset()
        sentences: dict[int, list[int]] = {}
        for i, n in enumerate(shape.sentence):
            sentences.setdefault(n, []).append(i)
        said = {n: [texts[i] for i in positions] for n, positions in sentences.items()}
        present = {n for n, words in said.items() if _any(words, self._present)}
        if dates is None:
            dates = self._event_dates(texts)
        if self._episode_now(texts, shape, said, mentions, dates):
            return mentions, frozenset()
        # A sentence in the past tense, or a fragment without a verb of either tense ("No
        # breathing, no pulse."), reads as the story's; one with a present-tense word keeps its own.
        past = {n for n, words in said.items() if n not in present and _any(words, self._past)}
        if past:  # a story is told: its fragments are its own
            past |= {n for n, words in said.items() if n not in present and len(words) <= _FRAGMENT}
        retold = [
            replace(m, context=replace(m.context, historical=True))
            if m.kind not in _KEPT_KINDS and shape.sentence[m.start] in past
            else m
            for m in mentions
        ]
        return retold, frozenset(i for n in past for i in sentences[n])

    def _any_event(self, mentions: Sequence[Mention]) -> bool:
        return bool(self._events) and any(m.concept in self._events for m in mentions)

    def _events_over(
        self,
        shape: Layout,
        mentions: Sequence[Mention],
        texts: Sequence[str],
        dates: Sequence[tuple[int, int]],
    ) -> tuple[Sequence[Mention], bool]:
        """`mentions`, an acute event dated a week or more before made historical, and whether one
        was (then it dates its story too). The event is dated by words in its sentence or the one
        before ("6 weeks ago", "a year and a half ago", "last May", "January 31st": NHS.uk When to
        call 999 is about one happening now), after a verb of a completed event ("who had a heart
        attack 6 weeks ago", chest-14011) or in a sentence told in the past ("Mom had a mild stroke
        over a week ago", neuro-12501). Not when its sentence keeps it open ("since", "again",
        "worse") or says a recent word that is not the day it is told on ("A week ago today",
        neuro-14027): hours, minutes, days ago and "this morning" are now. `dates`: _event_dates'."""
        if not dates:
            return mentions, False
        n_of = shape.sentence
        dated = {n_of[a] for a, _ in dates}
        opened = {n_of[a] for a, _ in _spans(texts, self._event_open)}
        recent = {
            n_of[a]
            for a, b in _spans(texts, self._recent)
            if not any(n_of[c] == n_of[a] and max(c - b, a - d) <= _BESIDE for c, d in dates)
        }
        verbs = [a for a, _ in _spans(texts, self._event_verb)]
        said: dict[int, list[str]] = {}
        for i, n in enumerate(n_of):
            said.setdefault(n, []).append(texts[i])

        def over(m: Mention) -> bool:
            n = n_of[m.start]
            if not (n in dated or n - 1 in dated) or n in opened or n in recent:
                return False
            told = any(m.start - _VERB_REACH <= a <= m.start for a in verbs)
            return told or (_any(said[n], self._past) and not _any(said[n], self._present))

        out = [
            replace(m, context=replace(m.context, historical=True))
            if m.concept in self._events
            and not (m.context.historical or m.context.negated or m.context.hypothetical)
            and over(m)
            else m
            for m in mentions
        ]
        return out, any(a is not b for a, b in zip(out, mentions, strict=True))

    def _event_dates(self, texts: Sequence[str]) -> list[tuple[int, int]]:
        """Where words date an event a week or more before: the phrases, and a month with a day
        number ("January 31st", "3 November") or after "last" or "back in" ("last May")."""
        if not self._events:
            return []
        spans = _spans(texts, self._event_anchor)
        for i in (i for i, t in enumerate(texts) if t in self._months):
            before = texts[i - 1] if i else ""
            after = texts[i + 1] if i + 1 < len(texts) else ""
            if (
                _a_day(after)
                or _a_day(before)
                or before == "last"
                or (before == "in" and i > 1 and texts[i - 2] == "back")
            ):
                spans.append((i, i + 1))
        return spans

    def _episode_now(
        self,
        texts: Sequence[str],
        shape: Layout,
        said: dict[int, list[str]],
        mentions: Sequence[Mention],
        dates: Sequence[tuple[int, int]] = (),
    ) -> bool:
        """Whether a recent word says a new episode. Not when it is the day the story is told on:
        right by the words that date it ("It was 7 years ago today that I had a heart attack",
        lookalike-5525; "Today, 3 years ago, I had a heart attack", lookalike-5526; "Five years
        ago this week", lookalike-5010; "Today makes the first anniversary of", lookalike-10012),
        or in a sentence that names nothing and says nothing happened ("Today is a special
        anniversary for me", lookalike-5525; "Blessed to be celebrating tonight with good
        friends", lookalike-10011). "Last year I had a heart attack and this morning I felt the same
        crushing pain" still says one."""
        anchors = _spans(texts, self._anchor) + list(dates)
        for start, end in _spans(texts, self._recent):
            n = shape.sentence[start]
            if any(shape.sentence[a] == n and max(a - end, start - b) <= _BESIDE for a, b in anchors):
                continue
            named = any(
                shape.sentence[m.start] == n
                and m.kind not in _UNNAMING_KINDS
                and not start <= m.start < end  # the recent word's own reading ("tonight")
                for m in mentions
            )
            if not named and not _any(said[n], self._past):
                continue
            return True
        return False

    def recent(self, texts: Sequence[str]) -> bool:
        """Whether the message says a recent episode ("this morning", "last night")."""
        return _any(texts, self._recent)

    def _dated(self, texts: Sequence[str]) -> bool:
        this_year = date.today().year
        # A year in digits or its decade: only the words that open with a digit are read.
        return _any(texts, self._anchor) or (
            any(_a_past_year(t, this_year) for t in texts if t[:1].isdigit())
        )


def _a_past_year(word: str, this_year: int) -> bool:
    """A year before this one in digits ("1995"), or its decade ("the 1980s": chest-916 "Back in
    the mid-1980's ... a golfer ... collapsed"; lookalike "in the 1990s")."""
    year = word[:-1] if len(word) == 5 and word.endswith("s") else word
    return year.isdecimal() and len(year) == 4 and _FIRST_YEAR <= int(year) < this_year


def _a_day(word: str) -> bool:
    """A day of the month in digits, with or without its suffix ("31", "31st", "3rd")."""
    digits = word[:-2] if word.endswith(_DAY_SUFFIXES) else word
    return digits.isdecimal() and 1 <= int(digits) <= 31


def _phrases(phrases: Iterable[str]) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(words(p)) for p in phrases if words(p))


def _any(texts: Sequence[str], phrases: frozenset[tuple[str, ...]]) -> bool:
    return next(_found(texts, phrases), None) is not None


def _spans(texts: Sequence[str], phrases: frozenset[tuple[str, ...]]) -> list[tuple[int, int]]:
    """Where the phrases are: (start, end) word positions, the end exclusive."""
    return list(_found(texts, phrases))


def _found(texts: Sequence[str], phrases: frozenset[tuple[str, ...]]) -> Iterator[tuple[int, int]]:
    """The phrases' places, in order, looked for only where a phrase's first word is (picked in
    C), not at every word of a long message."""
    if not phrases:
        return
    sizes, firsts = _shape(phrases)
    if firsts.isdisjoint(texts):  # most messages: no word starts a phrase, one lookup in C
        return
    n = len(texts)
    for i in compress(range(n), map(firsts.__contains__, texts)):
        for k in sizes:
            if i + k <= n and tuple(texts[i : i + k]) in phrases:
                yield i, i + k


@cache
def _shape(phrases: frozenset[tuple[str, ...]]) -> tuple[tuple[int, ...], frozenset[str]]:
    """The phrases' lengths and first words, once per phrase set (a frozenset keeps its hash)."""
    return tuple({len(p) for p in phrases}), frozenset(p[0] for p in phrases if p)
