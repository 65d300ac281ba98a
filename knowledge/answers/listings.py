"""Answers that are not about one topic: the greeting, the pages of all topics, the unknown
topic, did-you-mean suggestions, advice with no topic, and the empty message."""

from __future__ import annotations

from collections.abc import Sequence

from knowledge.answers import wording
from knowledge.answers.reply import Action, Item, Listing, Reply, Section
from knowledge.base.models import Condition, Ingredient, KnowledgeBase
from knowledge.i18n.catalog import active_language

MAX_SUGGESTED = 6
# The first screen's buttons: every condition up to this many, and the most used ingredients.
MAX_START_CONDITIONS = 6
MAX_START_INGREDIENTS = 5
PAGE_SIZE = 10


class Listings:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        # The greeting and the ways in depend only on the knowledge base and the language:
        # built once per language (a greeting is a tenth of the engine's time on "hi").
        self._greetings: dict[str, Reply] = {}
        self._ways: dict[str, tuple[Action, ...]] = {}

    def greeting(self) -> Reply:
        """Hello, example questions, and a button for each condition and the most used
        ingredients: the first screen has something to tap."""
        lang = active_language()
        if lang not in self._greetings:
            self._greetings[lang] = self._greeting()
        return self._greetings[lang]

    def _greeting(self) -> Reply:
        examples = Section(
            heading=wording.EXAMPLES_HEADING, items=tuple(Item(text=e) for e in self.examples())
        )
        return Reply(
            kind="small_talk",
            title=wording.GREETING_TITLE,
            intro=wording.GREETING_BODY,
            sections=(examples,),
            actions=self._ways_in(),
            disclaimer=wording.DISCLAIMER,
            welcome=True,
            turn="small_talk",
        )

    def examples(self) -> tuple[str, ...]:
        """Example questions, with the knowledge base's own names."""
        condition = next(iter(self.kb.conditions.values()), None)
        if condition is None:
            return ()
        ingredients = self.kb.ingredients_of(condition.slug)
        names = {
            "condition": condition.name.lower(),
            "ingredient": ingredients[0].name.lower() if ingredients else condition.name.lower(),
        }
        return tuple(wording.text(t).format(**names) for t in wording.EXAMPLE_TEMPLATES)

    def _ways_in(self) -> tuple[Action, ...]:
        lang = active_language()
        if lang not in self._ways:
            self._ways[lang] = self._buttons_in()
        return self._ways[lang]

    def _buttons_in(self) -> tuple[Action, ...]:
        """The conditions and the ingredients most articles use, each a button, and a button
        to the whole list of each when there are more."""
        conditions = list(self.kb.conditions.values())
        order = {slug: n for n, slug in enumerate(self.kb.ingredients)}
        ingredients = sorted(self.kb.ingredients.values(), key=lambda i: (-len(i.uses), order[i.slug]))
        actions = [Action(label=c.name, topic=c.slug) for c in conditions[:MAX_START_CONDITIONS]]
        actions += [Action(label=i.name, topic=i.slug) for i in ingredients[:MAX_START_INGREDIENTS]]
        if len(conditions) > MAX_START_CONDITIONS:
            actions.append(Action(label=wording.ALL_CONDITIONS, listing="conditions"))
        if len(ingredients) > MAX_START_INGREDIENTS:
            actions.append(Action(label=wording.ALL_INGREDIENTS, listing="ingredients"))
        return tuple(actions)

    def catalogue(self, listing: Listing, page: int = 0) -> Reply:
        """One page of all conditions or all ingredients, each a button."""
        topics: Sequence[Condition | Ingredient]
        if listing == "conditions":
            topics, title = list(self.kb.conditions.values()), wording.CONDITIONS_TITLE
        else:
            topics, title = list(self.kb.ingredients.values()), wording.INGREDIENTS_TITLE
        pages = max(1, -(-len(topics) // PAGE_SIZE))
        page = min(max(page, 0), pages - 1)
        shown = topics[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
        actions = [Action(label=t.name, topic=t.slug) for t in shown]
        if page > 0:
            actions.append(Action(label=wording.PREVIOUS_PAGE, listing=listing, page=page - 1))
        if page < pages - 1:
            actions.append(Action(label=wording.NEXT_PAGE, listing=listing, page=page + 1))
        intro = wording.PAGE_OF.format(page=page + 1, pages=pages) if pages > 1 else ""
        return Reply(
            turn="browse",
            kind="catalogue",
            title=title,
            intro=intro,
            actions=tuple(actions),
        )

    def unknown(self, name: str = "") -> Reply:
        """What the bot knows, to tap, for a topic it does not (`name`, when the lexicon knows
        it)."""
        return Reply(
            kind="unknown",
            title=wording.UNKNOWN_NAMED_TITLE.format(name=name) if name else wording.UNKNOWN_TITLE,
            intro=wording.UNKNOWN_BODY,
            actions=self._ways_in(),
            welcome=True,
        )

    def nothing_on_it(self, name: str, topic: str) -> Reply:
        """A thing the knowledge base lacks ("gatorade"), named while `topic` is in context:
        said plainly, with the topic a tap away, never answered as the topic."""
        label = self.kb.name_of(topic) or topic
        return Reply(
            kind="unknown",
            title=wording.NOTHING_ON_IT.format(name=name, topic=label),
            actions=(Action(label=label, topic=topic),),
        )

    def suggest(self, slugs: tuple[str, ...]) -> Reply:
        return Reply(
            kind="suggest",
            title=wording.SUGGEST_TITLE,
            intro=wording.SUGGEST_BODY,
            suggestions=self._suggestions(slugs),
        )

    def small_talk(self, kind: str, after: str = "") -> Reply:
        """One short line for a thank-you, an ok or a goodbye (and `after`, a reminder of the
        help given before); a greeting gets the greeting."""
        if kind == "greeting":
            return self.greeting()
        return Reply(kind="small_talk", title=wording.small_talk_line(kind), intro=after)

    def about(self, slug: str) -> Reply:
        """Advice about a topic in the conversation ("it's been 2 months now"): the advice, and
        a button back to the topic."""
        actions = (Action(label=self.kb.name_of(slug) or slug, topic=slug),)
        return Reply(kind="advice", title="", actions=actions)

    def advice_only(self, near_misses: tuple[str, ...]) -> Reply:
        """No topic, but red flags: the advice alone (and did-you-mean buttons if any), never
        "I don't have information on that"."""
        return Reply(kind="advice", title="", suggestions=self._suggestions(near_misses))

    def empty(self) -> Reply:
        return Reply(kind="empty", title=wording.EMPTY_PROMPT)

    def _suggestions(self, slugs: tuple[str, ...]) -> tuple[Action, ...]:
        return tuple(Action(label=self.kb.name_of(s) or s, topic=s) for s in slugs[:MAX_SUGGESTED])
