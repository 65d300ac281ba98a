"""Reply -> Telegram HTML messages (parse_mode=HTML), each within Telegram's 4096 characters.

Every dynamic string is escaped. A reply is built from blocks (title, each section, the
escalation advice, the disclaimer) and split only between blocks, or between the lines of a
block too big for one message, never inside a tag. Crisis and emergency advice opens the first
message; doctor advice closes the answer, with a one-line banner opening the first message.
The disclaimer is said once, last, so it always sits on an answer's last message.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass

from telegram.constants import MessageLimit

from handlers import wording
from knowledge import Action, Escalation, Reply, Section, is_rtl

TELEGRAM_LIMIT = MessageLimit.MAX_TEXT_LENGTH
MAX_MESSAGES = 3  # one answer, however large the article
_TITLE_LINES = 2  # a title and its intro
EMPTY = "…"  # a reply with nothing to say still sends something
# Right-to-left mark: Telegram sets each line's direction from its first strong character, so
# an Arabic line that starts with "B6", a number or an English name would read left to right.
# Each line of a right-to-left reply starts with it; the catalogs isolate the values put into
# their sentences (knowledge.i18n.catalog.FSI).
RLM = "\u200f"
BULLET = "•"
_SEP = "\n\n"
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\s+")


def utf16_len(text: str) -> int:
    """Telegram counts message length in UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


@dataclass(frozen=True)
class Line:
    html: str
    plain: str
    size: int = -1  # visible length in UTF-16 units, computed once

    def __post_init__(self) -> None:
        if self.size < 0:
            object.__setattr__(self, "size", utf16_len(self.plain))


@dataclass(frozen=True)
class Rendered:
    messages: tuple[str, ...]
    buttons: tuple[Action, ...]


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def _bold(text: str) -> Line:
    return Line(f"<b>{_esc(text)}</b>", text)


def _italic(text: str) -> Line:
    return Line(f"<i>{_esc(text)}</i>", text)


def _plain(text: str) -> Line:
    return Line(_esc(text), text)


def _section(section: Section) -> list[Line]:
    lines = [_bold(section.heading)]
    if section.paragraph:
        lines.append(_plain(section.paragraph))
    for item in section.items:
        if item.name and item.text:
            lines.append(
                Line(
                    f"{BULLET} <b>{_esc(item.name)}:</b> {_esc(item.text)}",
                    f"{BULLET} {item.name}: {item.text}",
                )
            )
        else:
            lines.append(_plain(f"{BULLET} {item.name or item.text}"))
    return lines


def _escalation(escalation: Escalation) -> list[Line]:
    if escalation.level == "none":
        return []
    lines = [_bold(escalation.title), *(_plain(p) for p in escalation.paragraphs)]
    for advice in escalation.lists:
        lines.append(_bold(advice.heading))
        lines += [_plain(f"{BULLET} {item}") for item in advice.items]
    return lines


def blocks_of(reply: Reply) -> tuple[list[list[Line]], list[list[Line]], list[list[Line]]]:
    """(leading, body, closing) blocks, each line marked right to left in a right-to-left
    language."""
    leading, body, closing = _blocks(reply)
    if not is_rtl(reply.lang):
        return leading, body, closing
    return _rtl(leading), _rtl(body), _rtl(closing)


def _rtl(blocks: list[list[Line]]) -> list[list[Line]]:
    return [[Line(RLM + line.html, RLM + line.plain) for line in block] for block in blocks]


def _blocks(reply: Reply) -> tuple[list[list[Line]], list[list[Line]], list[list[Line]]]:
    """(leading, body, closing) blocks. Leading: crisis or emergency advice, or the doctor
    banner. Body: the title and sections. Closing: doctor advice, then the disclaimer."""
    escalation = reply.escalation
    advice = _escalation(escalation)
    leading = []
    if escalation.leads and advice:
        leading.append(advice)
    elif escalation.banner:
        leading.append([_bold(escalation.banner)])
    head = [_bold(reply.title)] if reply.title else []
    if reply.intro:
        head.append(_italic(reply.intro))
    body = [b for b in (head, *(_section(s) for s in reply.sections)) if b]
    closing = []
    if advice and not escalation.leads:
        closing.append(advice)
    if reply.disclaimer:
        closing.append([_italic(reply.disclaimer)])
    return leading, body, closing


def _visible(lines: list[Line]) -> int:
    return sum(line.size for line in lines) + max(len(lines) - 1, 0)


def _fit_lines(block: list[Line], limit: int) -> list[list[Line]]:
    """Split a block too big for one message at its lines; a huge line at its words."""
    pieces: list[list[Line]] = []
    current: list[Line] = []
    for line in block:
        for part in _split_line(line, limit):
            if current and _visible([*current, part]) > limit:
                pieces.append(current)
                current = []
            current.append(part)
    if current:
        pieces.append(current)
    return pieces


