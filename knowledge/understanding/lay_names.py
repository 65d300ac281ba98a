"""Everyday names for topics, made from their real names and the lay-names lexicon.

An article is titled "Nausea", "Back pain" or "Hot flashes"; people write "feeling sick", "bad
back", "hot flushes". Editors add aliases to the overlay in time, but a new article should be
found in everyday words from the day it is dropped in. So each name that holds a term of
lay_names.toml is also known with the term said the everyday way ("Leg cramps at night" ->
"leg charley horse at night", whose part "charley horse" the index then finds).

What is made here only finds topics: it is never shown as an alias. A made name that is
another topic's real name, or that two topics would share, names neither.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from knowledge.understanding.lexicon import LayNames
from knowledge.understanding.normalise import stem, words

# A vitamin's letter and number, said alone: "b12", "d3", "k2", "b6".
_LETTER_NUMBER = re.compile(r"^[a-z]\d{1,2}$")

Topic = tuple[str, str, tuple[str, ...]]  # slug, kind, names


def everyday_names(topics: Sequence[Topic], lay: LayNames, kinds: Sequence[Topic] = ()) -> list[Topic]:
    """For each topic, the names people use for it that none of its real names spells: its
    names with a term said the everyday way ("hot flushes" for "Hot flashes"); where the term
    is only part of a name, the everyday phrase alone ("charley horse" for "Leg cramps at
    night"); and the names of its kinds (`kinds`: an article's types, "Sciatica" of "Back
    pain"). A real name of another topic always wins; a made name two topics would share at
    the same tier names neither."""
    terms, dropped = _compiled(lay)
    real = {key for _, _, names in topics for name in names for key in _keys(words(name))}
    claims: dict[str, tuple[int, set[str]]] = {}  # a made key -> (tier, the topics claiming it)
    names_of: dict[tuple[str, str], dict[str, int]] = {}
    made = [(slug, kind, _variants(words(n), terms, dropped)) for slug, kind, names in topics for n in names]
    made += [(slug, kind, [(0, words(n))]) for slug, kind, names in kinds for n in names]
    for slug, kind, variants in made:
        for tier, variant in variants:
            keys = _keys(variant)
            if keys & real:
                continue
            for key in keys:
                best, owners = claims.get(key, (tier, set()))
                if tier < best:
                    claims[key] = (tier, {slug})
                elif tier == best:
                    claims[key] = (tier, owners | {slug})
            names_of.setdefault((slug, kind), {}).setdefault(" ".join(variant), tier)
    out: list[Topic] = []
    for (slug, kind), found in names_of.items():
        unique = tuple(
            n for n, tier in found.items() if all(claims[k] == (tier, {slug}) for k in _keys(n.split()))
        )
        if unique:
            out.append((slug, kind, unique))
    return out


class SaidAs:
    """Every everyday way of saying a topic's names, shared with other topics or not: for
    telling a message's words that only name its topic ("hot flushes at work") from a sign.
    The lexicon is read once here, not once per condition."""

    def __init__(self, lay: LayNames) -> None:
        self._terms, self._dropped = _compiled(lay)

    def __call__(self, names: Iterable[str]) -> list[str]:
        return [" ".join(v) for name in names for _, v in _variants(words(name), self._terms, self._dropped)]


def _compiled(lay: LayNames) -> tuple[list[tuple[list[str], list[list[str]]]], set[str]]:
    terms = [([stem(w) for w in words(t)], [words(p) for p in phrases]) for t, phrases in lay.terms.items()]
    dropped = {stem(w) for first in lay.dropped_first for w in words(first)}
    return [(stems, said) for stems, said in terms if stems], dropped


def _variants(
    tokens: list[str], terms: Iterable[tuple[list[str], list[list[str]]]], dropped: set[str]
) -> list[tuple[int, list[str]]]:
    """`tokens` with one term said each everyday way (tier 0); the everyday phrase alone when
    the term is only part of the name (tier 1); the name without a dropped first word (tier 0)."""
    stems = [stem(t) for t in tokens]
    out: list[tuple[int, list[str]]] = []
    for term, said in terms:
        size = len(term)
        for at in range(len(stems) - size + 1):
            if stems[at : at + size] == term:
                out += [(0, [*tokens[:at], *phrase, *tokens[at + size :]]) for phrase in said]
                if size < len(stems):
                    out += [(1, phrase) for phrase in said]
    rest = "".join(tokens[1:])
    if len(tokens) > 1 and stems[0] in dropped and _LETTER_NUMBER.match(rest):
        out.append((0, [rest]))
    return out


def _keys(tokens: list[str]) -> set[str]:
    """How the topic index keys a name: by its words and by their stems."""
    return {"".join(tokens), "".join(stem(t) for t in tokens)}
