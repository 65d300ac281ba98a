"""A message's clinical concepts (concepts.toml), each with its context: the words of the
message's language (concepts/<lang>.toml), the other senses of those words removed ("weakness
for chocolate"), and numbers read into concepts (a temperature, an age, "20 pills")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from knowledge.levels import ConceptFound, Experiencer
from knowledge.understanding.clauses import Layout, layout
from knowledge.understanding.context import Context, ContextReader
from knowledge.understanding.folding import Fold, folder
from knowledge.understanding.normalise import Token, Tokens, stem, texts_of
from knowledge.understanding.numbers import Reading, ages, counts, vitals
from knowledge.understanding.phrases import Found, PhraseIndex
from knowledge.understanding.retold import Retold
from knowledge.understanding.vocabulary import (
    ENGLISH,
    Concept,
    LanguageWords,
    Stemming,
    Vocabulary,
    expanded,
)

_ASCII_DIGIT = re.compile(r"[0-9]")
_KIND_CUE = "@"  # a sense cue "@symptom": any mention of a concept of that kind
# A synonym ending in "<end>" is read only where its last word ends its clause: a verb said with
# no object ("my daughter is cutting." is self-harm, "is cutting onions" is not).
AT_END = "<end>"


@dataclass(frozen=True, slots=True)
class Mention:
    concept: str
    kind: str
    start: int
    end: int
    context: Context

    def found(self) -> ConceptFound:
        return _concept_found(*self._key())

    def _key(self) -> tuple[str, bool, bool, bool, Experiencer]:
        c = self.context
        return self.concept, c.negated, c.historical, c.hypothetical, c.experiencer


@lru_cache(maxsize=8192)
def _concept_found(
    concept: str, negated: bool, historical: bool, hypothetical: bool, experiencer: Experiencer
) -> ConceptFound:
    """A concept found in a context: one immutable, validated object per concept of the
    vocabulary and context (a few thousand at most), not a new one per message. It holds the
    vocabulary's id and four flags, never a word of the message."""
    return ConceptFound(
        id=concept, negated=negated, historical=historical, hypothetical=hypothetical, experiencer=experiencer
    )


@dataclass(frozen=True)
class ConceptReading:
    """The mentions in message order; `silenced`: positions of words whose other sense was
    read ("weakness for"): a red-flag phrase over any of them is silenced too; `layout`: the
    clauses."""

    mentions: tuple[Mention, ...]
    silenced: frozenset[int]
    layout: Layout
    texts: tuple[str, ...]
    # The silenced words an overlapping cue said ("killing myself trying to"): only these
    # may silence a crisis phrase; a cue elsewhere in the sentence never does.
    strict: frozenset[int] = frozenset()
    # The words of sentences of a story told as history (retold.py): a phrase there is history.
    retold: frozenset[int] = frozenset()
    # Whether a recent episode is said ("this morning", "last night"): nothing long-standing then.
    recent: bool = False

    def concepts(self) -> tuple[ConceptFound, ...]:
        # Told apart by their fields (as ConceptFound's equality does), hashed as plain tuples.
        return tuple(_concept_found(*key) for key in dict.fromkeys(m._key() for m in self.mentions))