def _split_line(line: Line, limit: int) -> list[Line]:
    if line.size <= limit:
        return [line]
    out, current = [], ""
    for word in _SENTENCE.split(line.plain):
        candidate = f"{current} {word}" if current else word
        if utf16_len(candidate) <= limit:
            current = candidate
            continue
        if current:
            out.append(current)
        while utf16_len(word) > limit:  # one enormous "word": cut it
            out.append(word[: limit // 2])
            word = word[limit // 2 :]
        current = word
    if current:
        out.append(current)
    return [_plain(p) for p in out]


def render_html(reply: Reply, limit: int = TELEGRAM_LIMIT, most: int = MAX_MESSAGES) -> Rendered:
    """The reply as at most `most` messages: one answer never floods a chat, however large
    an article is. What does not fit is cut from the body, never from the advice or the
    disclaimer, and the cut is said."""
    leading, body, closing = blocks_of(reply)
    glue = _glued if reply.disclaimer else list
    messages = _pack(glue([*leading, *body, *closing]), limit)
    if len(messages) > most:
        messages = _shortened(leading, body, closing, limit, most, glue)
    return Rendered(tuple(_join(m) for m in messages), (*reply.suggestions, *reply.actions))


def _glued(blocks: list[list[Line]]) -> list[list[Line]]:
    """The disclaimer (the last block) joined to the line before it, so that no split leaves
    it alone in a message of its own."""
    if len(blocks) < 2 or not blocks[-2]:
        return blocks
    *before, last = blocks[-2]
    (disclaimer,) = blocks[-1]
    joined = Line(last.html + _SEP + disclaimer.html, last.plain + _SEP + disclaimer.plain)
    return [*blocks[:-2], [*before, joined]]


def _shortened(
    leading: list[list[Line]],
    body: list[list[Line]],
    closing: list[list[Line]],
    limit: int,
    most: int,
    glue: Callable[[list[list[Line]]], list[list[Line]]],
) -> list[list[list[Line]]]:
    """The body cut to what fits in `most` messages beside the advice and disclaimer."""
    lines = [line for block in body for line in block]
    keep = len(lines)
    shortened = wording.text("SHORTENED")  # deliver set the reply's language
    while keep > 0:
        keep = keep * 3 // 4
        cut = [[*lines[:keep], _italic(shortened)]]
        messages = _pack(glue([*leading, *cut, *closing]), limit)
        if len(messages) <= most:
            return messages
    return _pack(glue([*leading, [_italic(shortened)], *closing]), limit)[:most]


def _join(message: list[list[Line]]) -> str:
    return _SEP.join("\n".join(line.html for line in block) for block in message)


def _pack(blocks: list[list[Line]], limit: int, first_reserve: int = 0) -> list[list[list[Line]]]:
    """Blocks into messages, each within `limit`. A block that does not fit where a message
    has only just begun (its title) fills that message line by line: no message holds only a
    title."""
    messages: list[list[list[Line]]] = []
    current: list[list[Line]] = []
    size = 0
    for block in blocks:
        budget = limit - (first_reserve if not messages else 0)
        for piece in _fit_lines(block, budget) if _visible(block) > budget else [block]:
            cost = _visible(piece) + (len(_SEP) if current else 0)
            if current and size + cost > budget and _only_a_title(current):
                head, piece = _split_at(piece, budget - size - len(_SEP))
                if head:
                    current.append(head)
                cost = _visible(piece)
                messages.append(current)
                current, size = [], 0
                budget = limit
            elif current and size + cost > budget:
                messages.append(current)
                current, size = [], 0
                budget = limit
                cost = _visible(piece)
            if piece:
                current.append(piece)
                size += cost
    if current:
        messages.append(current)
    return messages or [[[_plain(EMPTY)]]]


def _only_a_title(message: list[list[Line]]) -> bool:
    return len(message) == 1 and len(message[0]) <= _TITLE_LINES


def _split_at(block: list[Line], room: int) -> tuple[list[Line], list[Line]]:
    """The lines of `block` that fit in `room`, and the rest."""
    taken: list[Line] = []
    for line in block:
        if _visible([*taken, line]) > room:
            break
        taken.append(line)
    return taken, block[len(taken) :]


def render_single(reply: Reply, limit: int = TELEGRAM_LIMIT) -> str:
    """One message (for inline results): sections that do not fit are left out, but the
    title, the disclaimer and the escalation advice never are."""
    leading, body, closing = blocks_of(reply)
    keep = [*leading, *body[:1], *closing]
    budget = limit - sum(_visible(b) + len(_SEP) for b in keep)
    chosen = []
    for block in body[1:]:
        cost = _visible(block) + len(_SEP)
        if cost <= budget:
            chosen.append(block)
            budget -= cost
    return _join(_pack([*leading, *body[:1], *chosen, *closing], limit)[0])
