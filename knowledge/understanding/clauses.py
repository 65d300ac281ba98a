"""Where a message's sentences and clauses begin, as word positions: the scopes of context
triggers and triage rules end there."""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.understanding.normalise import MAX_INPUT_CHARS, words_in

# A sentence ends at . ! ? ; or a line break (a point between digits, "38.5", does not end it);
# a clause also at a comma, a colon, a dash or an ellipsis. Each pattern opens with the
# characters such an end starts with, and checks the point's digits after it: one that opens
# with a look-behind (`(?<!\d)\.|\.(?!\d)|...`, the same ends) is tried at every character of
# the message, and a 4 KB story's two splits took 0.3 ms.
_SENTENCE_END = re.compile(r"[.!?;\n\u3002\u061f\u061b](?:(?<!\.)|(?<!\d\.)|(?!\d))")
_CLAUSE_END = re.compile(
    r"[\s.!?;,:\u2026\u3002\u061f\u061b\u060c]"
    r"(?:(?<=[!?;\n,:\u2026\u3002\u061f\u061b\u060c])|(?<=\.)(?:(?<!\d\.)|(?!\d))|(?<=\s)[-\u2013\u2014]\s)"
)


@dataclass(frozen=True)
class Layout:
    """Each word's sentence and clause number."""

    sentence: tuple[int, ...]
    clause: tuple[int, ...]

    def same(self, scope: str, a: int, b: int) -> bool:
        if scope == "message":
            return True
        if scope == "nearby":  # the same sentence or the one right before or after it
            return abs(self.sentence[a] - self.sentence[b]) <= 1
        units = self.sentence if scope == "sentence" else self.clause
        return units[a] == units[b]

    def ends_clause(self, end: int) -> bool:
        """Whether a stretch of words ending before word `end` ends its clause: nothing of the
        same clause follows it ("my daughter is cutting." but not "is cutting onions")."""
        return not 0 < end < len(self.clause) or self.clause[end] != self.clause[end - 1]


def layout(source: str, count: int, sizes: dict[str, int] | None = None) -> Layout:
    """Each of the `count` words' sentence and clause. `sizes`: the message's Tokens.sizes(),
    when `source` is its text (the pieces' words are counted once for every split)."""
    # Most messages are one clause: nothing to split ("headache"), each word in unit 0. A clause
    # ends wherever a sentence does, so no clause end is no sentence end either.
    if not _CLAUSE_END.search(source, 0, MAX_INPUT_CHARS):
        whole = (0,) * count
        return Layout(whole, whole)
    # Each piece's words are counted once for both splits: a sentence without a comma is a
    # clause too, and a long message has dozens.
    sizes = {} if sizes is None else sizes
    return Layout(
        _numbered(source, count, _SENTENCE_END, sizes), _numbered(source, count, _CLAUSE_END, sizes)
    )


def _numbered(source: str, count: int, ends: re.Pattern[str], sizes: dict[str, int]) -> tuple[int, ...]:
    if count == 0:
        return ()
    out: list[int] = []
    for n, piece in enumerate(ends.split(source[:MAX_INPUT_CHARS])):
        out += [n] * words_in(piece, sizes)
    if len(out) != count:  # a tag or entity spanned pieces: one unit, never a wrong split
        return (0,) * count
    return tuple(out)
