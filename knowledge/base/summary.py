"""A one-screen summary of a knowledge base, for `python -m knowledge check`."""

from __future__ import annotations

from knowledge.base.models import KnowledgeBase


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summarize(kb: KnowledgeBase) -> str:
    aliases = sum(len(c.aliases) for c in kb.conditions.values())
    aliases += sum(len(i.aliases) for i in kb.ingredients.values())
    lines = [
        f"{_plural(len(kb.conditions), 'condition')}, "
        f"{_plural(len(kb.ingredients), 'ingredient')}, {_plural(aliases, 'alias')}".replace(
            "aliass", "aliases"
        ),
        "",
        "Conditions",
    ]
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
