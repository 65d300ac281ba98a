"""Parser for one condition article in the plain-text format of the seed.

    Twitching                          <- title
    Synopsis of Twitching              <- then the synopsis paragraph(s)
    Types:                             <- bullet sections: a lone "-" line and the item on the
    -                                     next line, or "- item" on one line
    Benign fasciculations: Common ...  <- type items are "Name: description"
    Common Causes: / Severity Causes: / When to See a Doctor:
    Natural remedies for Twitching     <- then "Name: description" lines
    Ingredients                        <- one sentence, then one ingredient per line

The parser stops at the first problem and names its line; it never guesses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from knowledge.base.errors import ArticleError
from knowledge.base.files import MAX_SECTION_ITEMS
from knowledge.base.slugs import fold, split_parenthesised
from knowledge.sections import SECTIONS as SECTION_TABLE

_LIST_SPLIT = re.compile(r"\s*(?:,|\bor\b)\s*")
# A line that looks like a header: words and a colon, nothing after it.
_HEADERISH = re.compile(r"^[A-Za-z][A-Za-z '&/-]{1,40}:$")
# The same in any script, for translations ("Причины:", "الأسباب:").
_HEADERISH_ANY = re.compile(r"^[^\W\d_][\w '&/-]{1,40}\s?:$")
_MIN_INTRO_WORDS = 5


def header_key(line: str) -> str:
    """How header lines compare: folded, spaces collapsed, no space before a colon."""
    return " ".join(fold(line).split()).replace(" :", ":")


@dataclass(frozen=True)
class Headings:
    """The header lines of an article in one language: English from knowledge.sections, the
    others from knowledge/lexicon/headings.toml (knowledge.base.translations)."""

    lang: str
    bullets: dict[str, str]  # each bullet section's header line, by section key
    synopsis: str  # prefix before the title
    remedies: str  # prefix before the title
    ingredients: str
    also_called: tuple[str, ...]
    headerish: re.Pattern[str] = _HEADERISH_ANY

    @cached_property
    def bullet_keys(self) -> dict[str, str]:
        return {header_key(h): k for k, h in self.bullets.items()}

    @cached_property
    def names(self) -> dict[str, str]:
        return {
            **self.bullets,
            "remedies": f"{self.remedies}<title>",
            "ingredients": self.ingredients,
        }

    @cached_property
    def also_called_pattern(self) -> re.Pattern[str]:
        """ "(also called fasciculations)" in a synopsis names an alias of the condition."""
        words = "|".join(r"\s+".join(map(re.escape, w.split())) for w in self.also_called)
        return re.compile(rf"\((?:{words})\s+([^)]+)\)", re.IGNORECASE)


ENGLISH = Headings(
    lang="en",
    bullets={s.key: s.header for s in SECTION_TABLE if s.header},
    synopsis="Synopsis of ",
    remedies="Natural remedies for ",
    ingredients="Ingredients",
    also_called=("also called", "also known as", "aka", "a.k.a.", "a k a"),
    headerish=_HEADERISH,
)
NAMED_BULLETS = frozenset(s.key for s in SECTION_TABLE if s.header and s.named)
REQUIRED = (
    *(s.key for s in SECTION_TABLE if s.header and s.required),
    "remedies",
    "ingredients",
)
HEADER_NAMES = ENGLISH.names


@dataclass(frozen=True)
class NamedItem:
    name: str
    description: str
    line: int


@dataclass(frozen=True)
class IngredientLine:
    name: str
    aliases: tuple[str, ...]
    line: int


@dataclass
class ParsedArticle:
    title: str
    synopsis: str = ""
    aliases: list[str] = field(default_factory=list)
    # Each bullet section by key; items of named sections ("types") are NamedItems.
    bullets: dict[str, list[NamedItem]] = field(default_factory=dict)
    remedies: list[NamedItem] = field(default_factory=list)
    ingredients: list[IngredientLine] = field(default_factory=list)
    ingredients_intro: str = ""


def parse_article(text: str, headings: Headings = ENGLISH) -> ParsedArticle:
    """Parse one article written with `headings` (a translation's are its language's); raise
    ArticleError naming the line of the first problem."""
    lines = [(n, raw.strip()) for n, raw in enumerate(text.splitlines(), start=1)]
    content = [(n, s) for n, s in lines if s]
    if not content:
        raise ArticleError(1, "the file is empty")
    title_line, title = content[0]
    if title.endswith(":") or header_key(title).startswith(header_key(headings.synopsis)):
        raise ArticleError(title_line, f"expected the title on the first line, found {title!r}")
    article = ParsedArticle(title=title)
    _Parser(article, content[1:], title_line, headings).run()
    return article


class _Parser:
    def __init__(
        self, article: ParsedArticle, lines: list[tuple[int, str]], title_line: int, headings: Headings
    ):
        self.headings = headings
        self.article = article
        self.lines = lines
        self.title_line = title_line
        self.seen: dict[str, int] = {}

    def run(self) -> None:
        self._parsers = {
            "synopsis": self._parse_synopsis,
            "remedies": self._parse_remedies,
            "ingredients": self._parse_ingredients,
        }
        blocks = self._split_blocks()
        if not blocks or blocks[0][0] != "synopsis":
            line = self.lines[0][0] if self.lines else self.title_line
            raise ArticleError(line, f"expected '{self._synopsis_line()}' after the title")
        for kind, header_line, body in blocks:
            if not body:
                raise ArticleError(header_line, f"the section {self._label(kind)!r} is empty")
            parse = self._parsers.get(kind, self._parse_bullets)
            parse(kind, body)
        missing = [self.headings.names[k] for k in REQUIRED if k not in self.seen]
        if missing:
            last = self.lines[-1][0] if self.lines else self.title_line
            raise ArticleError(last, "missing section(s): " + ", ".join(missing))

    def _synopsis_line(self) -> str:
        return f"{self.headings.synopsis}{self.article.title}"

    def _label(self, kind: str) -> str:
        return "Synopsis" if kind == "synopsis" else self.headings.names[kind]

    def _header_kind(self, n: int, line: str) -> str | None:
        headings = self.headings
        folded = header_key(line)
        if folded in headings.bullet_keys:
            return headings.bullet_keys[folded]
        if folded == header_key(headings.ingredients):
            return "ingredients"
        for prefix, kind in ((headings.synopsis, "synopsis"), (headings.remedies, "remedies")):
            key = header_key(prefix)
            if folded.startswith(key):
                if folded[len(key) :].strip() != header_key(self.article.title):
                    named = line[len(prefix.rstrip()) :].strip(" :")
                    raise ArticleError(
                        n, f"{line!r} names {named!r}, but the title is {self.article.title!r}"
                    )
                return kind
        if headings.headerish.match(line):
            raise ArticleError(n, f"unknown section header {line!r}")
        return None

    def _split_blocks(self) -> list[tuple[str, int, list[tuple[int, str]]]]:
        blocks: list[tuple[str, int, list[tuple[int, str]]]] = []
        for n, line in self.lines:
            # A bullet's item can never be a header, so "-" then "Types:" is still a header.
            kind = self._header_kind(n, line) if not self._inside_free_text(blocks) else None
            if kind is None:
                if not blocks:
                    raise ArticleError(n, f"expected '{self._synopsis_line()}'")
                blocks[-1][2].append((n, line))
                continue
            if kind in self.seen:
                raise ArticleError(
                    n, f"the section {self._label(kind)!r} appears twice (first on line {self.seen[kind]})"
                )
            self.seen[kind] = n
            blocks.append((kind, n, []))
        return blocks

    def _inside_free_text(self, blocks: list[tuple[str, int, list[tuple[int, str]]]]) -> bool:
        """The line after the Ingredients header is a free sentence, never a header."""
        return bool(blocks) and blocks[-1][0] == "ingredients" and not blocks[-1][2]

    def _parse_synopsis(self, _kind: str, body: list[tuple[int, str]]) -> None:
        self.article.synopsis = " ".join(s for _, s in body)
        for match in self.headings.also_called_pattern.finditer(self.article.synopsis):
            self.article.aliases.extend(a for a in _LIST_SPLIT.split(match.group(1)) if a)

    def _parse_bullets(self, kind: str, body: list[tuple[int, str]]) -> None:
        items: list[tuple[int, str]] = []
        pending: int | None = None
        for n, line in body:
            if line == "-":
                if pending is not None:
                    raise ArticleError(pending, "a bullet '-' with no item after it")
                pending = n
            elif pending is not None:
                items.append((n, line))
                pending = None
            elif line.startswith("- "):
                items.append((n, line[2:].strip()))
            else:
                raise ArticleError(
                    n,
                    f"cannot parse {line!r} in {self._label(kind)!r}: "
                    "expected a bullet ('-' then the item, or '- item')",
                )
        if pending is not None:
            raise ArticleError(pending, "a bullet '-' with no item after it")
        _within_limit(kind, items, self._label(kind))
        if kind in NAMED_BULLETS:
            self.article.bullets[kind] = [_named(n, s, "an item") for n, s in items]
        else:
            self.article.bullets[kind] = [NamedItem("", s, n) for n, s in items]

    def _parse_remedies(self, kind: str, body: list[tuple[int, str]]) -> None:
        _within_limit(kind, body, self._label(kind))
        self.article.remedies = [_named(n, s, "a remedy") for n, s in body]

    def _parse_ingredients(self, _kind: str, body: list[tuple[int, str]]) -> None:
        intro_line, intro = body[0]
        bare_intro, _ = split_parenthesised(intro)
        if len(bare_intro.split()) < _MIN_INTRO_WORDS:
            raise ArticleError(
                intro_line,
                f"expected one introductory sentence after {self.headings.ingredients!r}, found {intro!r}",
            )
        self.article.ingredients_intro = intro
        if len(body) == 1:
            raise ArticleError(intro_line, "the section 'Ingredients' lists no ingredient")
        _within_limit("ingredients", body[1:], self.headings.ingredients)
        for n, line in body[1:]:
            if line.startswith("-") or ":" in line:
                raise ArticleError(n, f"cannot parse {line!r}: expected one ingredient name")
            name, inner = split_parenthesised(line)
            # "omega-3 fatty acids (EPA, DHA)": each synonym on its own.
            aliases = [a.strip() for part in inner for a in part.split(",") if a.strip()]
            if not name:
                raise ArticleError(n, f"cannot parse {line!r}: the ingredient has no name")
            self.article.ingredients.append(IngredientLine(name, tuple(aliases), n))


def _within_limit(kind: str, items: list[tuple[int, str]], label: str) -> None:
    """A section longer than any article needs is an error: one answer must stay a few
    messages long, and a runaway file must not turn one question into hundreds."""
    if len(items) > MAX_SECTION_ITEMS:
        raise ArticleError(
            items[MAX_SECTION_ITEMS][0],
            f"the section {label!r} has {len(items)} items; the limit is {MAX_SECTION_ITEMS}",
        )


def _named(n: int, line: str, what: str) -> NamedItem:
    name, sep, description = line.partition(":")
    if not sep or not name.strip() or not description.strip():
        raise ArticleError(n, f"cannot parse {line!r}: expected {what} as 'Name: description'")
    return NamedItem(name.strip(), description.strip(), n)