class _Language:
    """One language's compiled words."""

    def __init__(self, words_of: LanguageWords, vocabulary: Vocabulary) -> None:
        self.words = words_of
        # English keeps the tokens' own stems; another language folds its words its own way
        self.fold: Fold | None = None if words_of.stemming == Stemming() else folder(words_of.stemming)
        fold = self.fold or stem
        groups = words_of.groups
        synonyms = [(cid, p) for cid, phrases in words_of.synonyms.items() for p in expanded(phrases, groups)]
        synonyms += [(cid, p) for p, cids in words_of.compounds.items() for cid in cids]
        self.synonyms = PhraseIndex([(cid, p) for cid, p in synonyms if not p.endswith(AT_END)], fold)
        at_end = [(cid, p.removesuffix(AT_END)) for cid, p in synonyms if p.endswith(AT_END)]
        self.at_end = PhraseIndex(at_end, fold)
        cues: list[tuple[str, str]] = []
        self.scopes: dict[str, str] = {}
        self.strict: set[str] = set()  # the senses whose cues silence a crisis phrase too
        self.kind_cues: dict[str, list[str]] = {}
        kept: list[tuple[str, str]] = []  # a sense's `keep` phrases, labelled by the sense
        for cid, senses in words_of.senses.items():
            for name, sense in senses.items():
                label = f"{cid}.{name}"
                self.scopes[label] = sense.scope
                if sense.strict:
                    self.strict.add(label)
                kept += [(label, phrase) for phrase in expanded(sense.keep, groups)]
                for cue in expanded(sense.cues, groups):
                    if cue.startswith(_KIND_CUE):
                        self.kind_cues.setdefault(label, []).append(cue[1:])
                    else:
                        cues.append((label, cue))
        self.cues = PhraseIndex(cues, fold)
        self.kept = PhraseIndex(kept, fold)
        labels = ((v, p) for v, phrases in words_of.vitals.items() for p in phrases)
        self.vital_labels = PhraseIndex(labels, fold)
        self.context = ContextReader(words_of.context, fold)
        self.retold = Retold(words_of.context)
        self.kinds = {cid: c.kind for cid, c in vocabulary.concepts.items()}


