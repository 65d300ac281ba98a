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
    fold = _endings(stemming)
    if not stemming.prefixes:
        return fold
    prefixes, least = stemming.prefixes, stemming.min_stem

    @lru_cache(maxsize=65536)
    def unprefixed(word: str) -> str:
        for prefix in prefixes:
            if word.startswith(prefix) and len(word) - len(prefix) >= least:
                folded = fold(word[len(prefix) :])
                if len(folded) >= least:
                    return folded
        return fold(word)

    return unprefixed


def _endings(stemming: Stemming) -> Fold:
    if stemming.stemmer:
        try:
            algorithm = snowballstemmer.stemmer(stemming.stemmer)
        except KeyError as exc:
            known = ", ".join(snowballstemmer.algorithms())
            raise LexiconError(f"unknown stemmer {stemming.stemmer!r}; Snowball has: {known}") from exc
        least = stemming.min_stem

        @lru_cache(maxsize=65536)
        def snowball(word: str) -> str:
            # a stem shorter than min_stem keeps the word whole: Turkish "birden" (suddenly)
            # would otherwise be "bir" (one), and "ense" (nape) would be "en" (most)
            folded: str = algorithm.stemWord(word)
            return folded if len(folded) >= least else word

        return snowball
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
