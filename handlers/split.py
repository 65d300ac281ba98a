"""A reply's layout into messages within a platform's length limit, the same way on every
platform: split only between blocks, or between the lines of a block too big for one message
(a huge line at its words), never inside a styled run. No message holds only a title; the
disclaimer is glued to the line before it, so it always sits on an answer's last message; a
body too long for `most` messages is cut, and the cut is said, never the advice.

A platform brings a Markup: how it writes a line (escaped HTML, WhatsApp's *bold*) and how it
counts length (Telegram counts UTF-16 units).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import NamedTuple, Protocol

from knowledge import Layout
from knowledge import Line as LaidOut

_SEP = "\n\n"
_TITLE_LINES = 2  # a title and its intro
EMPTY = "…"  # a reply with nothing to say still sends something
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\s+")


class Line(NamedTuple):
    """A line as the platform writes it (`markup`), what it shows (`plain`) and its length.
    A named tuple: a reply written anew (advice quoting the person) makes one per line, and
    a frozen dataclass's `__init__` sets each field through `object.__setattr__` in Python,
    where a tuple is made in one call (bench/RESULTS.md, session 7)."""

    markup: str
    plain: str
    size: int


_SIZE: Callable[[Line], int] = attrgetter("size")
_MARKUP: Callable[[Line], str] = attrgetter("markup")


Block = list[Line]
Message = list[Block]


class Markup(Protocol):
    def line(self, line: LaidOut) -> Line:
        """A laid-out line, styled."""

    def plain(self, text: str) -> Line:
        """Unstyled text (a piece of a line cut at its words)."""

    def italic(self, text: str) -> Line:
        """A note of the renderer's own (the body was shortened)."""

    def size(self, text: str) -> int:
        """Length as the platform counts it."""


@dataclass(frozen=True)
class Splitter:
    markup: Markup
    limit: int
    most: int
    shortened: str  # said where a body was cut

    def blocks(self, laid: Layout) -> tuple[list[Block], list[Block], list[Block]]:
        def styled(blocks: Sequence[Sequence[LaidOut]]) -> list[Block]:
            return [[self.markup.line(line) for line in block] for block in blocks]

        return styled(laid.leading), styled(laid.body), styled(laid.closing)

    def messages(self, laid: Layout, disclaimed: bool) -> tuple[str, ...]:
        """The layout as at most `most` messages: one answer never floods a chat."""
        leading, body, closing = self.blocks(laid)
        glue = self._glued if disclaimed else list
        messages = self._pack(glue([*leading, *body, *closing]), self.limit)
        if len(messages) > self.most:
            messages = self._shortened(leading, body, closing, glue)
        return tuple(_join(m) for m in messages)

    def single(self, laid: Layout) -> str:
        """One message: sections that do not fit are left out, but the title, the disclaimer
        and the escalation advice never are."""
        leading, body, closing = self.blocks(laid)
        keep = [*leading, *body[:1], *closing]
        budget = self.limit - sum(_visible(b) + len(_SEP) for b in keep)
        chosen = []
        for block in body[1:]:
            cost = _visible(block) + len(_SEP)
            if cost <= budget:
                chosen.append(block)
                budget -= cost
        return _join(self._pack([*leading, *body[:1], *chosen, *closing], self.limit)[0])

    def _glued(self, blocks: list[Block]) -> list[Block]:
        """The disclaimer (the last block) joined to the line before it, so that no split
        leaves it alone in a message of its own."""
        if len(blocks) < 2 or not blocks[-2]:
            return blocks
        *before, last = blocks[-2]
        (disclaimer,) = blocks[-1]
        joined = Line(
            last.markup + _SEP + disclaimer.markup,
            last.plain + _SEP + disclaimer.plain,
            last.size + len(_SEP) + disclaimer.size,
        )
        return [*blocks[:-2], [*before, joined]]

    def _shortened(
        self,
        leading: list[Block],
        body: list[Block],
        closing: list[Block],
        glue: Callable[[list[Block]], list[Block]],
    ) -> list[Message]:
        """The body cut to what fits in `most` messages beside the advice and disclaimer."""
        lines = [line for block in body for line in block]
        note = self.markup.italic(self.shortened)
        keep = len(lines)
        while keep > 0:
            keep = keep * 3 // 4
            messages = self._pack(glue([*leading, [*lines[:keep], note], *closing]), self.limit)
            if len(messages) <= self.most:
                return messages
        return self._pack(glue([*leading, [note], *closing]), self.limit)[: self.most]

    def _pack(self, blocks: list[Block], limit: int) -> list[Message]:
        """Blocks into messages, each within `limit`. A block that does not fit where a
        message has only just begun (its title) fills that message line by line: no message
        holds only a title."""
        messages: list[Message] = []
        current: Message = []
        size = 0
        for block in blocks:
            budget = limit
            for piece in self._fit_lines(block, budget) if _visible(block) > budget else [block]:
                cost = _visible(piece) + (len(_SEP) if current else 0)
                if current and size + cost > budget and _only_a_title(current):
                    head, piece = _split_at(piece, budget - size - len(_SEP))
                    if head:
                        current.append(head)
                    cost = _visible(piece)
                    messages.append(current)
                    current, size = [], 0
                elif current and size + cost > budget:
                    messages.append(current)
                    current, size = [], 0
                    cost = _visible(piece)
                if piece:
                    current.append(piece)
                    size += cost
        if current:
            messages.append(current)
        return messages or [[[self.markup.plain(EMPTY)]]]

    def _fit_lines(self, block: Block, limit: int) -> list[Block]:
        """Split a block too big for one message at its lines; a huge line at its words."""
        pieces: list[Block] = []
        current: Block = []
        for line in block:
            for part in self._split_line(line, limit):
                if current and _visible([*current, part]) > limit:
                    pieces.append(current)
                    current = []
                current.append(part)
        if current:
            pieces.append(current)
        return pieces

    def _split_line(self, line: Line, limit: int) -> list[Line]:
        if line.size <= limit:
            return [line]
        size = self.markup.size
        out, current = [], ""
        for word in _SENTENCE.split(line.plain):
            candidate = f"{current} {word}" if current else word
            if size(candidate) <= limit:
                current = candidate
                continue
            if current:
                out.append(current)
            while size(word) > limit:  # one enormous "word": cut it
                out.append(word[: limit // 2])
                word = word[limit // 2 :]
            current = word
        if current:
            out.append(current)
        return [self.markup.plain(p) for p in out]


def _visible(lines: list[Line]) -> int:
    # The sizes summed in C (no generator): `_pack` asks this of every block, twice.
    return sum(map(_SIZE, lines)) + max(len(lines) - 1, 0)


def _join(message: Message) -> str:
    return _SEP.join(["\n".join(map(_MARKUP, block)) for block in message])


def _only_a_title(message: Message) -> bool:
    return len(message) == 1 and len(message[0]) <= _TITLE_LINES


def _split_at(block: Block, room: int) -> tuple[Block, Block]:
    """The lines of `block` that fit in `room`, and the rest."""
    taken: Block = []
    for line in block:
        if _visible([*taken, line]) > room:
            break
        taken.append(line)
    return taken, block[len(taken) :]
