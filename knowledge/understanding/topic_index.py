"""The topic index: every name and alias of every condition and ingredient, built once at load.

A message's words are joined into short windows ("vitamin b 6" -> "vitaminb6") and looked up
exactly, by spelling and by stem; windows holding a word the index and the dictionary do not
know are also looked up with typo tolerance (knowledge.understanding.typo_index). Nothing scans the vocabulary
per message, so the cost of a message does not grow with the number of topics.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import compress
from typing import Literal, cast

from knowledge.base.models import KnowledgeBase
from knowledge.understanding.lay_names import everyday_names
from knowledge.understanding.lexicon import LayNames
from knowledge.understanding.normalise import Token, stem, texts_of, words
from knowledge.understanding.typo_index import Candidates, DeletionIndex, allowed_edits

Kind = Literal["condition", "ingredient", "concern"]
_SHORT = 2
_MIN_PREFIX = 3
_MIN_PART = 4  # letters of a one-word part ("cramps")
_PAIR_REACH = 3
_ACRONYM = re.compile(
    r"\b[A-Z]{2,5}\b"
)  # words between the two words of a name said apart ("cramps at night")


@dataclass(frozen=True, slots=True)
class Mention:
    """A topic found in a message, at token span [start, end), `distance` edits away."""

    slug: str
    kind: Kind
    start: int
    end: int
    distance: int


@dataclass(frozen=True, slots=True)
class Found:
    mentions: tuple[Mention, ...]
    near_misses: tuple[str, ...]


class TopicIndex:
    def __init__(
        self,
        kb: KnowledgeBase,
        never_fuzzy: frozenset[str],
        stopwords: frozenset[str],
        not_alone: frozenset[str] = frozenset(),
        same_as: Mapping[str, str] | None = None,
        lay: LayNames | None = None,
        other_languages: Sequence[tuple[str, Kind, tuple[str, ...]]] = (),
        languages: Mapping[str, tuple[frozenset[str], Iterable[str]]] = {},
    ):
        self._exact: dict[str, list[tuple[str, Kind]]] = {}
        self._first: set[str] = set()
        self._vocabulary: set[str] = set()
        self.max_window = 1
        topics: list[tuple[str, Kind, tuple[str, ...]]] = [
            (c.slug, "condition", (c.name, *c.aliases)) for c in kb.conditions.values()
        ]
        topics += [(i.slug, "ingredient", (i.name, *i.aliases)) for i in kb.ingredients.values()]
        topics += [(c.slug, "concern", c.concerns) for c in kb.conditions.values() if c.concerns]
        # Everyday names ("feeling sick" for Nausea) and the names of a condition's types
        # ("Sciatica" of Back pain) come after the real ones: found whole, never by parts.
        real = len(topics)
        if lay is not None:
            kinds = [
                (c.slug, "condition", tuple(e.name for e in c.types if e.name))
                for c in kb.conditions.values()
            ]
            named = [t for t in topics if t[1] != "concern"]
            topics += [
                (slug, cast(Kind, kind), names) for slug, kind, names in everyday_names(named, lay, kinds)
            ]
        # Names in the other languages ("magnesio", "дергается глаз"), found whole like these.
        english = len(topics)
        topics += other_languages
        # Keys only another language spells: a word cut short of one ("magnes" of "magnesio")
        # is a near miss, as it is of the English name, never an answer.
        self._other_only: set[str] = set()
        for n, (slug, kind, names) in enumerate(topics):
            for alias in names:
                tokens = words(alias)
                stems = [stem(t) for t in tokens]
                for key in ("".join(tokens), "".join(stems)):
                    refs = self._exact.setdefault(key, [])
                    if n >= english and not refs:
                        self._other_only.add(key)
                    elif n < english:
                        self._other_only.discard(key)
                    if (slug, kind) not in refs:
                        refs.append((slug, kind))
                self._first.update((tokens[0], stems[0]))
                self._vocabulary.update(tokens)
                self.max_window = max(self.max_window, len(tokens) + 1)
        # Per language: its common words, and the names written in it. A common word of the
        # message's language names a topic only if that language names it so: German "als"
        # ("than") is not ALS, "mag" ("likes") not magnesium.
        self._languages = {
            lang: (common, {k for n in names for k in _keys_of(n)})
            for lang, (common, names) in languages.items()
        }
        self._fuzzy = DeletionIndex(self._exact, slack=1)
        self._keys = self._fuzzy.keys  # every exact key, sorted
        # Every beginning of a key ("m", "ma", ..., "magnesium"): whether a word or a window
        # of words could still become a name is one set lookup (a few thousand strings), not
        # a binary search comparing strings.
        self._prefixes = frozenset(k[:i] for k in self._keys for i in range(len(k) + 1))
        self._never_fuzzy = never_fuzzy
        self._stopwords = stopwords
        self._parts = _Parts(
            topics, never_fuzzy, stopwords, stopwords | not_alone, self._exact, same_as or {}, real
        )

    @property
    def size(self) -> int:
        return len(self._exact)

    def find(self, tokens: list[Token], lang: str | None = None) -> Found:
        found = self._find(tokens)
        if lang not in self._languages or not found.mentions:
            return found
        common, names = self._languages[lang]
        texts, _ = texts_of(tokens)
        # An acronym in capitals is the acronym in any language: "Angst vor ALS".
        capitals = set(_ACRONYM.findall(getattr(tokens, "source", "")))
        kept = tuple(
            m
            for m in found.mentions
            if not all(w in common for w in texts[m.start : m.end])
            or not names.isdisjoint(_keys_of(" ".join(texts[m.start : m.end])))
            or (m.end - m.start == 1 and texts[m.start].upper() in capitals)
        )
        return found if len(kept) == len(found.mentions) else Found(kept, found.near_misses)

    def _find(self, tokens: list[Token]) -> Found:
        candidates: list[Mention] = []
        near: list[tuple[int, str]] = []
        n = len(tokens)
        # Decide once per distinct word (a token's stem follows from its text), mostly with set
        # algebra in C, then visit only the positions that need work: a long message repeats
        # most of its words, and most of its words start no name.
        texts, distinct = texts_of(tokens)
        words = distinct.keys()
        first = self._first
        maybe = (words & first) | {w for w, t in distinct.items() if len(w) <= _SHORT or t.stem in first}
        prefixes = self._prefixes
        starts = {w for w in maybe if w in prefixes or distinct[w].stem in prefixes}
        if starts:
            self._exact_matches(tokens, compress(range(n), map(starts.__contains__, texts)), candidates)
        # Worth a typo-tolerant look: not an alias word, not an everyday word, not a number.
        unknown = {
            w for w in words - self._vocabulary - self._never_fuzzy if len(w) > _SHORT and not w.isdigit()
        }
        if unknown:
            # A word that may be part of a name: an alias word, an unknown word or a short one.
            joinable_words = (
                (words & self._vocabulary) | {w for w in words if len(w) <= _SHORT + 1} | unknown
            ) - self._stopwords
            joinable = list(map(joinable_words.__contains__, texts))
            memo = _Memo()
            for i in compress(range(n), map(unknown.__contains__, texts)):
                self._fuzzy_around(texts, joinable, i, candidates, near, memo)
        mentions = _best_non_overlapping(candidates)
        if self._parts.keys:
            mentions = self._parts.find(tokens, mentions, near)
        found = {m.slug for m in mentions}
        suggestions = [s for _, s in sorted(near) if s not in found]
        return Found(tuple(mentions), tuple(dict.fromkeys(suggestions)))

    def complete(self, text: str, limit: int = 5) -> tuple[str, ...]:
        """Topics whose name or alias starts with `text` ("magnes"), for inline results
        while the user types; shortest names first."""
        key = "".join(words(text))
        if len(key) < _MIN_PREFIX:
            return ()
        at = bisect_left(self._keys, key)
        found: list[tuple[int, str]] = []
        while at < len(self._keys) and self._keys[at].startswith(key) and len(found) < limit * 4:
            found += [
                (len(self._keys[at]), slug) for slug, kind in self._exact[self._keys[at]] if kind != "concern"
            ]
            at += 1
        return tuple(dict.fromkeys(slug for _, slug in sorted(found)))[:limit]

    def _exact_matches(self, tokens: list[Token], starts: Iterable[int], out: list[Mention]) -> None:
        """Names spelt exactly (by word or by stem) in the windows starting at `starts`."""
        exact, width, n = self._exact, self.max_window, len(tokens)
        opens: dict[str, bool] = {}  # "i", "a", "my", "i have": a message repeats its windows
        begins = self._prefixes.__contains__
        for i in starts:
            token = tokens[i]
            raw, st = token.text, token.stem
            raw_open = opens.get(raw)
            if raw_open is None:
                raw_open = opens[raw] = begins(raw)
            st_open = opens.get(st)
            if st_open is None:
                st_open = opens[st] = begins(st)
            end = i + 1
            while True:
                if raw_open and raw in exact:
                    out += [Mention(slug, kind, i, end, 0) for slug, kind in exact[raw]]
                if st_open and st in exact:
                    out += [Mention(slug, kind, i, end, 0) for slug, kind in exact[st]]
                if end == n or end - i == width:
                    break
                # Join the next word while some key still begins with the window: short words
                # start many windows, and almost all of them stop at the second word.
                token = tokens[end]
                end += 1
                if raw_open:
                    raw += token.text
                    raw_open = opens.get(raw)
                    if raw_open is None:
                        raw_open = opens[raw] = begins(raw)
                if st_open:
                    st += token.stem
                    st_open = opens.get(st)
                    if st_open is None:
                        st_open = opens[st] = begins(st)
                if not (raw_open or st_open):
                    break

    def _fuzzy_around(
        self,
        texts: list[str],
        joinable: list[bool],
        u: int,
        out: list[Mention],
        near: list[tuple[int, str]],
        memo: _Memo,
    ) -> None:
        """Windows of joinable words around the unknown word at `u`, looked up with typos."""
        n, width = len(texts), self.max_window
        lo = u
        while lo > 0 and u - lo + 1 < width and joinable[lo - 1]:
            lo -= 1
        hi = u + 1
        while hi < n and hi - lo < width and joinable[hi]:
            hi += 1
        too_long = self._fuzzy.max_query_len
        windows, heads, exact = memo.windows, memo.heads, self._exact
        for start in range(lo, u + 1):
            window = "".join(texts[start:u])
            for end in range(u + 1, min(hi, start + width) + 1):
                window += texts[end - 1]
                if len(window) > too_long:
                    break  # longer windows from this start are further still from every key
                found = windows.get(window)
                if found is None:
                    found = windows[window] = self._fuzzy.lookup(window, heads)
                for key, distance in found:
                    whole_words = end - start == 1 or distance < min(len(texts[start]), len(texts[end - 1]))
                    if not whole_words:
                        continue
                    cut_short = key in self._other_only and key.startswith(window)
                    for slug, kind in exact[key]:
                        if distance <= allowed_edits(key) and not cut_short:
                            out.append(Mention(slug, kind, start, end, distance))
                        else:
                            near.append((start, slug))
        text = texts[u]
        completions = memo.completions.get(text)
        if completions is None:
            completions = memo.completions[text] = self._fuzzy.completions(text)
        for key in completions:
            near += [(u, slug) for slug, _ in exact[key]]


def _keys_of(name: str) -> set[str]:
    """How the index keys a name: its words joined, and their stems joined."""
    tokens = words(name)
    return {"".join(tokens), "".join(stem(t) for t in tokens)}


class _Memo:
    """What one message has already looked up: its words and windows repeat."""

    __slots__ = ("completions", "heads", "windows")

    def __init__(self) -> None:
        self.windows: dict[str, list[tuple[str, int]]] = {}
        self.heads: dict[str, Candidates] = {}
        self.completions: dict[str, list[str]] = {}


def _best_non_overlapping(candidates: list[Mention]) -> list[Mention]:
    """Closest spelling first, then the longest name, then the earliest."""
    chosen: list[Mention] = []
    taken: set[int] = set()
    for m in sorted(candidates, key=lambda m: (m.distance, -(m.end - m.start), m.start)):
        span = set(range(m.start, m.end))
        if span & taken:
            continue
        chosen.append(m)
        taken |= span
    return sorted(chosen, key=lambda m: m.start)


class _Parts:
    """Parts of longer names: "restless legs" of "Restless Legs Syndrome", "omega 3" of
    "omega-3 fatty acids", "cramps" of "Muscle Cramps". A part of several names is a
    did-you-mean. A one-word part counts only when the message names nothing else, and only if
    it is a rare word or the last word of a condition's name: "legs" alone is no topic."""

    def __init__(
        self,
        topics: list[tuple[str, Kind, tuple[str, ...]]],
        common: frozenset[str],
        stopwords: frozenset[str],
        not_alone: frozenset[str],
        exact: dict[str, list[tuple[str, Kind]]],
        same_as: Mapping[str, str],
        real: int,
    ) -> None:
        self.keys: dict[str, set[tuple[str, Kind]]] = {}
        # The word an ingredient's name is of, when the rest only says its form: "valerian" of
        # "Valerian root", "peppermint" of "Peppermint oil". It names the ingredient even when
        # it is an everyday word, and even with other words around it ("is valerian safe").
        self.heads: set[str] = set()
        # Two words of a condition's name, in any order and said either way ("night cramps",
        # "back ache" for "Back pain"), by `same_as` (word stem -> the list it is in).
        self.pairs: dict[tuple[str, str], set[tuple[str, Kind]]] = {}
        self.same_as = same_as
        self.not_alone = not_alone
        self.common = common
        self.longest = 0
        for n, (slug, kind, names) in enumerate(topics):
            if kind == "concern" or n >= real:
                continue  # an everyday name counts whole: its parts are too often everyday words
            for name in names:
                tokens = [stem(t) for t in words(name)]
                if kind == "condition":
                    self._add_pairs(tokens, stopwords, (slug, kind))
                # The head of the name's first phrase, and its last word: "cramps" of "Leg cramps
                # at night", "syndrome" of "Dry eye syndrome" (which not_alone then drops).
                heads = (next((k for k, t in enumerate(tokens) if t in stopwords), len(tokens)), len(tokens))
                for i in range(len(tokens)):
                    for j in range(i + 1, len(tokens) + 1):
                        part = tokens[i:j]
                        if len(part) == len(tokens) or all(w in not_alone for w in part):
                            continue
                        head = kind == "ingredient" and i == 0 and all(w in not_alone for w in tokens[j:])
                        if len(part) == 1:
                            word = part[0]
                            last = kind == "condition" and j in heads and name is names[0]
                            if len(word) < _MIN_PART or not (last or head or word not in common):
                                continue
                            if head:
                                self.heads.add(word)
                        key = " ".join(part)
                        if "".join(part) in exact:
                            continue  # a whole name of its own: the exact index finds it
                        self.keys.setdefault(key, set()).add((slug, kind))
                        self.longest = max(self.longest, len(part))
        # The words a part starts with, each with its longest part's length, and the words of
        # the pairs: most words of a message start no part and are in no pair, and are passed
        # over with one lookup instead of a joined key per length tried.
        self._starting: dict[str, int] = {}
        for key in self.keys:
            part = key.split(" ")
            self._starting[part[0]] = max(self._starting.get(part[0], 0), len(part))
        self._pair_words = frozenset(w for pair in self.pairs for w in pair)

    def _add_pairs(self, tokens: list[str], stopwords: frozenset[str], ref: tuple[str, Kind]) -> None:
        """Every two words of a condition's name, said either way: a pair needs a word that
        says which condition, unless the name is just those two words ("dry eye", "back
        pain": "my eyes feel so dry", "my back is in pain")."""
        same_as = self.same_as
        kept = sorted({same_as.get(t, t) for t in tokens if t not in stopwords})
        weak = {same_as.get(t, t) for t in tokens if t in self.not_alone and t not in same_as}
        for a in range(len(kept)):
            for b in range(a + 1, len(kept)):
                if len(kept) == 2 or not {kept[a], kept[b]} <= weak:
                    self.pairs.setdefault((kept[a], kept[b]), set()).add(ref)

    def find(
        self, tokens: list[Token], mentions: list[Mention], near: list[tuple[int, str]]
    ) -> list[Mention]:
        """`mentions`, with the parts found in the words they leave; ambiguous parts go to
        `near`."""
        taken = {i for m in mentions for i in range(m.start, m.end)}
        stems = [t.stem for t in tokens]
        found: list[Mention] = []
        alone = self._alone(tokens)
        starting = self._starting
        i, n = 0, len(tokens)
        while i < n:
            longest = starting.get(stems[i])
            if longest is None:  # no part starts with this word
                i += 1
                continue
            for size in range(min(longest, n - i), 0, -1):
                if size == 1 and (mentions or found) and stems[i] not in self.heads:
                    continue  # a one-word part is weak: only when nothing else is named
                span = range(i, i + size)
                if any(k in taken for k in span):
                    continue
                refs = self.keys.get(" ".join(stems[i : i + size]))
                if not refs:
                    continue
                if len(refs) == 1 and (size > 1 or alone(i) or stems[i] in self.heads):
                    slug, kind = next(iter(refs))
                    found.append(Mention(slug, kind, i, i + size, 1))
                else:
                    near += [(i, slug) for slug, _ in sorted(refs)]
                i += size - 1
                break
            i += 1
        if not found and not mentions and self.pairs:
            found = self._pairs(stems, near)
        if not found:
            return mentions
        return sorted([*mentions, *found], key=lambda m: m.start)

    def _alone(self, tokens: list[Token]) -> Callable[[int], bool]:
        """Whether a one-word part at a position is what the message is about: a rare word
        ("sciatica"), or an everyday one ("cramps", "cold") with only small words and words of
        where or when around it ("what helps cramps at night"). "cold weather again" or "sick
        of waiting" only suggest the topic."""
        not_alone, common = self.not_alone, self.common
        said: list[int] | None = None  # worked out when a common word needs it (few messages)

        def alone(at: int) -> bool:
            nonlocal said
            if tokens[at].text not in common:
                return True
            if said is None:
                said = [k for k, t in enumerate(tokens) if t.text not in not_alone][:2]
            return said in ([], [at])

        return alone

    def _pairs(self, stems: list[str], near: list[tuple[int, str]]) -> list[Mention]:
        """Two words of a condition's name within a few words of each other, when nothing
        else is named: unique, an answer; shared by several names, a did-you-mean."""
        canon = [self.same_as.get(t, t) for t in stems]
        words = self._pair_words
        for i, a in enumerate(canon):
            if a not in words:
                continue
            for j in range(i + 1, min(i + _PAIR_REACH + 1, len(canon))):
                b = canon[j]
                if b not in words:
                    continue
                refs = self.pairs.get((a, b) if a < b else (b, a))
                if not refs:
                    continue
                if len(refs) == 1:
                    slug, kind = next(iter(refs))
                    return [Mention(slug, kind, i, j + 1, 1)]
                near += [(i, slug) for slug, _ in sorted(refs)]
        return []
