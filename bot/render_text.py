"""Reply -> readable plain text, for the console chat and the `ask` CLI."""

from __future__ import annotations

from knowledge import texts
from knowledge.reply import Action, Escalation, Reply, Section

BULLET = "•"


def buttons_of(reply: Reply) -> tuple[Action, ...]:
    """The choices under a reply, in the order they are shown and numbered."""
    return (*reply.suggestions, *reply.actions)


def render_text(reply: Reply, numbered: bool = False) -> str:
    """The whole reply as text; with `numbered`, buttons are numbered choices to type."""
    parts = [reply.title]
    if reply.intro:
        parts.append(reply.intro)
    parts += [_section(s) for s in reply.sections]
    choices = buttons_of(reply)
    if choices:
        if numbered:
            parts.append("\n".join(f"[{n}] {a.label}" for n, a in enumerate(choices, start=1)))
        else:
            parts.append(f"{texts.MORE_LABEL}: " + " | ".join(a.label for a in choices))
    if reply.disclaimer:
        parts.append(reply.disclaimer)
    escalation = _escalation(reply.escalation)
    if escalation:  # last, as in Telegram: the advice closes the answer
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
    lines = [escalation.title]
    if escalation.reasons:
        lines.append(texts.REASONS_LABEL.format(reasons=", ".join(escalation.reasons)))
    lines.append(escalation.advice)
    if escalation.see_doctor:
        lines.append(escalation.see_doctor_heading)
        lines += [f"{BULLET} {item}" for item in escalation.see_doctor]
    return "\n".join(lines)
