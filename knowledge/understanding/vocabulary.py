"""The clinical vocabulary as data: concepts (lexicon/concepts.toml), their words in each
language (lexicon/concepts/<lang>.toml) and the triage rules over them (lexicon/rules.toml).
Loading validates what a file can say on its own; `problems()` checks what ties them together
(unknown ids, rules without a source, a phrase claimed by two concepts)."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from knowledge.understanding.lexicon import LEXICON_DIR, LexiconError
from knowledge.understanding.normalise import words

Kind = Literal[
    "symptom",
    "body_site",
    "quality",
    "severity",
    "onset",
    "function_lost",
    "substance",
    "amount",
    "intent",
    "person",
    "action",
    "vital",
    "activity",
    "time",
    "modality",
]
Vital = Literal["temperature", "spo2", "heart_rate", "breathing_rate", "systolic"]
RuleLevel = Literal["doctor", "emergency", "crisis"]
Scope = Literal["clause", "sentence", "message"]
ENGLISH = "en"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Concept(_Frozen):
    kind: Kind
    parts: tuple[str, ...] = ()
    means: tuple[str, ...] = ()
    senses: tuple[str, ...] = ()
    vital: Vital | None = None
    at_least: float | None = None
    at_most: float | None = None
    age_days_below: int | None = None
    age_days_from: int | None = None
    count_at_least: int | None = None


class Sense(_Frozen):
    """Another sense of a concept's words, read from its cues within `scope` ("nearby": the
    same sentence or the one before or after it). `strict`: the cues say the other sense in so
    many words, so they silence a crisis phrase over the words too (as an overlapping cue does).
    `keep`: the concept's phrases this sense never reads otherwise (a hangover's "I want to die"
    is a figure of speech, its "I want to kill myself" is not)."""

    cues: tuple[str, ...]
    scope: Literal["overlap", "sentence", "nearby", "message"] = "overlap"
    strict: bool = False
    keep: tuple[str, ...] = ()


class ContextWords(_Frozen):
    negated: tuple[str, ...] = ()
    negated_after: tuple[str, ...] = ()
    pseudo: tuple[str, ...] = ()
    historical: tuple[str, ...] = ()
    historical_after: tuple[str, ...] = ()
    hypothetical: tuple[str, ...] = ()
    family: tuple[str, ...] = ()
    other: tuple[str, ...] = ()
    self: tuple[str, ...] = ()
    terminators: tuple[str, ...] = ()
    # Two negations in a clause that undo each other, written "first ... second" ("couldnt ...
    # without": "I couldn't be in a lit area without my eye having shooting pains", the pain is
    # there): the second is no negation, and the first reaches no further than it.
    double_negation: tuple[str, ...] = ()
    # A story told as history (retold.py): what dates it in the past, what says a recent
    # episode, and the words of a sentence in the past and in the present tense.
    retold_anchor: tuple[str, ...] = ()
    retold_recent: tuple[str, ...] = ()
    retold_past: tuple[str, ...] = ()
    retold_present: tuple[str, ...] = ()
    # An acute event told as over (retold.py `_events_over`): the concepts so read, the words that
    # date one a week or more before ("6 weeks ago", "a year and a half ago", "last May"), the
    # months a day number dates ("January 31st"), the verbs of a completed event before it, and the
    # words that keep it open in its sentence ("since", "again", "still").
    retold_event: tuple[str, ...] = ()
    retold_event_anchor: tuple[str, ...] = ()
    retold_event_months: tuple[str, ...] = ()
    retold_event_verb: tuple[str, ...] = ()
    retold_event_open: tuple[str, ...] = ()


class Ages(_Frozen):
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    units: dict[str, int] = {}
    alone: dict[str, int] = {}


class Stemming(_Frozen):
    """How a language's word endings fold, so "pastilla" and "pastillas" are one word: a
    Snowball stemmer by name, or, for a language Snowball lacks, `suffixes` to strip (the
    longest that leaves at least `min_stem` letters). `prefixes`: particles written onto a word
    ("و", and), stripped before the stemmer. Without any of these, the English stemmer."""

    stemmer: str | None = None
    prefixes: tuple[str, ...] = ()
    suffixes: tuple[str, ...] = ()
    min_stem: int = Field(default=3, ge=1)
    # Turkish writes a name's case ending after an apostrophe ("ashwagandha'nın", of
    # ashwagandha): the ending comes off, so the name is found whole.
    apostrophe_suffixes: bool = False


class LanguageWords(_Frozen):
    """One language's file: only words, keyed by the ids of concepts.toml."""

    stemming: Stemming = Stemming()
    synonyms: dict[str, tuple[str, ...]] = {}
    # Words a phrase may name by `{group}`: "kill {self}" is "kill myself", "kill himself"...
    groups: dict[str, tuple[str, ...]] = {}
    # One word that says two concepts, as German compounds do ("brustschmerzen": chest and
    # pain): the word, then the concept ids it says.
    compounds: dict[str, tuple[str, ...]] = {}
    senses: dict[str, dict[str, Sense]] = {}
    context: ContextWords = ContextWords()
    numbers: dict[str, int] = {}
    vitals: dict[Vital, tuple[str, ...]] = {}
    ages: Ages = Ages()


