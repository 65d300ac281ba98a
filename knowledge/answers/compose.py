"""Topic answers: a condition's section, or what the articles say about an ingredient and its
safety facts. Everything said comes from the knowledge base or from knowledge.answers.wording."""

from __future__ import annotations

from functools import lru_cache
from itertools import islice

from knowledge.answers import wording
from knowledge.answers.check import SymptomCheck
from knowledge.answers.reply import Action, Item, Reply, Section
from knowledge.answers.safety import advice_line, safety_section
from knowledge.answers.translated import untranslated_note, wants_translation
from knowledge.base.models import Condition, ConditionTranslation, Ingredient, IngredientUse, KnowledgeBase
from knowledge.i18n.catalog import active_language
from knowledge.sections import BY_KEY, CONDITION_BUTTONS, heading

MAX_RELATED = 6
MAX_RELATED_PER_CONDITION = 3
MAX_ALSO = 3  # other ingredients named in the same question, each with its own sections
USES_PER_PAGE = 5  # an ingredient's uses shown at once; "More conditions" pages the rest
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
        # Cached per language too: the same answer reads differently in each.
        self._conditions = lru_cache(maxsize=_CACHED_ANSWERS)(self._condition)
        self._ingredients = lru_cache(maxsize=_CACHED_ANSWERS)(self._ingredient)

    # `lang`: the reply's language, by default the active one (knowledge.i18n.catalog)
    def condition(self, slug: str, section: str, lang: str | None = None) -> Reply:
        return self._conditions(slug, section, lang or active_language())

    def ingredient(
        self,
        slug: str,
        context: str | None,
        also: tuple[str, ...] = (),
        section: str = "overview",
        page: int = 0,
        lang: str | None = None,
    ) -> Reply:
        return self._ingredients(slug, context, also, section, page, lang or active_language())

    def topic(self, slug: str, section: str | None = None, page: int = 0) -> Reply | None:
        """A topic's answer without a message (a button press), or None for an unknown slug."""
        if slug in self.kb.conditions:
            return self.condition(slug, section or "overview")
        if slug in self.kb.ingredients:
            return self.ingredient(
                slug, None, section="safety" if section == "safety" else "overview", page=page
            )
        return None

    def _condition(self, slug: str, section: str, lang: str) -> Reply:  # lang: also the cache's key
        """The section of a condition's article, from its translation into `lang` when there
        is one, else from the English article under a note in `lang`."""
        c = self.kb.conditions[slug]
        t = c.translations.get(lang) if lang else None
        if not BY_KEY[section].condition:
            section = "overview"
        shown = (section, *_SHOWN_WITH.get(section, ()))
        body = tuple(self._section(c, s) if t is None else self._translated_section(c, t, s) for s in shown)
        current = "synopsis" if section == "overview" else section
        # Every section's button, always in the same place; the one on screen is marked.
        actions = [
            Action(label=spec.button, topic=slug, section=spec.key, current=spec.key == current)
            for spec in CONDITION_BUTTONS
        ]
        check = self.check.start(slug)
        if check is not None:
            actions.append(check)
        if section in ("remedies", "ingredients"):
            actions += [Action(label=_name(i, lang), topic=i.slug) for i in self.kb.ingredients_of(slug)]
        intro = untranslated_note(lang) if lang and t is None and wants_translation(lang) else ""
        title = t.title if t is not None else c.name
        return Reply(
            kind="topic", title=title, intro=intro, sections=body, actions=tuple(actions), section=section
        )

    def _translated_section(self, c: Condition, t: ConditionTranslation, section: str) -> Section:
        """A section as the translation writes it: its heading and its items, in the same order
        as the English article's (the loader checked they match)."""
        title = t.headings.get(section, heading(section))
        if section in t.bullets:
            return Section(
                heading=title, items=tuple(Item(name=e.name, text=e.text) for e in t.bullets[section])
            )
        if section == "remedies":
            return Section(
                heading=title, items=tuple(Item(name=r.name, text=r.description) for r in t.remedies)
            )
        if section == "ingredients":
            items = tuple(
                Item(name=t.ingredient_names.get(i.slug, i.name), text=_translated_use(t, i.slug))
                for i in self.kb.ingredients_of(c.slug)
            )
            return Section(heading=title, paragraph=t.ingredients_intro, items=items)
        return Section(heading=title, paragraph=t.synopsis)

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
        self,
        slug: str,
        context: str | None,
        also: tuple[str, ...],
        section: str,
        page: int,
        lang: str,  # also the cache's key: the wording follows the language
    ) -> Reply:
        """What the articles say about the ingredient, a page of its uses at a time (the
        condition asked about first), and its Safety section: first when the question was
        about safety, dose or side effects. Each other ingredient named gets its own use and
        Safety section. The work is the same whether it is used in 1 article or 500."""
        ingredient = self.kb.ingredients[slug]
        uses, pages = _page(ingredient.uses, context, page)
        shown = self._uses(ingredient, uses, total=len(ingredient.uses), lang=lang)
        others = [self.kb.ingredients[o] for o in also[:MAX_ALSO]]
        # One advice line for the whole answer closes its last Safety section.
        advice = Item(text=advice_line([ingredient, *others], lang))
        safety = safety_section(ingredient, closing=() if others else (advice,), lang=lang)
        sections = [safety, shown] if section == "safety" else [shown, safety]
        actions = [Action(label=self._title(u.condition_slug, lang), topic=u.condition_slug) for u in uses]
        if page + 1 < pages:
            actions.append(Action(label=wording.MORE_CONDITIONS, topic=slug, page=page + 1))
        for n, other_ingredient in enumerate(others, start=1):
            other_uses, _ = _page(other_ingredient.uses, context, 0, size=1)
            sections.append(
                self._uses(
                    other_ingredient, other_uses, total=len(other_ingredient.uses), titled=True, lang=lang
                )
            )
            closing = (advice,) if n == len(others) else ()
            sections.append(safety_section(other_ingredient, titled=True, closing=closing, lang=lang))
            actions.append(Action(label=_name(other_ingredient, lang), topic=other_ingredient.slug))
        related = dict.fromkeys(
            i.slug
            for u in uses
            for i in self.kb.ingredients_of(u.condition_slug)[:MAX_RELATED_PER_CONDITION]
            if i.slug != slug and i.slug not in also
        )
        actions += [
            Action(label=_name(self.kb.ingredients[r], lang), topic=r) for r in list(related)[:MAX_RELATED]
        ]
        intro = _names_line(ingredient, lang)
        if lang and wants_translation(lang) and not self._translated(ingredient, uses, lang):
            intro = "\n".join(line for line in (untranslated_note(lang), intro) if line)
        unique = list({(a.topic, a.section, a.page): a for a in actions}.values())
        return Reply(
            kind="topic",
            title=_name(ingredient, lang),
            intro=intro,
            sections=tuple(sections),
            actions=tuple(unique),
            section=section,
        )

    def _title(self, condition: str, lang: str | None) -> str:
        """A condition's title in `lang` when its article is translated."""
        c = self.kb.conditions[condition]
        t = c.translations.get(lang) if lang else None
        return t.title if t is not None else c.name

    def _translated(self, ingredient: Ingredient, uses: tuple[IngredientUse, ...], lang: str) -> bool:
        """Whether all of an ingredient's answer has a translation into `lang`: its name and
        safety facts, and the article of each use shown."""
        return lang in ingredient.translations and all(
            lang in self.kb.conditions[u.condition_slug].translations for u in uses
        )

    def _uses(
        self,
        ingredient: Ingredient,
        uses: tuple[IngredientUse, ...],
        total: int,
        titled: bool = False,
        lang: str | None = None,
    ) -> Section:
        """What each article says about the ingredient, for the uses on this page; from the
        article's translation into `lang` where there is one."""
        items = []
        for use in uses:
            condition = self.kb.conditions[use.condition_slug]
            t = condition.translations.get(lang) if lang else None
            condition_name = t.title if t is not None else condition.name
            name = condition_name if total > 1 else ""
            description = _translated_use(t, ingredient.slug) if t is not None else use.description
            if description:
                items.append(Item(name=name, text=description))
            else:  # the sentence names the condition itself
                items.append(Item(text=wording.USE_LISTED_ONLY.format(condition=condition_name)))
        own = _name(ingredient, lang)
        if titled or total > 1:
            title = own
            if total > len(uses):
                title = wording.USES_OF.format(name=own, shown=len(uses), total=total)
        else:
            first = self.kb.conditions[uses[0].condition_slug]
            t = first.translations.get(lang) if lang else None
            title = wording.USE_HEADING.format(condition=t.title if t is not None else first.name)
        return Section(heading=title, items=tuple(items))


