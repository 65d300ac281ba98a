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

from knowledge.base.slugs import fold
from knowledge.understanding.disguise import unmask
from knowledge.understanding.script_stems import script_stem

# Only real HTML tags are dropped: "< weakness >" or "<weakness>" keep their words, so a red
# flag can never hide inside angle brackets.
_TAG = re.compile(
    r"</?(?:a|abbr|b|blockquote|br|code|del|div|em|font|h[1-6]|hr|i|iframe|img|ins|li|ol|p|pre|s|"
    r"script|span|strike|strong|style|sub|sup|table|td|th|tr|tg-emoji|tg-spoiler|u|ul)"
    r"(?:\s+[^<>\n]{0,200}=[^<>\n]{0,200})?\s*/?>",
    re.IGNORECASE,
)
# Apostrophes inside words join them: "can't" -> "cant", "I'm" -> "im". The apostrophe comes
# first and the lookbehind re-checks it, so the regex engine jumps from apostrophe to
# apostrophe instead of testing a lookbehind at every character (5x faster on long text).
_APOSTROPHE = re.compile(r"['’‘`´](?<=\w['’‘`´])(?=\w)")
# An elided article or preposition before a word comes off, in a phrase and a message alike:
# French and Italian write "l'œil", "d'ashwagandha", "l'occhio", "dell'ashwagandha", which
# joining would make "lœil", "dashwagandha", "locchio": no name or phrase is found in them.
# Only these articles, at a word's start ("aujourd'hui", "can't" keep theirs); they are not
# English words before an apostrophe.
_ELISION = re.compile(
    r"(?<![\w'’‘`´])(?:l|d|dell|dall|nell|sull|all|coll|un|quest|quell)['’](?=[^\W\d_])", re.IGNORECASE
)
# Whether _ELISION has anything to take off, found from the apostrophe: a pattern that opens
# with a look-behind is tried at every character of the text (a 4 KB story: 0.2 ms, once for
# the message and again for each of its clauses), one that opens with the apostrophe only
# where there is one. The same articles, looked behind (one width per look-behind).
_ELIDED = re.compile(
    r"['’](?:(?<=(?<![\w'’‘`´])[ld]['’])|(?<=(?<![\w'’‘`´])un['’])|(?<=(?<![\w'’‘`´])all['’])"
    r"|(?<=(?<![\w'’‘`´])(?:dell|dall|nell|sull|coll)['’])|(?<=(?<![\w'’‘`´])que(?:st|ll)['’]))"
    r"(?=[^\W\d_])",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W_]+")
# "5weeks" -> "5 weeks", "3yo" -> "3 yo", but "b6", "b12", "p5p" and "10x" stay whole. The digit
# is matched and put back (replacement r"\1 "), which the engine finds faster than an empty match.
_NUMBER_THEN_WORD = re.compile(r"(\d)(?=[^\W\d_]{2,})")
# The same two steps for ASCII text, most messages, 3x faster: simpler character classes, and
# words split at every other character by str.translate and str.split instead of a regex.
_ASCII_NUMBER_THEN_WORD = re.compile(r"([0-9])(?=[A-Za-z]{2})")
_ASCII_BREAKS = str.maketrans({c: " " for c in range(128) if not chr(c).isalnum()})
# Control, format (zero-width, bidi) and soft-hyphen characters break words apart.
_INVISIBLE = re.compile(r"[\x00-\x1f\x7f-\x9f\xad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")
MAX_INPUT_CHARS = 8192

_SUFFIXES = (("ation", "at"), ("ness", ""), ("ies", "i"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""))
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
    if not word.isascii():  # Cyrillic and Arabic have stemmers of their own
        other = script_stem(word)
        if other is not None:
            return other
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
    if ("'" in text or "’" in text) and _ELIDED.search(text):
        text = _ELISION.sub("", text)
    return fold(_APOSTROPHE.sub("", text))


# Texting spellings read as the words they stand for, so that every phrase written with "you"
# also meets "u" ("can u overdose" is "can you overdose").
_TEXTING = {"u": "you", "ur": "your", "r": "are", "cuz": "because", "coz": "because", "b4": "before"}


def word_forms(word: str) -> list[str]:
    """words() of one typed word, quick for the common case: a plain ASCII word is itself,
    lower-cased (a long message has hundreds)."""
    if word.isascii() and word.isalpha():
        low = word.lower()
        return [_TEXTING.get(low, low)]
    return words(word)


def words(text: str) -> list[str]:
    """The normalised words of a text, in order."""
    cleaned = clean(text)
    if cleaned.isascii():
        found = _ASCII_NUMBER_THEN_WORD.sub(r"\1 ", cleaned).translate(_ASCII_BREAKS).split()
    else:
        found = _WORD.findall(_NUMBER_THEN_WORD.sub(r"\1 ", cleaned))
    if _TEXTING.keys().isdisjoint(found):
        return found
    return [_TEXTING.get(w, w) for w in found]