class Rule(_Frozen):
    id: str
    level: RuleLevel
    all: tuple[tuple[str, ...], ...] = Field(min_length=1)
    source: str = ""
    url: str = ""
    flag: str = ""
    unless: tuple[str, ...] = ()
    scope: Scope = "sentence"
    allow: tuple[Literal["hypothetical", "historical"], ...] = ()
    experiencer: tuple[Literal["self", "family", "other"], ...] = ()


class Vocabulary(_Frozen):
    concepts: dict[str, Concept]
    languages: dict[str, LanguageWords]
    rules: tuple[Rule, ...]

    def problems(self, flags: frozenset[str] = frozenset()) -> list[str]:
        """What ties the files together, each as one line naming the file: unknown concept ids,
        rules without a source or with an unknown flag group, duplicate rule ids, and a phrase
        claimed by two concepts of one language. `flags`: the red-flag groups of triage.toml."""
        found: list[str] = []
        known = self.concepts.keys()
        for cid, concept in self.concepts.items():
            for ref in (*concept.parts, *concept.means):
                if ref not in known:
                    found.append(f"concepts.toml: [concepts.{cid}] names unknown concept {ref!r}")
        seen: set[str] = set()
        for rule in self.rules:
            where = f"rules.toml: rule {rule.id!r}"
            if rule.id in seen:
                found.append(f"{where} is defined twice")
            seen.add(rule.id)
            if not rule.source.strip():
                found.append(f"{where} has no source")
            if flags and rule.flag and rule.flag not in flags:
                found.append(f"{where} names unknown flag group {rule.flag!r}")
            for ref in (*(c for group in rule.all for c in group), *rule.unless):
                if ref not in known:
                    found.append(f"{where} names unknown concept {ref!r}")
        for lang, words_of in self.languages.items():
            where = f"concepts/{lang}.toml"
            owner: dict[tuple[str, ...], str] = {}
            for cid, phrases in words_of.synonyms.items():
                if cid not in known:
                    found.append(f"{where}: [synonyms] names unknown concept {cid!r}")
                for phrase in expanded(phrases, words_of.groups):
                    key = tuple(words(phrase))
                    if not key:
                        found.append(f"{where}: [synonyms] {cid}: {phrase!r} has no words")
                        continue
                    other = owner.setdefault(key, cid)
                    if other != cid:
                        found.append(f"{where}: {phrase!r} is claimed by both {other!r} and {cid!r}")
            for phrase, cids in words_of.compounds.items():
                found += [
                    f"{where}: [compounds] {phrase!r} names unknown concept {c!r}"
                    for c in cids
                    if c not in known
                ]
                if tuple(words(phrase)) in owner:
                    found.append(f"{where}: {phrase!r} is both a synonym and a compound")
            for cid, senses in words_of.senses.items():
                owner_concept = self.concepts.get(cid)
                if owner_concept is None:
                    found.append(f"{where}: [senses] names unknown concept {cid!r}")
                    continue
                for name in senses:
                    if name not in owner_concept.senses:
                        found.append(f"{where}: [senses.{cid}.{name}] is not among {cid!r}'s senses")
        return found


_GROUP = re.compile(r"\{(\w+)\}")


def expanded(phrases: tuple[str, ...], groups: dict[str, tuple[str, ...]]) -> list[str]:
    """Each phrase with every `{group}` replaced by each of the group's words, in turn."""
    out: list[str] = []
    for phrase in phrases:
        todo = [phrase]
        while todo:
            current = todo.pop()
            match = _GROUP.search(current)
            if match is None:
                out.append(current)
                continue
            for word in groups.get(match.group(1), (match.group(0),)):
                todo.append(current[: match.start()] + word + current[match.end() :])
    return out


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise LexiconError(f"{path}: {exc}") from exc


@cache
def load_vocabulary(directory: Path = LEXICON_DIR) -> Vocabulary:
    """concepts.toml, every concepts/<lang>.toml and rules.toml, validated, once per process."""
    concepts_path, rules_path = directory / "concepts.toml", directory / "rules.toml"
    try:
        concepts = {k: Concept.model_validate(v) for k, v in _read(concepts_path).get("concepts", {}).items()}
    except ValidationError as exc:
        raise LexiconError(f"{concepts_path}: {exc}") from exc
    languages: dict[str, LanguageWords] = {}
    for path in sorted((directory / "concepts").glob("*.toml")):
        try:
            languages[path.stem] = LanguageWords.model_validate(_read(path))
        except ValidationError as exc:
            raise LexiconError(f"{path}: {exc}") from exc
    try:
        rules = tuple(Rule.model_validate(r) for r in _read(rules_path).get("rules", ()))
    except ValidationError as exc:
        raise LexiconError(f"{rules_path}: {exc}") from exc
    return Vocabulary(concepts=concepts, languages=languages, rules=rules)
