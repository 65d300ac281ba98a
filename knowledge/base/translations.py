"""Translations of articles and of ingredients' safety facts, checked against their originals.

A translation of an article sits beside it with the same file name and a language suffix
(`twitching.es.txt` beside `twitching.txt`). It is parsed with the same parser, using its
language's header lines (knowledge/lexicon/headings.toml), and must say what the original
says: the same sections, the same number of items in each, in the same order, each with the
same numbers (a dose or "B6" is never lost or changed), and one ingredient line for each of the
original's. Anything else is a load error that names the line. The overlay records who
translated each one and whether a clinician has reviewed it; `python -m knowledge check` lists
those not reviewed.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from knowledge.base.article import ENGLISH, NAMED_BULLETS, Headings, IngredientLine, NamedItem, ParsedArticle
from knowledge.base.errors import KnowledgeError, Problem
from knowledge.base.models import Safety, SafetyTranslation

HEADINGS_FILE = Path(__file__).parents[1] / "lexicon" / "headings.toml"
# `name.<lang>.txt`: a language code of two or three lowercase letters before the suffix.
_TRANSLATION = re.compile(r"^(?P<stem>.+)\.(?P<lang>[a-z]{2,3})\.txt$")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


class _LanguageHeadings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    synopsis: str
    remedies: str
    ingredients: str
    types: str
    causes: str
    severity: str
    doctor: str
    also_called: tuple[str, ...] = ()


@cache
def language_headings(path: Path = HEADINGS_FILE) -> dict[str, Headings]:
    """Each translation language's header lines, by language code."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
        parsed = {lang: _LanguageHeadings.model_validate(body) for lang, body in raw.items()}
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, ValidationError) as exc:
        raise KnowledgeError([Problem(path, None, f"cannot read the article headings: {exc}")]) from exc
    return {
        lang: Headings(
            lang=lang,
            bullets={k: getattr(h, k) for k in ENGLISH.bullets},
            synopsis=h.synopsis,
            remedies=h.remedies,
            ingredients=h.ingredients,
            also_called=h.also_called,
        )
        for lang, h in parsed.items()
    }


def translation_of(path: Path) -> tuple[str, str] | None:
    """(the original's file name, the language) when `path` is named as a translation."""
    match = _TRANSLATION.match(path.name)
    if match is None:
        return None
    return f"{match['stem']}.txt", match["lang"]


@dataclass(frozen=True)
class Mismatch:
    line: int | None
    message: str


def numbers(text: str) -> list[str]:
    """The numbers a text states, in order, written the same way ("2,5" is "2.5")."""
    return sorted(n.replace(",", ".") for n in _NUMBER.findall(text))


def structure_mismatches(original: ParsedArticle, translation: ParsedArticle) -> Iterator[Mismatch]:
    """Where a translation does not say what its original says, each with the translation's line."""
    for key, items in original.bullets.items():
        found = translation.bullets.get(key, [])
        if len(found) != len(items):
            line = found[-1].line if found else None
            yield Mismatch(line, f"section {key!r} has {len(found)} items; the original has {len(items)}")
            continue
        for ours, theirs in zip(found, items, strict=True):
            if key in NAMED_BULLETS and not ours.name:
                yield Mismatch(ours.line, "expected an item as 'Name: description', as in the original")
            yield from _same_numbers(
                ours.line, f"{ours.name} {ours.description}", f"{theirs.name} {theirs.description}"
            )
    miscount = _miscount("remedies", translation.remedies, original.remedies)
    if miscount is not None:
        yield miscount
    else:
        for ours, theirs in zip(translation.remedies, original.remedies, strict=True):
            yield from _same_numbers(
                ours.line, f"{ours.name} {ours.description}", f"{theirs.name} {theirs.description}"
            )
    miscount = _miscount("ingredients", translation.ingredients, original.ingredients)
    if miscount is not None:
        yield miscount
    else:
        for line_ours, line_theirs in zip(translation.ingredients, original.ingredients, strict=True):
            yield from _same_numbers(line_ours.line, line_ours.name, line_theirs.name)


def _miscount(
    kind: str, ours: Sequence[NamedItem | IngredientLine], theirs: Sequence[object]
) -> Mismatch | None:
    """A translation's list of `kind` that is not as long as the original's, at its last item."""
    if len(ours) == len(theirs):
        return None
    return Mismatch(ours[-1].line if ours else None, f"{len(ours)} {kind}; the original has {len(theirs)}")


def _same_numbers(line: int, ours: str, theirs: str) -> Iterator[Mismatch]:
    if numbers(ours) != numbers(theirs):
        yield Mismatch(
            line,
            f"states the numbers {numbers(ours) or 'none'}; the original states {numbers(theirs) or 'none'}",
        )


def safety_mismatches(original: Safety | None, translation: SafetyTranslation | None) -> list[str]:
    """How a translation of safety facts differs from the facts: each fact translated, no more,
    and the same numbers in each."""
    if translation is None:
        return []
    if original is None:
        return ["translates safety facts the ingredient does not have"]
    problems: list[str] = []
    if bool(original.upper_limit) != bool(translation.upper_limit):
        problems.append("upper_limit: translate the upper limit exactly when there is one")
    elif (
        original.upper_limit
        and translation.upper_limit
        and numbers(original.upper_limit) != numbers(translation.upper_limit)
    ):
        problems.append(
            f"upper_limit states {numbers(translation.upper_limit)}; "
            f"the original states {numbers(original.upper_limit)}"
        )
    for field in ("cautions", "ask_first"):
        ours: Sequence[str] = getattr(translation, field)
        theirs: Sequence[str] = getattr(original, field)
        if len(ours) != len(theirs):
            problems.append(f"{field}: {len(ours)} entries; the original has {len(theirs)}")
            continue
        for n, (a, b) in enumerate(zip(ours, theirs, strict=True), start=1):
            if numbers(a) != numbers(b):
                problems.append(f"{field} {n} states {numbers(a)}; the original states {numbers(b)}")
    return problems
