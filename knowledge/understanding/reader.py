"""Reading a message: its words, the topics it names or describes, the section it asks for, its
red flags, and what it refers to in the conversation so far. Pure understanding: what to answer
is knowledge.answers' job."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from knowledge.base.models import KnowledgeBase
from knowledge.conversation import Conversation
from knowledge.understanding.concept_reader import ConceptReader, Mention
from knowledge.understanding.condition_flags import ScopedFlags
from knowledge.understanding.context import Context
from knowledge.understanding.discriminators import Discriminators, Judged, judged
from knowledge.understanding.intent import emoji_small_talk, is_question, section_for, small_talk
from knowledge.understanding.languages import names_in_languages, names_written_in, own_phrase_labels
from knowledge.understanding.learned import load_learned
from knowledge.understanding.lexicon import Lexicon, SmallTalkKind
from knowledge.understanding.normalise import Tokens, stem, tokenize, words
from knowledge.understanding.own_stems import OwnStems
from knowledge.understanding.patterns import OTHER_TOPIC, SECTION, SMALL_TALK, TOPIC, TURN
from knowledge.understanding.phrase_matcher import Hit, PhraseMatcher
from knowledge.understanding.phrasebook import build_patterns, vocabulary
from knowledge.understanding.topic_index import TopicIndex
from knowledge.understanding.triage import Triager, TriageResult
from knowledge.understanding.vocabulary import ENGLISH, load_vocabulary

_FEARED_SECTIONS = ("severity", "doctor")
# A worry about an ingredient ("is that normal?", "why not?", "should she ask her doctor?")
# is a question about its safety: an ingredient has no causes, severity or doctor section.
_SAFETY_WORRIES = ("severity", "doctor", "causes")
# Sections that only a condition has: asked after an ingredient, they are about the condition.
_CONDITION_ONLY = ("types", "ingredients", "remedies")
_NOT_CARRIED = ("safety", "overview")  # sections a condition does not take from the last question
_CLEAR_ASK = 4
# Kinds of clinical concept (concepts.toml) that make a sentence a symptom sentence.
_SYMPTOM_KINDS = frozenset(("symptom", "body_site", "quality", "function_lost"))
# The heart's beat felt (concepts.toml), and where it is felt: a movement word said there
# ("fluttering in my chest") is the heart's, not a muscle's twitch.
_HEARTBEAT = frozenset(("palpitations",))
_HEART_PLACE = frozenset(("chest",))
# Kinds of things the knowledge base lacks (conversation.toml [elsewhere]) that are taken with
# an ingredient: a medicine or a drink.
_TAKEN_WITH = frozenset(("drug", "drink"))
# A follow-up in an ingredient's conversation that says an amount of something swallowed
# (concepts.toml: `referred`, "10 of them"; `large_amount`, "the whole bottle") and names no
# substance takes the ingredient as the substance (`ingredient_in_context`) for the rules'
# verdict: a supplement's poisoning, as "ate a whole bottle of magnesium" is.
_SWALLOWED = frozenset(("ingested", "overdose_taken"))
_AMOUNT_OF_IT = frozenset(("referred", "large_amount"))
_SUBSTANCE = frozenset(("medicine", "household_poison"))
_SUBSTANCE_SAID = "ingredient_in_context"
_IN_CONTEXT = "_in_context"  # the concept of a condition said by its conversation (concepts.toml)
_ENGLISH_LEAD = 2  # English words that make a mixed message worth reading as English too
# An ingredient used for more conditions than this implies none of them (magnesium in 80
# articles says nothing about which condition's red flags apply).
_MAX_IMPLIED = 5  # the weight of language.toml's "strong" section phrases
# A word's ending written after an apostrophe ("ashwagandha'nın"), in a language that does so.
_SUFFIX_AFTER_APOSTROPHE = re.compile(r"(?<=\w)['’](\w+)")


_NONE: tuple[None] = (None,)


@dataclass(frozen=True)
class Reading:
    """What one message is about. `conditions` are named or described ("my eyelid keeps
    jumping"); `concerns` are serious conditions feared ("do I have ALS?"). `inherited`: the
    topic comes from the conversation ("is it safe?"), not the message. `context`: the
    condition in context, for an ingredient asked about in its conversation."""

    ingredients: tuple[str, ...]
    conditions: tuple[str, ...]
    concerns: tuple[str, ...]
    near_misses: tuple[str, ...]
    triage: TriageResult
    asks_safety: bool
    section: str  # for the first condition or concern; "overview" when none is asked
    small_talk: SmallTalkKind | None
    empty: bool = False  # no words at all
    other_topic: str = ""  # a name the knowledge base does not cover ("melatonin")
    inherited: bool = False
    context: str | None = None
    # The kinds of conversation.toml's [turns] whose words the message holds ("acknowledgement",
    # "asks_help", "all_clear", "taking", "symptom"), and the kind of `other_topic` when the
    # lexicon says what it is ("drink", "drug", "test", "condition"; "" for a supplement).
    turn_words: frozenset[str] = frozenset()
    other_kind: str = ""
    question: bool = False  # asked as a question ("how much would he take"), not said

    @property
    def condition(self) -> str | None:
        """The condition in question: named, described, or feared."""
        return (self.conditions or self.concerns or _NONE)[0]  # read a few times a message

    @property
    def topics(self) -> tuple[str, ...]:
        return (*self.ingredients, *dict.fromkeys((*self.conditions, *self.concerns)))


NOTHING = Reading((), (), (), (), TriageResult("none", ()), False, "overview", None, empty=True)


@dataclass(frozen=True)
class _Words:
    """What reading needs of a message besides the Reading: its tokens, the phrases found, and
    the token positions that name a topic."""

    tokens: Tokens
    hits: list[Hit]
    named: frozenset[int]  # positions of words naming a topic
    scope: frozenset[str] = frozenset()  # conditions whose own red flags count
    naming: frozenset[int] = frozenset()  # positions of words naming a condition
    concepts: Judged | None = None  # the clinical concepts and the triage rules' verdict
    # The symptom is the condition in context: the message names none ("its been 2 months now").
    in_context: bool = False


@dataclass(frozen=True)
class _Topics:
    """What a message names: its phrases found, the topics mentioned by name (slug, kind) and
    described by a phrase, and the token positions naming them."""

    tokens: Tokens
    hits: list[Hit]
    tagged: dict[str, list[Hit]]  # the hits of each tag (_by_tag)
    mentioned: tuple[tuple[str, str], ...]
    described: tuple[str, ...]
    ingredients: tuple[str, ...]
    conditions: tuple[str, ...]
    concerns: tuple[str, ...]
    near_misses: tuple[str, ...]
    named: frozenset[int]  # positions of words naming any topic
    naming: frozenset[int]  # positions of words naming a condition
    # Concerns named only as what a thing the knowledge base lacks may lead to: not what the
    # message is about, but their own red flags still count.
    feared: tuple[str, ...] = ()

    @property
    def in_question(self) -> str | None:
        """The condition or concern asked about."""
        return (self.conditions or self.concerns or _NONE)[0]  # read a few times a message


def _by_tag(hits: list[Hit]) -> dict[str, list[Hit]]:
    """The hits of each tag, in message order: one pass over the phrases found, which the
    reading's questions (a section asked, a turn's words, a thing the knowledge base lacks, a
    topic described, small talk) then read in part, instead of a pass over all of them each."""
    tagged: dict[str, list[Hit]] = {}
    for hit in hits:
        tagged.setdefault(hit.pattern.tag, []).append(hit)
    return tagged


# A statement of this many words or more (not stopwords) that names nothing of its own and asks
# nothing is said of the topic in context ("she won't eat kale or spinach" after magnesium for a
# child, "everything tastes like galvanized nails" after zinc lozenges, "i have panic disorder"
# after GABA); a bare name ("diabetes") is not.
_SAID_OF_IT = 2


class Reader:
    """Builds every index once per knowledge base; reads any number of messages."""

    def __init__(self, kb: KnowledgeBase, lexicon: Lexicon, today: Callable[[], date]) -> None:
        self.kb = kb
        self.lexicon = lexicon
        self.today = today
        language = lexicon.language
        never_fuzzy = lexicon.common_words | language.stopwords
        # Words said either way in a name ("ache" for "pain"): the [synonyms] of triage.toml.
        same_as = {
            stem(e): name
            for name, entries in lexicon.triage.synonyms.items()
            for e in entries
            if " " not in e
        }
        other_languages = names_in_languages(kb, lexicon)
        # Per language: its common words, and the labels of its own section and small-talk
        # phrases. English phrases made only of a language's common words are not read in that
        # language ("als" is German "than", never the section of ALS).
        self._own_phrases = {
            lang: (pack.common_words, own_phrase_labels(pack)) for lang, pack in lexicon.languages.items()
        }
        languages = {
            lang: (pack.common_words, names_written_in(kb, lexicon, lang))
            for lang, pack in lexicon.languages.items()
        }
        self.index = TopicIndex(
            kb,
            never_fuzzy,
            language.stopwords,
            language.not_alone,
            same_as,
            lexicon.lay_names,
            other_languages,
            languages,
        )
        patterns = build_patterns(lexicon, kb)
        self.phrases = PhraseMatcher(patterns, vocabulary(patterns, lexicon, kb), never_fuzzy)
        self.triager = Triager(lexicon.triage, (load_learned("crisis"), load_learned("emergency")))
        clinical = load_vocabulary()
        self.own_stems = OwnStems(lexicon, clinical, kb)
        self._apostrophe_suffixes = frozenset(
            lang for lang, w in clinical.languages.items() if w.stemming.apostrophe_suffixes
        )
        self.concepts = ConceptReader(clinical)
        self.discriminators = Discriminators(clinical)
        self._kinds = {cid: c.kind for cid, c in clinical.concepts.items()}
        self.flags = ScopedFlags(kb, lexicon)
        # The name as the lexicon writes it, for each other topic's normalised label.
        self._other_names = {" ".join(words(p)): p for p in language.other_topics.phrases}
        for things in lexicon.conversation.elsewhere.values():
            self._other_names.update({" ".join(words(n)): n for n in things.names})
        # Words that tie a message to the conversation: the words of every topic's names, and
        # of the overlay's word lists (body parts, how twitching moves).
        names = [n for c in kb.conditions.values() for n in (c.name, *c.aliases)]
        names += [n for i in kb.ingredients.values() for n in (i.name, *i.aliases)]
        names += [entry for entries in kb.groups.values() for entry in entries]
        names += [n for _, _, found in other_languages for n in found]
        self._topic_words = frozenset(w for n in names for w in words(n)) - language.stopwords

    def read(
        self,
        text: str,
        conversation: Conversation | None = None,
        lang: str = ENGLISH,
        unmasked: str | None = None,
    ) -> Reading:
        """Read a message written in `lang`; a follow-up takes its topic from `conversation`.
        Only `lang`'s clinical words are read, and its common words name no English topic.
        `unmasked`: `unmask(text)` when the caller has it (the engine unmasks once a turn)."""
        if lang in self._apostrophe_suffixes:
            cut = _SUFFIX_AFTER_APOSTROPHE.sub("", text)
            if cut != text:  # another text: unmasked again
                text, unmasked = cut, None
        tokens = tokenize(text, unmasked)
        if not tokens:
            kind = emoji_small_talk(text, self.lexicon.language)
            turns = self.lexicon.conversation.turns.items()
            said = frozenset(name for name, turn in turns if any(e in text for e in turn.emoji))
            if kind is None and not said:
                return NOTHING
            return replace(NOTHING, small_talk=kind, empty=False, turn_words=said)
        reading, found = self._read(tokens, conversation, lang)
        if conversation is None or conversation.focus is None:
            return reading
        if reading.topics:
            return self._in_context(reading, found, conversation)
        return self._follow_up(reading, found, conversation)

    def _read(self, tokens: Tokens, conversation: Conversation | None, lang: str) -> tuple[Reading, _Words]:
        """The message's topics, then its clinical concepts and their scope, then the triage,
        the section asked for, a thing the knowledge base lacks, and small talk."""
        named = self._topics(tokens, lang)
        found = self._concepts(named, conversation, lang)
        beating = self._heartbeat(named, found)
        if beating is not None:
            named, found = beating, self._concepts(beating, conversation, lang)
        # How long someone has taken a supplement is not how long a symptom has lasted.
        durations = named.in_question is not None or not named.ingredients
        other, other_kind = self._other_thing(named)
        # A supplement started, or its dose changed, is no new medicine: one of ours named, or
        # one the knowledge base lacks ("my doctor put me on potassium pills"), and no medicine.
        supplement = named.in_question is None and self._of_a_supplement(named, other, other_kind)
        triage = self._triage(found, durations, lang, supplement=supplement)
        tagged = named.tagged
        reading = Reading(
            named.ingredients,
            named.conditions,
            named.concerns,
            named.near_misses,
            triage,
            any(h.pattern.section == "safety" for h in tagged.get(SECTION, ()))
            or self._side_effect(named, triage)
            or self._taken_together(named),
            self._asked_section(named),
            self._small_talk(named, other, other_kind, triage),
            other_topic=other,
            turn_words=frozenset(h.pattern.kind or "" for h in tagged.get(TURN, ())),
            other_kind=other_kind,
            question=self._asks(tokens, tagged.get(TURN, [])),
        )
        return reading, found

    def _heartbeat(self, named: _Topics, found: _Words) -> _Topics | None:
        """The topics without a condition only described by a movement said of the heart or
        the chest, beside the heart's beat: "my heart is racing and pounding, fluttering in my
        chest and throat" (biologyinsights.com), "a fluttering, pounding feeling in my chest
        like a skipped beat" (scienceinsights.org) are palpitations, not twitching. None when
        nothing changes ("my calf keeps jumping and my heart is racing" stays twitching)."""
        described = named.tagged.get(TOPIC, [])
        if not described or found.concepts is None:
            return None
        mentions = found.concepts.reading.mentions
        if not any(m.concept in _HEARTBEAT for m in mentions):
            return None
        heart = [m for m in mentions if m.concept in _HEARTBEAT or m.concept in _HEART_PLACE]
        kept = [h for h in described if not any(m.start < h.end and h.start < m.end for m in heart)]
        if len(kept) == len(described):
            return None
        owners = tuple(o for h in kept for o in sorted(h.pattern.owners))
        by_name = tuple(slug for slug, kind in named.mentioned if kind == "condition")
        return replace(named, described=owners, conditions=tuple(dict.fromkeys((*by_name, *owners))))

    @staticmethod
    def _taken_together(named: _Topics) -> bool:
        """An ingredient named beside a medicine or a drink, and no condition: whether the two go
        together, its Safety section ("can you drink alcohol and take a gaba supplement?",
        nashualabs.com; "can you take ibuprofen with magnesium", sciencedepot.blog), as the same
        medicine said in a follow-up is (the `interaction` turn)."""
        if not named.ingredients or named.conditions:
            return False
        # "does magnesium help more than gatorade" compares the two, it does not take them together.
        if any(h.pattern.tag == TURN and h.pattern.kind == "asks_if_it_helps" for h in named.hits):
            return False
        return any(h.pattern.tag == OTHER_TOPIC and h.pattern.kind in _TAKEN_WITH for h in named.hits)

    def _side_effect(self, named: _Topics, triage: TriageResult) -> bool:
        """A symptom of the writer's own told beside an ingredient, and no condition ("got a
        weird headache on day three of l-theanine", "took zinc this morning ... and threw up"):
        what the ingredient may have done, its Safety section; or asked whether it can do it
        ("can ashwagandha cause palpitations", "can vitamin b6 make your hands tingle": the
        symptom supposed). Not a symptom the ingredient is asked to help with ("does magnesium
        help with cramps", "magnesium for my cramps")."""
        if not named.ingredients or named.conditions or named.concerns:
            return False
        said = {h.pattern.kind for h in named.hits if h.pattern.tag == TURN}
        if "asks_if_it_helps" in said or ("for" in named.tokens.texts and "taking" not in said):
            return False
        return any(
            self._kinds.get(c.id) == "symptom" and not c.negated and c.experiencer == "self"
            for c in triage.concepts
        )

    def _asks(self, tokens: Tokens, turns: list[Hit]) -> bool:
        """Whether the message asks: a question, but not a question word inside the words of
        a doctor it reports ("his doctor just said to track how often they happen").
        `turns`: the message's hits of conversation.toml's [turns]."""
        said = [h.end for h in turns if h.pattern.kind == "reported"]
        return is_question(tokens[: min(said)] if said else tokens, tokens.source, self.lexicon.language)

    def _topics(self, tokens: Tokens, lang: str) -> _Topics:
        """The phrases found, and the ingredients, conditions and concerns named or described."""
        hits = self.phrases.match(tokens)
        # Topics and sections: a language's common words name no English topic, when the
        # message's words bear the language out (its clinical words are read in `lang` later).
        shown_in = self._written_in(tokens, lang)
        if shown_in is not None and hits:
            hits = self._in_language(hits, tokens, shown_in)
        # The language's own phrases in their other forms ("dangereuse" for "dangereux").
        hits += self.own_stems.match(tokens, lang)
        tagged = _by_tag(hits)
        found = self.index.find(tokens, shown_in)
        # A thing the knowledge base lacks whose name holds a topic's ("rbc magnesium", "magnesium
        # test") names that thing, not the topic: the longer name wins.
        things = [(h.start, h.end) for h in tagged.get(OTHER_TOPIC, ()) if h.pattern.kind]
        mentions = [
            m
            for m in found.mentions
            if not any(s <= m.start and m.end <= e and e - s > m.end - m.start for s, e in things)
        ]
        # A serious condition feared as what that thing may lead to ("can the antibodies cause
        # ms later on") is not what the message is about: the thing is.
        feared: tuple[str, ...] = ()
        if things and all(m.kind == "concern" for m in mentions):
            # Their red flags still count: "T3 my father had ALS" is the family history of
            # twitching's doctor list (a hypothesis run of tests/handlers/test_fuzz.py found it
            # lost: the flag phrase is the condition's own, read only in its scope).
            feared = tuple(dict.fromkeys(m.slug for m in mentions))
            mentions = []
        mentioned = tuple(dict.fromkeys((m.slug, m.kind) for m in mentions))
        named = [slug for slug, kind in mentioned if kind == "condition"]
        described = tuple(o for h in tagged.get(TOPIC, ()) for o in sorted(h.pattern.owners))
        return _Topics(
            tokens,
            hits,
            tagged,
            mentioned,
            described,
            ingredients=tuple(slug for slug, kind in mentioned if kind == "ingredient"),
            conditions=tuple(dict.fromkeys((*named, *described))),
            concerns=tuple(slug for slug, kind in mentioned if kind == "concern"),
            near_misses=found.near_misses,
            named=frozenset(i for m in mentions for i in range(m.start, m.end)),
            naming=frozenset(i for m in mentions if m.kind == "condition" for i in range(m.start, m.end)),
            feared=feared,
        )

    def _concepts(self, named: _Topics, conversation: Conversation | None, lang: str) -> _Words:
        """The clinical concepts and the rules' verdict, and whose red flags count."""
        tokens = named.tokens
        read = self.concepts.read(tokens, tokens.source, lang)
        concepts = judged(read, self.discriminators, self._kinds, bool(named.conditions))
        names_none = not (named.conditions or named.concerns or named.ingredients)
        in_context = names_none and conversation is not None and conversation.condition is not None
        if in_context and conversation is not None and read.mentions and lang != ENGLISH:
            # In a conversation about a condition, a follow-up in another language that names
            # none is judged as if the condition's own symptom were said: "ya lleva un mes así"
            # after Spanish twitching talk is the rule of a twitch that lasts, as "its been about
            # a month now" is in English through the overlay's flags and the durations (issue
            # 20). Only the rules' verdict reads it, not the turn.
            concepts = self._with_condition(concepts, conversation.condition)
        taken = conversation is not None and (conversation.focus in self.kb.ingredients or conversation.taken)
        if names_none and taken:
            concepts = self._with_ingredient(concepts)
        return _Words(
            tokens,
            named.hits,
            named.named,
            scope=self._scope(
                (*named.conditions, *named.concerns, *named.feared),
                named.ingredients if self._says_symptom(concepts) else (),
                conversation,
            ),
            naming=named.naming,
            concepts=concepts,
            in_context=in_context,
        )

    def _with_condition(self, concepts: Judged, condition: str | None) -> Judged:
        """The rules' verdict with the condition's own symptom concept said (concepts.toml
        names it by the condition's slug), when it has one and the message does not say it."""
        reading = concepts.reading
        if condition is None or self._kinds.get(condition) != "symptom":
            return concepts
        if any(m.concept == condition for m in reading.mentions):
            return concepts
        said = Mention(condition, "symptom", 0, 0, Context())
        # and the condition as in context (concepts.toml `twitching_in_context`), for the rules
        # only a follow-up in its conversation meets ("dazu muskelschwäche und taubheitsgefühl")
        context = f"{condition}{_IN_CONTEXT}"
        also = (Mention(context, "symptom", 0, 0, Context()),) if context in self._kinds else ()
        verdict = self.discriminators.judge(replace(reading, mentions=(said, *also, *reading.mentions)))
        return replace(concepts, verdict=verdict)

    def _with_ingredient(self, concepts: Judged) -> Judged:
        """The rules' verdict with the ingredient in context said as the substance taken, when
        the message says an amount of something swallowed and names no substance: "my toddler
        ate them all today" (blog.providence.org), "they found the bottle and ate 85 of them"
        (ipcblog.org) after a talk about a supplement are that supplement's poisoning, as
        the message naming it would be (NHS.uk, Poisoning). The substance is said where the
        amount is, with its context (negated, supposed, whose)."""
        reading = concepts.reading
        kinds = {m.concept for m in reading.mentions}
        if _SUBSTANCE & kinds or not _SWALLOWED & kinds:
            return concepts
        amount = next((m for m in reading.mentions if m.concept in _AMOUNT_OF_IT), None)
        if amount is None:
            return concepts
        said = Mention(_SUBSTANCE_SAID, "substance", amount.start, amount.end, amount.context)
        verdict = self.discriminators.judge(replace(reading, mentions=(*reading.mentions, said)))
        return replace(concepts, verdict=verdict)

    def _asked_section(self, named: _Topics) -> str:
        """The section asked of the condition or concern in question; "overview" when none is."""
        if named.in_question is None:
            return "overview"
        section = self._section(named.hits, named.in_question)
        feared = named.concerns and (section == "overview" or not named.conditions)
        if feared and section not in _FEARED_SECTIONS:
            return "severity"  # "do I have ALS?": what sets a worrying case apart
        return section

    def _other_thing(self, named: _Topics) -> tuple[str, str]:
        """A thing the knowledge base lacks, named alone, and its kind: every name of the first
        one's kind ("xanax and paxil")."""
        if named.mentioned or named.described:
            return "", ""
        things = named.tagged.get(OTHER_TOPIC, [])
        if not things:
            # A medicine not listed, told by its ending ("metoprolol", "atorvastatin").
            drugs = [t.text for t in named.tokens if self._medicine(t.text)]
            return (" and ".join(dict.fromkeys(drugs)), "drug") if drugs else ("", "")
        kind = things[0].pattern.kind or ""
        # A medicine told of beside a supplement's word is the medicine: "i take a
        # potassium-sparing diuretic" (healthyflux.com), "i take thiazide diuretics" (read
        # "thiamine"; laboiteagrains.com) name a diuretic, not potassium or thiamine. A question
        # ("would potassium help, i take a diuretic") is still about the supplement.
        if not kind and any(h.pattern.kind == "drug" for h in things) and not self._asks_of_it(named):
            kind = "drug"
            things = [h for h in things if h.pattern.kind == "drug"]
        same = [
            self._other_names.get(h.pattern.label, "")
            for h in things
            if h.pattern.kind == things[0].pattern.kind
        ]
        name = " and ".join(dict.fromkeys(n for n in same if n))
        if not kind and self._medicine(name):  # "propranolol" among the other remedies
            kind = "drug"
        return name, kind

    def _asks_of_it(self, named: _Topics) -> bool:
        """A question about the thing named ("would potassium help, i take a diuretic"): a
        question, a question verb first, or the words of asking whether it helps."""
        language = self.lexicon.language
        tokens = named.tokens
        first = tokens[0].text if tokens else ""
        helps = any(h.pattern.tag == TURN and h.pattern.kind == "asks_if_it_helps" for h in named.hits)
        return helps or first in language.questions.verbs or is_question(tokens, tokens.source, language)

    def _medicine(self, word: str) -> bool:
        """A word with a medicine's ending (conversation.toml's drug `stems`), at least three
        letters before it ("april" is no "-pril"), and no English word."""
        drug = self.lexicon.conversation.elsewhere.get("drug")
        # One C call tells most words apart: no ending of a medicine at all.
        if drug is None or not word.endswith(drug.stems) or word in self.lexicon.english_words:
            return False
        return any(word.endswith(s) and len(word) - len(s) >= 3 for s in drug.stems)

    def _small_talk(
        self, named: _Topics, other: str, other_kind: str, triage: TriageResult
    ) -> SmallTalkKind | None:
        if SMALL_TALK not in named.tagged:
            return None
        language = self.lexicon.language
        tokens = named.tokens
        question = is_question(tokens, tokens.source, language)
        # A drink, drug or test said in a closing ("will mention it at my next blood test")
        # does not make it a question about that thing.
        closing = (
            not (named.mentioned or named.described or (other and not other_kind)) and triage.level == "none"
        )
        return small_talk(tokens, named.hits, language, question=question, closing=closing)

    def _written_in(self, tokens: Tokens, lang: str | None) -> str | None:
        """`lang` when the message's words bear it out: more of them common words of `lang`
        than of English. A detector can take a short English message for another language
        ("whats the max per day" for Italian): then its English words still count."""
        if lang not in self._own_phrases:
            return None
        common = self._own_phrases[lang][0]
        english = self.lexicon.english_words
        texts = tokens.texts
        ours = sum(w in common for w in texts)
        return lang if ours > sum(w in english for w in texts) else None

    def _in_language(self, hits: list[Hit], tokens: Tokens, lang: str) -> list[Hit]:
        """The hits, less section and small-talk phrases found only in common words of `lang`,
        unless they are `lang`'s own phrases as written: English "dose" is not Portuguese "dos"
        (of the) through the English stem "dos". `lang`'s phrases in other forms are read
        through its own stems (own_stems.py), which never fold its function words."""
        common, own = self._own_phrases[lang]
        texts = tokens.texts
        return [
            h
            for h in hits
            if h.pattern.tag not in (SECTION, SMALL_TALK)
            or (h.pattern.label in own and h.text == h.pattern.label)
            or not all(w in common for w in texts[h.start : h.end])
        ]

    def _says_symptom(self, concepts: Judged) -> bool:
        """Whether a message says a symptom (a clinical concept of a symptom, a body site, a
        quality or a function lost, not denied): a condition's own red flags are of its symptoms,
        so the condition an ingredient implies has none to read in a message that says none ("i'm
        tapering off klonopin, can i take gaba supplements" is about the medicine and GABA)."""
        return any(m.kind in _SYMPTOM_KINDS and not m.context.negated for m in concepts.reading.mentions)

    def _scope(
        self, conditions: tuple[str, ...], ingredients: tuple[str, ...], conversation: Conversation | None
    ) -> frozenset[str]:
        """The conditions whose own red flags count: those the message names or describes;
        else the one in the conversation; and those an ingredient asked about is used for (when
        the message says a symptom), unless it is used for so many that it implies none of
        them."""
        scope = set(conditions)
        if not scope and conversation is not None and conversation.condition is not None:
            scope.add(conversation.condition)
        for slug in ingredients:
            uses = self.kb.ingredients[slug].uses
            if len(uses) <= _MAX_IMPLIED:
                scope.update(u.condition_slug for u in uses)
        return frozenset(scope)

    @staticmethod
    def _of_a_supplement(named: _Topics, other: str, other_kind: str) -> bool:
        """Whether a message tells of a supplement, ours or one the knowledge base lacks, and of
        no medicine."""
        if any(h.pattern.kind == "drug" for h in named.tagged.get(OTHER_TOPIC, ())):
            return False
        return bool(named.ingredients) or (bool(other) and not other_kind)

    def _triage(
        self, found: _Words, durations: bool, lang: str = ENGLISH, *, supplement: bool = False
    ) -> TriageResult:
        if lang == ENGLISH:
            return self._triage_english(found, durations, supplement)
        # Another language is triaged by its own words of the clinical concepts, and by the
        # English red-flag phrases only where every word of one is an English word as typed
        # ("aku self harm lagi"): typo tolerance would read "tremer" as "tremor" and "nasıl" as
        # "nasal". Safety first in a mixed message: with English words said beside another
        # language or script ("ﷺ twitching for 3 months"), the condition's own flags and how
        # long a symptom has lasted count too, over the same English words only.
        english = self.lexicon.english_words
        texts = found.tokens.texts

        def typed(hits: list[Hit]) -> list[Hit]:
            return [h for h in hits if all(w in english or w.isdigit() for w in texts[h.start : h.end])]

        mixed = sum(w in english for w in texts) >= _ENGLISH_LEAD
        scoped, groups = self.flags.hits(found.tokens, found.scope) if mixed and found.scope else ([], {})
        return self.triager.assess(
            found.tokens,
            typed(found.hits + scoped),
            self.today(),
            durations=mixed and durations,
            supplement=supplement,
            scoped=groups,
            named=found.naming,
            concepts=found.concepts,
        )

    def _triage_english(self, found: _Words, durations: bool, supplement: bool = False) -> TriageResult:
        scoped, groups = self.flags.hits(found.tokens, found.scope) if found.scope else ([], {})
        return self.triager.assess(
            found.tokens,
            found.hits + scoped if scoped else found.hits,
            self.today(),
            durations=durations,
            scoped=groups,
            named=found.naming,
            concepts=found.concepts,
            symptom_in_context=found.in_context,
            supplement=supplement,
        )

    def _section(self, hits: list[Hit], condition: str) -> str:
        asked = [h for h in hits if h.pattern.section != "safety"]
        return section_for(asked, condition, self.lexicon.language.section_order)

    def _in_context(self, reading: Reading, found: _Words, conversation: Conversation) -> Reading:
        """A message with a topic of its own: that topic, still in the conversation's condition
        ("and b6?"), asking what the question before asked when it says nothing else. A
        serious condition named in a safety question about the ingredient in focus is the
        person's own ("is it ok with my ms meds?"): the question is the ingredient's."""
        focus = conversation.focus or ""
        lived_with = reading.concerns and not (reading.ingredients or reading.conditions)
        if lived_with and reading.asks_safety and focus in self.kb.ingredients:
            return replace(
                reading, ingredients=(focus,), concerns=(), context=conversation.condition, inherited=True
            )
        if focus in self.kb.ingredients and self._points_back_before_condition(reading, found):
            # "does it help with twitching?" after "gaba": gaba, for twitching.
            return replace(reading, ingredients=(focus,), context=reading.condition, inherited=True)
        if reading.condition is None:
            reading = replace(reading, context=conversation.condition)
        if not self._elliptical(found) or reading.small_talk:
            return reading
        last = conversation.section
        if reading.ingredients and not reading.conditions and last == "safety":
            return replace(reading, asks_safety=True)
        if reading.condition is not None and reading.section == "overview" and last not in _NOT_CARRIED:
            return replace(reading, section=last)
        return reading

    def _points_back_before_condition(self, reading: Reading, found: _Words) -> bool:
        """A condition named, no ingredient, and "it" or "they" before the condition's name."""
        if reading.ingredients or not reading.conditions or not found.naming:
            return False
        first = min(found.naming)
        pronouns = self.lexicon.language.pronouns
        return any(t.text in pronouns for t in found.tokens[:first])

    def _elliptical(self, found: _Words) -> bool:
        """Nothing but the topic's name and words such as "and", "what about": "and b6?"."""
        language = self.lexicon.language
        return all(
            i in found.named or t.text in language.stopwords or t.text in language.follow_up
            for i, t in enumerate(found.tokens)
        )

    def _asks_about_something_new(self, reading: Reading, found: _Words) -> bool:
        """ "what about diabetes?", "and my dad?": words of a follow-up around a word that
        neither a section, a red flag, a topic's names nor a word pointing back ties to the
        conversation. It names something new, which the knowledge base does not have. The
        follow-up's words open the message or it asks: "she's about 13 kg" (about, roughly) and
        "she won't eat kale or spinach" tell, they do not ask about something new."""
        language = self.lexicon.language
        texts = [t.text for t in found.tokens]
        if (
            reading.triage.level != "none"
            or self._symptom_sentence(reading, found)
            or "taking" in reading.turn_words  # "how much should a runner take"
            or reading.asks_safety  # "how much before bed": the ingredient's safety, at bedtime
            or not any(w in language.follow_up for w in texts)
            or any(w in language.refers_back for w in texts)
            or not (
                texts[0] in language.follow_up or is_question(found.tokens, found.tokens.source, language)
            )
        ):
            return False
        said = {
            i for h in found.hits if h.pattern.tag in (SECTION, SMALL_TALK) for i in range(h.start, h.end)
        }
        small = language.stopwords | language.follow_up | language.not_alone
        rest = [i for i, w in enumerate(texts) if w not in small]
        return bool(rest) and not any(i in said or texts[i] in self._topic_words for i in rest)

    def _ties_back(self, reading: Reading, found: _Words) -> bool:
        """Whether a message without a topic follows on from the conversation: it asks, has a
        red flag or a section's words, points back ("it", "that"), or tells something of a few
        words and names no thing of its own ("she won't eat kale or spinach", "now i'm sprinting
        to the bathroom"). "diabetes" does not; "my tpo antibodies were 17" names a test."""
        language = self.lexicon.language
        if reading.triage.level != "none" or any(h.pattern.tag == SECTION for h in found.hits):
            return True
        if self._symptom_sentence(reading, found):  # "and cramps through the night"
            return True
        if any(t.text in language.refers_back or t.text in self._topic_words for t in found.tokens):
            return True
        if is_question(found.tokens, found.tokens.source, language):
            return True
        if reading.other_topic:
            return False
        return sum(t.text not in language.stopwords for t in found.tokens) >= _SAID_OF_IT

    def _lingers(self, reading: Reading, found: _Words) -> bool:
        """Whether a follow-up is about the condition left in context with no topic (after a
        thing the knowledge base lacks): it has a red flag, or says a symptom without asking
        about safety ("any risks taking it with blood thinners" asks about the thing)."""
        if reading.triage.level != "none":
            return True
        return not reading.asks_safety and self._symptom_sentence(reading, found)

    def _names_form_of(self, ingredient: str, found: _Words) -> bool:
        """A word of one of the ingredient's product forms ("citrate" of magnesium citrate)."""
        forms = {w for form in self.kb.ingredients[ingredient].forms for w in words(form)}
        return any(t.text in forms for t in found.tokens)

    def _symptom_sentence(self, reading: Reading, found: _Words) -> bool:
        """A sentence that says a symptom ("my hand is stiff like a claw"), not a bare name of
        something else ("headache"): a symptom word, or a clinical concept of a symptom or body
        site said of the writer (issue 19's concepts), among two words or more."""
        stopwords = self.lexicon.language.stopwords
        if sum(t.text not in stopwords for t in found.tokens) < 2:
            return False
        return "symptom" in reading.turn_words or any(
            self._kinds.get(c.id) in _SYMPTOM_KINDS and not c.negated and c.experiencer == "self"
            for c in reading.triage.concepts
        )

    def _thing_in_context(self, reading: Reading, found: _Words) -> bool:
        """A drink, drug, test or condition the knowledge base lacks, said about the topic in
        context: in a statement ("i had a clean emg", "im on xanax and paxil") or with a word
        pointing back at the topic ("can i take it with coffee", "could that be it"). A
        question about the thing itself ("would gatorade help with that") is not."""
        if not reading.other_kind:
            # A supplement the knowledge base lacks is its own topic ("what about melatonin"),
            # unless it is to be taken with the topic in context: "can i take it with
            # valerian" (wise-geek.com), "can i take it with melatonin?" after ashwagandha
            # (biologyinsights.com) ask whether the two go together.
            return {"points_back", "together"} <= reading.turn_words
        language = self.lexicon.language
        first = found.tokens[0].text if found.tokens else ""
        question = (
            is_question(found.tokens, found.tokens.source, language) or first in language.questions.verbs
        )
        helps = "asks_if_it_helps" in reading.turn_words
        # "a doctor said it might be electrolytes, would gatorade help": a question verb and
        # the words of helping ask about the thing, wherever the question starts.
        if helps and (question or any(t.text in language.questions.verbs for t in found.tokens)):
            return False
        return "points_back" in reading.turn_words or not question

    def _follow_up(self, reading: Reading, found: _Words, conversation: Conversation) -> Reading:
        """A message with no topic of its own refers to the conversation's, unless it is small
        talk, names a topic the knowledge base lacks or nearly names one it has ("magnes"), has
        nothing that ties it to the conversation ("diabetes"), or is a crisis (about the person,
        not a topic). The section is read again for that topic."""
        if reading.small_talk or reading.triage.level == "crisis":
            return reading
        if reading.other_topic and not self._thing_in_context(reading, found):
            return reading
        if not conversation.topics and not self._lingers(reading, found):
            # After a thing the knowledge base lacks ("would gatorade help"), the condition
            # stays only for what is said of it: a symptom or a red flag ("i dont feel weak
            # though"); "is it safe?" is about the thing, not the condition.
            return reading
        focus = conversation.focus or ""
        if focus in self.kb.ingredients and self._names_form_of(focus, found):
            # "citrate makes you run to the bathroom right", after magnesium; how long a form was
            # taken is no red flag either ("ive taken oxide for a month and nothing changed").
            return replace(
                reading,
                ingredients=(focus,),
                context=conversation.condition,
                inherited=True,
                near_misses=(),
                triage=self._triage(
                    found,
                    durations="taking" not in reading.turn_words,
                    supplement=reading.other_kind != "drug",
                ),
            )
        if reading.near_misses and reading.triage.level == "none":  # a name mistyped: ask which
            return reading
        if self._asks_about_something_new(reading, found) or not self._ties_back(reading, found):
            return reading
        focus, condition = conversation.focus or "", conversation.condition
        inherited = replace(reading, inherited=True, near_misses=())
        if focus in self.kb.ingredients:
            # In a talk about a supplement, how long is how long it was taken when the message
            # says so ("why is taking it for years a problem"); otherwise it is how long a
            # symptom has lasted ("its been about a month now"), a red flag of the condition.
            taking = "taking" in reading.turn_words
            # The supplement's dose changed is no new medicine ("i've had diarrhea and nausea
            # since i upped my dose", "since i started taking calcium and magnesium it has almost
            # stopped").
            supplement = reading.other_kind != "drug"
            inherited = replace(
                inherited, triage=self._triage(found, durations=not taking, supplement=supplement)
            )
            asked = self._section(found.hits, condition or "")
            if reading.asks_safety or asked in _SAFETY_WORRIES:
                return replace(inherited, ingredients=(focus,), asks_safety=True, context=condition)
            # Only a clear ask moves to the condition ("what else helps?"), not a word such as
            # "capsule" said about the ingredient.
            strong = [h for h in found.hits if h.pattern.weight >= _CLEAR_ASK]
            clear = self._section(strong, condition or "")
            if clear in _CONDITION_ONLY and condition is not None and condition in self.kb.conditions:
                return replace(inherited, conditions=(condition,), section=clear)
            return replace(inherited, ingredients=(focus,), context=condition)
        if focus in self.kb.conditions:
            section = self._section(found.hits, focus)
            if section == "overview" and reading.asks_safety:
                ingredient = next((t for t in conversation.topics if t in self.kb.ingredients), None)
                if ingredient is not None:
                    return replace(inherited, ingredients=(ingredient,), context=focus)
            return replace(inherited, conditions=(focus,), section=section)
        return reading  # a topic the knowledge base no longer has (reloaded since)
