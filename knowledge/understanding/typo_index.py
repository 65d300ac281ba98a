"""Typo-tolerant lookup that does not scan the vocabulary per query.

A symmetric-deletion index (the SymSpell idea): every key is stored under the strings left by
deleting up to `depth` characters from its first PREFIX characters. A query generates its own
deletions and looks them up, so the candidates come from dictionary hits, whatever the size of
the vocabulary. rapidfuzz then measures the real edit distance (OSA: a swap of two neighbouring
letters is one edit) of the few candidates in one C call.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import combinations, compress

from rapidfuzz import process
from rapidfuzz.distance import OSA

PREFIX = 7
MAX_DEPTH = 2
_MIN_FUZZY_LEN = 4
_LONG = 8
_join = "".join
_SIGNATURE_SPAN = MAX_DEPTH + 4
_MAX_SIGNATURES = 20_000  # of 26**4: sparse enough to reject most heads
# A head's candidates: the keys' lengths in ascending order, and the keys' ids in that order.
Candidates = tuple[list[int], list[int]]
_NONE: Candidates = ([], [])


def allowed_edits(key: str) -> int:
    """One edit for short names, two for long ones; none at all for very short ones."""
    if len(key) < _MIN_FUZZY_LEN:
        return 0
    return 1 if len(key) < _LONG else 2


def _deletions(word: str, depth: int) -> set[str]:
    """The head and every string left by deleting up to `depth` of its characters (never down
    to the empty string). itertools.combinations builds them in C: about 3x faster than
    deleting one character at a time, and these sets are most of a long message's cost."""
    head = word[:PREFIX]
    out = {head}
    for size in range(len(head) - 1, max(len(head) - depth, 1) - 1, -1):
        out.update(map(_join, combinations(head, size)))
    return out


def _signatures(keys: Iterable[str]) -> frozenset[str] | None:
    """Every 4-character subsequence of the keys' first _SIGNATURE_SPAN characters, or None
    when they are too many to turn anything away.

    A quick test that a head has no candidate at all. A head of 6 or more characters shares
    with each of its candidates a subsequence of all but at most MAX_DEPTH of its characters,
    whose first four lie in the first MAX_DEPTH + 4 characters of both. On a vocabulary of a
    few thousand words most heads fail it, for half the cost of generating their deletions.
    """
    found: set[str] = set()
    for key in keys:
        found.update(map(_join, combinations(key[:_SIGNATURE_SPAN], 4)))
        if len(found) > _MAX_SIGNATURES:
            return None
    return frozenset(found)


def _compact(table: dict[str, list[int]]) -> dict[str, int | tuple[int, ...]]:
    """A bucket of one key (half of them) as the bare index, the others as tuples: a quarter
    less memory than lists, 8 MB at 10,000 topics."""
    return {v: ids[0] if len(ids) == 1 else tuple(ids) for v, ids in table.items()}


def _digits(word: str) -> str:
    return "".join(ch for ch in word if ch.isdigit())


