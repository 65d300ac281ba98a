"""One layout of a reply for every platform: the order of its blocks and what each level of
advice says, decided here once. A platform only styles it (Telegram HTML, WhatsApp's
*bold* and _italic_, the console's plain text) and splits it to its own length limit.

The order: crisis or emergency advice first, else the doctor banner; the title and its intro;
the sections; then doctor advice; the disclaimer last, so that it always closes an answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, NamedTuple

from knowledge.answers import wording
from knowledge.answers.reply import Escalation, Reply, Section
from knowledge.memo import IdentityMemo

Style = Literal["plain", "bold", "italic"]
BULLET = "•"


class Line(NamedTuple):
    """One line: its text in a style; `name` (a "Name: description" item) is emphasised
    before the text; `bullet`: an item of a list. A named tuple: a reply lays out a few dozen,
    and a tuple is built, hashed and compared in C (the renderers key their cache on them)."""

    text: str
    style: Style = "plain"
    name: str = ""
    bullet: bool = False

    @property
    def plain(self) -> str:
        """The line without styling, as a plain-text front end shows it."""
        text = f"{self.name}: {self.text}" if self.name and self.text else self.name or self.text
        return f"{BULLET} {text}" if self.bullet else text


Block = tuple[Line, ...]


@dataclass(frozen=True, slots=True)
class Layout:
    """`leading`: shown before anything else; `head`: the title and its intro; `sections`;
    `closing`: doctor advice and the disclaimer. The body (head and sections) is what may be
    cut when an answer is too long."""

    leading: tuple[Block, ...]
    head: Block
    sections: tuple[Block, ...]
    closing: tuple[Block, ...]

    @property
    def body(self) -> tuple[Block, ...]:
        return (self.head, *self.sections) if self.head else self.sections


# Knowledge hands out the same Section objects answer after answer: each is laid out once.
_LAID: IdentityMemo[Block] = IdentityMemo(4096)


def _section(section: Section) -> Block:
    return _LAID.get((section,), lambda: _laid_out(section))


def _laid_out(section: Section) -> Block:
    lines = [Line(section.heading, "bold")]
    if section.paragraph:
        lines.append(Line(section.paragraph))
    for item in section.items:
        if item.name and item.text:
            lines.append(Line(item.text, name=item.name, bullet=True))
        else:
            lines.append(Line(item.name or item.text, bullet=True))
    return tuple(lines)


def advice(escalation: Escalation) -> Block:
    """The escalation's advice as one block (empty without advice)."""
    if escalation.level == "none":
        return ()
    lines = [Line(escalation.title, "bold"), *(Line(p) for p in escalation.paragraphs)]
    for listed in escalation.lists:
        lines.append(Line(listed.heading, "bold"))
        lines += [Line(item, bullet=True) for item in listed.items]
    return tuple(lines)


def layout(reply: Reply) -> Layout:
    """The reply's blocks in the order every platform shows them."""
    escalation = reply.escalation
    said = advice(escalation)
    leading: list[Block] = []
    if escalation.leads and said:
        leading.append(said)
    elif escalation.banner:
        leading.append((Line(escalation.banner, "bold"),))
    head = [Line(reply.title, "bold")] if reply.title else []
    if reply.intro:
        head.append(Line(reply.intro, "italic"))
    sections = tuple(b for b in (_section(s) for s in reply.sections) if b)
    closing: list[Block] = []
    if said and not escalation.leads:
        closing.append(said)
    if reply.disclaimer:
        closing.append((Line(reply.disclaimer, "italic"),))
    return Layout(tuple(leading), tuple(head), sections, tuple(closing))


def headline(reply: Reply) -> str:
    """The reply in one line, where only a title is seen before the message is (a list of
    answers to pick from): advice says so first, since it is what matters most. In the reply's language."""
    escalation = reply.escalation
    if escalation.level == "none":
        return reply.title or escalation.title
    if escalation.level == "doctor" and not escalation.reasons:  # "no weakness": signs to watch
        label = wording.CATALOG.text("LEVEL_WATCH", reply.lang)
    else:
        label = wording.level_label(escalation.level, reply.lang)
    if escalation.level == "crisis" or not reply.title:  # about the person, not a topic
        return label
    return wording.CATALOG.text("LEVEL_TITLE", reply.lang).format(label=label, title=reply.title)


def summary(reply: Reply, limit: int) -> str:
    """A line under the headline, at most `limit` characters: the advice's own words when
    there is advice, else the first section's heading or the intro."""
    if reply.escalation.level != "none":
        text = " ".join(
            p if p.endswith((".", "!", "?", ":")) else f"{p}." for p in reply.escalation.paragraphs
        )
    else:
        text = reply.sections[0].heading if reply.sections else reply.intro
    if len(text) > limit:
        text = text[: limit - 1].rsplit(" ", 1)[0] + "…"
    return text
