"""Red flags of one condition: its article's "When to See a Doctor" items and its overlay's
`red_flags`. They count only for messages about that condition, so each condition gets a small
matcher of its own, built the first time a message is about it.

An item is matched by its meaning-bearing words, in any order within a few words of each other,
clause by clause: "Calf swelling, redness or warmth" is found in "my calf is swollen and red".
Words that name the condition say nothing (the message is about it already), a negation is
kept as a word of its own ("Cramps not relieved by stretching" needs a "not"), and a lone
common word of a later clause borrows the first clause's first word ("redness" alone would be
any red thing; "calf ... red" is the sign).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from knowledge.base.errors import KnowledgeError, Problem
from knowledge.base.models import Condition, KnowledgeBase
from knowledge.understanding.lay_names import SaidAs
from knowledge.understanding.lexicon import FlagGroup, Level, Lexicon
from knowledge.understanding.normalise import Token, stem, words
from knowledge.understanding.patterns import FRAME, Pattern, compile_phrase
from knowledge.understanding.phrase_matcher import Hit, PhraseMatcher

_CLAUSE_SPLIT = re.compile(r",|;|\bor\b|\band\b|\(|\)|\bwith\b", re.IGNORECASE)
# Where a clause's closing condition begins: "Symptoms that started or got worse after starting
# a new medicine" means both started and got worse after it.
_TAIL = re.compile(r"\b(?:after|before|when|whenever|while|during|following|despite)\b", re.IGNORECASE)
NEGATION_GROUP = "not"  # a slot of the lexicon's one-word negations, for items that say "not"
_SYNONYM = "synonym_"  # the group name of a [synonyms] list
_MIN_WINDOW = 8
_CACHED = 2048
OVERLAY = Path("overlay.toml")


@dataclass(frozen=True)
class ConditionFlags:
    """One condition's red flags, ready to match: `groups` by flag kind ("twitching/item2")."""

    matcher: PhraseMatcher | None
    groups: Mapping[str, FlagGroup]
    untriggerable: tuple[str, ...]  # items with no word to find them by


@dataclass(frozen=True)
class ItemShape:
    """How an item is matched: one tuple of parts per clause (each part a phrase)."""

    item: str
    clauses: tuple[tuple[str, ...], ...]


