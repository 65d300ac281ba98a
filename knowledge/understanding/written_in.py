"""Which language's clinical words a message is read with: the language it is written in.

The detector (knowledge.i18n.detect) tells most messages apart, but a short English message can
score as another language (fastText reads "im suicidal" as German, "im" being a German word),
and one too short to tell takes the conversation's language. Missing an English crisis
message costs more than anything here, so a message in Latin letters with more English words
than words of the language it was given (each language's most frequent words, common_words.txt
and languages/common_words.<lang>.txt) is read as English. A message in another script keeps
its language: no English word is written in it. A word in a script none of the languages
uses (Chinese characters amid English words) is evidence for none, and is not counted. The
other way round (a short foreign message scored as English) is left to the detector: the other
languages' word lists hold many English words ("he", "is"), so counting them would take English
messages away from English.
"""

from __future__ import annotations

import unicodedata

from knowledge.understanding.lexicon import Lexicon
from knowledge.understanding.normalise import words

ENGLISH = "en"


class WrittenIn:
    def __init__(self, lexicon: Lexicon) -> None:
        self._english = lexicon.english_words
        self._common = {lang: pack.common_words for lang, pack in lexicon.languages.items()}

    def language(self, text: str, detected: str | None, fallback: str) -> str:
        """The language to read `text` in: `detected` (else `fallback`), or English when the
        message's words say English more than that language."""
        lang = detected or fallback
        common = self._common.get(lang)
        if lang == ENGLISH or common is None:
            return lang
        found = [w for w in words(text) if not _unsupported(w)]
        latin = [w for w in found if _latin(w)]
        if not latin:
            return lang
        # A word in another script is no English word: it counts for the language given, so a
        # Russian or Arabic message with "B6" in it keeps its language, while one stray Arabic
        # letter before "twitching for 3 months" (fuzz) does not take an English message away.
        # Counted as typed, since one typed sign can unfold into words (the ligature "ﷺ").
        other = sum(1 for t in text.split() if any(c.isalpha() for c in t) and not _latin(t))
        english = sum(w in self._english for w in latin)
        own = sum(w in common for w in latin) + other
        return ENGLISH if english > own else lang


_SCRIPTS = ("LATIN", "CYRILLIC", "ARABIC")  # the scripts of the supported languages


def _unsupported(word: str) -> bool:
    """A word with a letter of a script no supported language is written in."""
    return any(c.isalpha() and not unicodedata.name(c, "").startswith(_SCRIPTS) for c in word)


def _latin(word: str) -> bool:
    return all(c.isascii() or unicodedata.name(c, "").startswith("LATIN") for c in word if c.isalpha())
