"""Reading a message: its words, the topics it names or describes, the section it asks for, its
red flags. Pure understanding: what to answer is knowledge.answers' job."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from knowledge.base.models import KnowledgeBase
from knowledge.understanding.intent import is_small_talk, section_for
from knowledge.understanding.lexicon import Lexicon
from knowledge.understanding.normalise import Tokens, tokenize
from knowledge.understanding.patterns import SECTION, TOPIC
from knowledge.understanding.phrase_matcher import PhraseMatcher
from knowledge.understanding.phrasebook import build_patterns, vocabulary
from knowledge.understanding.topic_index import TopicIndex
from knowledge.understanding.triage import Triager, TriageResult

_FEARED_SECTIONS = ("severity", "doctor")


@dataclass(frozen=True)
class Reading:
    """What one message is about. `conditions` are named or described ("my eyelid keeps
    jumping"); `concerns` are serious conditions feared ("do I have ALS?")."""

    ingredients: tuple[str, ...]
    conditions: tuple[str, ...]
    concerns: tuple[str, ...]
    near_misses: tuple[str, ...]
    triage: TriageResult
    asks_safety: bool
    section: str  # for the first condition or concern; "overview" when none is asked
    small_talk: bool
    empty: bool = False  # no words at all

    @property
    def condition(self) -> str | None:
        """The condition in question: named, described, or feared."""
        return next(iter((*self.conditions, *self.concerns)), None)

    @property
    def topics(self) -> tuple[str, ...]:
        return (*self.ingredients, *dict.fromkeys((*self.conditions, *self.concerns)))


NOTHING = Reading((), (), (), (), TriageResult("none", ()), False, "overview", False, empty=True)


class Reader:
    """Builds every index once per knowledge base; reads any number of messages."""

    def __init__(self, kb: KnowledgeBase, lexicon: Lexicon, today: Callable[[], date]) -> None:
        self.lexicon = lexicon
        self.today = today
        language = lexicon.language
        never_fuzzy = lexicon.common_words | language.stopwords
        self.index = TopicIndex(kb, never_fuzzy, language.stopwords)
        patterns = build_patterns(lexicon, kb)
        self.phrases = PhraseMatcher(patterns, vocabulary(patterns, lexicon, kb), never_fuzzy)
        self.triager = Triager(lexicon.triage)

    def read(self, text: str) -> Reading:
        tokens = tokenize(text)
        if not tokens:
            return NOTHING
        return self._read(tokens)

    def _read(self, tokens: Tokens) -> Reading:
        hits = self.phrases.match(tokens)
        found = self.index.find(tokens)
        mentioned = list(dict.fromkeys((m.slug, m.kind) for m in found.mentions))
        ingredients = tuple(slug for slug, kind in mentioned if kind == "ingredient")
        named = [slug for slug, kind in mentioned if kind == "condition"]
        described = [o for h in hits if h.pattern.tag == TOPIC for o in sorted(h.pattern.owners)]
        conditions = tuple(dict.fromkeys((*named, *described)))
        concerns = tuple(slug for slug, kind in mentioned if kind == "concern")
        in_question = next(iter((*conditions, *concerns)), None)
        # How long someone has taken a supplement is not how long a symptom has lasted.
        durations = in_question is not None or not ingredients
        triage = self.triager.assess(tokens, hits, self.today(), durations=durations)
        asks_safety = any(h.pattern.tag == SECTION and h.pattern.section == "safety" for h in hits)
        section = "overview"
        if in_question is not None:
            asked = [h for h in hits if h.pattern.section != "safety"]
            section = section_for(asked, in_question, self.lexicon.language.section_order)
            feared = concerns and (section == "overview" or not conditions)
            if feared and section not in _FEARED_SECTIONS:
                section = "severity"  # "do I have ALS?": what sets a worrying case apart
        small_talk = is_small_talk(tokens, hits, self.lexicon.language.stopwords)
        return Reading(
            ingredients,
            conditions,
            concerns,
            found.near_misses,
            triage,
            asks_safety,
            section,
            small_talk,
        )
