"""What a message asks beyond its topics: which section, whether it is a question, and whether
it is only small talk (a greeting, a thank-you, an ok, a goodbye)."""

from __future__ import annotations

import unicodedata
from collections import Counter
from itertools import pairwise

from knowledge.levels import SectionName
from knowledge.understanding.lexicon import Language, SmallTalkKind
from knowledge.understanding.normalise import Token
from knowledge.understanding.patterns import SECTION, SMALL_TALK
from knowledge.understanding.phrase_matcher import Hit, longest_first

# When a message holds small talk of several kinds, the reply answers the strongest.
_STRONGEST_FIRST: tuple[SmallTalkKind, ...] = ("bye", "thanks", "greeting", "ok")


def section_for(hits: list[Hit], condition: str, order: tuple[str, ...]) -> SectionName:
    """The best-scoring section for this condition; "overview" when nothing points anywhere."""
    relevant = [h for h in hits if h.pattern.tag == SECTION and h.pattern.applies_to(condition)]
    if not relevant:  # most messages: no Counter to build
        return "overview"
    scores: Counter[str] = Counter()
    for hit in longest_first(relevant):
        scores[hit.pattern.section or ""] += hit.pattern.weight
    if not scores:
        return "overview"
    best = max(scores.values())
    winners = [s for s in scores if scores[s] == best]
    winners.sort(key=lambda s: order.index(s) if s in order else len(order))
    return winners[0]


def is_question(tokens: list[Token], source: str, language: Language) -> bool:
    """A question mark, a question word anywhere, or a verb before its subject ("is it")."""
    if "?" in source or "？" in source:
        return True
    questions = language.questions
    texts = [t.text for t in tokens]
    if not _as_set(questions.openers).isdisjoint(texts):
        return True
    if questions.verbs.isdisjoint(texts):  # no verb, so no verb before its subject
        return False
    return any(a in questions.verbs and b in questions.subjects for a, b in pairwise(texts))


# The question openers of every language (125 words) as a set: a tuple is scanned word by
# word for each word of the message. By the lexicon's own tuple, kept beside it so that its id
# is never another's; a lexicon is loaded once (a reload brings a new tuple).
_SETS: dict[int, tuple[tuple[str, ...], frozenset[str]]] = {}


def _as_set(words: tuple[str, ...]) -> frozenset[str]:
    found = _SETS.get(id(words))
    if found is None or found[0] is not words:
        if len(_SETS) > 8:
            _SETS.clear()
        found = _SETS[id(words)] = (words, frozenset(words))
    return found[1]


def small_talk(
    tokens: list[Token], hits: list[Hit], language: Language, *, question: bool, closing: bool
) -> SmallTalkKind | None:
    """The kind of small talk the message is, if it is only that: every word small talk or a
    filler word ("thanks so much!"), or, when `closing` is allowed (no topic, no question, no
    red flag) and the message is no `question`, a statement closed by a thank-you or goodbye,
    or opened by an ok."""
    talk = [h for h in hits if h.pattern.tag == SMALL_TALK and h.pattern.kind in language.small_talk]
    if not talk:
        return None
    groups = language.small_talk
    covered = {i for h in talk for i in range(h.start, h.end)}
    kinds = {groups[h.pattern.kind or ""].reply for h in talk}
    # A question is small talk only in so many words ("what can you do?"), never with filler
    # words around a greeting or an ok ("what helps?", "why not?").
    filler = () if question else language.stopwords
    if all(i in covered or t.text in filler for i, t in enumerate(tokens)):
        return next(k for k in _STRONGEST_FIRST if k in kinds)
    if not closing or question:
        return None
    closers = {
        groups[h.pattern.kind or ""].reply
        for h in talk
        if groups[h.pattern.kind or ""].closing == "anywhere"
        or (groups[h.pattern.kind or ""].closing == "start" and h.start == 0)
    }
    return next((k for k in _STRONGEST_FIRST if k in closers), None)


def emoji_small_talk(source: str, language: Language) -> SmallTalkKind | None:
    """A message of emoji only ("👍", "🙏🙏"): the strongest kind among its emoji; any other
    symbol is read as an ok."""
    found: set[SmallTalkKind] = set()
    for group in language.small_talk.values():
        if any(e in source for e in group.emoji):
            found.add(group.reply)
    if found:
        return next(k for k in _STRONGEST_FIRST if k in found)
    return "ok" if any(unicodedata.category(c) == "So" for c in source) else None
