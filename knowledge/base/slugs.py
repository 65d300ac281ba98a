"""Public slugs and the compact keys used to compare names."""

from __future__ import annotations

import re
import unicodedata

_PAREN = re.compile(r"\([^)]*\)")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
# Latin accents, and Arabic short vowels, hamza and madda marks and tatweel: "أريد" and "اريد"
# are one word, as "crème" and "creme" are.
_COMBINING = re.compile(
    r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u0640\u064b-\u065f\u0670]"
)


def fold(text: str) -> str:
    """Lowercase and strip accents, so "Crème" and "creme" compare equal."""
    if text.isascii():
        return text.lower()
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text.casefold()))


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


_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_SLUG = 200  # bounds what stored context may hold


def is_slug(text: str) -> bool:
    """What slugify can produce (and button data and stored context may carry)."""
    return len(text) <= MAX_SLUG and _SLUG.fullmatch(text) is not None
