"""Learned backstops for crisis and emergency (issue 19, item 6).

The concepts and rules of triage.toml read a danger said in the words they know. People say
it in endless other ways ("I wish I could just disappear", "the bottles of cold medicine I've
just bought", "I tried to wake him and he wouldn't"), and every set of new messages found
dangers no phrase had. Each backstop is a logistic regression over the character 3-5-grams of
a message's words, trained by `python -m tests.support.train_learned` on the tune splits of
the labelled sets of real messages (tests/data: each message with its source page) and stored
with the keys of its training messages in lexicon/learned_<level>.json. A backstop can only
raise a message to its level, never lower one: the reply it brings is that level's advice,
with the crisis lines and emergency numbers of helplines.toml, each with its source.

It reads the words tokenize() gives (disguised words unmasked, lower case), so that the
training script and the engine see one and the same text.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from knowledge.understanding.lexicon import LexiconError

LearnedLevel = Literal["crisis", "emergency"]
LEXICON = Path(__file__).parents[1] / "lexicon"
MIN_N, MAX_N = 3, 5
_SIZES = tuple(range(MIN_N, MAX_N + 1))


def model_path(level: LearnedLevel, directory: Path = LEXICON) -> Path:
    return directory / f"learned_{level}.json"


def grams(words: Iterable[str]) -> dict[str, int]:
    """The character 3-5-grams of each word padded with a space at each end, counted, in the
    order they first occur.

    Each distinct word is cut once and its grams counted as often as it is said: a long
    message says "i", "my" and "the" dozens of times, and cutting every word of a 4 KB story
    was half of its backstops' time. The words are counted in the order they first occur, so
    the grams are too, as when every word is cut in turn (the probabilities sum in this order).
    """
    counts: dict[str, int] = {}
    get = counts.get
    for word, times in Counter(words).items():
        padded = f" {word} "
        # The grams cut in C, by slices made once per length: a 4 KB story has some 250
        # distinct words and 3,000 grams, which a comprehension cut one bytecode loop at a time.
        for gram in map(padded.__getitem__, _cuts(len(padded))):
            counts[gram] = get(gram, 0) + times
    return counts


@cache
def _cuts(size: int) -> tuple[slice, ...]:
    """The slices of grams(): of each size, from each place, in that order."""
    return tuple(slice(i, i + n) for n in _SIZES for i in range(size - n + 1))


class ModelFile(BaseModel):
    """lexicon/learned_<level>.json, as the training script writes it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    level: LearnedLevel
    about: str
    source: str  # the data it was learned from
    threshold: float = Field(gt=0.0, lt=1.0)
    min_words: int = Field(ge=1)  # shorter messages are left to the rules
    # The levels the rules may have read that the backstop may raise from: where they read a
    # red flag and judged it, their sourced judgement stands.
    raises: tuple[Literal["none", "doctor", "emergency"], ...]
    intercept: float
    features: dict[str, tuple[float, float]]  # gram -> (idf, weight)
    trained_on: tuple[str, ...]  # "<set>:<id>" of each training message, all of a tune split
    checks: tuple[tuple[str, float], ...]  # (text, the trainer's probability) for the parity test


@dataclass(frozen=True)
class LearnedModel:
    level: LearnedLevel
    threshold: float
    min_words: int
    raises: frozenset[str]
    intercept: float
    # gram -> complex(idf, weight): the two numbers in one object, read with one memory access
    # where a tuple of two floats took three (a 4 KB story looks up 2,000 grams among 23,000,
    # few of them in the processor's cache: 1.8 -> 1.5 ms a story in the engine).
    features: dict[str, complex]

    def probability(self, words: Iterable[str]) -> float:
        """The model's probability that a message of these words is of its level."""
        return self.probability_of(grams(words))

    def probability_of(self, counts: dict[str, int]) -> float:
        """The same from the message's grams() (worked out once for both backstops): TF-IDF
        with a sublinear term frequency, L2-normalised, as the trainer computes it."""
        dot = norm = 0.0
        log = math.log
        # Each gram's feature looked up in C, in the grams' order (the sums' order).
        for found, count in zip(map(self.features.get, counts), counts.values(), strict=True):
            if found is not None:
                idf = found.real
                value = idf if count == 1 else (1.0 + log(count)) * idf
                norm += value * value
                dot += value * found.imag
        return self.of_sums(dot, norm)

    def of_sums(self, dot: float, norm: float) -> float:
        """The probability from the message's dot product with the weights and its squared
        norm (probability_of's sums)."""
        score = self.intercept + (dot / math.sqrt(norm) if norm else 0.0)
        return 1.0 / (1.0 + math.exp(-score)) if score > -500 else 0.0

    def reads(self, words: list[str]) -> bool:
        """Whether a message is long enough to judge: a few words weigh too much alone ("would
        it make me sleepy"), and the dangers the rules miss are told at length."""
        return len(words) >= self.min_words

    def says(self, counts: dict[str, int]) -> bool:
        """Its level, from the grams() of a message it reads."""
        return self.probability_of(counts) >= self.threshold


class PairScorer:
    """Two backstops' probabilities from one pass over a message's grams: one lookup a gram
    for both (their grams are the same words' and nearly all shared), each model's sums
    worked out in the same order with the same operations as its probability_of, so the
    probabilities are the same to the last bit. A gram only one model has counts nothing in
    the other's sums: its idf and weight there are 0.0, and adding 0.0 changes no sum."""

    def __init__(self, first: LearnedModel, second: LearnedModel) -> None:
        self.models = (first, second)
        grams_of = dict.fromkeys((*first.features, *second.features))
        self._features = {g: (first.features.get(g, 0j), second.features.get(g, 0j)) for g in grams_of}

    def probabilities(self, counts: dict[str, int]) -> tuple[float, float]:
        """Each model's probability_of(counts)."""
        dot0 = norm0 = dot1 = norm1 = 0.0
        log = math.log
        for found, count in zip(map(self._features.get, counts), counts.values(), strict=True):
            if found is not None:
                one, two = found
                if count == 1:
                    value0, value1 = one.real, two.real
                else:
                    scale = 1.0 + log(count)
                    value0, value1 = scale * one.real, scale * two.real
                norm0 += value0 * value0
                dot0 += value0 * one.imag
                norm1 += value1 * value1
                dot1 += value1 * two.imag
        first, second = self.models
        return first.of_sums(dot0, norm0), second.of_sums(dot1, norm1)


def read_model_file(path: Path) -> ModelFile:
    """The model file, validated; a LexiconError naming the file and what is wrong otherwise."""
    try:
        return ModelFile.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, ValidationError) as exc:
        raise LexiconError(f"{path}: {exc}") from exc


@cache
def load_learned(level: LearnedLevel, directory: Path = LEXICON) -> LearnedModel:
    path = model_path(level, directory)
    found = read_model_file(path)
    if found.level != level:
        raise LexiconError(f"{path}: a model of {found.level}, not {level}")
    return LearnedModel(
        found.level,
        found.threshold,
        found.min_words,
        frozenset(found.raises),
        found.intercept,
        {gram: complex(idf, weight) for gram, (idf, weight) in found.features.items()},
    )
