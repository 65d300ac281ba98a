"""The shipped article loads completely: every section of the seed is present."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from knowledge.base.slugs import slugify


def test_one_condition_six_ingredients(kb: KnowledgeBase) -> None:
    assert list(kb.conditions) == ["twitching"]
    assert sorted(kb.ingredients) == sorted(
        ["magnesium", "vitamin-b6", "ashwagandha", "l-theanine", "gaba", "zinc"]
    )


def test_synopsis_and_alias(kb: KnowledgeBase) -> None:
    twitching = kb.conditions["twitching"]
    assert twitching.name == "Twitching"
    assert twitching.synopsis.startswith("Twitching refers to small, involuntary muscle")
    assert twitching.synopsis.endswith("appropriate home support or medical evaluation.")
    assert "fasciculations" in twitching.aliases


def test_types(kb: KnowledgeBase) -> None:
    types = kb.conditions["twitching"].types
    assert [t.name for t in types] == [
        "Benign fasciculations",
        "Localized twitching",
        "Generalized twitching",
        "Pathological twitching",
    ]
    assert types[1].text == "Confined to a specific area (e.g., eye, arm, leg)"


def test_bullet_sections(kb: KnowledgeBase) -> None:
    c = kb.conditions["twitching"]
    assert c.common_causes[0] == "Fatigue or overuse of a muscle group"
    assert c.common_causes[-1] == "Eye strain or lack of sleep (for eyelid twitching)"
    assert len(c.common_causes) == 7
    assert c.severity_causes == (
        "Chronic nutrient deficiencies (e.g., magnesium, B6)",
        "Neurological diseases (e.g., ALS, MS, peripheral neuropathy)",
        "Thyroid imbalance (especially hyperthyroidism)",
        "Side effects of medications (e.g., diuretics, corticosteroids)",
        "Long-term stress without recovery",
    )
    assert c.when_to_see_doctor[1] == "Accompanied by muscle weakness, loss of coordination, or atrophy"
    assert len(c.when_to_see_doctor) == 5


def test_remedies_link_to_ingredients(kb: KnowledgeBase) -> None:
    remedies = {r.name: r.ingredient_slugs for r in kb.conditions["twitching"].remedies}
    assert remedies == {
        "Magnesium": ("magnesium",),
        "Vitamin B6": ("vitamin-b6",),
        "Ashwagandha": ("ashwagandha",),
        "L-theanine": ("l-theanine",),
        "GABA": ("gaba",),
        "Hydration with electrolytes": (),
        "Stretching and rest": (),
        "Reduce stimulants": (),
    }


def test_ingredients_carry_their_remedy_text(kb: KnowledgeBase) -> None:
    magnesium = kb.ingredients["magnesium"]
    assert magnesium.name == "Magnesium"
    assert magnesium.uses[0].condition_slug == "twitching"
    assert (magnesium.uses[0].description or "").startswith("Crucial for muscle relaxation")
    assert (kb.ingredients["gaba"].uses[0].description or "").startswith("Helps calm nerve excitability")
    assert "gamma aminobutyric acid" in kb.ingredients["gaba"].aliases


def test_zinc_is_a_full_entry_without_invented_text(kb: KnowledgeBase) -> None:
    zinc = kb.ingredients["zinc"]
    assert zinc.name == "Zinc"
    assert [(u.condition_slug, u.description) for u in zinc.uses] == [("twitching", None)]
    assert [c.slug for c in kb.conditions_for("zinc")] == ["twitching"]


def test_links_both_ways(kb: KnowledgeBase) -> None:
    assert [i.slug for i in kb.ingredients_of("twitching")] == [
        "ashwagandha",
        "gaba",
        "l-theanine",
        "magnesium",
        "vitamin-b6",
        "zinc",
    ]
    assert kb.ingredients_of("nope") == ()
    assert kb.conditions_for("nope") == ()


def test_curated_aliases_merged(kb: KnowledgeBase) -> None:
    assert {"B6", "vit B6", "pyridoxine"} <= set(kb.ingredients["vitamin-b6"].aliases)
    assert {"Withania somnifera", "Indian ginseng"} <= set(kb.ingredients["ashwagandha"].aliases)
    assert "theanine" in kb.ingredients["l-theanine"].aliases
    assert "gamma-aminobutyric acid" not in kb.ingredients["gaba"].aliases  # same as article's
    assert {"twitch", "twitches", "fasciculation", "eye twitch", "eyelid twitch"} <= set(
        kb.conditions["twitching"].aliases
    )


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Twitching", "twitching"),
        ("Vitamin B6", "vitamin-b6"),
        ("GABA (gamma aminobutyric acid)", "gaba"),
        ("l-theanine", "l-theanine"),
        ("  Restless  Legs!! ", "restless-legs"),
        ("Crème brûlée", "creme-brulee"),
    ],
)
def test_slugify(name: str, slug: str) -> None:
    assert slugify(name) == slug


def test_models_are_frozen(kb: KnowledgeBase) -> None:
    with pytest.raises(Exception, match="frozen"):
        kb.conditions["twitching"].name = "x"  # type: ignore[misc]