class Tokens(list[Token]):
    """tokenize()'s list of tokens, with what every matcher needs of it computed once: `texts`,
    each token's text, and `distinct`, each distinct text's Token. `breaks()` gives the
    positions of tokens that open a new clause. Read-only by convention."""

    __slots__ = ("_breaks", "_sizes", "distinct", "source", "texts")
    texts: list[str]
    distinct: dict[str, Token]
    source: str

    def breaks(self) -> frozenset[int]:
        """Tokens that follow . , ; ! ? or a line break: computed on demand, since only red
        flags need them (to read negation within a clause) and most messages have none."""
        found: frozenset[int] | None = getattr(self, "_breaks", None)
        if found is None:
            found = self._breaks = _clause_breaks(self.source, len(self.texts), self.sizes())
        return found

    def sizes(self) -> dict[str, int]:
        """How many words() each piece of `source` cut so far has, filled by whoever cuts it
        (the clause breaks here, the sentences and clauses of clauses.layout): the pieces of
        a long message are mostly the same for all three, and each is counted once. It lives
        as long as these tokens, one message."""
        found: dict[str, int] | None = getattr(self, "_sizes", None)
        if found is None:
            found = {}
            self._sizes = found
        return found


# What clean() changes in plain ASCII beyond case: tags, entities, and apostrophes (elided
# articles, joined words). A piece without them is counted without cleaning it.
_CLEANED = frozenset("<&'`")


def words_in(piece: str, sizes: dict[str, int]) -> int:
    """len(words(piece)), counted once per piece in `sizes` (Tokens.sizes). A piece of plain
    ASCII with nothing clean() changes but case is cut as words() cuts it, without the chain
    of regexes that cleaning is: a 4 KB story has dozens of sentences and clauses, each
    counted for the three splits of its message (its clauses, sentences and clause breaks)."""
    size = sizes.get(piece)
    if size is None:
        if piece.isascii() and _CLEANED.isdisjoint(piece):
            size = len(_ASCII_NUMBER_THEN_WORD.sub(r"\1 ", piece).translate(_ASCII_BREAKS).split())
        else:
            size = len(words(piece))
        sizes[piece] = size
    return size


# Punctuation that ends a clause; a point between digits ("2.5 mg") does not. Written as
# `(?<!\d)\.|\.(?!\d)|[,;!?\n\u2026]|\s-\s` reads the same, but a pattern that opens with a
# look-behind is tried at every character; this one opens with the characters a clause end can
# start with, which the regex engine skips to (a 4 KB story split 2.5x faster).
_CLAUSE_END = re.compile(r"[\s.,;!?\u2026](?:(?<=[,;!?\n\u2026])|(?<=\.)(?:(?<!\d\.)|(?!\d))|(?<=\s)-\s)")


def _clause_breaks(text: str, count: int, sizes: dict[str, int]) -> frozenset[int]:
    if count < 2 or not _CLAUSE_END.search(text):
        return frozenset()
    breaks: set[int] = set()
    seen = 0
    for clause in _CLAUSE_END.split(text[:MAX_INPUT_CHARS]):
        seen += words_in(clause, sizes)
        breaks.add(seen)
    if seen != count:  # a tag or entity spanned clauses: no breaks, never wrong ones
        return frozenset()
    return frozenset(b for b in breaks if 0 < b < count)


def tokenize(text: str, unmasked: str | None = None) -> Tokens:
    """`text`'s words. `unmasked`: `unmask(text)` when the caller has it already (the engine
    unmasks a message once a turn, for detection and reading alike)."""
    # Disguised words first ("k1ll mys3lf", "s u i c i d e"): knowledge/understanding/disguise.py.
    if unmasked is None or len(text) > MAX_INPUT_CHARS:  # unmask(text) is not of the cut text
        unmasked = unmask(text[:MAX_INPUT_CHARS])
    text = unmasked
    # One Token per distinct word, shared by its repeats: a long message says "I" and "my"
    # dozens of times, and a Token is immutable.
    found = words(text)
    made = {w: Token(w, stem(w)) for w in dict.fromkeys(found)}
    tokens = Tokens(map(made.__getitem__, found))
    tokens.texts, tokens.distinct, tokens.source = found, made, text
    return tokens


def texts_of(tokens: list[Token]) -> tuple[list[str], dict[str, Token]]:
    """Each token's text, and a Token for each distinct text (a token's stem follows from its
    text): tokenize() has them already; any other list is read once here."""
    if isinstance(tokens, Tokens) and len(tokens.texts) == len(tokens):
        return tokens.texts, tokens.distinct
    texts = [t.text for t in tokens]
    return texts, dict(zip(reversed(texts), reversed(tokens), strict=True))
