"""The answer engine: text in, a platform-neutral Reply out. Everything said comes from the
knowledge base or from knowledge.texts; nothing is invented."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from knowledge import texts
from knowledge.helplines import SHIPPED_HELPLINES, read_helplines
from knowledge.index import TopicIndex
from knowledge.intent import is_small_talk, section_for
from knowledge.lexicon import Lexicon, load_lexicon
from knowledge.models import Condition, Helplines, Ingredient, KnowledgeBase
from knowledge.patterns import SECTION, TOPIC, build_patterns
from knowledge.phrases import PhraseMatcher
from knowledge.reply import Action, Escalation, Item, Level, Listing, Reply, Section, SectionName
from knowledge.text import tokenize
from knowledge.triage import Triager, TriageResult, rank

CONDITION_SECTIONS: tuple[SectionName, ...] = (
    "synopsis", "types", "causes", "severity", "doctor", "remedies", "ingredients",
)
MAX_LISTED = 12
MAX_RELATED = 6
MAX_ALIASES_SHOWN = 4
PAGE_SIZE = 10


_LEVEL_CODES: dict[str, Level] = {"c": "crisis", "e": "emergency", "d": "doctor", "w": "doctor"}
_WATCH = "w"  # doctor level, from red flags the person said they do not have


class Engine:
    def __init__(
        self,
        kb: KnowledgeBase,
        lexicon: Lexicon | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        self.kb = kb
        self.lexicon = lexicon or load_lexicon()
        self.today = today
        self.triager = Triager(self.lexicon.triage)
        self.helplines = kb.helplines or _shipped_helplines()
        flags = self.lexicon.triage.flags
        # Flag groups with advice of their own, each a letter of Escalation.keep.
        advised = [name for name, flag in flags.items() if flag.advice or flag.lines]
        self._advice_code = {name: chr(ord("a") + i) for i, name in enumerate(advised)}
        self._advice_of = {code: name for name, code in self._advice_code.items()}
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
        found = self.index.find(tokens)
        mentioned = list(dict.fromkeys((m.slug, m.kind) for m in found.mentions))
        ingredients = [slug for slug, kind in mentioned if kind == "ingredient"]
        conditions = [slug for slug, kind in mentioned if kind == "condition"]
        described = [o for h in hits if h.pattern.tag == TOPIC for o in sorted(h.pattern.owners)]
        concerns = [slug for slug, kind in mentioned if kind == "concern"]
        conditions = list(dict.fromkeys((*conditions, *described)))
        context = conditions[0] if conditions else (concerns[0] if concerns else None)
        # How long someone has taken a supplement is not how long a symptom has lasted.
        durations = context is not None or not ingredients
        triage = self.triager.assess(tokens, hits, self.today(), durations=durations)
        asks_safety = any(h.pattern.tag == SECTION and h.pattern.section == "safety" for h in hits)
        order = self.lexicon.language.section_order
        if ingredients:
            section: SectionName = "safety" if asks_safety else "overview"
            reply = self.ingredient_reply(ingredients[0], context, ingredients[1:], section)
        elif conditions or concerns:
            asked = [h for h in hits if h.pattern.section != "safety"]
            slug = (conditions or concerns)[0]
            section = section_for(asked, slug, order)
            feared = concerns and (section == "overview" or not conditions)
            if feared and section not in ("severity", "doctor"):
                section = "severity"  # "do I have ALS?": what sets a worrying case apart
            reply = self.condition_reply(slug, section)
        elif triage.level != "none":
            reply = self._advice_only(found.near_misses)
        elif is_small_talk(tokens, hits, self.lexicon.language.stopwords):
            reply = self.greeting()
        elif found.near_misses:
            reply = self._suggest(found.near_misses)
        else:
            reply = self._unknown()
        if context is None and ingredients:
            uses = self.kb.ingredients[ingredients[0]].uses
            context = uses[0].condition_slug if len(uses) == 1 else None
        topics = (*ingredients, *dict.fromkeys((*conditions, *concerns)))
        reply = reply.model_copy(update={"topics": topics})
        return self._finish(reply, triage, context)

    def _finish(self, reply: Reply, triage: TriageResult, condition: str | None) -> Reply:
        escalation = self.escalation(triage, condition)
        return _with_escalation(reply, escalation).model_copy(update={"disclaimer": texts.DISCLAIMER})

    def escalation(self, triage: TriageResult, condition: str | None) -> Escalation:
        """The advice for a message's red flags; nothing when there are none."""
        if triage.level == "none":
            return Escalation(level="none")
        advised = [k for k in triage.kinds if k in self._advice_code]
        code = ("w" if not triage.reasons else triage.level[0]) + "".join(
            self._advice_code[k] for k in advised
        )
        return self._advice(code, condition, triage.reasons, triage.denied)

    def kept(self, code: str, condition: str | None) -> Escalation:
        """The advice a button brings back (Action.keep): as first shown, without the words
        the person wrote, which no button carries. Unknown codes keep nothing."""
        if not code or code[0] not in _LEVEL_CODES or any(c not in self._advice_of for c in code[1:]):
            return Escalation(level="none")
        return self._advice(code, condition, (), ())

    def _advice(
        self, code: str, condition: str | None, reasons: tuple[str, ...], denied: tuple[str, ...]
    ) -> Escalation:
        level = _LEVEL_CODES[code[0]]
        flags = self.lexicon.triage.flags
        kinds = [flags[self._advice_of[c]] for c in code[1:]]
        numbers = ", ".join(self.helplines.emergency_numbers[:-1])
        numbers = (
            f"{numbers}{texts.OR}{self.helplines.emergency_numbers[-1]}"
            if numbers else self.helplines.emergency_numbers[-1]
        )
        extra = tuple(k.advice for k in kinds if k.advice)
        poison = any(k.lines == "poison" for k in kinds)
        if level == "crisis":
            return Escalation(
                level=level, reasons=reasons, leads=True, keep=code, title=texts.CRISIS_TITLE,
                advice=(texts.CRISIS_ADVICE.format(numbers=numbers), *extra, texts.CRISIS_REACH_OUT),
                lines_heading=texts.CRISIS_LINES_HEADING, lines=self.helplines.crisis,
            )
        if level == "emergency":
            lines = self.helplines.poison if poison else ()
            return Escalation(
                level=level, reasons=reasons, denied=denied, leads=True, keep=code,
                title=texts.EMERGENCY_TITLE,
                advice=(texts.EMERGENCY_ADVICE.format(numbers=numbers), *extra),
                lines_heading=texts.POISON_LINES_HEADING if lines else "", lines=lines,
            )
        topic = self.kb.conditions.get(condition or "")
        items = topic.when_to_see_doctor if topic else ()
        if code[0] == _WATCH:
            return Escalation(
                level=level, denied=denied, keep=code, banner=texts.WATCH_BANNER,
                title=texts.WATCH_TITLE, see_doctor_heading=texts.WATCH_HEADING,
                see_doctor=items or denied,
            )
        return Escalation(
            level=level, reasons=reasons, denied=denied, keep=code, banner=texts.DOCTOR_BANNER,
            title=texts.DOCTOR_TITLE, advice=(texts.DOCTOR_ADVICE,),
            see_doctor_heading=texts.DOCTOR_ITEMS_LABEL.format(condition=topic.name) if topic else "",
            see_doctor=items,
        )

    def with_kept(self, reply: Reply, code: str) -> Reply:
        """`reply`, still carrying the advice `code` stands for when its own is weaker."""
        kept = self.kept(code, self._condition_of(reply.topics))
        if rank(kept.level) <= rank(reply.escalation.level):
            return reply
        return _with_escalation(reply, kept)

    def _condition_of(self, topics: tuple[str, ...]) -> str | None:
        for slug in topics:
            if slug in self.kb.conditions:
                return slug
        for slug in topics:
            ingredient = self.kb.ingredients.get(slug)
            if ingredient is not None and len(ingredient.uses) == 1:
                return ingredient.uses[0].condition_slug
        return None

    # -- topics, also reached by buttons --------------------------------------------------------

    def topic_reply(self, slug: str, section: SectionName | None = None, keep: str = "") -> Reply | None:
        """A topic's answer without a message (a button press): no red flag to look for, but
        the advice the button keeps (`keep`) is shown again."""
        if slug in self.kb.conditions:
            reply = self.condition_reply(slug, section or "overview")
        elif slug in self.kb.ingredients:
            reply = self.ingredient_reply(slug, None, section="safety" if section == "safety" else "overview")
        else:
            return None
        reply = reply.model_copy(update={"topics": (slug,), "disclaimer": texts.DISCLAIMER})
        return self.with_kept(reply, keep)

    def condition_reply(self, slug: str, section: SectionName) -> Reply:
        c = self.kb.conditions[slug]
        body: tuple[Section, ...] = (self._condition_section(c, section),)
        if section == "severity":  # serious causes, with what would set a worrying case apart
            body += (self._condition_section(c, "doctor"),)
        shown = "synopsis" if section == "overview" else section
        actions = [
            Action(label=texts.SECTION_BUTTONS[s], topic=slug, section=s)
            for s in CONDITION_SECTIONS if s != shown
        ]
        if section in ("remedies", "ingredients"):
            actions += [Action(label=i.name, topic=i.slug) for i in self.kb.ingredients_of(slug)]
        return Reply(
            kind="topic", title=c.name, sections=body, actions=tuple(actions), section=section,
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

    def catalogue(self, listing: Listing, page: int = 0, keep: str = "") -> Reply:
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
        reply = Reply(
            kind="catalogue", title=title, intro=intro, actions=tuple(actions),
            disclaimer=texts.DISCLAIMER,
        )
        return self.with_kept(reply, keep)

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

    def _advice_only(self, near_misses: tuple[str, ...]) -> Reply:
        """No topic, but red flags: the advice alone (and did-you-mean buttons if any), never
        "I don't have information on that"."""
        suggestions = tuple(
            Action(label=self.kb.name_of(s) or s, topic=s) for s in near_misses[:MAX_RELATED]
        )
        return Reply(kind="advice", title="", suggestions=suggestions)

    def _empty(self) -> Reply:
        return Reply(kind="empty", title=texts.EMPTY_PROMPT)


def _with_escalation(reply: Reply, escalation: Escalation) -> Reply:
    """The reply with this advice, every button under it keeping the advice."""
    keep = escalation.keep
    if not keep:
        return reply.model_copy(update={"escalation": escalation})
    return reply.model_copy(update={
        "escalation": escalation,
        "actions": tuple(a.model_copy(update={"keep": keep}) for a in reply.actions),
        "suggestions": tuple(a.model_copy(update={"keep": keep}) for a in reply.suggestions),
    })


def _shipped_helplines() -> Helplines:
    found = read_helplines(SHIPPED_HELPLINES)
    if not isinstance(found, Helplines):
        raise RuntimeError(str(found))
    return found


def _unique_actions(actions: list[Action]) -> list[Action]:
    return list({(a.topic, a.section): a for a in actions}.values())
