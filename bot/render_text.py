"""Reply -> readable plain text, for the console chat and the `ask` CLI."""

from __future__ import annotations

from bot import wording
from knowledge import Action, Escalation, Reply, Section, in_order

BULLET = "•"
CURRENT_SECTION = "• {label}"  # the section on screen: marked, in its place, as on Telegram


def buttons_of(reply: Reply) -> tuple[Action, ...]:
    """The choices under a reply, in the order they are shown and numbered: the same order as
    Telegram's keyboard, so a number means the same choice after every press."""
    return in_order((*reply.suggestions, *reply.actions))


def label(action: Action) -> str:
    return CURRENT_SECTION.format(label=action.label) if action.current else action.label


def render_text(reply: Reply, numbered: bool = False) -> str:
    """The whole reply as text, in the order Telegram shows it: crisis or emergency advice
    first, else the doctor banner; the doctor advice, then the disclaimer, last. With
    `numbered`, buttons are numbered choices to type."""
    escalation = _escalation(reply.escalation)
    parts = []
    if reply.escalation.leads and escalation:
        parts.append(escalation)
    elif reply.escalation.banner:
        parts.append(reply.escalation.banner)
    if reply.title:
        parts.append(reply.title)
    if reply.intro:
        parts.append(reply.intro)
    parts += [_section(s) for s in reply.sections]
    choices = buttons_of(reply)
    if choices:
        if numbered:
            parts.append("\n".join(f"[{n}] {label(a)}" for n, a in enumerate(choices, start=1)))
        else:
            parts.append(f"{wording.text('MORE', reply.lang)}: " + " | ".join(label(a) for a in choices))
    if escalation and not reply.escalation.leads:
        parts.append(escalation)
    if reply.disclaimer:
        parts.append(reply.disclaimer)
    return "\n\n".join(parts)


def _section(section: Section) -> str:
    lines = [section.heading]
    if section.paragraph:
        lines.append(section.paragraph)
    for item in section.items:
        text = f"{item.name}: {item.text}" if item.name and item.text else item.name or item.text
        lines.append(f"{BULLET} {text}")
    return "\n".join(lines)


def _escalation(escalation: Escalation) -> str:
    if escalation.level == "none":
        return ""
    lines = [escalation.title, *escalation.paragraphs]
    for advice in escalation.lists:
        lines.append(advice.heading)
        lines += [f"{BULLET} {item}" for item in advice.items]
    return "\n".join(lines)
