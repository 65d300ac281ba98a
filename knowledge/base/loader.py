"""Turn a directory of articles plus the curated overlay into one KnowledgeBase, or nothing."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from knowledge.base.article import IngredientLine, ParsedArticle, parse_article
from knowledge.base.errors import ArticleError, KnowledgeError, Problem
from knowledge.base.helplines import helplines_path, read_helplines
from knowledge.base.models import (
    Condition,
    Entry,
    Ingredient,
    IngredientUse,
    KnowledgeBase,
    Remedy,
)
from knowledge.base.overlay import (
    OVERLAY_FILE,
    ConditionOverlay,
    IngredientOverlay,
    Overlay,
    line_of,
    read_overlay,
)
from knowledge.base.slugs import compact, slugify

_Topic = TypeVar("_Topic", Condition, Ingredient)
_GROUP = re.compile(r"\{(\w+)\}")
DEFAULT_KNOWLEDGE_DIR = Path(__file__).parents[1] / "articles"
ARTICLE_GLOB = "*.txt"


@dataclass
class _Source:
    path: Path
    text: str
    article: ParsedArticle


@dataclass
class _Claim:
    """Where a name or alias was declared, to point at it when two topics claim it."""

    slug: str
    topic: Condition | Ingredient
    name: str


def load_knowledge(directory: Path | str = DEFAULT_KNOWLEDGE_DIR) -> KnowledgeBase:
    """Load every article in `directory`; raise KnowledgeError listing every problem."""
    directory = Path(directory)
    if not directory.is_dir():
        raise KnowledgeError([Problem(directory, None, "not a directory")])
    paths = sorted(p for p in directory.glob(ARTICLE_GLOB) if not p.name.startswith("."))
    if not paths:
        raise KnowledgeError([Problem(directory, None, f"no articles ({ARTICLE_GLOB}) found")])

    problems: list[Problem] = []
    sources = [s for p in paths if (s := _read_article(p, problems))]
    overlay, overlay_text = Overlay(), ""
    overlay_path = directory / OVERLAY_FILE
    if overlay_path.exists():
        read = read_overlay(overlay_path)
        if isinstance(read, Problem):
            problems.append(read)
        else:
            overlay, overlay_text = read
    helplines = read_helplines(helplines_path(directory))
    if isinstance(helplines, Problem):
        problems.append(helplines)
    if problems:
        raise KnowledgeError(problems)
    kb = _Builder(sources, overlay, overlay_path, overlay_text).build()
    return kb.model_copy(update={"helplines": helplines})


def _read_article(path: Path, problems: list[Problem]) -> _Source | None:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.append(Problem(path, line, f"not UTF-8 ({exc.reason} at byte {exc.start})"))
        return None
    try:
        return _Source(path, text, parse_article(text))
    except ArticleError as exc:
        problems.append(Problem(path, exc.line, exc.message))
        return None


class _Builder:
    def __init__(
        self, sources: list[_Source], overlay: Overlay, overlay_path: Path, overlay_text: str
    ) -> None:
        self.sources = sources
        self.overlay = overlay
        self.overlay_path = overlay_path
        self.overlay_text = overlay_text
        self.problems: list[Problem] = []
        self.claims: dict[str, _Claim] = {}

    def build(self) -> KnowledgeBase:
        conditions: dict[str, Condition] = {}
        ingredients: dict[str, Ingredient] = {}
        origin: dict[str, Path] = {}
        for source in self.sources:
            slug = slugify(source.article.title)
            if slug in origin:
                self._problem(source.path, 1, f"duplicate slug {slug!r} (also {origin[slug]})")
                continue
            origin[slug] = source.path
            condition = self._condition(slug, source)
            conditions[slug] = condition
            self._merge_ingredients(condition, source, ingredients)
        for slug in ingredients:
            if slug in conditions:
                path = origin[slug]
                self._problem(path, 1, f"slug {slug!r} is both a condition and an ingredient")
        conditions = self._apply_overlay(conditions, self.overlay.conditions, "conditions")
        ingredients = self._apply_overlay(ingredients, self.overlay.ingredients, "ingredients")
        self._check_aliases(conditions, ingredients, origin)
        if self.problems:
            raise KnowledgeError(self.problems)
        return KnowledgeBase(conditions=conditions, ingredients=ingredients, groups=self.overlay.groups)

    def _problem(self, path: Path, line: int | None, message: str) -> None:
        self.problems.append(Problem(path, line, message))

    def _condition(self, slug: str, source: _Source) -> Condition:
        a = source.article
        listed = {slugify(i.name): i for i in a.ingredients}
        seen: set[str] = set()
        for i in a.ingredients:
            s = slugify(i.name)
            if s in seen:
                self._problem(source.path, i.line, f"ingredient {i.name!r} is listed twice")
            seen.add(s)
        remedies = tuple(
            Remedy(
                name=r.name,
                description=r.description,
                ingredient_slugs=tuple(s for s, i in listed.items() if _refers_to(r.name, i)),
            )
            for r in a.remedies
        )
        return Condition(
            slug=slug,
            name=a.title,
            aliases=_unique(a.aliases, besides=a.title),
            synopsis=a.synopsis,
            bullets={
                key: tuple(Entry(name=i.name, text=i.description) for i in items)
                for key, items in a.bullets.items()
            },
            remedies=remedies,
            ingredient_slugs=tuple(listed),
            ingredients_intro=a.ingredients_intro,
            source=source.path.name,
        )

    def _merge_ingredients(
        self, condition: Condition, source: _Source, ingredients: dict[str, Ingredient]
    ) -> None:
        for line in source.article.ingredients:
            slug = slugify(line.name)
            remedy = next((r for r in condition.remedies if slug in r.ingredient_slugs), None)
            use = IngredientUse(
                condition_slug=condition.slug,
                description=remedy.description if remedy else None,
            )
            known = ingredients.get(slug)
            if known is None:
                name = remedy.name if remedy else _display(line.name)
                ingredients[slug] = Ingredient(slug=slug, name=name, aliases=line.aliases, uses=(use,))
            else:
                ingredients[slug] = known.model_copy(
                    update={
                        "aliases": _unique((*known.aliases, *line.aliases), besides=known.name),
                        "uses": (*known.uses, use),
                    }
                )

    def _apply_overlay(
        self,
        topics: dict[str, _Topic],
        entries: Mapping[str, ConditionOverlay | IngredientOverlay],
        table: str,
    ) -> dict[str, _Topic]:
        merged = dict(topics)
        entry: ConditionOverlay | IngredientOverlay
        for slug, entry in entries.items():
            if slug not in topics:
                line = line_of(self.overlay_text, f"{table}.{slug}") or line_of(self.overlay_text, slug)
                self._problem(
                    self.overlay_path, line, f"[{table}.{slug}]: unknown {table[:-1]} slug {slug!r}"
                )
                continue
            current: _Topic = topics[slug]
            update: dict[str, object] = {
                "aliases": _unique((*current.aliases, *entry.aliases), besides=current.name)
            }
            if isinstance(entry, IngredientOverlay) and entry.safety is not None:
                update["safety"] = entry.safety
            if isinstance(entry, ConditionOverlay):
                if entry.concerns:
                    update["concerns"] = entry.concerns
                if entry.described_as:
                    update["descriptions"] = self._described(entry.described_as, f"{table}.{slug}")
            merged[slug] = current.model_copy(update=update)
        return merged

    def _described(self, phrases: tuple[str, ...], table: str) -> tuple[str, ...]:
        """The phrases, once each, after checking that every {group} they name exists."""
        for phrase in phrases:
            for name in _GROUP.findall(phrase):
                if name not in self.overlay.groups:
                    line = line_of(self.overlay_text, phrase) or line_of(self.overlay_text, f"[{table}]")
                    self._problem(
                        self.overlay_path,
                        line,
                        f"[{table}] described_as: phrase {phrase!r} uses unknown group {{{name}}}",
                    )
        return tuple(dict.fromkeys(phrases))

    def _check_aliases(
        self,
        conditions: dict[str, Condition],
        ingredients: dict[str, Ingredient],
        origin: dict[str, Path],
    ) -> None:
        topics: list[Condition | Ingredient] = [*conditions.values(), *ingredients.values()]
        for topic in topics:
            for name in (topic.name, *topic.aliases):
                key = compact(name)
                if not key:
                    path, line = self._where(topic, name, origin)
                    self._problem(path, line, f"{name!r} of {topic.slug!r} has no letters or digits")
                    continue
                claim = self.claims.get(key)
                if claim is None:
                    # Finding a name's line scans the articles: do it only for an error, or
                    # loading 10,000 topics takes minutes instead of seconds.
                    self.claims[key] = _Claim(topic.slug, topic, name)
                elif claim.slug != topic.slug:
                    path, line = self._where(topic, name, origin)
                    claim_path, claim_line = self._where(claim.topic, claim.name, origin)
                    first = f"{claim_path}:{claim_line}" if claim_line else str(claim_path)
                    self._problem(
                        path,
                        line,
                        f"alias {name!r} of {topic.slug!r} is already claimed by {claim.slug!r} ({first})",
                    )

    def _where(
        self, topic: Condition | Ingredient, name: str, origin: dict[str, Path]
    ) -> tuple[Path, int | None]:
        overlay_table = (
            self.overlay.conditions if isinstance(topic, Condition) else (self.overlay.ingredients)
        )
        entry = overlay_table.get(topic.slug)
        if entry and name in entry.aliases:
            return self.overlay_path, line_of(self.overlay_text, f'"{name}"')
        for source in self.sources:
            if isinstance(topic, Condition) and origin.get(topic.slug) != source.path:
                continue
            line = line_of(source.text, name)
            if line:
                return source.path, line
        return (origin.get(topic.slug) or self.sources[0].path), None


def _refers_to(remedy_name: str, ingredient: IngredientLine) -> bool:
    """A remedy refers to an ingredient when it names it, by name or synonym."""
    remedy_key = compact(remedy_name)
    return any(compact(n) == remedy_key for n in (ingredient.name, *ingredient.aliases))


def _display(name: str) -> str:
    """`zinc` -> `Zinc`, but leave `GABA` and `vitamin B6`'s inner capitals alone."""
    return name[:1].upper() + name[1:]


def _unique(aliases: tuple[str, ...] | list[str], besides: str) -> tuple[str, ...]:
    """Drop aliases that only respell the name or an earlier alias (`GABA` vs `gaba`)."""
    seen = {compact(besides)}
    kept = []
    for alias in aliases:
        if compact(alias) not in seen:
            seen.add(compact(alias))
            kept.append(alias)
    return tuple(kept)
