"""The answer engine: text in, a platform-neutral Reply out. A thin facade over understanding
(knowledge.understanding.reader) and answers (knowledge.answers): nothing is invented."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from knowledge.answers import wording
from knowledge.answers.advice import Advisor, with_escalation
from knowledge.answers.compose import Composer
from knowledge.answers.listings import Listings
from knowledge.answers.reply import Escalation, Listing, Reply
from knowledge.base.helplines import shipped_helplines
from knowledge.base.models import KnowledgeBase
from knowledge.understanding.lexicon import Lexicon, load_lexicon
from knowledge.understanding.reader import Reader, Reading


class Engine:
    def __init__(
        self, kb: KnowledgeBase, lexicon: Lexicon | None = None, today: Callable[[], date] = date.today
    ) -> None:
        self.kb = kb
        self.lexicon = lexicon or load_lexicon()
        self.reader = Reader(kb, self.lexicon, today)
        self.composer = Composer(kb)
        self.listings = Listings(kb)
        self.advisor = Advisor(kb, self.lexicon.triage, kb.helplines or shipped_helplines())

    def answer(self, text: str) -> Reply:
        """Answer one message. Escalation is decided from the text alone, whatever matched."""
        reading = self.reader.read(text)
        reply = self._reply(reading).model_copy(update={"topics": reading.topics})
        context = reading.condition
        if context is None and reading.ingredients:
            uses = self.kb.ingredients[reading.ingredients[0]].uses
            context = uses[0].condition_slug if len(uses) == 1 else None
        escalation = self.advisor.escalation(reading.triage, context)
        return with_escalation(reply, escalation).model_copy(update={"disclaimer": wording.DISCLAIMER})

    def _reply(self, reading: Reading) -> Reply:
        if reading.empty:
            return self.listings.empty()
        if reading.ingredients:
            section = "safety" if reading.asks_safety else "overview"
            first, *also = reading.ingredients
            return self.composer.ingredient(first, reading.condition, tuple(also), section)
        if reading.condition is not None:
            return self.composer.condition(reading.condition, reading.section)
        if reading.triage.level != "none":
            return self.listings.advice_only(reading.near_misses)
        if reading.small_talk:
            return self.listings.greeting()
        if reading.near_misses:
            return self.listings.suggest(reading.near_misses)
        return self.listings.unknown()

    def topic_reply(self, slug: str, section: str | None = None, keep: str = "") -> Reply | None:
        """A topic's answer without a message (a button press): no red flag to look for, but
        the advice the button keeps (`keep`) is shown again."""
        reply = self.composer.topic(slug, section)
        if reply is None:
            return None
        reply = reply.model_copy(update={"topics": (slug,), "disclaimer": wording.DISCLAIMER})
        return self.advisor.with_kept(reply, keep)

    def catalogue(self, listing: Listing, page: int = 0, keep: str = "") -> Reply:
        """A page of all conditions or ingredients, keeping any advice the button carried."""
        return self.advisor.with_kept(self.listings.catalogue(listing, page), keep)

    def greeting(self) -> Reply:
        return self.listings.greeting()

    def examples(self) -> tuple[str, ...]:
        return self.listings.examples()

    def kept(self, code: str, condition: str | None) -> Escalation:
        return self.advisor.kept(code, condition)

    def with_kept(self, reply: Reply, code: str) -> Reply:
        return self.advisor.with_kept(reply, code)
