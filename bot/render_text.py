"""Reply -> readable plain text, for the console chat and the `ask` CLI: knowledge's layout
(knowledge/answers/layout.py) without styling, with the buttons between the body and the
closing advice. Its own word ("More") in the reply's language."""

from __future__ import annotations

from bot import wording
from knowledge import Action, Block, Reply, in_order, layout

CURRENT_SECTION = "• {label}"  # the section on screen: marked, in its place, as on Telegram


def buttons_of(reply: Reply) -> tuple[Action, ...]:
    """The choices under a reply, in the order they are shown and numbered: the same order as
    Telegram's keyboard, so a number means the same choice after every press."""
    return in_order((*reply.suggestions, *reply.actions))


def label(action: Action) -> str:
    return CURRENT_SECTION.format(label=action.label) if action.current else action.label


def _text(block: Block) -> str:
    return "\n".join(line.plain for line in block)


def render_text(reply: Reply, numbered: bool = False) -> str:
    """The whole reply as text, in the layout's order, the title and its intro apart; with
    `numbered`, buttons are numbered choices to type."""
    laid = layout(reply)
    parts = [_text(b) for b in laid.leading]
    parts += [line.plain for line in laid.head]
    parts += [_text(b) for b in laid.sections]
    choices = buttons_of(reply)
    if choices:
        if numbered:
            parts.append("\n".join(f"[{n}] {label(a)}" for n, a in enumerate(choices, start=1)))
        else:
            parts.append(f"{wording.text('MORE', reply.lang)}: " + " | ".join(label(a) for a in choices))
    parts += [_text(b) for b in laid.closing]
    return "\n\n".join(parts)
