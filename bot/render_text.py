"""Reply -> readable plain text, for the console chat and the `ask` CLI."""

from __future__ import annotations

from knowledge import Action, Escalation, Reply, Section

BULLET = "•"
MORE_LABEL = "More"


def buttons_of(reply: Reply) -> tuple[Action, ...]:
    """The choices under a reply, in the order they are shown and numbered."""
    return (*reply.suggestions, *reply.actions)


def render_text(reply: Reply, numbered: bool = False) -> str:
    """The whole reply as text, in the order Telegram shows it: crisis or emergency advice
    first, else the doctor banner; the doctor advice last. With `numbered`, buttons are
    numbered choices to type."""
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
            parts.append("\n".join(f"[{n}] {a.label}" for n, a in enumerate(choices, start=1)))
        else:
            parts.append(f"{MORE_LABEL}: " + " | ".join(a.label for a in choices))
    if reply.disclaimer:
        parts.append(reply.disclaimer)
    if escalation and not reply.escalation.leads:
        parts.append(escalation)
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
