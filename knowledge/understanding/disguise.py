"""Disguised words, unmasked before a message is matched: what people (and people testing the
bot) type to hide a word, folded back to the word.

- invisible and format characters (soft hyphen, zero-width joiner, bidi marks) are dropped
  inside a word ("su\\u00adicide") and read as a space between two words ("kill\\u200bmyself");
- Unicode confusables take their Latin skeleton (Unicode TR39, confusables.txt, as
  knowledge/lexicon/lookalikes.txt: Cyrillic "а", Greek "ο", Armenian "օ", Cherokee "Ꭺ", small
  capitals "ᴀ"; full-width and mathematical letters are NFKC's) only where a word would not
  otherwise exist: a word mixing scripts ("wаnt"), a whole look-alike word among more Latin
  words, or a message whose every other word is one. Russian, Ukrainian or Greek text stays;
- digits and symbols for letters (1 i/l, 3 e, 4 a, 0 o, ! i, $ s, @ a) inside a word that has
  letters, when that gives a known word ("k1ll", "su1c1de", "ch3st"); "b12", "p5p" and "5htp"
  give no word, so they stay as they are;
- stars for letters inside a word ("k*ll", "s*icide", "self h*rm"), each star one letter, when
  exactly one known word fits, or exactly one word of the crisis phrases among those that do
  ("k*ll" is kill, not kell; "sh*t" stays: shit, shot and shut fit, none a crisis word);
- letters spaced or dotted one by one ("k i l l  m y s e l f", "s.u.i.c.i.d.e"), when they
  spell known words;
- "2" for "to" between English words ("i want 2 die"; "for 2 weeks" and "seit 2 Wochen" stay);
- a typo in a crisis or emergency phrase ("kil myslf", "end my lfe"): one edit per word, in
  words that are no English word, as long as exactly one red-flag phrase fits.

"Known words" are the common English words (knowledge/lexicon/common_words.txt), the words of
the lexicon's phrases, and the short words listed below. Read from the files directly: the
lexicon's own loader normalises its phrases with this module's callers.
"""

from __future__ import annotations

import itertools
import re
import tomllib
import unicodedata
from collections.abc import Iterable
from functools import cache
from typing import Any, NamedTuple

from rapidfuzz import process
from rapidfuzz.distance import OSA

