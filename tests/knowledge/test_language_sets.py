"""The labelled sets of the ten languages are well formed, sourced, and split as frozen."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.support.language_sets import KIND_LEVEL, LANGUAGES, LEVELS, frozen_split, load, load_all


@pytest.mark.parametrize("lang", LANGUAGES)
def test_items_are_labelled_and_sourced(lang: str) -> None:
    items = load(lang)
    assert len(items) >= 25
    for item in items:
        assert item.lang == lang, item.id
        assert item.id.startswith(f"{lang}-"), item.id
        assert item.text.strip(), item.id
        assert item.level in LEVELS, item.id
        assert KIND_LEVEL[item.kind] == item.level, item.id
        assert item.source.startswith(("http://", "https://")), item.id
        if item.kind in ("red_flag", "topic"):
            assert item.topic, item.id
        if item.kind == "topic":
            assert item.section, item.id


def test_ids_are_unique() -> None:
    counts = Counter(i.id for i in load_all())
    assert [i for i, n in counts.items() if n > 1] == []


def test_the_blind_split_is_the_frozen_one() -> None:
    """No message was moved between the halves by hand: the split follows from the source."""
    items = load_all()
    assert [i.id for i in items if i.split != frozen_split(i.source)] == []
    blind = sum(1 for i in items if i.split == "blind")
    assert blind / len(items) >= 0.30


def test_every_kind_in_every_language() -> None:
    for lang in LANGUAGES:
        kinds = {i.kind for i in load(lang)}
        assert kinds == set(KIND_LEVEL), lang
