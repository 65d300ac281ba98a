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

from knowledge.base.errors import ArticleError
from knowledge.base.files import MAX_SECTION_ITEMS
from knowledge.base.slugs import split_parenthesised
from knowledge.sections import SECTIONS as SECTION_TABLE

# Bullet sections come from the one table of sections: header line (folded) -> section key.
BULLET_SECTIONS = {s.header.casefold(): s.key for s in SECTION_TABLE if s.header}
NAMED_BULLETS = frozenset(s.key for s in SECTION_TABLE if s.header and s.named)
REMEDIES_PREFIX = "natural remedies for "
INGREDIENTS_HEADER = "ingredients"
SYNOPSIS_PREFIX = "synopsis of "
REQUIRED = (
    *(s.key for s in SECTION_TABLE if s.header and s.required),
    "remedies",
    "ingredients",
)
HEADER_NAMES = {
    **{s.key: s.header for s in SECTION_TABLE if s.header},
    "remedies": "Natural remedies for <title>",
    "ingredients": "Ingredients",
}
# "(also called fasciculations)" in a synopsis names an alias of the condition.
_ALSO_CALLED = re.compile(r"\((?:also\s+(?:called|known\s+as)|a\.?k\.?a\.?)\s+([^)]+)\)", re.IGNORECASE)
_LIST_SPLIT = re.compile(r"\s*(?:,|\bor\b)\s*")
# A line that looks like a header: words and a colon, nothing after it.
_HEADERISH = re.compile(r"^[A-Za-z][A-Za-z '&/-]{1,40}:$")
_MIN_INTRO_WORDS = 5


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


def parse_article(text: str) -> ParsedArticle:
    """Parse one article; raise ArticleError naming the line of the first problem."""
    lines = [(n, raw.strip()) for n, raw in enumerate(text.splitlines(), start=1)]
    content = [(n, s) for n, s in lines if s]
    if not content:
        raise ArticleError(1, "the file is empty")
    title_line, title = content[0]
    if title.endswith(":") or title.casefold().startswith(SYNOPSIS_PREFIX):
        raise ArticleError(title_line, f"expected the title on the first line, found {title!r}")
    article = ParsedArticle(title=title)
    _Parser(article, content[1:], title_line).run()
    return article


class _Parser:
    def __init__(self, article: ParsedArticle, lines: list[tuple[int, str]], title_line: int):
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
            raise ArticleError(line, f"expected 'Synopsis of {self.article.title}' after the title")
        for kind, header_line, body in blocks:
            if not body:
                raise ArticleError(header_line, f"the section {self._label(kind)!r} is empty")
            parse = self._parsers.get(kind, self._parse_bullets)
            parse(kind, body)
        missing = [HEADER_NAMES[k] for k in REQUIRED if k not in self.seen]
        if missing:
            last = self.lines[-1][0] if self.lines else self.title_line
            raise ArticleError(last, "missing section(s): " + ", ".join(missing))

    def _label(self, kind: str) -> str:
        return "Synopsis" if kind == "synopsis" else HEADER_NAMES[kind]

    def _header_kind(self, n: int, line: str) -> str | None:
        folded = line.casefold()
        if folded in BULLET_SECTIONS:
            return BULLET_SECTIONS[folded]
        if folded == INGREDIENTS_HEADER:
            return "ingredients"
        for prefix, kind in ((SYNOPSIS_PREFIX, "synopsis"), (REMEDIES_PREFIX, "remedies")):
            if folded.startswith(prefix):
                named = line[len(prefix) :].strip()
                if named.casefold() != self.article.title.casefold():
                    raise ArticleError(
                        n, f"{line!r} names {named!r}, but the title is {self.article.title!r}"
                    )
                return kind
        if _HEADERISH.match(line):
            raise ArticleError(n, f"unknown section header {line!r}")
        return None

    def _split_blocks(self) -> list[tuple[str, int, list[tuple[int, str]]]]:
        blocks: list[tuple[str, int, list[tuple[int, str]]]] = []
        for n, line in self.lines:
            # A bullet's item can never be a header, so "-" then "Types:" is still a header.
            kind = self._header_kind(n, line) if not self._inside_free_text(blocks) else None
            if kind is None:
                if not blocks:
                    raise ArticleError(n, f"expected 'Synopsis of {self.article.title}'")
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
        for match in _ALSO_CALLED.finditer(self.article.synopsis):
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
                f"expected one introductory sentence after 'Ingredients', found {intro!r}",
            )
        self.article.ingredients_intro = intro
        if len(body) == 1:
            raise ArticleError(intro_line, "the section 'Ingredients' lists no ingredient")
        _within_limit("ingredients", body[1:], "Ingredients")
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