from knowledge.understanding.lexicon import LEXICON_DIR


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words under three letters (common_words.txt starts at three).
_SHORT = _words(
    "a i am an as at be by do go he hi if in is it me my no of oh ok on or so to up us we ya im id ur u"
)
# Look-alike letters and their Latin skeleton, derived from Unicode TR39's confusables.txt by
# bench/confusables.py (Cyrillic "а", Greek "ο", Armenian "օ", Cherokee "Ꭺ", small capitals...).
LOOKALIKES_FILE = LEXICON_DIR / "lookalikes.txt"
# At least this many whole look-alike words, all of them English once folded, make a message
# English in disguise ("ɪ ᴡᴀɴᴛ ᴛᴏ ᴅɪᴇ"); one word alone may be a word of its own script.
_MIN_DISGUISED_WORDS = 2
# Characters that show nothing: soft hyphen, zero-width space/joiners, word joiner, bidi marks
# and isolates, the grapheme joiner, variation selectors, the BOM.
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufe00-\ufe0f\ufeff]+"
)
# Digits and symbols for letters; "1" and "|" are i or l.
_LEET: dict[str, tuple[str, ...]] = {
    "1": ("i", "l"),
    "!": ("i", "l"),
    "|": ("l", "i"),
    "3": ("e",),
    "4": ("a",),
    "@": ("a",),
    "0": ("o",),
    "$": ("s",),
}
# A run of these characters with a letter in it; the lookahead passes over the runs of letters
# alone (most words of a long message), which _unleet would give back as they are.
_LEET_WORD = re.compile(r"(?<![\w$@!|])(?=[A-Za-z]*[0-9$@!|])[A-Za-z0-9$@!|]*[A-Za-z][A-Za-z0-9$@!|]*")
# A digit or symbol beside a letter: every run _LEET_WORD takes holds one (it holds both).
# Found from the digit or symbol: a pattern opening with a letter stops at every letter.
_LEET_BESIDE = re.compile(r"[0-9$@!|](?:(?<=[A-Za-z].)|(?=[A-Za-z]))")
_MAX_VARIANTS = 32
# Letters one by one: a letter, then two or more more, each after one space, dot, hyphen,
# underscore or star (two spaces end a word: "k i l l  m y s e l f").
_SPACED = re.compile(r"(?<![^\W\d_])[^\W\d_](?:(?:[.\-_*]\s?| )[^\W\d_]){2,}(?![^\W\d_])")
# Two letters alone one after the other ("k i"), found from the separator between them: each
# run _SPACED takes opens so, and a message with none (most long ones) is not tried at every
# character for a run.
_TWO_LETTERS = re.compile(r"[.\-_* ](?<=(?<![^\W\d_])[^\W\d_][.\-_* ])\s?[^\W\d_](?![^\W\d_])")
_SEPARATORS = re.compile(r"[\s.\-_*]")
# "2" between two words stands for "to", unless it counts something ("2 weeks", "2 or 3").
# The letter before is looked behind after " 2" is found: opening with the look-behind, the
# pattern was tried at every character of a message (0.1 ms on a 4 KB story, for none).
_TWO = re.compile(r"( )2(?<=[A-Za-z] 2)(?= ([A-Za-z]+))")
_COUNTED = _words(
    "day week month year hour minute min time pill tablet capsule cup glass dose mg kg lb yr "
    "yo hr wk mo ml extra more less other of or and"
)
# Words after which "2" counts something ("took 2 extra caps", "my 2 yr old").
_COUNTING = _words(
    "and or took take taking takes ate eat had have has my the a about for every only like "
    "than at of with after before last next first another those these"
)
# A number with a unit ("4am", "10k", "41f", "3yo"): no digit in it stands for a letter.
_NUMBER_UNIT = re.compile(r"\d+[A-Za-z]{1,2}|\d{2,}[A-Za-z]+")
_WORD = re.compile(r"[^\W\d_]+")
_PHRASE_WORD = re.compile(r"[a-z]+")
_FAST_PATH = re.compile(r"[0-9$@!|]|(?<![^\W\d_])[^\W\d_][ .\-_*]\s?[^\W\d_](?![^\W\d_])")
# Stars for letters, as people mask the words a platform filters ("k*ll", "s*icide"; documented
# by md-online.pl and matyaskoszegi.com, "s*****e"): a word that starts and ends with a letter
# and has stars inside.
_MASKED = re.compile(r"(?<![\w*])[A-Za-z]+(?:\*+[A-Za-z]+)+(?![\w*])")
_MIN_MASKED_LETTERS = 2  # letters shown: "k*ll" has three, "d*e" two
_TYPO_LEVELS = ("crisis", "emergency")
_MIN_TYPO_WORD = 3
_MAX_TYPOS = 2  # in one phrase: "kil myslf"


