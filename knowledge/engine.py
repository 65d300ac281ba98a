"""The answer engine: text in, a platform-neutral Reply out. A thin facade over understanding
(knowledge.understanding.reader) and answers (knowledge.answers): nothing is invented."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from knowledge.answers import wording
from knowledge.answers.advice import Advisor, with_escalation
from knowledge.answers.check import SymptomCheck
from knowledge.answers.compose import Composer
from knowledge.answers.listings import Listings
from knowledge.answers.reply import Answers, Escalation, Listing, Reply
from knowledge.base.helplines import shipped_helplines
from knowledge.base.models import KnowledgeBase
from knowledge.conversation import MAX_TOPICS, Conversation
from knowledge.i18n.catalog import active_language, speaking
from knowledge.i18n.choose import choose_language, language_without_text
from knowledge.i18n.detect import Detector
from knowledge.i18n.languages import DEFAULT_LANGUAGE
from knowledge.understanding.lexicon import Lexicon, load_lexicon
from knowledge.understanding.reader import Reader, Reading
from knowledge.understanding.triage import rank
from knowledge.understanding.written_in import WrittenIn

# Replies that leave the conversation's topic as it was.
_KEEPS_CONTEXT = frozenset(("small_talk", "empty", "suggest", "catalogue", "check"))
_LEADING = frozenset(("emergency", "crisis"))
_NOT_UNDERSTOOD = frozenset(("unknown", "suggest"))
# Replies with medical content, which carry the disclaimer; lists, pickers and did-you-mean
# prompts do not, unless they show advice.
_DISCLAIMED = frozenset(("topic", "advice"))


class Engine:
    def __init__(
        self, kb: KnowledgeBase, lexicon: Lexicon | None = None, today: Callable[[], date] = date.today
    ) -> None:
        self.kb = kb
        self.lexicon = lexicon or load_lexicon()
        self.reader = Reader(kb, self.lexicon, today)
        self.composer = Composer(kb)
        self.listings = Listings(kb)
        self.checks = SymptomCheck(kb)
        self.advisor = Advisor(kb, self.lexicon.triage, kb.helplines or shipped_helplines())
        self.detector = Detector()
        self.written_in = WrittenIn(self.lexicon)

    # Every reply is written in `lang` (English by default), with the helplines of `region`
    # (a country code from the user's app) when known: see knowledge.i18n.

    def language(self, text: str, conversation: Conversation | None, user_tag: str | None = None) -> str:
        """The language to answer `text` in (knowledge.i18n.choose); `user_tag`: the language
        of the user's app, such as Telegram's language_code."""
        return choose_language(text, conversation, user_tag, self.detector)

    @staticmethod
    def language_without_text(conversation: Conversation | None, user_tag: str | None = None) -> str:
        """The language of a reply to a command or a button press."""
        return language_without_text(conversation, user_tag)

    def answer(
        self,
        text: str,
        conversation: Conversation | None = None,
        lang: str = DEFAULT_LANGUAGE,
        region: str | None = None,
    ) -> Reply:
        """Answer one message, in `conversation` if there is one (a follow-up such as "is it
        safe?" takes its topic from it). Escalation is decided from the text alone, read with
        the clinical words of the language the text is written in (detected, else `lang`; see
        knowledge.understanding.written_in): a word of one language is never taken for a
        warning sign of another."""
        with speaking(lang, region):
            detected = self.detector.detect(text)
            written_in = self.written_in.language(text, detected, lang)
            return _written(self._answer(text, conversation, lang, written_in))

    def _answer(self, text: str, conversation: Conversation | None, lang: str, written_in: str) -> Reply:
        reading = self.reader.read(text, conversation, written_in)
        reply = self._reply(reading, conversation).model_copy(update={"topics": reading.topics})
        context = reading.condition or reading.context
        if context is None and reading.ingredients:
            uses = self.kb.ingredients[reading.ingredients[0]].uses
            context = uses[0].condition_slug if len(uses) == 1 else None
        escalation = self.advisor.escalation(reading.triage, context, text)
        escalation = escalation.model_copy(update={"concepts": reading.triage.concepts})
        if reply.kind in _NOT_UNDERSTOOD and conversation is not None and conversation.level in _LEADING:
            # Right after crisis or emergency advice, "ive been planning how to do it" or
            # "its getting worse" is about that, never "I don't have information on that".
            reply = self.advisor.with_level(
                self.listings.advice_only(reading.near_misses), conversation.level
            )
            escalation = (
                reply.escalation if rank(reply.escalation.level) > rank(escalation.level) else escalation
            )
        if escalation.level in _LEADING:  # now is not the time for a questionnaire
            reply = reply.model_copy(update={"actions": tuple(a for a in reply.actions if a.check is None)})
        reply = with_escalation(reply, escalation)
        if reply.kind == "small_talk":  # one short line
            return reply
        return _disclaimed(reply)

    def _reply(self, reading: Reading, conversation: Conversation | None) -> Reply:
        if reading.empty:
            return self.listings.empty()
        if reading.inherited and reading.triage.level != "none" and self._only_advice(reading):
            return self.listings.about(reading.topics[0])
        if reading.ingredients:
            section = "safety" if reading.asks_safety else "overview"
            first, *also = reading.ingredients
            return self.composer.ingredient(first, reading.condition or reading.context, tuple(also), section)
        if reading.condition is not None:
            return self.composer.condition(reading.condition, reading.section)
        if reading.triage.level != "none":
            return self.listings.advice_only(reading.near_misses)
        if reading.small_talk:
            return self.listings.small_talk(reading.small_talk, self._reminder(conversation))
        if reading.other_topic:
            return self.listings.unknown(reading.other_topic)
        if reading.near_misses:
            return self.listings.suggest(reading.near_misses)
        return self.listings.unknown()

    @staticmethod
    def _only_advice(reading: Reading) -> bool:
        """A red flag said in passing ("it's been 2 months now"), with nothing else asked."""
        return not reading.asks_safety and reading.section == "overview"

    def _reminder(self, conversation: Conversation | None) -> str:
        level = conversation.level if conversation else "none"
        numbers = self.advisor.emergency_numbers()
        if level == "crisis":
            return wording.AFTER_CRISIS.format(numbers=numbers)
        if level == "emergency":
            return wording.AFTER_EMERGENCY.format(numbers=numbers)
        return ""

    def after(self, conversation: Conversation | None, reply: Reply) -> Conversation:
        """The conversation once `reply` is shown: its topics, condition, section, level and
        language (a language chosen with /language stays chosen). Small talk changes nothing
        else; a topic the knowledge base lacks clears the topic."""
        chosen = conversation is not None and conversation.lang_chosen
        after = self._after(conversation, reply)
        return after.model_copy(update={"lang": reply.lang, "lang_chosen": chosen})

    def _after(self, conversation: Conversation | None, reply: Reply) -> Conversation:
        conversation = conversation or Conversation()
        if reply.kind in _KEEPS_CONTEXT:
            return conversation
        level = reply.escalation.level
        if reply.kind == "unknown":
            return Conversation(level=level)
        topics = tuple(t for t in reply.topics if t in self.kb.conditions or t in self.kb.ingredients)
        if not topics:  # advice about nothing named: the person, not a topic
            return conversation.model_copy(update={"level": level})
        condition = next((t for t in topics if t in self.kb.conditions), None)
        if condition is None:
            uses = [u.condition_slug for u in self.kb.ingredients[topics[0]].uses]
            if len(uses) == 1:
                condition = uses[0]
            elif conversation.condition in uses:
                condition = conversation.condition
        # The topics before stay behind the new ones: "is it safe?" after "which one is best
        # for twitching?" still means the ingredient.
        topics = tuple(dict.fromkeys((*topics, *conversation.topics)))[:MAX_TOPICS]
        return Conversation(topics=topics, condition=condition, section=reply.section, level=level)

    def topic_reply(
        self,
        slug: str,
        section: str | None = None,
        keep: str = "",
        page: int = 0,
        lang: str = DEFAULT_LANGUAGE,
        region: str | None = None,
    ) -> Reply | None:
        """A topic's answer without a message (a button press): no red flag to look for, but
        the advice the button keeps (`keep`) is shown again. `page`: of an ingredient's uses."""
        with speaking(lang, region):
            reply = self.composer.topic(slug, section, page)
            if reply is None:
                return None
            reply = reply.model_copy(update={"topics": (slug,)})
            return _written(_disclaimed(self.advisor.with_kept(reply, keep)))

    def check(
        self,
        slug: str,
        answers: Answers,
        keep: str = "",
        lang: str = DEFAULT_LANGUAGE,
        region: str | None = None,
    ) -> Reply | None:
        """A step of a condition's symptom check (a button press), or None if the button no
        longer fits the article."""
        with speaking(lang, region):
            reply = self.checks.step(slug, answers)
            if reply is None:
                return None
            return _written(_disclaimed(self.advisor.with_kept(reply, keep)))

    def catalogue(
        self,
        listing: Listing,
        page: int = 0,
        keep: str = "",
        lang: str = DEFAULT_LANGUAGE,
        region: str | None = None,
    ) -> Reply:
        """A page of all conditions or ingredients, keeping any advice the button carried."""
        with speaking(lang, region):
            return _written(_disclaimed(self.advisor.with_kept(self.listings.catalogue(listing, page), keep)))

    def greeting(self, lang: str = DEFAULT_LANGUAGE) -> Reply:
        with speaking(lang):
            return _written(self.listings.greeting())

    def complete(self, prefix: str, limit: int = 5) -> tuple[str, ...]:
        """Topics whose name starts with what was typed so far ("magnes"), for inline mode."""
        return self.reader.index.complete(prefix, limit)

    def examples(self, lang: str = DEFAULT_LANGUAGE) -> tuple[str, ...]:
        with speaking(lang):
            return self.listings.examples()

    def kept(self, code: str, condition: str | None, lang: str = DEFAULT_LANGUAGE) -> Escalation:
        with speaking(lang):
            return self.advisor.kept(code, condition)

    def with_kept(self, reply: Reply, code: str, region: str | None = None) -> Reply:
        """`reply` with the advice `code` keeps, in the reply's own language."""
        with speaking(reply.lang, region):
            return self.advisor.with_kept(reply, code)


def _written(reply: Reply) -> Reply:
    """The reply, marked with the language its words were looked up in."""
    return reply.model_copy(update={"lang": active_language()})


def _disclaimed(reply: Reply) -> Reply:
    """The reply with the disclaimer if it says anything medical: a topic's answer or advice
    (a check's outcome and the greeting carry their own)."""
    if reply.disclaimer or (reply.kind not in _DISCLAIMED and reply.escalation.level == "none"):
        return reply
    return reply.model_copy(update={"disclaimer": wording.DISCLAIMER})
