"""Message normalisation: what the matcher sees of any text a person can type.

Case, accents, punctuation, HTML, markdown, emoji and spacing are dropped; hyphens become word
breaks (the index also joins neighbouring words, so "l theanine", "l-theanine" and "ltheanine"
meet); word forms fold to one stem (twitch, twitches, twitching, twitchy -> "twitch").
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from knowledge.slugs import fold

_TAG = re.compile(r"<[^>\n]{0,200}>")
# Apostrophes inside words join them: "can't" -> "cant", "I'm" -> "im".
_APOSTROPHE = re.compile(r"(?<=\w)['’‘`´](?=\w)")
_WORD = re.compile(r"[^\W_]+")
# "5weeks" -> "5 weeks", but "b6", "b12" and "p5p" stay whole.
_NUMBER_THEN_WORD = re.compile(r"(?<=\d)(?=[^\W\d_]{3,})")
# Control, format (zero-width, bidi) and soft-hyphen characters break words apart.
_INVISIBLE = re.compile(r"[\x00-\x1f\x7f-\x9f\xad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")
MAX_INPUT_CHARS = 8192

_SUFFIXES = (("ness", ""), ("ies", "i"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""))
_KEEP_S = ("ss", "us", "is")
_MIN_STEM = 3


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a message: its normalised form and its stem."""

    text: str
    stem: str


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light English stemmer: the same stem for a word's common forms, nothing clever."""
    if len(word) <= _MIN_STEM or not word.isalpha():
        return word
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) + len(replacement) >= _MIN_STEM:
            if suffix == "s" and word.endswith(_KEEP_S):
                continue
            word = word[: len(word) - len(suffix)] + replacement
            break
    if len(word) > _MIN_STEM and word[-1] in "eyi":
        word = word[:-1]
    return word


def clean(text: str) -> str:
    """Plain, folded text: no tags, entities, zero-width or control characters."""
    text = text[:MAX_INPUT_CHARS]
    text = html.unescape(_TAG.sub(" ", text))
    text = unicodedata.normalize("NFKC", text)
    text = _INVISIBLE.sub(" ", text)
    return fold(_APOSTROPHE.sub("", text))


def words(text: str) -> list[str]:
    """The normalised words of a text, in order."""
    return _WORD.findall(_NUMBER_THEN_WORD.sub(" ", clean(text)))


def tokenize(text: str) -> list[Token]:
    return [Token(w, stem(w)) for w in words(text)]
