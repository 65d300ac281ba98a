"""Public slugs and the compact keys used to compare names."""

from __future__ import annotations

import re
import unicodedata

_PAREN = re.compile(r"\([^)]*\)")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_COMBINING = re.compile(
    r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
    # Arabic short vowels and other marks, and the tatweel that stretches a word: people write
    # them or not, in the same word ("مَغْنِيسِيوم" is "مغنيسيوم").
    r"\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06ed]"
)
# Letters written one way or the other in the same word: Arabic alef with hamza or madda and
# bare alef, alef maqsura and ya, ta marbuta and ha ("رفة" / "رفه"); Turkish dotless i, which
# phones without a Turkish keyboard type as "i" ("nasıl" / "nasil").
_SAME_LETTER = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ı": "i"})


def fold(text: str) -> str:
    """Lowercase and strip accents, so "Crème" and "creme" compare equal."""
    if text.isascii():
        return text.lower()
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text.casefold())).translate(_SAME_LETTER)


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
