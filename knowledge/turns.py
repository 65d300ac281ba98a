"""What each kind of turn does to a conversation, decided here and nowhere else: the kind of
a turn, the level the conversation holds, the condition in context, and the context the next
turn is read in. The reader says what a message names and refers to; the engine builds the
answer that this table's row asks for.

The table (TURNS) has one row per kind of turn:
- `answer`: what the reply is built from;
- `advice`: how the escalation advice is shown ("own": the message's own red flags, raised to
  the level the conversation holds; "short": one line in that level's words with the number to
  call; "again": the held advice in full; "watch": what to watch for, numbers kept);
- `context`: what the turn leaves ("keep": the context as it was; "answer": the reply's topics
  join it; "clear": only the level stays).
Within the context's lifetime a conversation that reached emergency or crisis keeps that
level: no later turn lowers it, a higher one raises it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from knowledge.answers.reply import Reply, TurnKind
from knowledge.base.models import KnowledgeBase
from knowledge.conversation import MAX_TOPICS, Conversation
from knowledge.levels import Level
from knowledge.understanding.reader import Reading
from knowledge.understanding.triage import rank
from knowledge.understanding.vocabulary import load_vocabulary

# Levels a conversation holds once reached, for the context's lifetime.
HELD: frozenset[Level] = frozenset(("emergency", "crisis"))

Answer = Literal[
    "topic",  # the topic's answer (named, or the one in context)
    "safety",  # the ingredient in context's Safety section, said to lack interaction facts
    "causes",  # the condition in context's Causes section
    "nothing_on_it",  # "I have nothing on X", the topic in context as a button
    "advice",  # the advice alone, about the topic in context when the message refers to it
    "advice_first",  # the advice alone, the ingredient in context only a button back to it
    "held",  # the held advice alone, about the person, not a topic
    "small_talk",  # one short line
    "noted",  # one short line taking in what was said, the topic still a question away
    "suggest",  # did you mean
    "not_understood",  # the topics there are
    "empty",
]
Advice = Literal["own", "short", "again", "watch"]
Context = Literal["keep", "answer", "clear"]


@dataclass(frozen=True)
class Row:
    answer: Answer
    advice: Advice
    context: Context


TURNS: dict[TurnKind, Row] = {
    # Names a topic, or follows on from the one in context ("is it safe?", "its been a month").
    "topic": Row("topic", "own", "answer"),
    # A medicine named while an ingredient is in context ("im on xanax and paxil" after GABA):
    # do the two go together?
    "interaction": Row("safety", "own", "answer"),
    # An ingredient named as lacking in its condition's conversation ("could it be low
    # magnesium?" while talking of twitching): what causes the condition.
    "cause": Row("causes", "own", "answer"),
    # A drink, drug, test or condition the knowledge base lacks ("would gatorade help"), with no
    # emergency or crisis of its own (then the advice alone: an `advice` turn).
    # The topic in context stays a tap away, but "is it safe?" next is about the thing named.
    "elsewhere": Row("nothing_on_it", "own", "clear"),
    # Red flags about no topic ("my leg is giving out").
    "advice": Row("advice", "own", "answer"),
    # An emergency an ingredient cannot have brought, said in its conversation ("right now it
    # feels like a stroke, her words are coming out slurred" after magnesium): the advice
    # first, the ingredient only a button; the conversation keeps it for the next question.
    "alarm": Row("advice_first", "own", "keep"),
    # What a doctor said, told in passing with no topic of its own ("his doctor just said to
    # track how often they happen" after magnesium): taken in, not answered with the topic.
    "reported": Row("noted", "own", "keep"),
    # After emergency or crisis advice: "ok", "calling now", "i'm scared", 👍, thanks.
    "acknowledgement": Row("held", "short", "keep"),
    # After emergency or crisis advice: "what do i do", "help", "what now".
    "asks_help": Row("held", "again", "keep"),
    # After emergency or crisis advice: "I'm ok now", "it was a false alarm".
    "all_clear": Row("held", "watch", "keep"),
    "small_talk": Row("small_talk", "own", "keep"),
    "suggest": Row("suggest", "own", "keep"),
    "not_understood": Row("not_understood", "own", "keep"),
    "empty": Row("empty", "own", "keep"),
    # A button's page of a listing or step of a check (no message).
    "browse": Row("topic", "own", "keep"),
}

# What a turn after emergency or crisis advice says, strongest first: "ok im fine now" says
# it has passed, "ok what do i do" asks for help.
_HELD_TURNS: tuple[TurnKind, ...] = ("all_clear", "asks_help", "acknowledgement")
# The red flags a supplement itself can bring on: an allergic reaction ("now my lips and tongue
# are swelling" after ashwagandha), a poisoning ("my 3yo just got into the bottle"), a liver
# hurt ("my pee is really dark and my skin itches"); each ingredient's Safety section speaks
# to them (NHS, "Anaphylaxis"; NHS, "Poisoning"; LiverTox, "Ashwagandha"), so an emergency of
# these kinds stays the ingredient's. Any other emergency (a stroke, a heart attack) is about
# the person, not the ingredient.
_REACTIONS = frozenset(("allergic", "poisoning", "jaundice"))
# Concepts (concepts.toml, kind "time") that say a sign has gone on for a while: a slow change
# ("the past couple of weeks food keeps going down the wrong way") is the course of the
# condition the ingredient is taken for, and its conversation goes on; only a sign that comes
# on now ("right now it feels like a stroke") is advice first.
_COURSE = frozenset(("chronic", "long_standing", "ongoing", "recurring"))
# The words of the emergency services called or on their way (conversation.toml).
_SERVICES = "services"
# The context before a conversation's first message (frozen: shared by every first turn).
_NO_CONVERSATION = Conversation()
# A medicine named beside an ingredient asks whether the two go together.
_INTERACTS = frozenset(("drug",))
# A drink told of (not asked about) beside an ingredient asks the same ("i had a few beers
# tonight" after "can i take gaba to sleep"); the reply says plainly when no interaction facts
# are on file.
_TOLD = frozenset(("drink",))


# A development told after doctor advice that says it has passed, or what a doctor said, keeps
# no advice ("now its gone", "but my doctor says it's nothing": conversation.toml's kinds).
_NOT_WORSE = frozenset(("all_clear", "reported", "acknowledgement", "well"))
# The concept of a sign told as gone (concepts.toml: "it went away", "back to normal").
_PASSED = frozenset(("recovered",))
# Kinds of concepts (concepts.toml) that say something of the body.
_BODILY = frozenset(("body_site", "symptom", "function_lost"))


class Turns:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._bodily = frozenset(
            cid for cid, concept in load_vocabulary().concepts.items() if concept.kind in _BODILY
        )

    def kind(self, reading: Reading, conversation: Conversation | None) -> TurnKind:
        """The kind of this turn: its row of TURNS."""
        held = self.held(conversation)
        if reading.empty:
            return "empty"
        focus = conversation.focus if conversation else None
        if held == "crisis" and not (reading.topics and not reading.inherited):
            # A crisis is about the person, not a topic: what follows it with no topic of its own
            # is not answered with the topic before it ("ive been planning how to do it", "i have
            # the pills in my hand" after magnesium talk), but with the crisis lines.
            return self._after_crisis(reading)
        if (
            self._interacts(reading)
            and focus in self.kb.ingredients
            and (reading.inherited or not reading.topics)
        ):
            return "interaction"
        own_topic = reading.topics and not reading.inherited
        if own_topic and self._lacking(reading, conversation):
            return "cause"
        if own_topic:
            return "topic"
        if held != "none" and rank(reading.triage.level) <= rank(held):
            # "i used my epipen", "ok calling 911": the words of taking the advice in, even
            # when they hold a flag of the advice itself.
            said = self._held_turn(reading)
            if said is not None:
                return said
        if held != "none" and reading.triage.level in ("none", "doctor"):
            if reading.small_talk is not None:  # "thanks", "lol": the advice still stands
                return "acknowledgement"
            if reading.inherited and not self._asks(reading):
                # "lol never again", "they said its bells palsy": said in passing, it asks
                # nothing of the topic in context, and the advice still stands.
                return "acknowledgement"
        if reading.inherited and self._lack_in_its_talk(reading, conversation):
            return "cause"
        reported = "reported" in reading.turn_words and not reading.question
        if reading.inherited and reported and reading.triage.level == "none":
            return "reported"
        if self._alarm(reading, focus):
            return "alarm"
        if reading.topics:
            return "topic"
        if reading.other_topic and rank(reading.triage.level) >= rank("emergency"):
            # "my 7 year old accidentally ate 16 melatonin gummies", "my child ate a bunch of
            # melatonin gummies": the advice alone, not "I have nothing on melatonin" and the
            # topics there are under "do not wait for a reply from this bot".
            return "advice"
        if reading.other_topic:
            return "elsewhere"
        if reading.triage.level != "none":
            return "advice"
        if reading.small_talk is not None:
            return "small_talk"
        if reading.near_misses:
            return "suggest"
        if held != "none":  # "ive been planning how to do it", right after crisis advice
            return "asks_help"
        return "not_understood"

    @staticmethod
    def _held_turn(reading: Reading) -> TurnKind | None:
        """The kind of a turn after emergency or crisis advice by its words: it has passed, asks
        what to do, or takes the advice in (the emergency services called are that too)."""
        said = next((k for k in _HELD_TURNS if k in reading.turn_words), None)
        if said is None and _SERVICES in reading.turn_words:
            return "acknowledgement"
        return said

    @staticmethod
    def _after_crisis(reading: Reading) -> TurnKind:
        """A turn after crisis advice with no topic of its own: the advice taken in ("ok",
        "thanks", "lol"), said to have passed, or the advice again in full (anything else)."""
        said = Turns._held_turn(reading)
        if said is not None:
            return said
        if reading.small_talk is not None and reading.triage.level in ("none", "doctor"):
            return "acknowledgement"
        return "asks_help"

    @staticmethod
    def _interacts(reading: Reading) -> bool:
        """A medicine named, or a drink told of, not asked about ("i drink wine most nights",
        "i had a few beers tonight" after GABA): whether the two go together. A question about
        the drink ("would gatorade help with that", "would coconut water be better") is about the
        drink."""
        if reading.other_kind in _INTERACTS:
            return True
        asked = reading.question or "asks_if_it_helps" in reading.turn_words
        return reading.other_kind in _TOLD and not asked

    def _alarm(self, reading: Reading, focus: str | None) -> bool:
        """An emergency told in an ingredient's conversation, of a kind the ingredient cannot
        have brought on (no allergy, poisoning or liver flag among those said), coming on now
        (not said to have gone on for a while)."""
        if not reading.inherited or focus not in self.kb.ingredients:
            return False
        if rank(reading.triage.level) < rank("emergency"):
            return False
        if _REACTIONS.intersection(reading.triage.kinds):
            return False
        return not any(c.id in _COURSE and not c.negated for c in reading.triage.concepts)

    @staticmethod
    def _asks(reading: Reading) -> bool:
        """Whether a message asks something of a topic: a question, a section's words, or a
        safety question ("how much would he take", "is it safe")."""
        return reading.question or reading.asks_safety or reading.section != "overview"

    def _lacking(self, reading: Reading, conversation: Conversation | None) -> bool:
        """Ingredients named as lacking ("low magnesium"), and no condition, in the conversation
        of a condition they are all used for."""
        condition = conversation.condition if conversation else None
        if condition is None or reading.condition is not None or not reading.ingredients:
            return False
        if "lack" not in reading.turn_words:
            return False
        return all(
            any(u.condition_slug == condition for u in self.kb.ingredients[slug].uses)
            for slug in reading.ingredients
        )

    def _lack_in_its_talk(self, reading: Reading, conversation: Conversation | None) -> bool:
        """A lack said with no name, in a talk about a condition ("could it be a mineral
        deficiency" while talking of twitching): what causes the condition."""
        focus = conversation.focus if conversation else None
        return focus in self.kb.conditions and not reading.ingredients and "lack" in reading.turn_words

    @staticmethod
    def held(conversation: Conversation | None) -> Level:
        """The level the conversation holds: emergency or crisis once reached, else none."""
        if conversation is None or conversation.level not in HELD:
            return "none"
        return conversation.level

    def level(self, conversation: Conversation | None, own: Level, reading: Reading | None = None) -> Level:
        """The turn's level: its own, never below the level the conversation holds; at least
        emergency when a follow-up tells that the emergency services are called or that they
        are going to the emergency department ("ok calling 911", "ok we're going to the er")."""
        held = self.held(conversation)
        if held == "none" and reading is not None and self._services_called(reading, conversation):
            held = "emergency"
        elif own == "none" and reading is not None and self._after_its_flag(reading, conversation):
            held = "doctor"
        return held if rank(held) > rank(own) else own

    def _after_its_flag(self, reading: Reading, conversation: Conversation | None) -> bool:
        """Right after a turn that reached doctor: the condition's symptom told, or what to do
        asked; either way the doctor advice still stands."""
        return (
            self._told_after_its_flag(reading, conversation)
            or self._asks_after_its_advice(reading, conversation)
            or self._worse_after_its_advice(reading, conversation)
        )

    def _worse_after_its_advice(self, reading: Reading, conversation: Conversation | None) -> bool:
        """A development told right after a turn that reached doctor, with no topic of its own,
        that says something of the body (a site, a symptom, a function lost, not denied): the
        advice still stands ("but then it spread up my arm" after tingling a doctor called carpal
        tunnel, thread-635; "but yesterday i struggled to get my legs up a flight of stairs"
        after twitches, thread-726; thread-111's "now its the corners of my mouth and my chin
        too" and thread-121's "now i have cramping and burning in my legs" accept it). Not once
        it is told to have passed or to be well ("but my legs feel fine"), nor what a doctor
        said."""
        if reading.question or not _right_after_doctor(reading, conversation):
            return False
        words = reading.turn_words
        if "later" not in words or words & _NOT_WORSE:
            return False
        return any(
            c.id in self._bodily and not (c.negated or c.hypothetical) for c in reading.triage.concepts
        ) and not any(c.id in _PASSED for c in reading.triage.concepts)

    @staticmethod
    def _asks_after_its_advice(reading: Reading, conversation: Conversation | None) -> bool:
        """What to do asked right after a turn that reached doctor, with no topic of its own:
        the doctor advice again, not the topic's page alone ("what should i do" after "i can't
        keep food or liquids down and i've lost weight", thread-722; "should i go to the er?"
        after "i took both yesterday and now i'm sweating, shivering and my heart is racing",
        thread-718; thread-608's "what should i do" and thread-043's "what now" after twitches
        of weeks). Advice must not fade on the very next turn, as after emergency it never does
        (`asks_help`); whether a thing helps ("would it help") asks about the thing."""
        if not _right_after_doctor(reading, conversation):
            return False
        words = reading.turn_words
        return "asks_help" in words and "asks_if_it_helps" not in words

    def _told_after_its_flag(self, reading: Reading, conversation: Conversation | None) -> bool:
        """The condition's symptom told, neither asked nor flagged, right after a turn that reached
        doctor on a red flag: the flag was said first and still stands ("my dad has als, will i
        inherit it?", then "my calves have been twitching a lot lately"; "i keep tripping because
        i cant lift the front of my foot", then "the muscles in that leg twitch too"; "my doctor
        put me on sertraline last month", then "since then my eyelid twitches all day"; the
        article's "family history", "accompanied by muscle weakness" and the overlay's new
        medicine). A question or a section asked is answered as asked."""
        if conversation is None or conversation.level != "doctor" or reading.inherited:
            return False
        condition = reading.condition
        if condition not in self.kb.conditions or conversation.condition not in (None, condition):
            return False
        return not reading.ingredients and not reading.question and reading.section == "overview"

    @staticmethod
    def _services_called(reading: Reading, conversation: Conversation | None) -> bool:
        """A follow-up that tells (not asks) that the emergency services are called."""
        return conversation is not None and _SERVICES in reading.turn_words and not reading.question

    def condition(self, reading: Reading, conversation: Conversation | None) -> str | None:
        """The condition whose "When to See a Doctor" list goes with the turn's advice: the one
        the message names, else the one in context, else the single condition of the ingredient
        asked about."""
        context = reading.condition or reading.context
        if context is None and conversation is not None and not reading.topics:
            context = conversation.condition
        if context is None and reading.ingredients:
            context = self._single_condition(reading.ingredients[0])
        return context

    def after(
        self,
        conversation: Conversation | None,
        reply: Reply,
        lang: str | None,
        lang_chosen: bool,
    ) -> Conversation:
        """The conversation once `reply` is shown: by the row of its turn, its topics,
        condition and section; always its level (and the advice that goes with it), and the
        language given (`lang`, `lang_chosen`: Engine.after's, set here so that the new
        conversation is built once, not built and then copied)."""
        # A button pressed under an older message carries no advice: the held level stays.
        level = self.level(conversation, reply.escalation.level)
        conversation = conversation or _NO_CONVERSATION
        keep = (reply.escalation.keep or conversation.keep) if level in HELD else ""
        if level in HELD and reply.turn in ("acknowledgement", "all_clear") and conversation.keep:
            keep = conversation.keep  # the short line keeps the advice it stands for
        row = TURNS[reply.turn]
        if reply.taken:
            # A supplement or medicine the knowledge base lacks: that one is in context ("my son
            # ate like 10 of them" next), until a topic of ours is answered.
            conversation = conversation.model_copy(update={"taken": True})
        if row.context == "clear":
            # The condition stays for its red flags and what is said of it (a symptom), never
            # for a question about the thing named.
            return Conversation(
                level=level,
                keep=keep,
                condition=conversation.condition,
                taken=conversation.taken,
                lang=lang,
                lang_chosen=lang_chosen,
            )
        topics = tuple(t for t in reply.topics if t in self.kb.conditions or t in self.kb.ingredients)
        if row.context == "keep" or not topics:
            update = {"level": level, "keep": keep, "lang": lang, "lang_chosen": lang_chosen}
            return conversation.model_copy(update=update)
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
        return Conversation(
            topics=topics,
            condition=condition,
            section=reply.section,
            level=level,
            keep=keep,
            lang=lang,
            lang_chosen=lang_chosen,
        )

    def _single_condition(self, ingredient: str) -> str | None:
        uses = self.kb.ingredients[ingredient].uses
        return uses[0].condition_slug if len(uses) == 1 else None


def _right_after_doctor(reading: Reading, conversation: Conversation | None) -> bool:
    """A turn right after one that reached doctor, with no topic of its own ("what should i do
    about magnesium" is about magnesium): what it says is said of that advice."""
    if conversation is None or conversation.level != "doctor":
        return False
    return not (reading.topics and not reading.inherited)
