"""Which section of a condition a message asks for, and whether it is only small talk."""

from __future__ import annotations

from collections import Counter

from knowledge.answers.reply import SectionName
from knowledge.understanding.normalise import Token
from knowledge.understanding.patterns import SECTION, SMALL_TALK
from knowledge.understanding.phrase_matcher import Hit, longest_first


def section_for(hits: list[Hit], condition: str, order: tuple[str, ...]) -> SectionName:
    """The best-scoring section for this condition; "overview" when nothing points anywhere."""
    relevant = [h for h in hits if h.pattern.tag == SECTION and h.pattern.applies_to(condition)]
    scores: Counter[str] = Counter()
    for hit in longest_first(relevant):
        scores[hit.pattern.section or ""] += hit.pattern.weight
    if not scores:
        return "overview"
    best = max(scores.values())
    winners = [s for s in scores if scores[s] == best]
    winners.sort(key=lambda s: order.index(s) if s in order else len(order))
    return winners[0]


def is_small_talk(tokens: list[Token], hits: list[Hit], stopwords: frozenset[str]) -> bool:
    """Only greetings, thanks and filler words: "hi", "thanks!", "hello there"."""
    covered = {i for h in hits if h.pattern.tag == SMALL_TALK for i in range(h.start, h.end)}
    if not covered:
        return False
    return all(i in covered or t.text in stopwords for i, t in enumerate(tokens))
