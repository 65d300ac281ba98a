"""Topic answers: a condition's section, or what the articles say about an ingredient and its
safety facts. Everything said comes from the knowledge base or from knowledge.answers.wording."""

from __future__ import annotations

from functools import lru_cache

from knowledge.answers import wording
from knowledge.answers.check import SymptomCheck
from knowledge.answers.reply import Action, Item, Reply, Section
from knowledge.base.models import Condition, Ingredient, KnowledgeBase
from knowledge.sections import BY_KEY, CONDITION_BUTTONS, heading

MAX_RELATED = 6
MAX_ALIASES_SHOWN = 4
# Serious causes come with what would set a worrying case apart.
_SHOWN_WITH = {"severity": ("doctor",)}


_CACHED_ANSWERS = 4096


class Composer:
    """Topic answers depend only on the knowledge base and what is asked, never on the words of
    a message, so each is composed once and then reused."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.check = SymptomCheck(kb)
        self.condition = lru_cache(maxsize=_CACHED_ANSWERS)(self._condition)
        self.ingredient = lru_cache(maxsize=_CACHED_ANSWERS)(self._ingredient)

    def topic(self, slug: str, section: str | None = None) -> Reply | None:
        """A topic's answer without a message (a button press), or None for an unknown slug."""
        if slug in self.kb.conditions:
            return self.condition(slug, section or "overview")
        if slug in self.kb.ingredients:
            return self.ingredient(slug, None, section="safety" if section == "safety" else "overview")
        return None

    def _condition(self, slug: str, section: str) -> Reply:
        c = self.kb.conditions[slug]
        if not BY_KEY[section].condition:
            section = "overview"
        shown = (section, *_SHOWN_WITH.get(section, ()))
        body = tuple(self._section(c, s) for s in shown)
        current = "synopsis" if section == "overview" else section
        actions = [
            Action(label=spec.button, topic=slug, section=spec.key)
            for spec in CONDITION_BUTTONS
            if spec.key != current
        ]
        check = self.check.start(slug)
        if check is not None:
            actions.append(check)
        if section in ("remedies", "ingredients"):
            actions += [Action(label=i.name, topic=i.slug) for i in self.kb.ingredients_of(slug)]
        return Reply(kind="topic", title=c.name, sections=body, actions=tuple(actions), section=section)

    def _section(self, c: Condition, section: str) -> Section:
        title = heading(section)
        if section in c.bullets:
            return Section(
                heading=title, items=tuple(Item(name=e.name, text=e.text) for e in c.bullets[section])
            )
        if section == "remedies":
            return Section(
                heading=title, items=tuple(Item(name=r.name, text=r.description) for r in c.remedies)
            )
        if section == "ingredients":
            items = tuple(
                Item(name=i.name, text=self._description(i.slug, c.slug))
                for i in self.kb.ingredients_of(c.slug)
            )
            return Section(heading=title, paragraph=c.ingredients_intro, items=items)
        return Section(heading=title, paragraph=c.synopsis)

    def _description(self, ingredient: str, condition: str) -> str:
        use = self.kb.use(ingredient, condition)
        return (use.description if use else None) or ""

    def _ingredient(
        self, slug: str, context: str | None, also: tuple[str, ...] = (), section: str = "overview"
    ) -> Reply:
        """What each article says about the ingredient, and its Safety section: first when
        the question was about safety, dose or side effects."""
        ingredient = self.kb.ingredients[slug]
        uses, safety = self._uses(ingredient, context), self._safety(ingredient)
        sections = [safety, uses] if section == "safety" else [uses, safety]
        for other in also:
            other_ingredient = self.kb.ingredients[other]
            sections.append(self._uses(other_ingredient, context, title=other_ingredient.name))
        conditions = self.kb.conditions_for(slug)
        actions = [Action(label=c.name, topic=c.slug) for c in conditions]
        actions += [Action(label=self.kb.ingredients[o].name, topic=o) for o in also]
        related = dict.fromkeys(
            i.slug
            for c in conditions
            for i in self.kb.ingredients_of(c.slug)
            if i.slug != slug and i.slug not in also
        )
        actions += [Action(label=self.kb.ingredients[r].name, topic=r) for r in list(related)[:MAX_RELATED]]
        intro = ""
        if ingredient.aliases:
            intro = wording.ALSO_KNOWN_AS.format(aliases=", ".join(ingredient.aliases[:MAX_ALIASES_SHOWN]))
        unique = list({(a.topic, a.section): a for a in actions}.values())
        return Reply(
            kind="topic",
            title=ingredient.name,
            intro=intro,
            sections=tuple(sections),
            actions=tuple(unique),
            section=section,
        )

    def _safety(self, ingredient: Ingredient) -> Section:
        """The curated facts with their source, always closed by the same advice; no dose."""
        facts = ingredient.safety
        lines: list[str] = []
        if facts is not None:
            if facts.upper_limit:
                lines.append(wording.UPPER_LIMIT.format(limit=facts.upper_limit))
            elif facts.no_upper_limit:
                lines.append(wording.NO_UPPER_LIMIT)
            lines += facts.cautions
            if facts.ask_first:
                lines.append(wording.ASK_FIRST.format(groups=", ".join(facts.ask_first)))
            if facts.sources:
                lines.append(wording.SOURCES.format(sources="; ".join(facts.sources)))
        lines.append(wording.SAFETY_ADVICE)
        return Section(heading=heading("safety"), items=tuple(Item(text=t) for t in lines))

    def _uses(self, ingredient: Ingredient, context: str | None, title: str = "") -> Section:
        """What each article says about the ingredient; the asked-about condition first."""
        uses = sorted(ingredient.uses, key=lambda u: u.condition_slug != context)
        items = []
        for use in uses:
            condition = self.kb.conditions[use.condition_slug]
            if use.description:
                items.append(Item(name=condition.name if len(uses) > 1 else "", text=use.description))
            elif condition.ingredients_intro:
                items.append(
                    Item(
                        text=wording.USE_LISTED_ONLY.format(
                            condition=condition.name,
                            intro=condition.ingredients_intro.rstrip(".") + ".",
                        )
                    )
                )
            else:
                items.append(Item(text=wording.USE_LISTED_ONLY_NO_INTRO.format(condition=condition.name)))
        if not title:
            first = self.kb.conditions[uses[0].condition_slug].name
            title = wording.USE_HEADING.format(condition=first) if len(uses) == 1 else ingredient.name
        return Section(heading=title, items=tuple(items))
