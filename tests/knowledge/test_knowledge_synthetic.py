"""Several articles: shared ingredients merge, aliases and overlays apply, one-line bullets parse."""

from __future__ import annotations

from knowledge import KnowledgeBase


def test_conditions_from_every_file(synthetic_kb: KnowledgeBase) -> None:
    assert sorted(synthetic_kb.conditions) == ["muscle-cramps", "restless-legs"]


def test_shared_ingredient_is_one_entry_with_one_use_per_condition(
    synthetic_kb: KnowledgeBase,
) -> None:
    magnesium = synthetic_kb.ingredients["magnesium"]
    assert [u.condition_slug for u in magnesium.uses] == ["muscle-cramps", "restless-legs"]
    assert magnesium.uses[0].description == "Synthetic test text for magnesium and cramps."
    assert magnesium.uses[1].description is None
    assert [c.slug for c in synthetic_kb.conditions_for("magnesium")] == [
        "muscle-cramps",
        "restless-legs",
    ]


def test_one_line_bullets_and_aliases(synthetic_kb: KnowledgeBase) -> None:
    cramps = synthetic_kb.conditions["muscle-cramps"]
    assert [t.name for t in cramps.types] == ["Night cramps", "Exercise cramps"]
    assert cramps.aliases == ("charley horses",)
    assert cramps.remedies[0].ingredient_slugs == ()
    assert synthetic_kb.ingredients["iron"].aliases == ("ferrous sulfate",)
    assert synthetic_kb.conditions["restless-legs"].aliases == ("RLS", "Willis-Ekbom disease")
    assert synthetic_kb.ingredients["potassium"].aliases == ("potassium citrate",)
