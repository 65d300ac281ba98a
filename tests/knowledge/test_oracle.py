"""The fast matchers agree with brute force (bench/brute_force.py) on random names and typos:
the typo index finds exactly the keys within budget, and the topic index names the nearest topic
for a misspelt one-word name."""

from __future__ import annotations

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.brute_force import MIN_LEN, nearest_names, typo_lookup
from knowledge.base.models import Condition, KnowledgeBase
from knowledge.understanding.normalise import stem, tokenize
from knowledge.understanding.topic_index import TopicIndex
from knowledge.understanding.typo_index import DeletionIndex, allowed_edits

LETTERS = st.text(alphabet=string.ascii_lowercase, min_size=4, max_size=14)
NAMES = st.lists(LETTERS, min_size=1, max_size=40, unique=True)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def typo(draw: st.DrawFn, word: str) -> str:
    """`word` with up to two random edits: delete, insert, replace or swap neighbours."""
    out = word
    for _ in range(draw(st.integers(0, 2))):
        at = draw(st.integers(0, max(len(out) - 1, 0)))
        kind = draw(st.sampled_from(["delete", "insert", "replace", "swap"]))
        letter = draw(st.sampled_from(string.ascii_lowercase))
        if kind == "delete" and len(out) > 1:
            out = out[:at] + out[at + 1 :]
        elif kind == "insert":
            out = out[:at] + letter + out[at:]
        elif kind == "replace":
            out = out[:at] + letter + out[at + 1 :]
        elif at + 1 < len(out):
            out = out[:at] + out[at + 1] + out[at] + out[at + 2 :]
    return out


@SETTINGS
@given(st.data(), NAMES, st.integers(0, 1))
def test_typo_index_finds_exactly_what_brute_force_finds(
    data: st.DataObject, keys: list[str], slack: int
) -> None:
    index = DeletionIndex(keys, slack=slack)
    query = data.draw(st.one_of(LETTERS, st.sampled_from(keys).flatmap(typo)))
    assert index.lookup(query) == typo_lookup(keys, query, index.budget)


@SETTINGS
@given(st.data(), NAMES)
def test_topic_index_names_the_nearest_topic(data: st.DataObject, names: list[str]) -> None:
    """A one-word message that misspells a name finds the topic whose name (or its stem, which
    the index also knows) is nearest, as brute force over every name does."""
    slugs = {name: f"t{i}" for i, name in enumerate(names)}
    kb = KnowledgeBase(
        conditions={
            slug: Condition(slug=slug, name=name, synopsis="s", bullets={}, remedies=(), ingredient_slugs=())
            for name, slug in slugs.items()
        },
        ingredients={},
    )
    index = TopicIndex(kb, frozenset(), frozenset())
    word = data.draw(st.sampled_from(names).flatmap(typo))
    keys = {**{stem(n): s for n, s in slugs.items()}, **slugs}
    expected = (
        nearest_names(keys, word, allowed_edits)
        if len(word) >= MIN_LEN
        else {s for n, s in keys.items() if n == word}
    )
    found = {m.slug for m in index.find(tokenize(word)).mentions}
    assert found == expected or (len(found) == 1 and found <= expected)
