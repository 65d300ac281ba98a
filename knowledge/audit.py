"""What an editor should look at in a knowledge base that loads: things that are not errors (the
bot answers) but make its answers weaker than the articles intend.

Each check returns data, never text for a screen, so `python -m knowledge check` can group,
count and cut them to one screen, and tests can assert on them. Every check is linear in the
number of names (an index of one-edit neighbours instead of comparing every pair), so a
3,000-article base is audited in about a second.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from knowledge.base.loader import words_of
from knowledge.base.models import Condition, Ingredient, KnowledgeBase, Remedy
from knowledge.base.slugs import compact
from knowledge.understanding.condition_flags import ScopedFlags
from knowledge.understanding.lexicon import Lexicon

UNLINKED_REMEDY = "unlinked remedy that looks like an ingredient"
NO_SAFETY = "ingredient without safety facts"
UNTRIGGERABLE = "doctor item that cannot trigger"
NEAR_DUPLICATE = "near-duplicate names"
KINDS = (UNLINKED_REMEDY, NO_SAFETY, UNTRIGGERABLE, NEAR_DUPLICATE)

MIN_EDIT_LENGTH = 6  # shorter names are one edit from too many others ("zinc", "zing")
_MIN_WORD = 3  # "d" of "vitamin D" or "3" of "omega-3" says nothing alone


@dataclass(frozen=True)
class Finding:
    """One thing to look at: its kind (one of KINDS), where it is (an article's file, or a
    topic's slug for what has no file of its own) and what it is."""

    kind: str
    where: str
    detail: str = ""


# Whether a "When to See a Doctor" item (the item, its condition's slug), typed as written,
# brings escalation advice.
Escalates = Callable[[str, str], bool]


def audit(kb: KnowledgeBase, lexicon: Lexicon, escalates: Escalates | None = None) -> list[Finding]:
    """Every finding, grouped by kind in KINDS order, each group in the base's order."""
    return [
        *unlinked_remedies(kb, lexicon),
        *ingredients_without_safety(kb),
        *untriggerable_items(kb, lexicon, escalates),
        *near_duplicates(kb),
    ]


class NearIndex:
    """Keys within one edit (Levenshtein) of a key, without comparing it with every key: two
    keys one edit apart share a key made by deleting at most one character from each, so only
    keys sharing such a deletion are compared."""

    def __init__(self) -> None:
        self._by_deletion: dict[str, set[str]] = {}

    def add(self, key: str) -> None:
        for deleted in _deletions(key):
            self._by_deletion.setdefault(deleted, set()).add(key)

    def near(self, key: str) -> list[str]:
        """The keys one edit from `key` (not `key` itself), in sorted order."""
        candidates = {k for d in _deletions(key) for k in self._by_deletion.get(d, ())}
        return sorted(k for k in candidates if k != key and Levenshtein.distance(k, key, score_cutoff=1) <= 1)


def _deletions(key: str) -> set[str]:
    return {key, *(key[:i] + key[i + 1 :] for i in range(len(key)))}


def unlinked_remedies(kb: KnowledgeBase, lexicon: Lexicon) -> Iterator[Finding]:
    """Remedies linked to no ingredient that still look like one: a remedy name sharing a
    meaning-bearing word with an ingredient's name or alias ("Peppermint tea" when the
    ingredient is "peppermint oil"), or one edit from one ("Vitamin D3" / "vitamin D",
    "Chamomille tea" / "chamomile"). Its answer then lacks the ingredient's safety facts and the
    ingredient's answer does not mention the condition."""
    skip = lexicon.language.remedy_forms | lexicon.language.stopwords
    by_word: dict[str, list[str]] = {}
    by_key: dict[str, list[str]] = {}
    names, words = NearIndex(), NearIndex()
    for ingredient in kb.ingredients.values():
        for name in (ingredient.name, *ingredient.aliases):
            key = compact(name)
            if len(key) >= MIN_EDIT_LENGTH and ingredient.slug not in by_key.get(key, ()):
                by_key.setdefault(key, []).append(ingredient.slug)
                names.add(key)
            for word in _meaningful(words_of(name), skip):
                if ingredient.slug not in by_word.get(word, ()):
                    by_word.setdefault(word, []).append(ingredient.slug)
                    if len(word) >= MIN_EDIT_LENGTH:
                        words.add(word)
    for condition in kb.conditions.values():
        for remedy in condition.remedies:
            if remedy.ingredient_slugs:
                continue
            slug = _looks_like(remedy, skip, by_word, by_key, names, words)
            if slug is not None:
                yield Finding(UNLINKED_REMEDY, condition.source, f'"{remedy.name}" ~ {slug}')


def _meaningful(words: Iterable[str], skip: frozenset[str]) -> list[str]:
    """The words that could name an ingredient, singular as well ("lavenders" -> "lavender")."""
    kept: list[str] = []
    for word in words:
        if len(word) < _MIN_WORD or word.isdigit() or word in skip:
            continue
        singular = word.removesuffix("s") if len(word) > _MIN_WORD + 1 else word
        if singular in skip:
            continue
        kept.append(singular)
    return kept


def _looks_like(
    remedy: Remedy,
    skip: frozenset[str],
    by_word: dict[str, list[str]],
    by_key: dict[str, list[str]],
    names: NearIndex,
    words: NearIndex,
) -> str | None:
    """The ingredient a remedy most looks like: one edit from its whole name first, then the
    one sharing most words with it (a word one edit off counting too), the first listed on a
    tie."""
    key = compact(remedy.name)
    near = names.near(key) if len(key) >= MIN_EDIT_LENGTH else []
    if near:
        return by_key[near[0]][0]
    shared: dict[str, int] = {}
    for word in dict.fromkeys(_meaningful(words_of(remedy.name), skip)):
        found = list(by_word.get(word, ()))
        if len(word) >= MIN_EDIT_LENGTH:
            found += [s for near in words.near(word) for s in by_word[near]]
        for slug in dict.fromkeys(found):
            shared[slug] = shared.get(slug, 0) + 1
    if not shared:
        return None
    return max(shared, key=shared.__getitem__)


def ingredients_without_safety(kb: KnowledgeBase) -> Iterator[Finding]:
    """Ingredients with no [ingredients.<slug>.safety] in the overlay: their answers say "No
    safety facts on file", the one thing a supplement answer should never lack for long."""
    for ingredient in kb.ingredients.values():
        if ingredient.safety is None:
            yield Finding(NO_SAFETY, ingredient.slug)


def untriggerable_items(
    kb: KnowledgeBase, lexicon: Lexicon, escalates: Escalates | None = None
) -> Iterator[Finding]:
    """ "When to See a Doctor" items no word of a message can match (only stopwords, or only the
    condition's own name: "Twitching" under twitching): the bot never raises them, so the
    article promises a red flag that does not exist. Read from the items' shapes, as
    ScopedFlags.of's `untriggerable` is, without building every condition's matcher. With
    `escalates`, also every item that, typed as written, brings no advice."""
    flags = ScopedFlags(kb, lexicon)
    for condition in kb.conditions.values():
        for shape in flags.shapes(condition):
            if not shape.clauses or (escalates is not None and not escalates(shape.item, condition.slug)):
                yield Finding(UNTRIGGERABLE, condition.source, f'"{shape.item}"')


def near_duplicates(kb: KnowledgeBase) -> Iterator[Finding]:
    """Two topics whose names or aliases are one edit apart ("Migraines" / "Migrains") or one's
    words the start of the other's ("Tension headache" / "Tension headache in teens"): a message
    naming one may be read as the other. The loader already rejects identical names; these are
    the near misses. Each pair of topics once, at its first pair of names."""
    owners: dict[str, tuple[Condition | Ingredient, str]] = {}
    by_words: dict[tuple[str, ...], tuple[Condition | Ingredient, str]] = {}
    index = NearIndex()
    for topic in kb.topics():
        for name in (topic.name, *topic.aliases):
            key = compact(name)
            owners.setdefault(key, (topic, name))
            by_words.setdefault(tuple(words_of(name)), (topic, name))
            if len(key) >= MIN_EDIT_LENGTH:
                index.add(key)
    seen: set[frozenset[str]] = set()
    for topic in kb.topics():
        for name in (topic.name, *topic.aliases):
            key, name_words = compact(name), words_of(name)
            others = [owners[k] for k in index.near(key)] if len(key) >= MIN_EDIT_LENGTH else []
            others += [
                found for n in range(1, len(name_words)) if (found := by_words.get(tuple(name_words[:n])))
            ]
            for other, other_name in others:
                pair = frozenset((topic.slug, other.slug))
                if other.slug == topic.slug or pair in seen:
                    continue
                seen.add(pair)
                yield Finding(NEAR_DUPLICATE, _where(topic), f'"{name}" ~ "{other_name}" ({_where(other)})')


def _where(topic: Condition | Ingredient) -> str:
    """A condition's file (where to rename it), else the ingredient's slug (its overlay table)."""
    return topic.source if isinstance(topic, Condition) and topic.source else topic.slug
