"""Word endings per language: the stem a message word and a vocabulary phrase are compared
by. English keeps the light stemmer of normalise.py; another language names a Snowball stemmer
or lists the suffixes to strip (its [stemming] table in concepts/<lang>.toml)."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import snowballstemmer

from knowledge.understanding.lexicon import LexiconError
from knowledge.understanding.normalise import stem
from knowledge.understanding.vocabulary import Stemming

Fold = Callable[[str], str]


def folder(stemming: Stemming) -> Fold:
    """The stem function of a language's [stemming] table; the English stemmer by default."""
    if stemming.stemmer:
        try:
            algorithm = snowballstemmer.stemmer(stemming.stemmer)
        except KeyError as exc:
            known = ", ".join(snowballstemmer.algorithms())
            raise LexiconError(f"unknown stemmer {stemming.stemmer!r}; Snowball has: {known}") from exc
        return lru_cache(maxsize=65536)(algorithm.stemWord)
    if stemming.suffixes:
        suffixes = tuple(sorted(stemming.suffixes, key=len, reverse=True))
        least = stemming.min_stem

        @lru_cache(maxsize=65536)
        def strip(word: str) -> str:
            for suffix in suffixes:
                if word.endswith(suffix) and len(word) - len(suffix) >= least:
                    return word[: -len(suffix)]
            return word

        return strip
    return stem