class ConceptReader:
    """Compiles every language's words once; reads any number of messages."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        self._languages = {lang: _Language(w, vocabulary) for lang, w in vocabulary.languages.items()}
        # The concepts read from a number, by the number's kind, in the vocabulary's order: a
        # number is tried against these only (15 of 218), not every concept (a long story says
        # a dozen numbers).
        valued: dict[str, list[tuple[str, Concept]]] = {}
        for cid, concept in vocabulary.concepts.items():
            kind = concept_value_kind(concept)
            if kind:
                valued.setdefault(kind, []).append((cid, concept))
        self._valued = {kind: tuple(found) for kind, found in valued.items()}

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self._languages)

    def read(self, tokens: Sequence[Token], source: str, lang: str = ENGLISH) -> ConceptReading:
        """The concepts of a message in `lang`: only that language's words are read, so a word
        of another language is never taken for one of its concepts."""
        texts, _ = texts_of(list(tokens)) if not isinstance(tokens, Tokens) else texts_of(tokens)
        shared = tokens.sizes() if isinstance(tokens, Tokens) and source == tokens.source else None
        shape = layout(source, len(texts), shared)
        language = self._languages.get(lang)
        if language is None or not texts:
            return ConceptReading((), frozenset(), shape, tuple(texts))
        stems = [t.stem for t in tokens] if language.fold is None else [language.fold(t) for t in texts]
        found = language.synonyms.find(stems, texts)
        found += [f for f in language.at_end.find(stems, texts) if shape.ends_clause(f.end)]
        found += self._numbers(texts, stems, source, found, language)
        found, silenced, strict = self._senses(found, stems, texts, shape, language)
        found = _without_inner(found)
        contexts = language.context.read(stems, texts, shape, found)
        kinds = language.kinds
        read = [
            Mention(f.label, kinds[f.label], f.start, f.end, c) for f, c in zip(found, contexts, strict=True)
        ]
        mentions, retold = language.retold.read(texts, shape, read)
        recent = language.retold.recent(texts)
        return ConceptReading(tuple(mentions), silenced, shape, tuple(texts), strict, retold, recent)

    def _numbers(
        self, texts: list[str], stems: list[str], source: str, found: list[Found], language: _Language
    ) -> list[Found]:
        out: list[Found] = []
        readings: list[Reading] = []
        if _has_digit(source):
            readings += vitals(source, language.vital_labels.find(stems, texts))
        numbers = language.words.numbers
        readings += ages(texts, language.words.ages, numbers)
        forms = [f for f in found if language.kinds.get(f.label) == "substance"]
        if forms:
            readings += counts(texts, numbers, forms)
        for reading in readings:
            if not 0 <= reading.start < reading.end <= len(texts):
                continue  # read from the source at no word of the message ("C:A0C"): no place to hold it
            for cid, concept in self._valued.get(reading.kind, ()):
                if _meets(reading.kind, reading, concept):
                    out.append(Found(cid, reading.start, reading.end))
        return out

    @staticmethod
    def _senses(
        found: list[Found], stems: list[str], texts: list[str], shape: Layout, language: _Language
    ) -> tuple[list[Found], frozenset[int], frozenset[int]]:
        cues = language.cues.find(stems, texts)
        by_kind: set[int] = set()
        for label, kinds in language.kind_cues.items():
            kind_cues = [Found(label, f.start, f.end) for f in found if language.kinds.get(f.label) in kinds]
            cues += kind_cues
            by_kind.update(id(c) for c in kind_cues)
        if not cues:
            return found, frozenset(), frozenset()
        # The words a sense keeps in their own sense ("kill myself" beside a hangover), by sense.
        kept: dict[str, list[Found]] = {}
        for k in language.kept.find(stems, texts):
            kept.setdefault(k.label, []).append(k)
        dropped: set[int] = set()
        silenced: set[int] = set()
        # A concept read about a symptom said beside it ("twitching ... i cant take it
        # anymore") is read so in so many words: it silences even a crisis phrase.
        strict: set[int] = set()  # words of an overlapping cue: another sense said in so many words
        # A cue is of one concept: only that concept's mentions are tried against it, not every
        # mention of a long message against every cue.
        of_concept: dict[str, list[tuple[int, Found]]] = {}
        for n, f in enumerate(found):
            of_concept.setdefault(f.label, []).append((n, f))
        for cue in cues:
            concept = cue.label.split(".", 1)[0]
            overlap = language.scopes[cue.label] == "overlap"
            keeps = kept.get(cue.label, ())
            for n, f in of_concept.get(concept, ()):
                if f.start == cue.start and f.end == cue.end and not overlap:
                    continue
                if any(k.start < f.end and f.start < k.end for k in keeps):
                    continue
                if overlap:
                    hit = f.start < cue.end and cue.start < f.end
                else:
                    hit = shape.same(language.scopes[cue.label], f.start, cue.start)
                if hit:
                    dropped.add(n)
                    silenced.update(range(f.start, f.end))
                    if overlap or id(cue) in by_kind or cue.label in language.strict:
                        strict.update(range(f.start, f.end))
            if overlap:
                silenced.update(range(cue.start, cue.end))
                strict.update(range(cue.start, cue.end))
        return [f for n, f in enumerate(found) if n not in dropped], frozenset(silenced), frozenset(strict)


def _has_digit(source: str) -> bool:
    """Whether any character of `source` is a digit (str.isdigit): scanned in C for ASCII text,
    where the digits are 0-9, character by character otherwise ("²" is a digit too)."""
    if source.isascii():
        return _ASCII_DIGIT.search(source) is not None
    return any(c.isdigit() for c in source)


def concept_value_kind(concept: Concept) -> str:
    """Which number a concept is read from: a vital, an age, or a count."""
    if concept.vital:
        return concept.vital
    if concept.age_days_below is not None or concept.age_days_from is not None:
        return "age_days"
    if concept.count_at_least is not None:
        return "count"
    return ""


def _meets(kind: str, reading: Reading, concept: Concept) -> bool:
    """Whether a number read meets every bound the concept sets (and it sets one)."""
    if not kind or kind != reading.kind:
        return False
    v = reading.value
    lows = (concept.at_least, concept.age_days_from, concept.count_at_least)
    highs = (concept.at_most,)
    below = concept.age_days_below
    return (
        all(v >= t for t in lows if t is not None)
        and all(v <= t for t in highs if t is not None)
        and (below is None or v < below)
    )


def _without_inner(found: list[Found]) -> list[Found]:
    """One mention per concept and stretch: a phrase inside a longer one of the same concept
    ("bleeding" in "bleeding heavily") is the longer one."""
    found = sorted(set(found), key=lambda f: (f.start, -f.end, f.label))
    out: list[Found] = []
    reach: dict[str, int] = {}  # how far each concept's kept mentions reach, in message order
    for f in found:
        if reach.get(f.label, -1) >= f.end:
            continue  # inside a longer mention of the same concept that starts no later
        reach[f.label] = max(reach.get(f.label, -1), f.end)
        out.append(f)
    return out
