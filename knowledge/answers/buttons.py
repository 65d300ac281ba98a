"""The order of an answer's buttons, the same on every front end, so that a button never moves
between presses: a symptom check's answers, then the sections in the table's order (the one on
screen marked, never removed), the button that starts a check, the topics (did-you-mean
suggestions first), and the pages last. Telegram lays each group out in rows of its own; the
console numbers the buttons in this order."""

from __future__ import annotations

from typing import Literal

from knowledge.answers.reply import Action

ButtonGroup = Literal["answers", "sections", "check", "topics", "pages"]
_ORDER: tuple[ButtonGroup, ...] = ("answers", "sections", "check", "topics", "pages")


def group_of(action: Action) -> ButtonGroup:
    if action.check is not None:
        return "answers" if action.check.step > 0 else "check"
    if action.listing is not None or action.page:
        return "pages"
    if action.section is not None:
        return "sections"
    return "topics"


def arrange(actions: tuple[Action, ...]) -> tuple[tuple[ButtonGroup, tuple[Action, ...]], ...]:
    """The actions in their groups, in display order; each group keeps the order it was given
    in (sections come in the table's order, suggestions before other topics)."""
    groups: dict[ButtonGroup, list[Action]] = {}
    for action in actions:
        groups.setdefault(group_of(action), []).append(action)
    return tuple((name, tuple(groups[name])) for name in _ORDER if name in groups)


def in_order(actions: tuple[Action, ...]) -> tuple[Action, ...]:
    """The actions in display order, as numbered choices."""
    return tuple(action for _, group in arrange(actions) for action in group)
