"""The answer engine: text in, a platform-neutral Reply out. A thin facade over understanding
(knowledge.understanding.reader) and answers (knowledge.answers): nothing is invented."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import NamedTuple

from knowledge.answers import wording
from knowledge.answers.advice import Advisor, advice_update
from knowledge.answers.check import SymptomCheck
from knowledge.answers.compose import Composer
from knowledge.answers.listings import Listings
from knowledge.answers.reply import Answers, Escalation, Listing, Reply, TurnKind
from knowledge.base.helplines import shipped_helplines
from knowledge.base.models import KnowledgeBase
from knowledge.conversation import Conversation
from knowledge.i18n.catalog import active_language, speaking
from knowledge.i18n.choose import choose_language, language_for, language_without_text
from knowledge.i18n.detect import Detector
from knowledge.i18n.languages import DEFAULT_LANGUAGE
from knowledge.turns import TURNS, Advice, Answer, Turns
from knowledge.understanding.disguise import unmask
from knowledge.understanding.lexicon import Lexicon, load_lexicon
from knowledge.understanding.reader import Reader, Reading
from knowledge.understanding.written_in import WrittenIn

# Replies with medical content, which carry the disclaimer; lists, pickers and did-you-mean
# prompts do not, unless they show advice.
_DISCLAIMED = frozenset(("topic", "advice"))
# Kinds of a thing the knowledge base lacks that are swallowed (conversation.toml [elsewhere]; ""
# for a supplement): the conversation keeps that one is in context (Conversation.taken).
_TAKEN = frozenset(("", "drug"))


class _Body(NamedTuple):
    """What a reply says besides its advice (by the turn's row), its topics, and the line the
    turn puts first (an interaction question's)."""

    reply: Reply
    topics: tuple[str, ...] = ()
    intro: str | None = None


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
        self.turns = Turns(kb)
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
        lang: str | None = DEFAULT_LANGUAGE,
        region: str | None = None,
        *,
        user_tag: str | None = None,
    ) -> Reply:
        """Answer one message, in `conversation` if there is one (a follow-up such as "is it
        safe?" takes its topic from it), in `lang`, or with None in the language `language`
        would choose (with `user_tag`, the app's language). The turn's kind (knowledge.turns)
        decides first what the reply is and which advice it carries; the reply is then built
        once. Escalation is read with the clinical words of the language the text is written
        in (detected, else the reply's; see knowledge.understanding.written_in): a word of one
        language is never taken for a warning sign of another. The language is detected once
        for both (it is a third of the engine's time on a short message)."""
        plain = unmask(text)  # a disguised message is told by its words (i21's folding)
        detected = self.detector.detect_unmasked(plain)
        lang = lang or language_for(detected, conversation, user_tag)
        with speaking(lang, region):
            written_in = self.written_in.language(plain, detected, lang)
            return self._answer(text, plain, conversation, written_in)  # built once, `lang` included

    def _answer(self, text: str, plain: str, conversation: Conversation | None, written_in: str) -> Reply:
        reading = self.reader.read(text, conversation, written_in, plain)
        turn = self.turns.kind(reading, conversation)
        row = TURNS[turn]
        escalation = self._escalation(reading, conversation, text, row.advice)
        body = self._body(row.answer, reading, conversation)
        taken = bool(reading.other_topic) and reading.other_kind in _TAKEN
        return self._built(body, escalation, turn, taken)

    def _escalation(
        self, reading: Reading, conversation: Conversation | None, text: str, form: Advice
    ) -> Escalation:
        """The message's own advice, or the advice the conversation holds when that is higher
        (in the form the turn's row asks for)."""
        condition = self.turns.condition(reading, conversation)
        own = self.advisor.escalation(reading.triage, condition, text)
        level = self.turns.level(conversation, own.level, reading)
        if level != own.level:
            keep = conversation.keep if conversation else ""
            own = self.advisor.held(level, keep, condition, "again" if form == "own" else form)
        # The clinical concepts read (issue 19), whichever advice is shown (no copy when the
        # advice has them already: most messages read none).
        concepts = reading.triage.concepts
        return own if own.concepts == concepts else own.model_copy(update={"concepts": concepts})

    def _body(self, answer: Answer, reading: Reading, conversation: Conversation | None) -> _Body:
        """What the reply says besides the advice, by the turn's row, and its topics."""
        focus = conversation.focus if conversation else None
        if answer == "topic":
            return _Body(self._topic(reading), reading.topics)
        if answer == "safety" and focus is not None:
            reply = self.composer.ingredient(
                focus, conversation.condition if conversation else None, (), "safety"
            )
            line = wording.NO_INTERACTION_FACTS.format(ingredient=reply.title, other=reading.other_topic)
            return _Body(reply, (focus,), line)
        if answer == "causes" and conversation is not None and conversation.condition is not None:
            condition = conversation.condition
            return _Body(self.composer.condition(condition, "causes"), (condition,))
        if answer == "nothing_on_it" and focus is not None:
            return _Body(self.listings.nothing_on_it(reading.other_topic, focus))
        if answer == "nothing_on_it":  # and no topic in context to offer
            return _Body(self.listings.unknown(reading.other_topic))
        if answer == "advice":
            if reading.inherited and reading.topics:  # "it's been 2 months now"
                return _Body(self.listings.about(reading.topics[0]), reading.topics)
            return _Body(self.listings.advice_only(reading.near_misses))
        if answer == "advice_first" and focus is not None:  # the ingredient only a button
            return _Body(self.listings.about(focus))
        if answer == "held":
            return _Body(self.listings.advice_only(()))
        if answer == "noted":  # what a doctor said, taken in
            return _Body(self.listings.small_talk("ok"))
        if answer == "small_talk" and reading.small_talk is not None:
            return _Body(self.listings.small_talk(reading.small_talk))
        if answer == "suggest":
            return _Body(self.listings.suggest(reading.near_misses))
        if answer == "empty":
            return _Body(self.listings.empty())
        return _Body(self.listings.unknown())

    def _topic(self, reading: Reading) -> Reply:
        if reading.inherited and reading.triage.level != "none" and self._only_advice(reading):
            return self.listings.about(reading.topics[0])
        if reading.ingredients:
            section = "safety" if reading.asks_safety else "overview"
            first, *also = reading.ingredients
            return self.composer.ingredient(first, reading.condition or reading.context, tuple(also), section)
        return self.composer.condition(reading.topics[0], reading.section)

    def _built(self, body: _Body, escalation: Escalation, turn: TurnKind, taken: bool) -> Reply:
        """The reply, built once: the body with its topics and turn, the advice (every button
        under it keeping the advice), no questionnaire when the advice leads, the disclaimer on
        anything medical, and whether a supplement or medicine we lack was named (`taken`)."""
        reply = body.reply
        actions = reply.actions
        if escalation.leads:  # now is not the time for a questionnaire
            actions = tuple(a for a in actions if a.check is None)
        update = advice_update(reply, escalation, actions)
        if not reply.disclaimer and (reply.kind in _DISCLAIMED or escalation.level != "none"):
            # Asked by name: `wording.DISCLAIMER` first fails the module's own lookup (an
            # AttributeError formatted, then dropped) before its __getattr__ finds it.
            update["disclaimer"] = wording.text("DISCLAIMER")
        if body.intro is not None:
            update["intro"] = body.intro
        update |= {"topics": body.topics, "turn": turn, "lang": active_language()}
        if taken:
            update["taken"] = True
        return reply.model_copy(update=update)

    @staticmethod
    def _only_advice(reading: Reading) -> bool:
        """A red flag said in passing ("it's been 2 months now"), with nothing else asked."""
        return not reading.asks_safety and reading.section == "overview"

    def after(self, conversation: Conversation | None, reply: Reply) -> Conversation:
        """The conversation once `reply` is shown (knowledge.turns decides), in the reply's
        language (a language chosen with /language stays chosen)."""
        chosen = conversation is not None and conversation.lang_chosen
        return self.turns.after(conversation, reply, reply.lang, chosen)

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