class DeletionIndex:
    """Keys within `allowed_edits(key)` edits of a query, found by hashing.

    `slack` widens short keys' budget by that many edits (never past MAX_DEPTH), so that a
    caller can offer near misses as suggestions; it tells them apart by the distance.
    """

    def __init__(self, keys: Iterable[str], slack: int = 0) -> None:
        self.keys: list[str] = sorted(set(keys))
        self.slack = slack
        self._budget = [self.budget(k) for k in self.keys]
        self._key_digits = [_digits(k) for k in self.keys]
        self._lengths = [len(k) for k in self.keys]
        # Numbers never fuzz, so keys with digits and keys without live in separate tables: a
        # query only ever meets keys with the same digits, and most queries have none.
        plain: dict[str, list[int]] = {}
        numbered: dict[str, list[int]] = {}
        fuzzy_plain: list[str] = []
        fuzzy_numbered: list[str] = []
        for i, key in enumerate(self.keys):
            depth = self._budget[i]
            if depth:
                table, fuzzy = (numbered, fuzzy_numbered) if self._key_digits[i] else (plain, fuzzy_plain)
                fuzzy.append(key)
                for variant in _deletions(key, depth):
                    table.setdefault(variant, []).append(i)
        # A query longer than this is more than MAX_DEPTH edits from every key.
        self.max_query_len = max(map(len, fuzzy_plain + fuzzy_numbered), default=0) + MAX_DEPTH
        self._signatures_plain = _signatures(fuzzy_plain)
        self._signatures_numbered = _signatures(fuzzy_numbered)
        self._plain, self._numbered = _compact(plain), _compact(numbered)

    def budget(self, key: str) -> int:
        return min(allowed_edits(key) + self.slack, MAX_DEPTH) if allowed_edits(key) else 0

    def __len__(self) -> int:
        return len(self.keys)

    def lookup(self, query: str, heads: dict[str, Candidates] | None = None) -> list[tuple[str, int]]:
        """(key, distance) pairs within each key's budget (plus slack), best first.

        Numbers never fuzz: "b12" is not "b6", "vitamin c" is not "vitamin b6". `heads` is a
        caller's memo: the candidates depend only on the query's first PREFIX characters, which
        the windows of one message often share.
        """
        size = len(query)
        if size < _MIN_FUZZY_LEN or size > self.max_query_len:
            return []
        digits = _digits(query) if not query.isalpha() else ""
        head = query[:PREFIX]
        memo_key = f"{head}|{digits}"
        candidates = heads.get(memo_key) if heads is not None else None
        if candidates is None:
            candidates = self._candidates(head, digits)
            if heads is not None:
                heads[memo_key] = candidates
        # Within MAX_DEPTH edits means within MAX_DEPTH characters of the query's length: a
        # slice of the candidates in order of length, found by bisection.
        lengths, ordered = candidates
        ids = ordered[bisect_left(lengths, size - MAX_DEPTH) : bisect_right(lengths, size + MAX_DEPTH)]
        if not ids:
            return []
        keys = self.keys
        hits = process.extract(
            query, [keys[i] for i in ids], scorer=OSA.distance, score_cutoff=MAX_DEPTH, limit=None
        )
        budget = self._budget
        limit = size // 3 + 1
        found = [(key, int(dist)) for key, dist, at in hits if dist <= budget[ids[at]] and dist <= limit]
        return sorted(found, key=lambda kd: (kd[1], kd[0]))

    def _candidates(self, head: str, digits: str) -> Candidates:
        """Keys sharing a deletion with `head` (and its digits), in order of length, with their
        lengths. Sorted and filtered in C: a typo's head shares deletions with hundreds of
        keys, and a loop in Python filing each by length was most of a typo's lookup."""
        table = self._numbered if digits else self._plain
        signatures = self._signatures_numbered if digits else self._signatures_plain
        if (
            signatures is not None
            and len(head) >= _SIGNATURE_SPAN
            and signatures.isdisjoint(map(_join, combinations(head[:_SIGNATURE_SPAN], 4)))
        ):
            return _NONE
        # One C-level set intersection instead of a dictionary probe per deletion.
        shared = table.keys() & _deletions(head, MAX_DEPTH)
        if not shared:
            return _NONE
        ids: set[int] = set()
        for variant in shared:
            bucket = table[variant]
            if isinstance(bucket, int):
                ids.add(bucket)
            else:
                ids.update(bucket)
        found = list(ids)
        if digits:  # the plain table holds only keys without digits
            found = list(compress(found, map(digits.__eq__, map(self._key_digits.__getitem__, found))))
        found.sort(key=self._lengths.__getitem__)
        return list(map(self._lengths.__getitem__, found)), found

    def completions(self, prefix: str, limit: int = 3) -> list[str]:
        """Keys that start with `prefix` ("ashwa" -> "ashwagandha"), by binary search."""
        if len(prefix) < _MIN_FUZZY_LEN:
            return []
        out: list[str] = []
        keys = self.keys
        # Walk from the insertion point; slicing the list would copy all the keys after it.
        for at in range(bisect_left(keys, prefix), len(keys)):
            key = keys[at]
            if not key.startswith(prefix) or len(out) == limit:
                break
            if key != prefix:
                out.append(key)
        return out
