"""A crisis backstop learned from real messages (issue 19, item 6).

The concepts and rules of triage.toml read a crisis said in the words they know. People in
crisis say it in endless other ways ("I wish I could just disappear", "the bottles of cold
medicine I've just bought"), and every set of new messages found crises no phrase had. This is
a logistic regression over the character 3-5-grams of a message's words, trained by
`python -m tests.support.train_crisis_model` on the tune split of the labelled triage corpus
(tests/data/triage: real messages, each with its source page) and stored with its training
item ids in lexicon/crisis_model.json. It can only raise a message to crisis, never lower one:
the reply it brings is the crisis lines of helplines.toml, each with its source.

It reads the words tokenize() gives (disguised words unmasked, lower case), so that the
training script and the engine see one and the same text.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from knowledge.understanding.lexicon import LexiconError

MODEL_PATH = Path(__file__).parents[1] / "lexicon" / "crisis_model.json"
MIN_N, MAX_N = 3, 5


def grams(words: Iterable[str]) -> dict[str, int]:
    """The character 3-5-grams of each word padded with a space at each end, counted."""
    counts: dict[str, int] = {}
    get = counts.get
    for word in words:
        padded = f" {word} "
        size = len(padded)
        for n in range(MIN_N, min(MAX_N, size) + 1):
            for i in range(size - n + 1):
                gram = padded[i : i + n]
                counts[gram] = get(gram, 0) + 1
    return counts


class CrisisModelFile(BaseModel):
    """lexicon/crisis_model.json, as the training script writes it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    about: str
    source: str  # the data it was learned from
    threshold: float = Field(gt=0.0, lt=1.0)
    min_words: int = Field(ge=1)  # shorter messages are left to the rules
    intercept: float
    features: dict[str, tuple[float, float]]  # gram -> (idf, weight)
    trained_on: tuple[str, ...]  # the corpus item ids, all of the tune split
    checks: tuple[tuple[str, float], ...]  # (text, the trainer's probability) for the parity test


@dataclass(frozen=True)
class CrisisModel:
    threshold: float
    min_words: int
    intercept: float
    features: dict[str, tuple[float, float]]

    def probability(self, words: Iterable[str]) -> float:
        """The model's probability that a message of these words is a crisis (TF-IDF with a
        sublinear term frequency, L2-normalised, as the trainer computes it)."""
        dot = norm = 0.0
        features = self.features
        for gram, count in grams(words).items():
            found = features.get(gram)
            if found is not None:
                value = (1.0 + math.log(count)) * found[0]
                norm += value * value
                dot += value * found[1]
        score = self.intercept + (dot / math.sqrt(norm) if norm else 0.0)
        return 1.0 / (1.0 + math.exp(-score)) if score > -500 else 0.0

    def says_crisis(self, words: list[str]) -> bool:
        """A crisis, by a message long enough to judge: a few words weigh too much alone ("the
        pills are huge, is there a powder"), and the crises the rules miss are told at length."""
        return len(words) >= self.min_words and self.probability(words) >= self.threshold


def read_model_file(path: Path = MODEL_PATH) -> CrisisModelFile:
    """The model file, validated; a LexiconError naming the file and what is wrong otherwise."""
    try:
        return CrisisModelFile.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, ValidationError) as exc:
        raise LexiconError(f"{path}: {exc}") from exc


@cache
def load_crisis_model(path: Path = MODEL_PATH) -> CrisisModel:
    found = read_model_file(path)
    return CrisisModel(found.threshold, found.min_words, found.intercept, dict(found.features))
