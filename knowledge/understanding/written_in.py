"""Which language's clinical words a message is read with: the language it is written in.

The detector (knowledge.i18n.detect) tells most messages apart, but short messages fool it
both ways: fastText reads "im suicidal" as German ("im" is a German word) and "a fala tá
enrolada" (Portuguese: the speech is slurred) as English; and a message too short to tell takes
the conversation's language. Words missed for a wrong language cost the most here, so the
words themselves have the last say, counted against each language's most frequent words
(common_words.txt, languages/common_words.<lang>.txt):

- a message given another language is read as English when more of its words are English;
- a message given English is read as the language with the most of its words that are not
  English words too, when that is at least two words and more than its English ones (ties go
  to the detector's better score).

On the 791 English messages of the triage corpus no reading leaves English. A message in
another script than Latin keeps its language: no English word is written in it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping

from knowledge.understanding.lexicon import Lexicon
from knowledge.understanding.normalise import words

ENGLISH = "en"
# Words of another language a message given English needs before it is read in that language.
LEAST_OWN = 2

Scores = Callable[[str], Mapping[str, float]]


class WrittenIn:
    def __init__(self, lexicon: Lexicon) -> None:
        self._english = lexicon.english_words
        self._common = {lang: pack.common_words for lang, pack in lexicon.languages.items()}

    def language(self, text: str, detected: str | None, fallback: str, scores: Scores | None = None) -> str:
        """The language to read `text` in: `detected` (else `fallback`), unless the message's
        words say otherwise; `scores`, the detector's score of each language, breaks ties."""
        lang = detected or fallback
        found = words(text)
        if not found or not all(_latin(w) for w in found):
            return lang
        english = sum(w in self._english for w in found)
        if lang != ENGLISH:
            common = self._common.get(lang)
            if common is None:
                return lang
            return ENGLISH if english > sum(w in common for w in found) else lang
        # A word English shares ("ok", "my" in Indonesian's web-frequency list) is no evidence
        # against English: only the language's own words count.
        theirs = [w for w in found if w not in self._english]
        counts = {code: sum(w in common for w in theirs) for code, common in self._common.items()}
        most = max(counts.values(), default=0)
        if most < LEAST_OWN or most <= english:
            return lang
        tied = [code for code, n in counts.items() if n == most]
        if len(tied) > 1 and scores is not None:
            scored = scores(text)
            return max(tied, key=lambda code: scored.get(code, 0.0))
        return tied[0]


def _latin(word: str) -> bool:
    return all(c.isascii() or unicodedata.name(c, "").startswith("LATIN") for c in word if c.isalpha())
