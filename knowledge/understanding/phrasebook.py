"""The phrasebook: every pattern the engine looks for, from the lexicon files and from the
articles themselves (their red flags, the words they lend to sections, their descriptions)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace

from knowledge.base.models import Condition, KnowledgeBase
from knowledge.understanding.languages import described_in_languages, words_of_groups
from knowledge.understanding.lexicon import Lexicon
from knowledge.understanding.normalise import words
from knowledge.understanding.patterns import (
    FRAME,
    IGNORE,
    OTHER_TOPIC,
    SECTION,
    SMALL_TALK,
    TOPIC,
    TURN,
    Pattern,
    compile_phrase,
)

_MIN_DERIVED_WORD = 4
DERIVED_WEIGHT = 1
# The sections an article lends words to, in the order it lends them.
LENT_SECTIONS = ("causes", "severity", "remedies")


def build_patterns(lexicon: Lexicon, kb: KnowledgeBase) -> list[Pattern]:
    """The lexicon's phrases, then one Pattern per distinct article phrase with its owners.

    Order matters where phrases tie, so it is the order one copy per article would have had:
    the lexicon's phrases first, in file order; article phrases after them, a lent section word
    ordered as every article orders its own (causes, severity, remedies; then alphabetically).
    `first` and `last` keep each article phrase's place among those copies for triage.
    """
    patterns = list(_lexicon_patterns_in_order(lexicon))
    owners: dict[Pattern, list[str]] = {}
    places: dict[Pattern, list[int]] = {}
    position = len(patterns)
    stopwords = lexicon.language.stopwords.union(*(p.function_words for p in lexicon.languages.values()))
    # Words that name a topic or describe a condition in another language say what, not which
    # section ("palpebra", "trema"): a translation never lends them.
    stopwords |= {
        w for p in lexicon.languages.values() for n in p.topics.values() for e in n for w in words(e)
    }
    stopwords |= {w for entries in words_of_groups(lexicon) for e in entries for w in words(e)}
    memo = _Memo()
    for condition in kb.conditions.values():
        for shape in _article_patterns(condition, kb, stopwords, memo):
            owners.setdefault(shape, []).append(condition.slug)
            places.setdefault(shape, [position, position])[1] = position
            position += 1
    merged = [
        replace(shape, owners=frozenset(slugs), first=places[shape][0], last=places[shape][1])
        for shape, slugs in owners.items()
    ]
    merged.sort(key=_article_order)
    # Descriptions in the other languages come last, in the order their files give them.
    others = [
        replace(p, first=n, last=n) for n, p in enumerate(described_in_languages(kb, lexicon), start=position)
    ]
    return patterns + merged + others


# The lexicon's own patterns are the same for every knowledge base; a process builds several
# engines (tests, a reload), so they are compiled once per lexicon object.
_BUILT: dict[int, tuple[Lexicon, tuple[Pattern, ...]]] = {}


def _lexicon_patterns_in_order(lexicon: Lexicon) -> tuple[Pattern, ...]:
    built = _BUILT.get(id(lexicon))
    if built is None or built[0] is not lexicon:
        ordered = tuple(
            replace(p, first=position, last=position) for position, p in enumerate(_lexicon_patterns(lexicon))
        )
        built = _BUILT[id(lexicon)] = (lexicon, ordered)
    return built[1]


def vocabulary(patterns: list[Pattern], lexicon: Lexicon, kb: KnowledgeBase) -> set[str]:
    """The words typo correction may correct towards: every word of every phrase, the words of
    the word lists included (a slot holds their stems, not their words)."""
    found = {w for p in patterns for w in p.label.split()}
    for groups in (lexicon.triage.groups, kb.groups):
        found.update(w for entries in groups.values() for entry in entries for w in words(entry))
    found.update(w for entries in words_of_groups(lexicon) for entry in entries for w in words(entry))
    return found


def _article_order(pattern: Pattern) -> tuple[int, int, str]:
    if pattern.tag == SECTION:
        return (1, LENT_SECTIONS.index(pattern.section or ""), pattern.label)
    return (0, pattern.first, "")  # red flags and descriptions, as the articles order them


def _compiled(
    phrases: tuple[str, ...], groups: Mapping[str, tuple[str, ...]], **fields: object
) -> Iterator[Pattern]:
    for phrase in phrases:
        yield from compile_phrase(phrase, groups, **fields)


def _lexicon_patterns(lexicon: Lexicon) -> Iterator[Pattern]:
    triage, language = lexicon.triage, lexicon.language
    for name, flag in triage.flags.items():
        yield from _compiled(flag.phrases, triage.groups, tag=flag.level, kind=name)
        for frame, parts in enumerate(flag.frames):
            for part, phrase in enumerate(parts):
                yield from _compiled((phrase,), triage.groups, tag=FRAME, kind=name, frame=frame, part=part)
    yield from _compiled(triage.ignore.phrases, triage.groups, tag=IGNORE)
    for name, talk in language.small_talk.items():
        yield from _compiled(talk.phrases, {}, tag=SMALL_TALK, kind=name)
    yield from _compiled(language.other_topics.phrases, {}, tag=OTHER_TOPIC)
    for thing, things in lexicon.conversation.elsewhere.items():
        yield from _compiled(things.names, {}, tag=OTHER_TOPIC, kind=thing)
    for turn_kind, turn in lexicon.conversation.turns.items():
        yield from _compiled(turn.phrases, {}, tag=TURN, kind=turn_kind)
    for pack in lexicon.languages.values():  # the same kinds of turn, said in another language
        for turn_kind, phrases in pack.turns.items():
            yield from _compiled(phrases, {}, tag=TURN, kind=turn_kind)
    for name, entry in language.sections.items():
        yield from _compiled(
            entry.phrases, {}, tag=SECTION, section=entry.section or name, weight=entry.weight
        )


class _Memo:
    """One build's memory: articles repeat their texts ("Stress or anxiety", ingredient names)
    and phrases, and 10,000 topics would normalise and compile them over and over."""

    def __init__(self) -> None:
        self._words: dict[str, list[str]] = {}
        self._patterns: dict[tuple[object, ...], list[Pattern]] = {}

    def words(self, text: str) -> list[str]:
        found = self._words.get(text)
        if found is None:
            found = self._words[text] = words(text)
        return found

    def compiled(
        self, phrase: str, groups: Mapping[str, tuple[str, ...]] | None = None, **fields: object
    ) -> list[Pattern]:
        key = (phrase, *sorted(fields.items()))
        found = self._patterns.get(key)
        if found is None:
            found = self._patterns[key] = list(_compiled((phrase,), groups or {}, **fields))
        return found


def _article_patterns(
    condition: Condition, kb: KnowledgeBase, stopwords: frozenset[str], memo: _Memo
) -> list[Pattern]:
    """An article's own words: its descriptions find it; its causes and remedies lend intent.
    Without owners: build_patterns merges the copies that articles share. (Its "When to See a
    Doctor" items are red flags of the condition only: knowledge.understanding.condition_flags.)"""
    own = _own_words(condition, kb, memo)
    patterns: list[Pattern] = []
    for phrase in condition.descriptions:
        patterns += memo.compiled(phrase, kb.groups, tag=TOPIC)
    lends = (
        condition.common_causes,
        condition.severity_causes,
        tuple(r.name for r in condition.remedies if not r.ingredient_slugs),
    )
    # Its translations lend their words the same way ("estrés", "кофеин"), but never the most
    # frequent words of their language ("para", "или").
    for t in condition.translations.values():
        lends = (
            (*lends[0], *t.items("causes")),
            (*lends[1], *t.items("severity")),
            (*lends[2], *(r.name for r in t.remedies if not r.ingredient_slugs)),
        )
    for section, texts in zip(LENT_SECTIONS, lends, strict=True):
        derived = {
            w
            for text in texts
            for w in memo.words(text)
            if len(w) >= _MIN_DERIVED_WORD and w not in stopwords and w not in own
        }
        for word in sorted(derived):
            patterns += memo.compiled(word, tag=SECTION, section=section, weight=DERIVED_WEIGHT)
    return patterns


def _own_words(condition: Condition, kb: KnowledgeBase, memo: _Memo) -> set[str]:
    """Words that name the condition or its ingredients: they say what, not which section."""
    names = [condition.name, *condition.aliases]
    names += [
        n
        for t in condition.translations.values()
        for n in (t.title, *t.aliases, *t.ingredient_names.values())
    ]
    for ingredient in kb.ingredients_of(condition.slug):
        names += [ingredient.name, *ingredient.aliases]
    return {w for name in names for w in memo.words(name)}
