"""The answer engine: text in, a platform-neutral Reply out. Everything said comes from the
knowledge base or from knowledge.texts; nothing is invented."""

from __future__ import annotations

from knowledge import texts
from knowledge.index import TopicIndex
from knowledge.intent import is_small_talk, section_for
from knowledge.lexicon import Lexicon, load_lexicon
from knowledge.models import Condition, Ingredient, KnowledgeBase
from knowledge.patterns import SECTION, build_patterns
from knowledge.phrases import PhraseMatcher
from knowledge.reply import Action, Escalation, Item, Listing, Reply, Section, SectionName
from knowledge.text import tokenize
from knowledge.triage import TriageResult, assess

CONDITION_SECTIONS: tuple[SectionName, ...] = (
    "synopsis", "types", "causes", "severity", "doctor", "remedies", "ingredients",
)
MAX_LISTED = 12
MAX_RELATED = 6
MAX_ALIASES_SHOWN = 4
PAGE_SIZE = 10


class Engine:
    def __init__(self, kb: KnowledgeBase, lexicon: Lexicon | None = None) -> None:
        self.kb = kb
        self.lexicon = lexicon or load_lexicon()
        language = self.lexicon.language
        never_fuzzy = self.lexicon.common_words | language.stopwords
        self.index = TopicIndex(kb, never_fuzzy, language.stopwords)
        patterns = build_patterns(self.lexicon, kb)
        vocabulary = {w for p in patterns for w in p.label.split()}
        self.phrases = PhraseMatcher(patterns, vocabulary, never_fuzzy)

    # -- free text ---------------------------------------------------------------------------

    def answer(self, text: str) -> Reply:
        """Answer one message. Escalation is decided from the text alone, whatever matched."""
        tokens = tokenize(text)
        if not tokens:
            return self._finish(self._empty(), TriageResult("none", ()), None)
        hits = self.phrases.match(tokens)
        triage = assess(tokens, hits, self.lexicon.triage.duration)
        found = self.index.find(tokens)
        mentioned = list(dict.fromkeys((m.slug, m.kind) for m in found.mentions))
        ingredients = [slug for slug, kind in mentioned if kind == "ingredient"]
        conditions = [slug for slug, kind in mentioned if kind == "condition"]
        context = conditions[0] if conditions else None
        asks_safety = any(h.pattern.tag == SECTION and h.pattern.section == "safety" for h in hits)
        if ingredients:
            section: SectionName = "safety" if asks_safety else "overview"
            reply = self.ingredient_reply(ingredients[0], context, ingredients[1:], section)
        elif conditions:
            order = self.lexicon.language.section_order
            asked = [h for h in hits if h.pattern.section != "safety"]
            reply = self.condition_reply(conditions[0], section_for(asked, conditions[0], order))
        elif is_small_talk(tokens, hits, self.lexicon.language.stopwords):
            reply = self.greeting()
        elif found.near_misses:
            reply = self._suggest(found.near_misses)
        else:
            reply = self._unknown()
        if context is None and ingredients:
            uses = self.kb.ingredients[ingredients[0]].uses
            context = uses[0].condition_slug if len(uses) == 1 else None
        reply = reply.model_copy(update={"topics": (*ingredients, *conditions)})
        return self._finish(reply, triage, context)

    def _finish(self, reply: Reply, triage: TriageResult, condition: str | None) -> Reply:
        return reply.model_copy(
            update={"escalation": self.escalation(triage, condition), "disclaimer": texts.DISCLAIMER}
        )

    def escalation(self, triage: TriageResult, condition: str | None) -> Escalation:
        if triage.level == "none":
            return Escalation(level="none")
        if triage.level == "emergency":
            return Escalation(
                level="emergency", reasons=triage.reasons,
                title=texts.EMERGENCY_TITLE, advice=texts.EMERGENCY_ADVICE,
            )
        topic = self.kb.conditions.get(condition or "")
        return Escalation(
            level="doctor", reasons=triage.reasons,
            title=texts.DOCTOR_TITLE, advice=texts.DOCTOR_ADVICE,
            see_doctor_heading=texts.DOCTOR_ITEMS_LABEL.format(condition=topic.name) if topic else "",
            see_doctor=topic.when_to_see_doctor if topic else (),
        )

    # -- topics, also reached by buttons --------------------------------------------------------

    def topic_reply(self, slug: str, section: SectionName | None = None) -> Reply | None:
        """A topic's answer without a message (a button press): no red flag to look for."""
        if slug in self.kb.conditions:
            reply = self.condition_reply(slug, section or "overview")
        elif slug in self.kb.ingredients:
            reply = self.ingredient_reply(slug, None, section="safety" if section == "safety" else "overview")
        else:
            return None
        return reply.model_copy(update={"topics": (slug,), "disclaimer": texts.DISCLAIMER})

    def condition_reply(self, slug: str, section: SectionName) -> Reply:
        c = self.kb.conditions[slug]
        body = self._condition_section(c, section)
        shown = "synopsis" if section == "overview" else section
        actions = [
            Action(label=texts.SECTION_BUTTONS[s], topic=slug, section=s)
            for s in CONDITION_SECTIONS if s != shown
        ]
        if section in ("remedies", "ingredients"):
            actions += [Action(label=i.name, topic=i.slug) for i in self.kb.ingredients_of(slug)]
        return Reply(
            kind="topic", title=c.name, sections=(body,), actions=tuple(actions), section=section,
        )

    def _condition_section(self, c: Condition, section: SectionName) -> Section:
        heading = texts.SECTION_HEADINGS[section]
        plain = {
            "causes": c.common_causes, "severity": c.severity_causes, "doctor": c.when_to_see_doctor,
        }
        if section in plain:
            return Section(heading=heading, items=tuple(Item(text=t) for t in plain[section]))
        if section == "types":
            return Section(
                heading=heading, items=tuple(Item(name=t.name, text=t.description) for t in c.types)
            )
        if section == "remedies":
            return Section(
                heading=heading, items=tuple(Item(name=r.name, text=r.description) for r in c.remedies)
            )
        if section == "ingredients":
            items = tuple(
                Item(name=i.name, text=self._description(i.slug, c.slug))
                for i in self.kb.ingredients_of(c.slug)
            )
            return Section(heading=heading, paragraph=c.ingredients_intro, items=items)
        return Section(heading=heading, paragraph=c.synopsis)

    def _description(self, ingredient: str, condition: str) -> str:
        use = self.kb.use(ingredient, condition)
        return (use.description if use else None) or ""

    def ingredient_reply(
        self,
        slug: str,
        context: str | None,
        also: list[str] | tuple[str, ...] = (),
        section: SectionName = "overview",
    ) -> Reply:
        """What each article says about the ingredient, and its Safety section: first when
        the question was about safety, dose or side effects."""
        ingredient = self.kb.ingredients[slug]
        uses, safety = self._uses_section(ingredient, context), self._safety_section(ingredient)
        sections = [safety, uses] if section == "safety" else [uses, safety]
        for other in also:
            other_ingredient = self.kb.ingredients[other]
            sections.append(
                self._uses_section(other_ingredient, context, heading=other_ingredient.name)
            )
        conditions = self.kb.conditions_for(slug)
        actions = [Action(label=c.name, topic=c.slug) for c in conditions]
        actions += [Action(label=self.kb.ingredients[o].name, topic=o) for o in also]
        related = [
            i for c in conditions for i in self.kb.ingredients_of(c.slug)
            if i.slug != slug and i.slug not in also
        ]
        actions += [
            Action(label=i.name, topic=i.slug)
            for i in list(dict.fromkeys(related))[:MAX_RELATED]
        ]
        intro = ""
        if ingredient.aliases:
            shown = ", ".join(ingredient.aliases[:MAX_ALIASES_SHOWN])
            intro = texts.ALSO_KNOWN_AS.format(aliases=shown)
        return Reply(
            kind="topic", title=ingredient.name, intro=intro, sections=tuple(sections),
            actions=tuple(_unique_actions(actions)), section=section,
        )

    def _safety_section(self, ingredient: Ingredient) -> Section:
        """The curated facts with their source, always closed by the same advice; no dose."""
        facts = ingredient.safety
        lines: list[str] = []
        if facts is not None:
            if facts.upper_limit:
                lines.append(texts.UPPER_LIMIT.format(limit=facts.upper_limit))
            elif facts.no_upper_limit:
                lines.append(texts.NO_UPPER_LIMIT)
            lines += facts.cautions
            if facts.ask_first:
                lines.append(texts.ASK_FIRST.format(groups=", ".join(facts.ask_first)))
            if facts.sources:
                lines.append(texts.SOURCES.format(sources="; ".join(facts.sources)))
        lines.append(texts.SAFETY_ADVICE)
        return Section(heading=texts.SECTION_HEADINGS["safety"], items=tuple(Item(text=t) for t in lines))

    def _uses_section(
        self, ingredient: Ingredient, context: str | None, heading: str = ""
    ) -> Section:
        """What each article says about the ingredient; the asked-about condition first."""
        uses = sorted(ingredient.uses, key=lambda u: u.condition_slug != context)
        items = []
        for use in uses:
            condition = self.kb.conditions[use.condition_slug]
            if use.description:
                items.append(Item(name=condition.name if len(uses) > 1 else "", text=use.description))
            elif condition.ingredients_intro:
                items.append(Item(text=texts.USE_LISTED_ONLY.format(
                    condition=condition.name, intro=condition.ingredients_intro.rstrip(".") + ".",
                )))
            else:
                items.append(Item(text=texts.USE_LISTED_ONLY_NO_INTRO.format(condition=condition.name)))
        if not heading:
            first = self.kb.conditions[uses[0].condition_slug].name
            heading = texts.USE_HEADING.format(condition=first) if len(uses) == 1 else ingredient.name
        return Section(heading=heading, items=tuple(items))

    # -- no topic --------------------------------------------------------------------------------

    def greeting(self) -> Reply:
        examples = self.examples()
        sections = [Section(heading=texts.EXAMPLES_HEADING, items=tuple(Item(text=e) for e in examples))]
        return Reply(
            kind="small_talk", title=texts.GREETING_TITLE, intro=texts.GREETING_BODY,
            sections=(*sections, *self._known_sections()), disclaimer=texts.DISCLAIMER,
        )

    def examples(self) -> tuple[str, ...]:
        condition = next(iter(self.kb.conditions.values()), None)
        if condition is None:
            return ()
        ingredients = self.kb.ingredients_of(condition.slug)
        names = {"condition": condition.name.lower(),
                 "ingredient": ingredients[0].name.lower() if ingredients else condition.name.lower()}
        return tuple(t.format(**names) for t in texts.EXAMPLE_TEMPLATES)

    def _known_sections(self) -> tuple[Section, ...]:
        def listing(heading: str, topics: list[Condition] | list[Ingredient]) -> Section:
            items = [Item(text=t.name) for t in topics[:MAX_LISTED]]
            if len(topics) > MAX_LISTED:
                items.append(Item(text=texts.AND_MORE.format(count=len(topics) - MAX_LISTED)))
            return Section(heading=heading, items=tuple(items))

        return (
            listing(texts.KNOWN_CONDITIONS, list(self.kb.conditions.values())),
            listing(texts.KNOWN_INGREDIENTS, list(self.kb.ingredients.values())),
        )

    def catalogue(self, listing: Listing, page: int = 0) -> Reply:
        """One page of all conditions or all ingredients, each a button."""
        if listing == "conditions":
            topics: list[Condition] | list[Ingredient] = list(self.kb.conditions.values())
            title = texts.CONDITIONS_TITLE
        else:
            topics = list(self.kb.ingredients.values())
            title = texts.INGREDIENTS_TITLE
        pages = max(1, -(-len(topics) // PAGE_SIZE))
        page = min(max(page, 0), pages - 1)
        shown = topics[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
        actions = [Action(label=t.name, topic=t.slug) for t in shown]
        if page > 0:
            actions.append(Action(label=texts.PREVIOUS_PAGE, listing=listing, page=page - 1))
        if page < pages - 1:
            actions.append(Action(label=texts.NEXT_PAGE, listing=listing, page=page + 1))
        intro = texts.PAGE_OF.format(page=page + 1, pages=pages) if pages > 1 else ""
        return Reply(
            kind="catalogue", title=title, intro=intro, actions=tuple(actions),
            disclaimer=texts.DISCLAIMER,
        )

    def _unknown(self) -> Reply:
        return Reply(
            kind="unknown", title=texts.UNKNOWN_TITLE, intro=texts.UNKNOWN_BODY,
            sections=self._known_sections(),
        )

    def _suggest(self, slugs: tuple[str, ...]) -> Reply:
        suggestions = tuple(
            Action(label=self.kb.name_of(s) or s, topic=s) for s in slugs[:MAX_RELATED]
        )
        return Reply(
            kind="suggest", title=texts.SUGGEST_TITLE, intro=texts.SUGGEST_BODY,
            suggestions=suggestions,
        )

    def _empty(self) -> Reply:
        return Reply(kind="empty", title=texts.EMPTY_PROMPT)


def _unique_actions(actions: list[Action]) -> list[Action]:
    return list({(a.topic, a.section): a for a in actions}.values())
