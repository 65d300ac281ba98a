"""A phrase of the lexicon's phrase language, compiled: what one pattern matches.

The language (used by triage.toml, language.toml and the overlay): words match any form
(stems), "=word" one exact form, "<num>" any number and "<many>" ten or more, "..." up to
MAX_GAP other words, and "{group}" any entry of a named word list. A group's one-word entries
become one slot that matches any of them, so "{body_part} ... {moves}" is a few patterns, not
thousands; only its entries of several words are spelt out, one pattern each.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import product
from typing import Any

from knowledge.understanding.normalise import stem, words

CRISIS, EMERGENCY, DOCTOR, IGNORE, SMALL_TALK, SECTION, TOPIC, FRAME, OTHER_TOPIC, TURN = (
    "crisis",
    "emergency",
    "doctor",
    "ignore",
    "small_talk",
    "section",
    "topic",
    "frame",
    "other_topic",  # a name the knowledge base does not cover ("melatonin")
    "turn",  # what a turn says to the conversation ("ok calling now"): conversation.toml
)
FLAG_TAGS = frozenset((CRISIS, EMERGENCY, DOCTOR))

GAP = "..."
MAX_GAP = 3
EXACT = "="  # "=fainted": this form only, never another form of the word or a typo
NUMBER = "<num>"  # any number written in digits
MANY = "<many>"  # ten or more, in digits or words ("took 30", "took twenty")
_GROUP = re.compile(r"\{(\w+)\}")
# A word of a pattern: one stem (or "=form", "<num>", "<many>"), or a slot of alternatives.
Word = str | frozenset[str]


def matches(word: Word, alternatives: tuple[str, ...]) -> bool:
    """Whether a message word, read as any of `alternatives`, is this pattern word."""
    if isinstance(word, str):
        return word in alternatives
    return not word.isdisjoint(alternatives)


def members(word: Word) -> tuple[str, ...]:
    return (word,) if isinstance(word, str) else tuple(word)


@dataclass(frozen=True, slots=True)
class Pattern:
    """One phrase: word stems in segments, with up to MAX_GAP other words between segments.

    `kind`: for a red flag, the name of its group in triage.toml ("poisoning").
    `owners`: the conditions whose articles lend the phrase; empty for the lexicon's phrases,
    which hold for every condition. A phrase that thousands of articles lend ("stress") is one
    Pattern with thousands of owners, so a message meets it once, not once per article.
    `first` and `last`: where its first and last lending article put it in the order phrases
    are built (see knowledge.understanding.phrasebook), which decides ties as separate copies would.
    """

    segments: tuple[tuple[Word, ...], ...]
    label: str
    tag: str
    section: str | None = None
    weight: int = 1
    kind: str | None = None
    # Part `part` of frame `frame` of a red-flag group (see FlagGroup.frames); -1 otherwise.
    frame: int = -1
    part: int = -1
    owners: frozenset[str] = frozenset()
    first: int = field(default=0, compare=False)
    last: int = field(default=0, compare=False)
    size: int = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "size", sum(len(s) for s in self.segments))

    def applies_to(self, condition: str) -> bool:
        return not self.owners or condition in self.owners


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


@lru_cache(maxsize=65536)
def _raw_words(raw: str) -> tuple[str, ...]:
    """One space-free piece of a phrase, normalised: the same pieces recur thousands of times,
    and normalising is most of compiling."""
    return tuple(words(raw))


def _piece(raw: str) -> tuple[str, ...]:
    """A piece of a phrase as the matcher sees it: stems, exact forms, number slots."""
    if raw in (NUMBER, MANY):
        return (raw,)
    if raw.startswith(EXACT):
        return tuple(EXACT + w for w in _raw_words(raw[1:]))
    return tuple(stem(w) for w in _raw_words(raw))


def _choices(raw: str, groups: Mapping[str, Iterable[str]]) -> list[tuple[Word, ...]]:
    """What a piece can be: itself; for "{group}", a slot of its one-word entries and each
    longer entry spelt out."""
    found = _GROUP.fullmatch(raw)
    if found is None:
        return [_piece(raw)]
    name = found.group(1)
    if name not in groups:
        raise KeyError(f"unknown group {{{name}}}")
    single: set[str] = set()
    longer: list[tuple[Word, ...]] = []
    for entry in groups[name]:
        compiled = tuple(w for part in entry.split() for w in _piece(part))
        if len(compiled) == 1:
            single.add(compiled[0])
        elif compiled:
            longer.append(compiled)
    slot: list[tuple[Word, ...]] = [(frozenset(single),)] if single else []
    return slot + longer


def compile_phrase(
    phrase: str, groups: Mapping[str, Iterable[str]] | None = None, **fields: Any
) -> list[Pattern]:
    """The patterns a phrase stands for: usually one. KeyError names an unknown group."""
    parts = [part.split() for part in phrase.split(GAP)]
    choices = [[_choices(raw, groups or {}) for raw in part] for part in parts]
    label = " ".join(
        w
        for part in parts
        for raw in part
        if raw not in (NUMBER, MANY) and not _GROUP.fullmatch(raw)
        for w in _raw_words(raw.removeprefix(EXACT))
    )
    out: list[Pattern] = []
    for picks in product(*(product(*part) for part in choices)):
        segments = tuple(seg for seg in (tuple(w for piece in part for w in piece) for part in picks) if seg)
        if segments:
            out.append(Pattern(segments=segments, label=label, **fields))
    return out
