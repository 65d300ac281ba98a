"""The language data beside the articles: red flags, section words, small talk, common words."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from knowledge.sections import SECTIONS

LEXICON_DIR = Path(__file__).parents[1] / "lexicon"
SECTION_NAMES = frozenset(s.key for s in SECTIONS)


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class PhraseList(_Frozen):
    phrases: tuple[str, ...]


_MONTH_DAY = re.compile(r"^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")


class Duration(_Frozen):
    min_days: int
    plural: int
    units: dict[str, int]
    numbers: dict[str, int]
    not_after: tuple[str, ...]
    not_before: tuple[str, ...]
    anchors: tuple[str, ...] = ()
    # "MM-DD" (the latest day the word can mean), or "short" / "long" for relative words.
    dates: dict[str, str] = {}

    @field_validator("dates")
    @classmethod
    def _dates(cls, dates: dict[str, str]) -> dict[str, str]:
        for word, when in dates.items():
            if when not in ("short", "long") and not _MONTH_DAY.match(when):
                raise ValueError(f"[duration.dates] {word!r}: {when!r} is not MM-DD, short or long")
        return dates


Level = Literal["doctor", "emergency", "crisis"]


class FlagGroup(_Frozen):
    """One kind of red flag: its level, its phrases, and what to say besides the standard advice.

    `frames` are combinations of phrases that must all occur within `window` words of each
    other, in any order: ["{desire}", "{death}"] finds "i keep hoping i just dont wake up"."""

    level: Level
    phrases: tuple[str, ...] = ()
    frames: tuple[tuple[str, ...], ...] = ()
    window: int = 8
    advice: str = ""
    lines: Literal["", "poison"] = ""
    # Phrases that say a red flag is absent ("strength is fine"): advice worded for a negation.
    negated: bool = False
    # The flag itself says "not" ("cramps not relieved by stretching"): never read as negated.
    negation_inside: bool = False
    # A red flag of a condition said for any message (trauma, numbness: twitching's "after
    # trauma or neurological symptoms"): outside a message or conversation about a condition
    # it counts only in a short message, a follow-up or the item typed as written; in a longer
    # message about something else ("I hurt my back lifting a box") it is not one by itself.
    topic_or_short: bool = False

    @field_validator("frames")
    @classmethod
    def _two_parts(cls, frames: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
        if any(len(frame) < 2 for frame in frames):
            raise ValueError("a frame needs two phrases or more")
        return frames


class Negation(_Frozen):
    window: int
    triggers: tuple[str, ...]
    pseudo: tuple[str, ...]
    terminators: tuple[str, ...]


class IgnoreList(_Frozen):
    phrases: tuple[str, ...]
    function_words: tuple[str, ...] = ()


class ItemFillers(_Frozen):
    words: tuple[str, ...]


class Triage(_Frozen):
    flags: dict[str, FlagGroup]
    ignore: IgnoreList
    negation: Negation
    groups: dict[str, tuple[str, ...]]
    duration: Duration
    # How the words of an article's doctor items may be said (knowledge.understanding.condition_flags).
    synonyms: dict[str, tuple[str, ...]] = {}
    item_fillers: ItemFillers | None = None


class SectionWords(_Frozen):
    weight: int
    phrases: tuple[str, ...]
    section: str | None = None


SmallTalkKind = Literal["greeting", "thanks", "ok", "bye"]


class SmallTalk(_Frozen):
    """Words that are small talk of one kind. `closing`: whether they also close a statement
    ("ok will call my gp, thanks"): never, when they open it, or anywhere in it."""

    reply: SmallTalkKind
    phrases: tuple[str, ...]
    closing: Literal["never", "start", "anywhere"] = "never"
    emoji: tuple[str, ...] = ()


class Questions(_Frozen):
    openers: tuple[str, ...]
    verbs: frozenset[str]
    subjects: frozenset[str]


class Language(_Frozen):
    small_talk: dict[str, SmallTalk]
    stopwords: frozenset[str]
    section_order: tuple[str, ...]
    sections: dict[str, SectionWords]
    questions: Questions
    follow_up: frozenset[str]
    refers_back: frozenset[str]
    pronouns: frozenset[str] = frozenset()
    not_alone: frozenset[str]
    remedy_forms: frozenset[str] = frozenset()
    other_topics: PhraseList


class LayNames(_Frozen):
    """Everyday names for what articles name in medical words (lay_names.toml): "feeling sick"
    for nausea, "bad back" for back pain, "fish oil" for omega-3. `terms` maps a word or phrase
    as articles write it to the ways people say it; `sources` shows where people say so."""

    terms: dict[str, tuple[str, ...]]
    sources: dict[str, tuple[str, ...]] = {}
    # A name that begins with one of these words may be said without it when what is left is a
    # letter and a number: "b12" for "vitamin B12", "d3" for "vitamin D3".
    dropped_first: tuple[str, ...] = ()

    @field_validator("terms")
    @classmethod
    def _one_term_each(cls, terms: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        owner: dict[str, str] = {}
        for term, phrases in terms.items():
            if not term.strip() or not phrases or any(not p.strip() for p in phrases):
                raise ValueError(f"[terms] {term!r}: a term needs a name and at least one phrase")
            for phrase in phrases:
                if owner.setdefault(phrase, term) != term:
                    raise ValueError(f"[terms] {phrase!r} is under both {owner[phrase]!r} and {term!r}")
        return terms


class Example(_Frozen):
    """A real message a word list was written from, and where it was said."""

    text: str
    source: str


class TurnWords(_Frozen):
    """Words of one kind of turn (conversation.toml's [turns.<kind>]); `emoji` count in a
    message of no words."""

    phrases: tuple[str, ...]
    emoji: tuple[str, ...] = ()
    examples: tuple[Example, ...] = ()


class Elsewhere(_Frozen):
    """Names of one kind of thing the knowledge base does not have (conversation.toml's
    [elsewhere.<kind>]): a drink, a drug, a test, a condition."""

    names: tuple[str, ...]
    examples: tuple[Example, ...] = ()
    # Endings that make a word a name of this kind though it is not listed (the USAN stems of
    # medicines: "-olol", "-pril"), and the real messages they were written from.
    stems: tuple[str, ...] = ()
    stem_examples: tuple[Example, ...] = ()


ElsewhereKind = Literal["drink", "drug", "test", "condition"]


class ConversationWords(_Frozen):
    turns: dict[str, TurnWords] = {}
    elsewhere: dict[ElsewhereKind, Elsewhere] = {}


class LanguagePack(_Frozen):
    """How people write in one more language (lexicon/languages/<lang>.toml): names of the
    topics, descriptions of a condition, section and small-talk phrases, question words. Its
    section and small-talk phrases are merged into `Language` under the English groups they
    name; its names and descriptions need the knowledge base (knowledge.understanding.reader)."""

    lang: str
    sources: tuple[str, ...]
    topics: dict[str, tuple[str, ...]] = {}
    concerns: dict[str, tuple[str, ...]] = {}
    described: dict[str, tuple[str, ...]] = {}
    groups: dict[str, tuple[str, ...]] = {}
    sections: dict[str, tuple[str, ...]] = {}
    small_talk: dict[str, tuple[str, ...]] = {}
    openers: tuple[str, ...] = ()
    # What a turn says to the conversation in this language (its [turns] table): kind = phrases,
    # the kind one of conversation.toml's [turns] ("ok", "what do I do", "I'm ok now" after
    # emergency advice); `turn_sources`: the public pages those words were taken from.
    turns: dict[str, tuple[str, ...]] = {}
    turn_sources: tuple[str, ...] = ()
    # The language's most frequent words (common_words.<lang>.txt): never fuzzy. The most
    # frequent of all ("de", "para", "который") say nothing of a section: never lent by an article.
    common_words: frozenset[str] = frozenset()
    function_words: frozenset[str] = frozenset()
    # The very most frequent (articles, prepositions, pronouns, "para", "dos", "sich", "cosa",
    # "apa"): a language's own stems never fold them, nor any word onto them (own_stems.py).
    grammar_words: frozenset[str] = frozenset()


class Lexicon(_Frozen):
    triage: Triage
    language: Language
    common_words: frozenset[str]
    lay_names: LayNames = LayNames(terms={})
    conversation: ConversationWords = ConversationWords()
    # The languages beside English, by code; their phrases are already merged into `language`.
    languages: dict[str, LanguagePack] = {}
    # English's own common words and stopwords, before the other languages' are merged in: the
    # evidence that a message is English (knowledge.understanding.written_in).
    english_words: frozenset[str] = frozenset()


class LexiconError(Exception):
    """A lexicon file is malformed; the message names the file and the problem."""


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise LexiconError(f"{path}: {exc}") from exc


def _language(raw: dict[str, Any], path: Path) -> Language:
    sections = dict(raw.get("sections", {}))
    order = tuple(sections.pop("order", ()))
    parsed = {name: SectionWords.model_validate(body) for name, body in sections.items()}
    for name, words in parsed.items():
        target = words.section or name
        if target not in SECTION_NAMES:
            raise LexiconError(f"{path}: [sections.{name}] targets unknown section {target!r}")
    return Language(
        small_talk={name: SmallTalk.model_validate(body) for name, body in raw["small_talk"].items()},
        stopwords=frozenset(raw["stopwords"]["words"]),
        section_order=order,
        sections=parsed,
        questions=Questions.model_validate(raw["questions"]),
        follow_up=frozenset(raw["follow_up"]["words"]),
        refers_back=frozenset(raw["refers_back"]["words"]),
        pronouns=frozenset(raw["refers_back"].get("pronouns", ())),
        not_alone=frozenset(raw["partial_names"]["not_alone"]),
        remedy_forms=frozenset(raw.get("remedy_forms", {}).get("words", ())),
        other_topics=PhraseList.model_validate(raw["other_topics"]),
    )


@cache
def load_lexicon(directory: Path = LEXICON_DIR) -> Lexicon:
    """Read and validate the lexicon files once per process."""
    triage_path, language_path = directory / "triage.toml", directory / "language.toml"
    try:
        triage = Triage.model_validate(_read_toml(triage_path))
    except ValidationError as exc:
        raise LexiconError(f"{triage_path}: {exc}") from exc
    try:
        language = _language(_read_toml(language_path), language_path)
    except (ValidationError, KeyError) as exc:
        raise LexiconError(f"{language_path}: {exc}") from exc
    common_path = directory / "common_words.txt"
    try:
        lines = common_path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise LexiconError(f"{common_path}: {exc}") from exc
    common = frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))
    lay_path = directory / "lay_names.toml"
    try:
        lay_names = LayNames.model_validate(_read_toml(lay_path))
    except ValidationError as exc:
        raise LexiconError(f"{lay_path}: {exc}") from exc
    conversation_path = directory / "conversation.toml"
    try:
        conversation = ConversationWords.model_validate(_read_toml(conversation_path))
    except ValidationError as exc:
        raise LexiconError(f"{conversation_path}: {exc}") from exc
    packs = _language_packs(directory / LANGUAGES_DIR, language, conversation)
    english = common | language.stopwords
    language = _merged(language, packs)
    everyone = common.union(*(p.common_words for p in packs.values()))
    return Lexicon(
        triage=triage,
        language=language,
        common_words=everyone,
        lay_names=lay_names,
        conversation=conversation,
        languages=packs,
        english_words=english,
    )


LANGUAGES_DIR = "languages"
FUNCTION_WORDS = 400  # the most frequent words of a language, the ones that carry no topic
GRAMMAR_WORDS = 150  # the most frequent of all: closed-class words, a stemmer's false friends
_PACK_TABLES = {
    "sources",
    "topics",
    "concerns",
    "described",
    "groups",
    "sections",
    "small_talk",
    "questions",
    "turns",
}


def _language_packs(
    directory: Path, language: Language, conversation: ConversationWords
) -> dict[str, LanguagePack]:
    """Every `<lang>.toml` of `directory`, with its `common_words.<lang>.txt`; each section and
    small-talk group it names must be one of language.toml's, and its words need sources."""
    packs: dict[str, LanguagePack] = {}
    for path in sorted(directory.glob("*.toml")) if directory.is_dir() else ():
        raw = _read_toml(path)
        unknown = set(raw) - _PACK_TABLES
        if unknown:
            raise LexiconError(f"{path}: unknown table(s) {sorted(unknown)}")
        for name in raw.get("sections", {}):
            if name not in language.sections:
                raise LexiconError(
                    f"{path}: [sections] {name!r} is not a group of language.toml's [sections]"
                )
        for name in raw.get("small_talk", {}):
            if name not in language.small_talk:
                raise LexiconError(
                    f"{path}: [small_talk] {name!r} is not a kind of language.toml's [small_talk]"
                )
        turns = dict(raw.get("turns", {}))
        turn_sources = tuple(turns.pop("sources", ()))
        for kind in turns:
            if kind not in conversation.turns:
                raise LexiconError(f"{path}: [turns] {kind!r} is not a kind of conversation.toml's [turns]")
        if turns and not turn_sources:
            raise LexiconError(f"{path}: [turns] sources: name the pages its words were taken from")
        lang = path.stem
        common_path = directory / f"common_words.{lang}.txt"
        try:
            lines = common_path.read_text(encoding="utf-8").splitlines() if common_path.exists() else []
        except OSError as exc:
            raise LexiconError(f"{common_path}: {exc}") from exc
        listed = [w.strip() for w in lines if w.strip() and not w.startswith("#")]  # most frequent first
        try:
            pack = LanguagePack(
                lang=lang,
                sources=tuple(raw.get("sources", {}).get("pages", ())),
                topics=raw.get("topics", {}),
                concerns=raw.get("concerns", {}),
                described=raw.get("described", {}),
                groups=raw.get("groups", {}),
                sections=raw.get("sections", {}),
                small_talk=raw.get("small_talk", {}),
                openers=tuple(raw.get("questions", {}).get("openers", ())),
                turns=turns,
                turn_sources=turn_sources,
                common_words=frozenset(listed),
                function_words=frozenset(listed[:FUNCTION_WORDS]),
                grammar_words=frozenset(listed[:GRAMMAR_WORDS]),
            )
        except ValidationError as exc:
            raise LexiconError(f"{path}: {exc}") from exc
        if not pack.sources:
            raise LexiconError(f"{path}: [sources] pages: name the pages its words were taken from")
        packs[lang] = pack
    return packs


def _merged(language: Language, packs: dict[str, LanguagePack]) -> Language:
    """English's section and small-talk groups with each language's phrases beside them, under
    "<group>@<lang>", taking the English group's weight, section, reply and closing."""
    sections = dict(language.sections)
    small_talk = dict(language.small_talk)
    openers = list(language.questions.openers)
    for lang, pack in packs.items():
        for name, phrases in pack.sections.items():
            base = language.sections[name]
            sections[f"{name}@{lang}"] = base.model_copy(
                update={"phrases": phrases, "section": base.section or name}
            )
        for kind, phrases in pack.small_talk.items():
            small_talk[f"{kind}@{lang}"] = language.small_talk[kind].model_copy(
                update={"phrases": phrases, "emoji": ()}
            )
        openers += pack.openers
    questions = language.questions.model_copy(update={"openers": tuple(dict.fromkeys(openers))})
    return language.model_copy(
        update={"sections": sections, "small_talk": small_talk, "questions": questions}
    )
