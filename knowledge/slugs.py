"""Public slugs and the compact keys used to compare names."""

from __future__ import annotations

import re
import unicodedata

_PAREN = re.compile(r"\([^)]*\)")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Lowercase and strip accents, so "Crème" and "creme" compare equal."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def slugify(name: str) -> str:
    """`GABA (gamma aminobutyric acid)` -> `gaba`; `Vitamin B6` -> `vitamin-b6`."""
    return _NON_ALNUM.sub("-", fold(_PAREN.sub(" ", name))).strip("-")


def compact(name: str) -> str:
    """A spacing- and punctuation-free key: `L-theanine`, `l theanine` -> `ltheanine`."""
    return _NON_ALNUM.sub("", fold(name))


def split_parenthesised(name: str) -> tuple[str, list[str]]:
    """`GABA (gamma aminobutyric acid)` -> (`GABA`, [`gamma aminobutyric acid`])."""
    inner = [m.strip() for m in re.findall(r"\(([^)]*)\)", name) if m.strip()]
    return " ".join(_PAREN.sub(" ", name).split()), inner
