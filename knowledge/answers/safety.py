"""An ingredient's Safety section, and the one line of advice an answer ends its safety with.

Each fact is said once per answer: the curated facts of each ingredient in its own section,
then a single "talk to a doctor or pharmacist" line that names who should ask first (the
ingredients' own `ask_first` groups, then the general groups they do not already name).
Nothing here is a dose, and nothing is invented: the facts come from the overlay.
"""

from __future__ import annotations

from collections.abc import Sequence

from knowledge.answers import wording
from knowledge.answers.reply import Item, Section
from knowledge.base.models import Ingredient
from knowledge.sections import heading


def safety_section(
    ingredient: Ingredient, titled: bool = False, closing: tuple[Item, ...] = (), lang: str | None = None
) -> Section:
    """The curated facts with their source, then `closing` (the answer's advice line, in its
    last Safety section); the facts' translation into `lang` where there is one (the loader
    checked it says the same). No facts on file says so: silence would read as "nothing to
    worry about"."""
    facts = ingredient.safety
    translation = ingredient.translations.get(lang) if lang else None
    name = translation.name if translation is not None else ingredient.name
    said = translation.safety if translation is not None else None
    lines: list[str] = []
    if facts is None:
        lines.append(wording.NO_SAFETY_FACTS.format(name=name))
    else:
        limit = said.upper_limit if said is not None else facts.upper_limit
        if limit:
            lines.append(wording.UPPER_LIMIT.format(limit=limit))
        elif facts.no_upper_limit:
            lines.append(wording.NO_UPPER_LIMIT)
        lines += said.cautions if said is not None else facts.cautions
        if facts.sources:
            lines.append(wording.SOURCES.format(sources="; ".join(facts.sources)))
    title = wording.SAFETY_OF.format(name=name) if titled else heading("safety")
    return Section(heading=title, items=(*(Item(text=t) for t in lines), *closing))


def advice_line(ingredients: Sequence[Ingredient], lang: str | None = None) -> str:
    """One line for the whole answer: who should ask first, each group once. With several
    ingredients, a group of one ingredient's own says whose it is. Groups and names are in
    `lang` where the ingredient has a translation (the line's frame is an interface string)."""
    owners: dict[str, list[str]] = {}
    english: list[str] = []  # the groups as the facts say them, to tell which general ones are said
    for ingredient in ingredients:
        t = ingredient.translations.get(lang) if lang else None
        asked = ingredient.safety.ask_first if ingredient.safety else ()
        english += asked
        if t is not None and t.safety is not None and ingredient.safety is not None:
            asked = t.safety.ask_first
        for group in asked:
            owners.setdefault(group, []).append(t.name if t is not None else ingredient.name)
    said = " ".join(english).casefold()
    groups = [
        wording.GROUP_FOR.format(group=g, names=", ".join(names)) if len(ingredients) > 1 else g
        for g, names in owners.items()
    ]
    groups += [wording.text(group) for key, group in wording.GENERAL_ASK_FIRST if key not in said]
    conditions = [wording.text(name) for key, name in wording.GENERAL_CONDITIONS if key not in said]
    if conditions:
        groups.append(wording.CONDITIONS_GROUP.format(conditions=_listed(conditions, wording.OR)))
    return wording.SAFETY_ADVICE.format(groups=_listed(groups, wording.AND))


def _listed(parts: Sequence[str], last: str) -> str:
    """ "a, b and c"."""
    return f"{', '.join(parts[:-1])}{last}{parts[-1]}" if len(parts) > 1 else parts[0]
