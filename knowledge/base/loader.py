"""Turn a directory of articles plus the curated overlay into one KnowledgeBase, or nothing."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from knowledge.base.article import ENGLISH, Headings, IngredientLine, NamedItem, ParsedArticle, parse_article
from knowledge.base.errors import ArticleError, KnowledgeError, Problem
from knowledge.base.files import article_paths, read_text
from knowledge.base.helplines import helplines_path, read_helplines
from knowledge.base.models import (
    Condition,
    ConditionTranslation,
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
from knowledge.base.slugs import compact, fold, slugify
from knowledge.base.translations import (
    language_headings,
    safety_mismatches,
    structure_mismatches,
    translation_of,
)

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
class _Translation:
    source: _Source
    lang: str
    original: str  # the original's file name


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
    paths, problems = article_paths(directory)
    if not paths and not problems:
        raise KnowledgeError([Problem(directory, None, f"no articles ({ARTICLE_GLOB}) found")])

    originals = [p for p in paths if translation_of(p) is None]
    sources = [s for p in originals if (s := _read_article(p, problems))]
    translations = [t for p in paths if p not in originals if (t := _read_translation(p, problems))]
    overlay, overlay_text = Overlay(), ""
    overlay_path = directory / OVERLAY_FILE
    if overlay_path.exists() or overlay_path.is_symlink():
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
    kb = _Builder(sources, overlay, overlay_path, overlay_text, translations).build()
    return kb.model_copy(update={"helplines": helplines})


def _read_article(path: Path, problems: list[Problem], headings: Headings = ENGLISH) -> _Source | None:
    text = read_text(path)
    if isinstance(text, Problem):
        problems.append(text)
        return None
    try:
        return _Source(path, text, parse_article(text, headings))
    except ArticleError as exc:
        problems.append(Problem(path, exc.line, exc.message))
        return None


def _read_translation(path: Path, problems: list[Problem]) -> _Translation | None:
    """A translation parsed with its language's header lines; an unknown language is an error."""
    named = translation_of(path)
    assert named is not None
    original, lang = named
    known = language_headings()
    if lang not in known:
        problems.append(
            Problem(path, None, f"unknown language {lang!r} (translations may be in: {', '.join(known)})")
        )
        return None
    source = _read_article(path, problems, known[lang])
    return _Translation(source, lang, original) if source else None