def _name(ingredient: Ingredient, lang: str | None) -> str:
    """The ingredient's name in `lang` when it has one there."""
    t = ingredient.translations.get(lang) if lang else None
    return t.name if t is not None else ingredient.name


def _translated_use(t: ConditionTranslation, ingredient: str) -> str:
    """What a translated article says of an ingredient: its remedy's description."""
    return next((r.description for r in t.remedies if ingredient in r.ingredient_slugs), "")


def _names_line(ingredient: Ingredient, lang: str | None = None) -> str:
    """Its other names, then its product forms (in `lang` when translated): a form ("citrate")
    is not another name."""
    lines = []
    if ingredient.other_names:
        aliases = ", ".join(ingredient.other_names[:MAX_ALIASES_SHOWN])
        lines.append(wording.ALSO_KNOWN_AS.format(aliases=aliases))
    t = ingredient.translations.get(lang) if lang else None
    forms = t.forms if t is not None and t.forms else ingredient.forms
    if forms:
        lines.append(wording.FORMS.format(forms=", ".join(forms)))
    return "\n".join(lines)


def _page(
    uses: tuple[IngredientUse, ...], context: str | None, page: int, size: int = USES_PER_PAGE
) -> tuple[tuple[IngredientUse, ...], int]:
    """One page of uses, the condition asked about first, and how many pages there are;
    without scanning or copying the whole list."""
    pages = max(1, -(-len(uses) // size))
    page = min(max(page, 0), pages - 1)
    first = next((u for u in uses if u.condition_slug == context), None) if context else None
    if first is None:
        return uses[page * size : (page + 1) * size], pages
    rest = (u for u in uses if u is not first)
    if page == 0:
        return (first, *islice(rest, size - 1)), pages
    return tuple(islice(rest, page * size - 1, (page + 1) * size - 1)), pages
