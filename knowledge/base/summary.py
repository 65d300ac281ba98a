"""The base's side of `python -m knowledge check`: its counts (always printed, a few lines at any
size) and every topic's detail (with --verbose only: 235 KB at 300 articles is never read)."""

from __future__ import annotations

from knowledge.base.models import KnowledgeBase, Reviewed


def plural(n: int, word: str, many: str = "") -> str:
    """`1 condition`, `2 conditions`, `2 aliases` (`many` spells an irregular plural)."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


def counts(kb: KnowledgeBase) -> list[str]:
    """How much the base holds, one fact a line: what an editor compares after adding articles."""
    conditions, ingredients = kb.conditions.values(), kb.ingredients.values()
    aliases = sum(len(t.aliases) for t in kb.topics())
    remedies = [r for c in conditions for r in c.remedies]
    linked = sum(1 for r in remedies if r.ingredient_slugs)
    items = sum(len(c.when_to_see_doctor) for c in conditions)
    emergency = sum(len(c.emergency_items) for c in conditions)
    flagged = sum(1 for c in conditions if c.red_flags)
    safe = sum(1 for i in ingredients if i.safety is not None)
    doctor_items = plural(items, '"When to See a Doctor" item')
    return [
        f"  {plural(len(conditions), 'condition')}, {plural(len(ingredients), 'ingredient')}, "
        f"{plural(aliases, 'alias', 'aliases')}",
        f"  {plural(len(remedies), 'remedy', 'remedies')}: {linked} linked to an ingredient, "
        f"{len(remedies) - linked} other",
        f"  {doctor_items}, {emergency} marked emergency in the overlay",
        f"  {plural(flagged, 'condition')} with their own red flags in the overlay",
        f"  {safe} of {plural(len(ingredients), 'ingredient')} with safety facts",
        f"  {plural(len(translations(kb)), 'translation')}, "
        f"{len(translations(kb)) - len(unreviewed(kb))} reviewed by a clinician",
    ]


def translations(kb: KnowledgeBase) -> list[tuple[str, str, Reviewed]]:
    """Every translation as (what it translates, its language, its record): each condition's
    article file, then each ingredient's name and safety facts."""
    found: list[tuple[str, str, Reviewed]] = []
    for c in kb.conditions.values():
        found += [(c.source, lang, t) for lang, t in c.translations.items()]
    for i in kb.ingredients.values():
        found += [(f"[ingredients.{i.slug}]", lang, t) for lang, t in i.translations.items()]
    return found


def unreviewed(kb: KnowledgeBase) -> list[tuple[str, str, Reviewed]]:
    """The translations no clinician has reviewed yet: never shown as reviewed content."""
    return [t for t in translations(kb) if not t[2].clinician_reviewed]


def summarize(kb: KnowledgeBase) -> str:
    """Every topic in detail, for --verbose: what the loader made of each article (its
    remedies' links, its ingredients' uses and safety facts)."""
    lines = ["Conditions"]
    for c in kb.conditions.values():
        lines.append(f"  {c.slug}: {c.name}  [{c.source}]")
        if c.aliases:
            lines.append(f"    aliases: {', '.join(c.aliases)}")
        lines.append(
            f"    types {len(c.types)} | common causes {len(c.common_causes)} | "
            f"serious causes {len(c.severity_causes)} | see a doctor {len(c.when_to_see_doctor)}"
            f" | remedies {len(c.remedies)}"
        )
        linked = [f"{r.name} -> {', '.join(r.ingredient_slugs)}" for r in c.remedies if r.ingredient_slugs]
        other = [r.name for r in c.remedies if not r.ingredient_slugs]
        lines.append(f"    ingredients: {', '.join(c.ingredient_slugs)}")
        lines.append(f"    remedies linked to ingredients: {'; '.join(linked) or '-'}")
        lines.append(f"    other remedies: {'; '.join(other) or '-'}")
    lines += ["", "Ingredients"]
    for i in kb.ingredients.values():
        uses = ", ".join(
            f"{u.condition_slug} ({'described' if u.description else 'listed only'})" for u in i.uses
        )
        lines.append(f"  {i.slug}: {i.name}  used for: {uses}")
        if i.aliases:
            lines.append(f"    aliases: {', '.join(i.aliases)}")
        if i.safety:
            limit = (
                "upper limit"
                if i.safety.upper_limit
                else ("no upper limit established" if i.safety.no_upper_limit else "no upper limit given")
            )
            sources = "; ".join(i.safety.sources) or "-"
            lines.append(f"    safety: {limit}, {len(i.safety.cautions)} caution(s); sources: {sources}")
    return "\n".join(lines)