def unmask(text: str) -> str:
    """`text` with disguised words folded back (see the module's docstring)."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
        if _INVISIBLE.search(text):
            text = _INVISIBLE.sub(_invisible_split, _join_invisible(text))
        if not _lookalikes().letters.isdisjoint(text):
            text = _confusables(text)
    if "*" in text:
        text = _MASKED.sub(_unstar, text)
    if text.isascii() and _FAST_PATH.search(text):
        text = _unleet_words(text)
        if _TWO_LETTERS.search(text):
            text = _SPACED.sub(_unspace, text)
        text = _TWO.sub(_two, text)
    return _repair_typos(text)


# ---- known words ----------------------------------------------------------------------------


@cache
def known_words() -> frozenset[str]:
    common = (LEXICON_DIR / "common_words.txt").read_text(encoding="utf-8").splitlines()
    words = {w.strip() for w in common if w.strip() and not w.startswith("#")}
    for name in ("triage.toml", "language.toml", "lay_names.toml"):
        raw = (LEXICON_DIR / name).read_text(encoding="utf-8")
        words.update(w for w in _PHRASE_WORD.findall(_strings(tomllib.loads(raw)).lower()) if len(w) > 2)
    return frozenset(words | _SHORT)


def _strings(data: object) -> str:
    """Every string in a TOML document, space-separated."""
    if isinstance(data, str):
        return data
    if isinstance(data, dict):
        return " ".join(_strings(v) for v in data.values())
    if isinstance(data, list):
        return " ".join(_strings(v) for v in data)
    return ""


def _known(word: str) -> bool:
    return word.lower() in known_words()


# ---- invisible characters -------------------------------------------------------------------


def _join_invisible(text: str) -> str:
    """Inside a run of non-space characters, an invisible character joins what it separates
    when that makes a known word, or when its parts are not all words themselves."""
    out = []
    for chunk in re.split(r"(\s+)", text):
        if not _INVISIBLE.search(chunk):
            out.append(chunk)
            continue
        parts = [p for p in _INVISIBLE.split(chunk) if p]
        joined = "".join(parts)
        letters = [w for p in parts for w in _WORD.findall(p)]
        if not _known("".join(_WORD.findall(joined))) and letters and all(_known(w) for w in letters):
            out.append(" ".join(parts))
        else:
            out.append(joined)
    return "".join(out)


def _invisible_split(match: re.Match[str]) -> str:
    return " "


# ---- confusables ----------------------------------------------------------------------------


class _Lookalikes(NamedTuple):
    skeleton: dict[int, str]  # for str.translate
    letters: frozenset[str]


@cache
def _lookalikes() -> _Lookalikes:
    skeleton: dict[int, str] = {}
    for line in LOOKALIKES_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            _, letter, target, _ = line.split("\t")
            skeleton[ord(letter)] = target
    return _Lookalikes(skeleton, frozenset(chr(c) for c in skeleton))


@cache
def _script(char: str) -> str:
    """The script of a letter, as the first word of its Unicode name ("LATIN", "CYRILLIC")."""
    return unicodedata.name(char, "?").split(" ", 1)[0]


def _confusables(text: str) -> str:
    table = _lookalikes()
    words: list[str] = _WORD.findall(text)
    latin = sum(1 for w in words if w.isascii())
    others = [w for w in words if not w.isascii()]
    skeletons = {w: w.translate(table.skeleton) for w in others if not table.letters.isdisjoint(w)}
    # A message whose every non-ASCII word is a look-alike of an English word is English in
    # disguise; a Russian or Greek sentence has words no Latin letters can spell.
    english = {w for w in others if w in skeletons and skeletons[w].isascii() and _known(skeletons[w])}
    disguised = len(others) >= _MIN_DISGUISED_WORDS and len(english) == len(others)
    # Scripts the message is really written in: one of their words is no look-alike ("Он
    # сказал": "Он" is Russian there, not "Oh").
    written = {_script(c) for w in others if w not in english for c in w}

    def fold(match: re.Match[str]) -> str:
        word = match.group()
        skeleton = skeletons.get(word)
        if skeleton is None or not skeleton.isascii():
            return word
        scripts = {_script(c) for c in word}
        if len(scripts) > 1:
            return skeleton  # scripts mixed in one word: no word of any language
        if not _known(skeleton):
            return word
        if disguised:
            return skeleton  # every word a look-alike of an English one
        # A whole look-alike word among more Latin words; not a Latin letter of its own
        # ("ı" and "æ" are Turkish and Danish letters: "bu bir sır" stays).
        return skeleton if latin > len(others) and not scripts & (written | {"LATIN"}) else word

    return _WORD.sub(fold, text)


# ---- digits and symbols for letters ---------------------------------------------------------


def _unleet_words(text: str) -> str:
    """`_LEET_WORD.sub(_unleet, text)`, cut in the space-separated chunks with a digit or
    symbol beside a letter only (a 4 KB story's "5k" and "b6"), not tried at each character of
    the text: a run holds no space, and a space before a chunk is no word character, as
    nothing before the text's start is."""
    out: list[str] = []
    done = 0
    for found in _LEET_BESIDE.finditer(text):
        at = found.start()
        if at < done:
            continue  # in the chunk just cut
        start = text.rfind(" ", 0, at) + 1
        end = text.find(" ", at)
        end = len(text) if end < 0 else end
        out += [text[done:start], _LEET_WORD.sub(_unleet, text[start:end])]
        done = end
    return "".join([*out, text[done:]]) if out else text


def _unleet(match: re.Match[str]) -> str:
    token = match.group()
    if token.isalpha() or _known(token) or _NUMBER_UNIT.fullmatch(token):
        return token
    core, tail = token.rstrip("!"), ""
    if core != token:
        tail = token[len(core) :]
    if core.isalpha() or not any(c.isalpha() for c in core):
        return token
    choices = [_LEET.get(c, (c,)) for c in core.lower()]
    for variant in itertools.islice(itertools.product(*choices), _MAX_VARIANTS):
        word = "".join(variant)
        if word.isalpha() and _known(word):
            return word + ("" if not tail else " " + tail)
    return token


# ---- stars for letters ----------------------------------------------------------------------


@cache
def _words_of_length(length: int) -> tuple[str, ...]:
    return tuple(w for w in known_words() if len(w) == length and w.isalpha())


def _unstar(match: re.Match[str]) -> str:
    token = match.group()
    if sum(c.isalpha() for c in token) < _MIN_MASKED_LETTERS:
        return token
    pattern = re.compile("".join("[a-z]" if c == "*" else re.escape(c) for c in token.lower()))
    fits = [w for w in _words_of_length(len(token)) if pattern.fullmatch(w)]
    if len(fits) > 1:
        fits = [w for w in fits if w in _crisis_words()]
    return fits[0] if len(fits) == 1 else token


@cache
def _crisis_words() -> frozenset[str]:
    """The words of triage.toml's crisis phrases: the words a platform filters and people mask."""
    flags = _flags().values()
    phrases = (p for flag in flags if flag.get("level") == "crisis" for p in flag.get("phrases", ()))
    return frozenset(w for p in phrases for w in _PHRASE_WORD.findall(p.lower()))


@cache
def _flags() -> dict[str, Any]:
    """triage.toml's red flags, read once for the masked words and the typos."""
    flags: dict[str, Any] = tomllib.loads((LEXICON_DIR / "triage.toml").read_text(encoding="utf-8")).get(
        "flags", {}
    )
    return flags


# ---- letters one by one ---------------------------------------------------------------------


def _unspace(match: re.Match[str]) -> str:
    run = match.group()
    letters = "".join(_SEPARATORS.split(run)).lower()
    if _known(letters) and len(letters) > 2:
        return letters
    words = _segment(letters)
    return " ".join(words) if words else run


def _segment(letters: str) -> list[str] | None:
    """`letters` as the fewest known words of two letters or more ("i" and "a" aside)."""
    best: list[list[str] | None] = [None] * (len(letters) + 1)
    best[0] = []
    for end in range(1, len(letters) + 1):
        for start in range(max(0, end - 24), end):
            head, word = best[start], letters[start:end]
            if head is None or not _known(word) or (len(word) == 1 and word not in ("i", "a")):
                continue
            if best[end] is None or len(head) + 1 < len(best[end] or ()):
                best[end] = [*head, word]
    return best[-1]


# ---- "2" for "to" ---------------------------------------------------------------------------


def _two(match: re.Match[str]) -> str:
    before = match.string[: match.start()].rsplit(None, 1)[-1].lower()
    after = match.group(2).lower()
    plural = after.endswith("s") and _known(after[:-1])
    # "2" for "to" is English: between words of another language it is a number ("seit 2
    # Wochen", "hace 2 semanas"), whose duration the other language's red flags read.
    if plural or after in _COUNTED or before in _COUNTING or not (_known(before) and _known(after)):
        return match.group()
    return " to"


# ---- a typo in a crisis or emergency phrase -------------------------------------------------


@cache
def _phrases() -> tuple[tuple[tuple[str, ...], ...], frozenset[tuple[str, ...]], frozenset[str]]:
    """Every plain phrase of the red flags (no "=", "<num>", "{group}" or "..."), the crisis and
    emergency ones among them, and their words, which a typo may stand for."""
    phrases: set[tuple[str, ...]] = set()
    urgent: set[tuple[str, ...]] = set()
    for flag in _flags().values():
        for raw in flag.get("phrases", ()):
            if any(mark in raw for mark in ("=", "<", "{", "...")):
                continue
            words = tuple(_PHRASE_WORD.findall(raw.lower()))
            if len(words) < 2:
                continue
            phrases.add(words)
            if flag.get("level") in _TYPO_LEVELS:
                urgent.add(words)
    typo_words = frozenset(w for p in urgent for w in p if len(w) >= _MIN_TYPO_WORD)
    return tuple(sorted(phrases)), frozenset(urgent), typo_words


@cache
def _typo_words_by_length() -> dict[int, tuple[str, ...]]:
    """The words a typo may stand for (`_phrases`), by the length of a word one edit from
    them (`_by_length`)."""
    return _by_length(_phrases()[2])


@cache
def _places() -> tuple[dict[int, tuple[str, ...]], dict[str, tuple[tuple[tuple[str, ...], int], ...]]]:
    """Every word of the red-flag phrases, by the length of a word one edit from them
    (`_by_length`), and the phrases each is in with its place there: a typed word can only
    fit a phrase where the phrase's word is one edit from it (or is it)."""
    places: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    for phrase in _phrases()[0]:
        for k, word in enumerate(phrase):
            places.setdefault(word, []).append((phrase, k))
    return _by_length(places), {word: tuple(found) for word, found in places.items()}


def _by_length(words: Iterable[str]) -> dict[int, tuple[str, ...]]:
    """For each length, the words one edit from a word of that length may be: those one
    letter shorter, as long, and one letter longer (in that order), gathered once, not per
    typed word."""
    by_length: dict[int, list[str]] = {}
    for word in sorted(words):
        by_length.setdefault(len(word), []).append(word)
    lengths = {length + n for length in by_length for n in (-1, 0, 1)}
    return {length: tuple(w for n in (-1, 0, 1) for w in by_length.get(length + n, ())) for length in lengths}


def _near(word: str, by_length: dict[int, tuple[str, ...]]) -> list[str]:
    """The words of `by_length` (`_by_length`) at most one edit (OSA) from `word`: only words
    one letter shorter or longer at most can be, scanned by rapidfuzz in C."""
    candidates = by_length.get(len(word), ())
    if not candidates:
        return []
    found = process.extract(word, candidates, scorer=OSA.distance, score_cutoff=1, limit=None)
    return [w for w, _, _ in found]


def _repair_typos(text: str) -> str:
    lowered = text.lower()
    known = known_words()
    # Most messages have no word that is not a known word of three letters or more: told
    # with set algebra in C, before any word's place in the text is worked out.
    strange = {w for w in set(_PHRASE_WORD.findall(lowered)) - known if len(w) >= _MIN_TYPO_WORD}
    if not strange:
        return text
    # Only a word one edit from a crisis or emergency word can be such a typo (once a Python
    # loop over all 500 of them and then over all 900 phrases at each place: 1.5 ms a message
    # in another language). Each distinct word is tried once, and the message's words are
    # placed only when one of them is (a long story's misspellings seldom are).
    typo_words = _typo_words_by_length()
    near = {w for w in strange if _near(w, typo_words)}
    if not near:
        return text
    typed = [(m.start(), m.end(), m.group()) for m in _PHRASE_WORD.finditer(lowered)]  # lower already
    unknown = [i for i, (_, _, w) in enumerate(typed) if w in near]
    _, urgent, _ = _phrases()
    phrase_words, places = _places()
    fixes: dict[int, str] = {}
    for i in unknown:
        word = typed[i][2]
        fits = {
            (start, phrase)
            for near in _near(word, phrase_words)
            for phrase, k in places[near]
            if (start := i - k) >= 0 and _fits(typed, start, phrase)
        }
        if len({phrase for _, phrase in fits}) != 1:
            continue  # no phrase, or more than one: the typo stays a typo
        start, phrase = next(iter(fits))
        if phrase not in urgent:
            continue
        for offset, pw in enumerate(phrase):
            if typed[start + offset][2] != pw:
                fixes[start + offset] = pw
    if not fixes:
        return text
    out, last = [], 0
    for i, word in sorted(fixes.items()):
        begin, end, _ = typed[i]
        out += [text[last:begin], word]
        last = end
    return "".join([*out, text[last:]])


def _fits(typed: list[tuple[int, int, str]], start: int, phrase: tuple[str, ...]) -> bool:
    """The typed words from `start` are `phrase`, each exact or (a word that is no English
    word, three letters or more) one edit away, with one or two such typos."""
    if start + len(phrase) > len(typed):
        return False
    typos = 0
    for (_, _, word), pw in zip(typed[start : start + len(phrase)], phrase, strict=False):
        if word == pw:
            continue
        if len(word) < _MIN_TYPO_WORD or _known(word) or OSA.distance(word, pw, score_cutoff=1) > 1:
            return False
        typos += 1
    return 0 < typos <= _MAX_TYPOS
