"""Every phrase the engine looks for, from the lexicon files and from the articles themselves."""

from __future__ import annotations

import re
from collections.abc import Iterator

from knowledge.lexicon import Lexicon
from knowledge.models import Condition, KnowledgeBase
from knowledge.phrases import Pattern, compile_phrase, expand
from knowledge.text import words

EMERGENCY, DOCTOR, IGNORE, SMALL_TALK, SECTION = (
    "emergency", "doctor", "ignore", "small_talk", "section",
)
_CLAUSE_SPLIT = re.compile(r",|;|\bor\b|\band\b|\(|\)", re.IGNORECASE)
_MIN_CLAUSE, _MAX_CLAUSE = 2, 5
_MIN_DERIVED_WORD = 4
DERIVED_WEIGHT = 1


def build_patterns(lexicon: Lexicon, kb: KnowledgeBase) -> list[Pattern]:
    patterns = list(_lexicon_patterns(lexicon))
    for condition in kb.conditions.values():
        patterns += _article_patterns(condition, kb, lexicon.language.stopwords)
    return patterns


def _compiled(phrases: tuple[str, ...], groups: dict, **fields: object) -> Iterator[Pattern]:
    for phrase in phrases:
        for concrete in expand(phrase, groups):
            pattern = compile_phrase(concrete, **fields)
            if pattern is not None:
                yield pattern


def _lexicon_patterns(lexicon: Lexicon) -> Iterator[Pattern]:
    triage, language = lexicon.triage, lexicon.language
    for tag, phrases in (
        (EMERGENCY, triage.emergency.phrases),
        (DOCTOR, triage.doctor.phrases),
        (IGNORE, triage.ignore.phrases),
    ):
        yield from _compiled(phrases, triage.groups, tag=tag)
    yield from _compiled(language.small_talk.phrases, {}, tag=SMALL_TALK)
    for name, entry in language.sections.items():
        yield from _compiled(
            entry.phrases, {}, tag=SECTION, section=entry.section or name, weight=entry.weight
        )


def _article_patterns(condition: Condition, kb: KnowledgeBase, stopwords: frozenset[str]):
    """An article's own words: its doctor items escalate; its causes and remedies lend intent."""
    own = _own_words(condition, kb)
    patterns: list[Pattern] = []
    for item in condition.when_to_see_doctor:
        for clause in _CLAUSE_SPLIT.split(item):
            kept = [w for w in words(clause) if w not in own]
            while kept and kept[0] in stopwords:
                kept.pop(0)
            if _MIN_CLAUSE <= len(kept) <= _MAX_CLAUSE:
                patterns += _compiled((" ".join(kept),), {}, tag=DOCTOR, condition=condition.slug)
    lends = (
        ("causes", condition.common_causes),
        ("severity", condition.severity_causes),
        ("remedies", tuple(r.name for r in condition.remedies if not r.ingredient_slugs)),
    )
    for section, texts in lends:
        derived = {
            w for text in texts for w in words(text)
            if len(w) >= _MIN_DERIVED_WORD and w not in stopwords and w not in own
        }
        patterns += _compiled(
            tuple(sorted(derived)), {}, tag=SECTION, section=section, weight=DERIVED_WEIGHT,
            condition=condition.slug,
        )
    return patterns


def _own_words(condition: Condition, kb: KnowledgeBase) -> set[str]:
    """Words that name the condition or its ingredients: they say what, not which section."""
    names = [condition.name, *condition.aliases]
    for ingredient in kb.ingredients_of(condition.slug):
        names += [ingredient.name, *ingredient.aliases]
    return {w for name in names for w in words(name)}