class _Builder:
    def __init__(
        self,
        sources: list[_Source],
        overlay: Overlay,
        overlay_path: Path,
        overlay_text: str,
        translations: list[_Translation] | None = None,
    ) -> None:
        self.sources = sources
        self.translations = translations or []
        self.overlay = overlay
        self.overlay_path = overlay_path
        self.overlay_text = overlay_text
        self.problems: list[Problem] = []
        self.claims: dict[str, _Claim] = {}
        self.clashing: set[frozenset[str]] = set()

    def build(self) -> KnowledgeBase:
        conditions: dict[str, Condition] = {}
        ingredients: dict[str, Ingredient] = {}
        origin: dict[str, Path] = {}
        self.identity = _Identity(self.overlay)
        for source in self.sources:
            for line in source.article.ingredients:
                self.identity.declare(line, source.path)
        clashes = self.identity.clashes()
        self.problems += [problem for problem, _ in clashes]
        self.clashing = {frozenset(pair) for _, pair in clashes}
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
        conditions = self._translated(conditions, origin)
        self._check_aliases(conditions, ingredients, origin)
        if self.problems:
            raise KnowledgeError(self.problems)
        return KnowledgeBase(conditions=conditions, ingredients=ingredients, groups=self.overlay.groups)

    def _problem(self, path: Path, line: int | None, message: str) -> None:
        self.problems.append(Problem(path, line, message))

    def _condition(self, slug: str, source: _Source) -> Condition:
        a = source.article
        listed: dict[str, IngredientLine] = {}
        for i in a.ingredients:
            s = self.identity.slug_of(i)
            if s in listed:
                self._problem(source.path, i.line, f"ingredient {i.name!r} is listed twice")
            listed[s] = i
        remedies = tuple(
            Remedy(
                name=r.name,
                description=r.description,
                ingredient_slugs=self._linked(r, listed, source.path),
            )
            for r in a.remedies
        )
        # A remedy may name an ingredient the article does not list ("Valerian root" where
        # another article lists valerian): it is an ingredient of this condition all the same.
        also = [s for r in remedies for s in r.ingredient_slugs if s not in listed]
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
            ingredient_slugs=tuple(dict.fromkeys((*listed, *also))),
            ingredients_intro=a.ingredients_intro,
            source=source.path.name,
        )

    def _linked(self, remedy: NamedItem, listed: dict[str, IngredientLine], path: Path) -> tuple[str, ...]:
        """The ingredient a remedy is about: the one it names (by name, synonym or overlay
        alias), starts with, or contains as whole words ("Magnesium glycinate", "Iron
        supplements"), among the article's ingredients, else among every article's. Two equally
        good candidates are an error that names both."""
        for pool in (listed, None):
            best = self.identity.best(remedy.name, pool)
            if len(best) > 1:
                names = " and ".join(repr(self.identity.lines[s].name) for s in best)
                self._problem(
                    path,
                    remedy.line,
                    f"remedy {remedy.name!r} could be {names}: name it after one ingredient, or "
                    "add the remedy's name to that ingredient's aliases in overlay.toml",
                )
                return ()
            if best:
                return best
        return ()

    def _merge_ingredients(
        self, condition: Condition, source: _Source, ingredients: dict[str, Ingredient]
    ) -> None:
        lines = {self.identity.slug_of(line): line for line in source.article.ingredients}
        for slug in condition.ingredient_slugs:
            line = lines.get(slug) or self.identity.lines[slug]
            remedy = next((r for r in condition.remedies if slug in r.ingredient_slugs), None)
            use = IngredientUse(
                condition_slug=condition.slug,
                description=remedy.description if remedy else None,
            )
            known = ingredients.get(slug)
            if known is None:
                name = remedy.name if remedy and _same(remedy.name, line) else _display(line.name)
                aliases = _unique((line.name, *line.aliases), besides=name)
                ingredients[slug] = Ingredient(slug=slug, name=name, aliases=aliases, uses=(use,))
            else:
                ingredients[slug] = known.model_copy(
                    update={
                        "aliases": _unique((*known.aliases, line.name, *line.aliases), besides=known.name),
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
            aliases = (*current.aliases, *entry.aliases)
            if isinstance(entry, IngredientOverlay) and isinstance(current, Ingredient) and entry.forms:
                # Each form is a name people type ("magnesium citrate"), matched as any alias.
                current = current.model_copy(update={"forms": entry.forms})
                aliases += current.form_names
            update: dict[str, object] = {"aliases": _unique(aliases, besides=current.name)}
            if isinstance(entry, IngredientOverlay) and entry.safety is not None:
                update["safety"] = entry.safety
            if isinstance(entry, IngredientOverlay) and entry.translations:
                update["translations"] = self._ingredient_translations(slug, entry)
            if isinstance(entry, ConditionOverlay):
                if entry.concerns:
                    update["concerns"] = entry.concerns
                if entry.described_as:
                    update["descriptions"] = self._described(entry.described_as, f"{table}.{slug}")
                if entry.red_flags:
                    update["red_flags"] = entry.red_flags
                if entry.emergency_items and isinstance(current, Condition):
                    update["emergency_items"] = self._emergency_items(current, entry.emergency_items)
            merged[slug] = current.model_copy(update=update)
        return merged

    def _ingredient_translations(self, slug: str, entry: IngredientOverlay) -> dict[str, object]:
        """The ingredient's translations, each in a known language and saying what its safety
        facts say."""
        known = language_headings()
        for lang, translation in entry.translations.items():
            table = f"ingredients.{slug}.translations.{lang}"
            line = line_of(self.overlay_text, f"[{table}") or line_of(
                self.overlay_text, f"[ingredients.{slug}]"
            )
            if lang not in known:
                self._problem(self.overlay_path, line, f"[{table}]: unknown language {lang!r}")
            for message in safety_mismatches(entry.safety, translation.safety):
                self._problem(self.overlay_path, line, f"[{table}] safety: {message}")
            if translation.forms and len(translation.forms) != len(entry.forms):
                self._problem(
                    self.overlay_path,
                    line,
                    f"[{table}] forms: {len(translation.forms)} forms; the ingredient has {len(entry.forms)}",
                )
        return dict(entry.translations)

    def _translated(self, conditions: dict[str, Condition], origin: dict[str, Path]) -> dict[str, Condition]:
        """Each condition with its translations: every translation file linked to its original
        by file name, saying what the original says, with its overlay record; every overlay
        record with its file."""
        by_file = {path.name: slug for slug, path in origin.items()}
        parsed = {s.path.name: s.article for s in self.sources}
        found: dict[str, dict[str, ConditionTranslation]] = {}
        for t in self.translations:
            path = t.source.path
            slug = by_file.get(t.original)
            if slug is None:
                self._problem(path, None, f"a translation of {t.original}, which is not an article here")
                continue
            record = self.overlay.conditions.get(slug)
            note = record.translations.get(t.lang) if record else None
            if note is None:
                self._problem(
                    path,
                    None,
                    f"no record of who translated it: add [conditions.{slug}.translations.{t.lang}] "
                    f'with translated_by = "..." and clinician_reviewed = false to {OVERLAY_FILE}',
                )
                continue
            before = len(self.problems)
            for mismatch in structure_mismatches(parsed[t.original], t.source.article):
                self._problem(path, mismatch.line, f"does not match {t.original}: {mismatch.message}")
            if len(self.problems) > before:
                continue
            found.setdefault(slug, {})[t.lang] = self._translation(
                conditions[slug], t, note.translated_by, note.clinician_reviewed
            )
        for slug, entry in self.overlay.conditions.items():
            for lang in entry.translations:
                if lang not in found.get(slug, {}) and slug in origin:
                    wanted = origin[slug].name.removesuffix(".txt") + f".{lang}.txt"
                    if not any(t.source.path.name == wanted for t in self.translations):
                        self._problem(
                            self.overlay_path,
                            line_of(self.overlay_text, f"[conditions.{slug}.translations.{lang}]"),
                            f"[conditions.{slug}.translations.{lang}]: no translation file {wanted}",
                        )
        return {
            slug: c.model_copy(update={"translations": found[slug]}) if slug in found else c
            for slug, c in conditions.items()
        }

    def _translation(
        self, condition: Condition, t: _Translation, translated_by: str, reviewed: bool
    ) -> ConditionTranslation:
        a = t.source.article
        headings = language_headings()[t.lang]
        original = next(s.article for s in self.sources if s.path.name == t.original)
        names = {
            self.identity.slug_of(line): ours.name
            for line, ours in zip(original.ingredients, a.ingredients, strict=True)
        }
        return ConditionTranslation(
            lang=t.lang,
            title=a.title,
            aliases=tuple(dict.fromkeys(a.aliases)),
            synopsis=a.synopsis,
            headings={
                "synopsis": headings.synopsis.strip(" :"),
                "overview": headings.synopsis.strip(" :"),
                **{k: h.strip(" :") for k, h in headings.bullets.items()},
                "remedies": headings.remedies.strip(" :"),
                "ingredients": headings.ingredients.strip(" :"),
            },
            bullets={
                key: tuple(Entry(name=i.name, text=i.description) for i in items)
                for key, items in a.bullets.items()
            },
            remedies=tuple(
                Remedy(name=r.name, description=r.description, ingredient_slugs=ours.ingredient_slugs)
                for r, ours in zip(a.remedies, condition.remedies, strict=True)
            ),
            ingredient_names=names,
            ingredients_intro=a.ingredients_intro,
            source=t.source.path.name,
            translated_by=translated_by,
            clinician_reviewed=reviewed,
        )

    def _emergency_items(self, condition: Condition, items: tuple[str, ...]) -> tuple[str, ...]:
        """The items, each checked against the article's list: a typo would silently leave an
        emergency at doctor level."""
        listed = {" ".join(i.split()).casefold(): i for i in condition.when_to_see_doctor}
        found = []
        for item in items:
            match = listed.get(" ".join(item.split()).casefold())
            if match is None:
                self._problem(
                    self.overlay_path,
                    line_of(self.overlay_text, item) or line_of(self.overlay_text, "emergency_items"),
                    f"[conditions.{condition.slug}] emergency_items: {item!r} is not an item of "
                    f'"When to See a Doctor:" in {condition.source}',
                )
            else:
                found.append(match)
        return tuple(found)

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
                elif claim.slug != topic.slug and frozenset((claim.slug, topic.slug)) not in self.clashing:
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
        if isinstance(topic, Ingredient) and name in topic.form_names:
            form = name.removeprefix(f"{topic.name} ")
            return self.overlay_path, line_of(self.overlay_text, f'"{form}"')
        for source in self.sources:
            if isinstance(topic, Condition) and origin.get(topic.slug) != source.path:
                continue
            line = line_of(source.text, name)
            if line:
                return source.path, line
        return (origin.get(topic.slug) or self.sources[0].path), None


class _Identity:
    """Which ingredient each ingredient line is, across all articles: one slug per ingredient.
    An overlay alias merges a spelling into its ingredient ("Vitamin B-6" into vitamin-b6);
    two lines that look like one ingredient but are not merged are a clash to fix."""

    def __init__(self, overlay: Overlay) -> None:
        self.by_alias: dict[str, str] = {}
        self._aliases: dict[str, tuple[str, ...]] = {}
        for slug, entry in overlay.ingredients.items():
            # A form is a spelling too: "Magnesium citrate" in an article is magnesium.
            forms = tuple(f"{slug.replace('-', ' ')} {form}" for form in entry.forms)
            self._aliases[slug] = (*entry.aliases, *forms)
            for name in (slug, *self._aliases[slug]):
                self.by_alias.setdefault(compact(name), slug)
        self.lines: dict[str, IngredientLine] = {}  # the first line of each ingredient
        self._where: dict[str, list[tuple[IngredientLine, Path]]] = {}
        # Each ingredient's names as words (its lines', then its overlay aliases), and the
        # ingredients each first word of a name starts.
        self._names: dict[str, tuple[list[list[str]], list[list[str]]]] = {}
        self._by_word: dict[str, set[str]] = {}
        self._order: dict[str, int] = {}

    def slug_of(self, line: IngredientLine) -> str:
        """The line's ingredient: the one whose overlay alias it spells, when it is a spelling
        of that ingredient ("Vitamin B-6" of vitamin-b6, "Valerian root" of valerian); an
        alias naming an unrelated ingredient is a clash the alias check reports instead."""
        for name in (line.name, *line.aliases):
            merged = self.by_alias.get(compact(name))
            if merged is not None and _near(words_of(line.name), words_of(merged)):
                return merged
        return slugify(line.name)

    def declare(self, line: IngredientLine, path: Path) -> None:
        slug = self.slug_of(line)
        self.lines.setdefault(slug, line)
        self._order.setdefault(slug, len(self._order))
        self._where.setdefault(slug, []).append((line, path))
        own = [w for w in (words_of(n) for n in (line.name, *line.aliases)) if w]
        names = self._names.setdefault(slug, ([], []))
        names[0].extend(own)
        if not names[1]:
            names[1].extend(w for w in (words_of(a) for a in self._aliases.get(slug, ())) if w)
        for name in (*own, *names[1]):
            self._by_word.setdefault(name[0], set()).add(slug)

    def best(self, remedy: str, pool: Mapping[str, IngredientLine] | None) -> tuple[str, ...]:
        """The ingredients a remedy's name refers to, among `pool` (an article's own) or, when
        None, every article's; best tier first: it is the name or a synonym on an ingredient's
        line; an overlay alias; it starts with one of these; contains one as whole words; or is
        the start of one ("Omega-3s" of "omega-3 fatty acids"). Only ingredients with a name
        word in the remedy's name are tried, so linking costs the same at 3,000 articles."""
        key, remedy_words = compact(remedy), words_of(remedy)
        heads = {w for word in remedy_words for w in (word, word.removesuffix("s"), word.removesuffix("es"))}
        candidates = {slug for w in heads for slug in self._by_word.get(w, ())}
        if pool is not None:
            candidates &= {self.slug_of(line) for line in pool.values()}
        tiers: list[list[str]] = [[], [], [], [], []]
        for slug in sorted(candidates, key=self._order.__getitem__):
            own, aliases = self._names[slug]
            names = [*own, *aliases]
            if any("".join(n) == key for n in own):
                tiers[0].append(slug)
            elif any("".join(n) == key for n in aliases):
                tiers[1].append(slug)
            elif any(_starts_with(remedy_words, n) for n in names):
                tiers[2].append(slug)
            elif any(_contains(remedy_words, n) for n in names):
                tiers[3].append(slug)
            elif any(_shortened(remedy_words, n) for n in names):
                tiers[4].append(slug)
        return next((tuple(t) for t in tiers if t), ())

    def clashes(self) -> list[tuple[Problem, tuple[str, str]]]:
        """Ingredients of different slugs whose names are one spelling apart ("Vitamin B-6" /
        "vitamin B6") or one the start of the other ("Valerian" / "Valerian root")."""
        problems: list[tuple[Problem, tuple[str, str]]] = []
        firsts = {slug: where[0] for slug, where in self._where.items()}
        by_key: dict[str, str] = {}
        for slug, (line, _) in firsts.items():
            by_key.setdefault(compact(line.name), slug)
        by_words = {tuple(words_of(line.name)): slug for slug, (line, _) in firsts.items()}
        for slug, (line, path) in firsts.items():
            same = by_key.get(compact(line.name))
            shorter = next(
                (
                    other
                    for n in range(1, len(words_of(line.name)))
                    if (other := by_words.get(tuple(words_of(line.name)[:n]))) is not None
                ),
                None,
            )
            other = same if same is not None and same != slug else shorter
            if other is None or other == slug:
                continue
            first, first_path = firsts[other]
            message = (
                f"ingredient {line.name!r} looks like {first.name!r} ({first_path.name}:{first.line}): "
                f"if they are one ingredient, add {line.name!r} to the aliases of "
                f"[ingredients.{other}] in overlay.toml; if not, rename one of them"
            )
            problems.append((Problem(path, line.line, message), (slug, other)))
        return problems


def words_of(name: str) -> list[str]:
    """A name's words, folded: "Omega-3s" -> ["omega", "3s"]."""
    return [w for w in re.split(r"[^a-z0-9]+", fold(name)) if w]


def _starts_with(words: list[str], name: list[str]) -> bool:
    return words[: len(name)] == name or _plural_of(words[: len(name)], name)


def _contains(words: list[str], name: list[str]) -> bool:
    return any(_starts_with(words[i:], name) for i in range(1, len(words) - len(name) + 1))


def _plural_of(found: list[str], name: list[str]) -> bool:
    """ "Omega-3s" names "omega-3": a plural of the name's last word."""
    return (
        len(found) == len(name) and found[:-1] == name[:-1] and found[-1] in (name[-1] + "s", name[-1] + "es")
    )


def _near(a: list[str], b: list[str]) -> bool:
    """One spelling apart, or one the start of the other."""
    if "".join(a) == "".join(b):
        return True
    shorter, longer = sorted((a, b), key=len)
    return bool(shorter) and longer[: len(shorter)] == shorter


def _shortened(words: list[str], name: list[str]) -> bool:
    """The remedy's words are the name's first words, the last maybe in the plural ("Omega-3s"
    for "omega-3 fatty acids")."""
    start = name[: len(words)]
    return 0 < len(words) < len(name) and (words == start or _plural_of(words, start))


def _same(remedy: str, line: IngredientLine) -> bool:
    """Whether the remedy's name is the ingredient's name (then its spelling is shown)."""
    return compact(remedy) == compact(line.name)


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
