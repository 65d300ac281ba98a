"""Every phrase the engine looks for, from the lexicon files and from the articles themselves."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from knowledge.lexicon import Lexicon
from knowledge.models import Condition, KnowledgeBase
from knowledge.phrases import Pattern, compile_phrase, expand
from knowledge.text import words

CRISIS, EMERGENCY, DOCTOR, IGNORE, SMALL_TALK, SECTION, TOPIC, FRAME = (
    "crisis", "emergency", "doctor", "ignore", "small_talk", "section", "topic", "frame",
)
FLAG_TAGS = frozenset((CRISIS, EMERGENCY, DOCTOR))
ARTICLE_FLAG = "article"  # the kind of a red flag lent by an article's "When to See a Doctor"
_CLAUSE_SPLIT = re.compile(r",|;|\bor\b|\band\b|\(|\)", re.IGNORECASE)
_MIN_CLAUSE, _MAX_CLAUSE = 2, 5
_MIN_DERIVED_WORD = 4
DERIVED_WEIGHT = 1
# The sections an article lends words to, in the order it lends them.
LENT_SECTIONS = ("causes", "severity", "remedies")


def build_patterns(lexicon: Lexicon, kb: KnowledgeBase) -> list[Pattern]:
    """The lexicon's phrases, then one Pattern per distinct article phrase with its owners.

    Order matters where phrases tie, so it is the order one copy per article would have had:
    the lexicon's phrases first, in file order; article phrases after them, a lent section word
    ordered as every article orders its own (causes, severity, remedies; then alphabetically).
    `first` and `last` keep each article phrase's place among those copies for triage.
    """
    patterns = [
        replace(p, first=position, last=position) for position, p in enumerate(_lexicon_patterns(lexicon))
    ]
    owners: dict[Pattern, list[str]] = {}
    places: dict[Pattern, list[int]] = {}
    position = len(patterns)
    stopwords = lexicon.language.stopwords
    memo = _Memo()
    for condition in kb.conditions.values():
        for shape in _article_patterns(condition, kb, stopwords, memo):
            owners.setdefault(shape, []).append(condition.slug)
            places.setdefault(shape, [position, position])[1] = position
            position += 1
    merged = [
        replace(shape, owners=frozenset(slugs), first=places[shape][0], last=places[shape][1])
        for shape, slugs in owners.items()
    ]
    merged.sort(key=_article_order)
    return patterns + merged


def _article_order(pattern: Pattern) -> tuple:
    if pattern.tag == SECTION:
        return (1, LENT_SECTIONS.index(pattern.section), pattern.label)
    return (0, pattern.first)  # red flags and descriptions, as the articles order them


def _compiled(phrases: tuple[str, ...], groups: dict, **fields: object) -> Iterator[Pattern]:
    for phrase in phrases:
        for concrete in expand(phrase, groups):
            pattern = compile_phrase(concrete, **fields)
            if pattern is not None:
                yield pattern


def _lexicon_patterns(lexicon: Lexicon) -> Iterator[Pattern]:
    triage, language = lexicon.triage, lexicon.language
    for name, flag in triage.flags.items():
        yield from _compiled(flag.phrases, triage.groups, tag=flag.level, kind=name)
        for frame, parts in enumerate(flag.frames):
            for part, phrase in enumerate(parts):
                yield from _compiled((phrase,), triage.groups, tag=FRAME, kind=name, frame=frame, part=part)
    yield from _compiled(triage.ignore.phrases, triage.groups, tag=IGNORE)
    yield from _compiled(language.small_talk.phrases, {}, tag=SMALL_TALK)
    for name, entry in language.sections.items():
        yield from _compiled(
            entry.phrases, {}, tag=SECTION, section=entry.section or name, weight=entry.weight
        )


class _Memo:
    """One build's memory: articles repeat their texts ("Stress or anxiety", ingredient names)
    and phrases, and 10,000 topics would normalise and compile them over and over."""

    def __init__(self) -> None:
        self._words: dict[str, list[str]] = {}
        self._patterns: dict[tuple, list[Pattern]] = {}

    def words(self, text: str) -> list[str]:
        found = self._words.get(text)
        if found is None:
            found = self._words[text] = words(text)
        return found

    def compiled(self, phrase: str, **fields: object) -> list[Pattern]:
        key = (phrase, *sorted(fields.items()))
        found = self._patterns.get(key)
        if found is None:
            found = self._patterns[key] = list(_compiled((phrase,), {}, **fields))
        return found


def _article_patterns(
    condition: Condition, kb: KnowledgeBase, stopwords: frozenset[str], memo: _Memo
) -> list[Pattern]:
    """An article's own words: its doctor items escalate; its causes and remedies lend intent.
    Without owners: build_patterns merges the copies that articles share."""
    own = _own_words(condition, kb, memo)
    patterns: list[Pattern] = []
    for phrase in condition.descriptions:
        patterns += memo.compiled(phrase, tag=TOPIC)
    for item in condition.when_to_see_doctor:
        for clause in _CLAUSE_SPLIT.split(item):
            kept = [w for w in memo.words(clause) if w not in own]
            while kept and kept[0] in stopwords:
                kept.pop(0)
            if _MIN_CLAUSE <= len(kept) <= _MAX_CLAUSE:
                patterns += memo.compiled(" ".join(kept), tag=DOCTOR, kind=ARTICLE_FLAG)
    lends = (
        condition.common_causes,
        condition.severity_causes,
        tuple(r.name for r in condition.remedies if not r.ingredient_slugs),
    )
    for section, texts in zip(LENT_SECTIONS, lends, strict=True):
        derived = {
            w for text in texts for w in memo.words(text)
            if len(w) >= _MIN_DERIVED_WORD and w not in stopwords and w not in own
        }
        for word in sorted(derived):
            patterns += memo.compiled(word, tag=SECTION, section=section, weight=DERIVED_WEIGHT)
    return patterns


def _own_words(condition: Condition, kb: KnowledgeBase, memo: _Memo) -> set[str]:
    """Words that name the condition or its ingredients: they say what, not which section."""
    names = [condition.name, *condition.aliases]
    for ingredient in kb.ingredients_of(condition.slug):
        names += [ingredient.name, *ingredient.aliases]
    return {w for name in names for w in memo.words(name)}
