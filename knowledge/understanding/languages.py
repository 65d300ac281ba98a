"""What the languages beside English add to reading, once a knowledge base is known: the names
of its topics in each language (the lexicon's language files, and the titles and names of the
articles' translations) and the descriptions of its conditions. A language file may name a
topic this knowledge base does not have (the lexicon serves any base): that name is left out."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from knowledge.base.models import KnowledgeBase
from knowledge.understanding.lexicon import LanguagePack, Lexicon
from knowledge.understanding.patterns import SECTION, TOPIC, Pattern, compile_phrase

Kind = Literal["condition", "ingredient", "concern"]
Named = tuple[str, Kind, tuple[str, ...]]


def names_in_languages(kb: KnowledgeBase, lexicon: Lexicon) -> list[Named]:
    """Every topic's names in the other languages, with its kind, each topic once per source."""
    found: list[Named] = []
    for c in kb.conditions.values():
        titles = [n for t in c.translations.values() for n in (t.title, *t.aliases)]
        if titles:
            found.append((c.slug, "condition", tuple(dict.fromkeys(titles))))
    for i in kb.ingredients.values():
        names = [t.name for t in i.translations.values()]
        names += [
            n
            for c in kb.conditions_for(i.slug)
            for t in c.translations.values()
            if (n := t.ingredient_names.get(i.slug))
        ]
        if names:
            found.append((i.slug, "ingredient", tuple(dict.fromkeys(names))))
    for pack in lexicon.languages.values():
        for slug, written in pack.topics.items():
            if slug in kb.conditions:
                found.append((slug, "condition", written))
            elif slug in kb.ingredients:
                found.append((slug, "ingredient", written))
        found += [
            (slug, "concern", feared) for slug, feared in pack.concerns.items() if slug in kb.conditions
        ]
    return found


def names_written_in(kb: KnowledgeBase, lexicon: Lexicon, lang: str) -> list[str]:
    """Every name written in one language: its file's names and its translations' names."""
    pack = lexicon.languages.get(lang)
    tables = (pack.topics, pack.concerns) if pack else ()
    found = [n for table in tables for names in table.values() for n in names]
    for c in kb.conditions.values():
        t = c.translations.get(lang)
        if t is not None:
            found += [t.title, *t.aliases, *t.ingredient_names.values()]
    found += [i.translations[lang].name for i in kb.ingredients.values() if lang in i.translations]
    return found


def own_phrase_labels(pack: LanguagePack) -> frozenset[str]:
    """The labels of a language's own section and small-talk phrases (as patterns label them)."""
    phrases = [p for group in (*pack.sections.values(), *pack.small_talk.values()) for p in group]
    return frozenset(pattern.label for p in phrases for pattern in compile_phrase(p, tag=SECTION))


def described_in_languages(kb: KnowledgeBase, lexicon: Lexicon) -> Iterator[Pattern]:
    """Each language's descriptions of a condition ("{parte_es} ... {mueve_es}"), as topic
    patterns owned by the condition."""
    for pack in lexicon.languages.values():
        for slug, phrases in pack.described.items():
            if slug not in kb.conditions:
                continue
            for phrase in phrases:
                yield from compile_phrase(phrase, pack.groups, tag=TOPIC, owners=frozenset((slug,)))


def words_of_groups(lexicon: Lexicon) -> Iterator[tuple[str, ...]]:
    """The entries of every language's word lists, for typo correction towards them."""
    for pack in lexicon.languages.values():
        yield from pack.groups.values()