class ScopedFlags:
    """Every condition's red flags. The overlay's are compiled at once, so a bad phrase stops
    the load; an article's items on first use, since 3,000 articles need not all be read."""

    def __init__(self, kb: KnowledgeBase, lexicon: Lexicon) -> None:
        self.kb = kb
        self.lexicon = lexicon
        negations = tuple(t for t in lexicon.triage.negation.triggers if len(t.split()) == 1)
        synonyms = lexicon.triage.synonyms
        self.groups: dict[str, tuple[str, ...]] = {
            **lexicon.triage.groups,
            **kb.groups,
            **{_SYNONYM + name: entries for name, entries in synonyms.items()},
            NEGATION_GROUP: negations,
        }
        # A one-word entry's stem -> its list: an item's word becomes a slot of the list.
        self._synonym_of = {
            stem(e): _SYNONYM + name for name, entries in synonyms.items() for e in entries if " " not in e
        }
        self._negations = frozenset(negations)
        fillers = lexicon.triage.item_fillers
        self._skip = (
            lexicon.language.stopwords | frozenset(fillers.words if fillers else ())
        ) - self._negations
        self._overlay = {slug: self._red_flags(c) for slug, c in kb.conditions.items() if c.red_flags}
        # Never read a known word as a typo of a flag's ("twitches" is not "switched").
        names = [n for c in kb.conditions.values() for n in (c.name, *c.aliases, *c.concerns)]
        names += [n for i in kb.ingredients.values() for n in (i.name, *i.aliases)]
        known = frozenset(w for n in names for w in words(n))
        self._never_fuzzy = lexicon.common_words | lexicon.language.stopwords | known
        self._said_as = SaidAs(lexicon.lay_names)
        self.of = lru_cache(maxsize=_CACHED)(self._build)

    def hits(self, tokens: list[Token], scope: frozenset[str]) -> tuple[list[Hit], dict[str, FlagGroup]]:
        """The flags of the conditions in `scope` found in the message, and their groups."""
        found: list[Hit] = []
        groups: dict[str, FlagGroup] = {}
        for slug in sorted(scope):
            flags = self.of(slug)
            if flags is None or flags.matcher is None:
                continue
            found += flags.matcher.match(tokens)
            groups.update(flags.groups)
        return found, groups

    def shapes(self, condition: Condition) -> list[ItemShape]:
        """How each "When to See a Doctor" item of a condition is matched."""
        own = self._own_words(condition)
        return [ItemShape(item, self._clauses(item, own)) for item in condition.when_to_see_doctor]

    def _build(self, slug: str) -> ConditionFlags | None:
        condition = self.kb.conditions.get(slug)
        if condition is None:
            return None
        patterns, groups = self._overlay.get(slug, ([], {}))
        patterns, groups = list(patterns), dict(groups)
        untriggerable = []
        emergency = set(condition.emergency_items)
        for n, shape in enumerate(self.shapes(condition)):
            if not shape.clauses:
                untriggerable.append(shape.item)
                continue
            level: Level = "emergency" if shape.item in emergency else "doctor"
            window = max(_MIN_WINDOW, *(2 * len(c) for c in shape.clauses))
            # A clause that says "not" itself ("not relieved by stretching") is never negated by
            # the message's "not"; the others are ("havent had any bleeding").
            negation = f"{{{NEGATION_GROUP}}}"
            for says_not in (False, True):
                clauses = [c for c in shape.clauses if (negation in c) == says_not]
                if clauses:
                    kind = f"{slug}/item{n + 1}" + ("/not" if says_not else "")
                    patterns += self._item_patterns(slug, kind, level, window, clauses, says_not, groups)
        if not patterns:
            return ConditionFlags(None, groups, tuple(untriggerable))
        # Typos are forgiven in the words of the flags themselves only: a matcher per condition
        # must be quick to build (a slot's entries match as written).
        vocabulary = {w for p in patterns for w in p.label.split()}
        never_fuzzy = self._never_fuzzy
        return ConditionFlags(PhraseMatcher(patterns, vocabulary, never_fuzzy), groups, tuple(untriggerable))

    def _item_patterns(
        self,
        slug: str,
        kind: str,
        level: Level,
        window: int,
        clauses: list[tuple[str, ...]],
        says_not: bool,
        groups: dict[str, FlagGroup],
    ) -> list[Pattern]:
        """The patterns of some of an item's clauses, and their group, named `kind`."""
        patterns: list[Pattern] = []
        frames = tuple(c for c in clauses if len(c) > 1)
        groups[kind] = FlagGroup(level=level, frames=frames, window=window, negation_inside=says_not)
        owners = frozenset((slug,))
        for clause in clauses:
            if len(clause) == 1:
                patterns += compile_phrase(clause[0], self.groups, tag=level, kind=kind, owners=owners)
        for f, clause in enumerate(frames):
            for part, phrase in enumerate(clause):
                patterns += compile_phrase(
                    phrase, self.groups, tag=FRAME, kind=kind, frame=f, part=part, owners=owners
                )
        return patterns

    def _red_flags(self, condition: Condition) -> tuple[list[Pattern], dict[str, FlagGroup]]:
        """The overlay's red flags of a condition, compiled; an unknown {group} is an error that
        names the flag."""
        patterns: list[Pattern] = []
        groups: dict[str, FlagGroup] = {}
        owners = frozenset((condition.slug,))
        for name, flag in condition.red_flags.items():
            kind = f"{condition.slug}/{name}"
            groups[kind] = FlagGroup(level=flag.level, frames=flag.frames, window=flag.window)
            try:
                for phrase in flag.phrases:
                    patterns += compile_phrase(phrase, self.groups, tag=flag.level, kind=kind, owners=owners)
                for f, frame in enumerate(flag.frames):
                    for part, phrase in enumerate(frame):
                        patterns += compile_phrase(
                            phrase, self.groups, tag=FRAME, kind=kind, frame=f, part=part, owners=owners
                        )
            except KeyError as exc:
                where = f"[conditions.{condition.slug}.red_flags.{name}]"
                problem = Problem(OVERLAY, None, f"{where}: unknown group {{{exc.args[0]}}}")
                raise KnowledgeError([problem]) from None
        return patterns, groups

    def _own_words(self, condition: Condition) -> tuple[frozenset[str], frozenset[str]]:
        """The stems of the condition's names, and of its synopsis: a clause made only of the
        synopsis's words describes the condition itself ("night sweats" of hot flashes)."""
        own = (condition.name, *condition.aliases)
        said = self._said_as(own)  # "hot flushes" for Hot flashes
        names = frozenset(stem(w) for name in (*own, *said) for w in words(name))
        return names, names | frozenset(stem(w) for w in words(condition.synopsis))

    def _clauses(self, item: str, own: tuple[frozenset[str], frozenset[str]]) -> tuple[tuple[str, ...], ...]:
        """The item's clauses as parts to find: meaning-bearing words (a [synonyms] list for a
        word in one), and "{not}" for a negation. A clause of the condition's own words is
        not a sign; a lone everyday word borrows the first clause's first word, or is dropped."""
        names, described = own
        negation = f"{{{NEGATION_GROUP}}}"
        clauses: list[tuple[list[str], bool]] = []
        for text in _shared_tails(_CLAUSE_SPLIT.split(item)):
            parts: list[str] = []
            itself = True  # every word also describes the condition itself
            for word in words(text):
                if word in self._negations:
                    if negation not in parts:
                        parts.append(negation)
                elif word not in self._skip and stem(word) not in names:
                    itself = itself and stem(word) in described
                    synonym = self._synonym_of.get(stem(word))
                    part = f"{{{synonym}}}" if synonym else word
                    if part not in parts:
                        parts.append(part)
            if parts and parts != [negation]:
                clauses.append((parts, itself))
        first = next((parts for parts, _ in clauses if parts != [negation]), [])
        head = next((p for p in first if p != negation), None)
        # A lone word borrows the head's "not" too: "walking" of "Symptoms not relieved by
        # moving, walking or stretching" is not relieved by walking.
        borrowed = [p for p in first if p in (negation, head)][:2]
        common = self.lexicon.common_words
        shaped: list[tuple[str, ...]] = []
        for parts, itself in clauses:
            if itself and len(parts) <= 2:
                continue
            if len(parts) == 1 and (parts[0] in common or parts[0].startswith("{")):
                if head is None or head == parts[0]:
                    continue  # "redness" alone would be any red thing
                parts = [*borrowed, *parts]  # "redness" of "Calf swelling, redness or warmth"
            shaped.append(tuple(parts))
        return tuple(shaped)


def _shared_tails(clauses: list[str]) -> list[str]:
    """Give a clause without a closing condition the one the next clause ends with."""
    out = list(clauses)
    for k in range(len(out) - 2, -1, -1):
        if _TAIL.search(out[k]):
            continue
        tail = _TAIL.search(out[k + 1])
        if tail and out[k].strip():
            out[k] = out[k] + " " + out[k + 1][tail.start() :]
    return out
