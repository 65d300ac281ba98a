"""A reply's buttons -> what WhatsApp can show under a message: up to 3 reply buttons (titles
up to 20 characters) or a list message (up to 10 rows, titles up to 24 characters,
descriptions up to 72), in knowledge's button order (knowledge.arrange).

- A symptom check's question: its answers (Yes, No, Not sure) as reply buttons, so the check
  is three taps to an outcome.
- Three choices or fewer whose labels fit: reply buttons.
- Otherwise a list. Beyond 10 rows, the 10th is "More", which opens the next page: its id
  names the button that shows this same answer and where the page starts, so a page needs no
  state on any server.

Every id is the platforms' button payload (handlers/callback_data.py); the section on screen
is marked, in its place, as on Telegram.
"""

from __future__ import annotations

from dataclasses import dataclass

from handlers.callback_data import encode
from handlers.whatsapp import wording
from knowledge import Action, Reply, arrange, in_order

MAX_BUTTONS = 3
BUTTON_TITLE = 20
MAX_ROWS = 10
ROW_TITLE = 24
ROW_DESCRIPTION = 72
CURRENT = "• {label}"
MORE = "more:"  # a "More" row's id: more:<first row>:<payload of the answer's button>


@dataclass(frozen=True)
class Row:
    id: str
    title: str
    description: str = ""


@dataclass(frozen=True)
class Choices:
    """Either `buttons` or `rows` (or neither): what goes under the answer's last message."""

    buttons: tuple[Row, ...] = ()
    rows: tuple[Row, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.buttons or self.rows)


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _label(action: Action) -> str:
    return CURRENT.format(label=action.label) if action.current else action.label


def _encoded(actions: tuple[Action, ...]) -> list[tuple[str, Action]]:
    """Each action with its payload, once; one that cannot be encoded is left out."""
    seen: set[str] = set()
    out = []
    for action in actions:
        data = encode(action)
        if data is not None and data not in seen:
            seen.add(data)
            out.append((data, action))
    return out


def _source(reply: Reply) -> Action | None:
    """A button that shows this answer again, for a "More" row: its topic and section."""
    if not reply.topics:
        return None
    return Action(label="", topic=reply.topics[0], section=reply.section, keep=reply.escalation.keep)


def choices_of(reply: Reply, start: int = 0) -> Choices:
    """The choices under `reply`; `start`: the first row of a later page of its list."""
    groups = dict(arrange((*reply.suggestions, *reply.actions)))
    if "answers" in groups and start == 0:  # a symptom check's question
        answers = _encoded(groups["answers"])[:MAX_BUTTONS]
        return Choices(buttons=tuple(Row(d, _cut(_label(a), BUTTON_TITLE)) for d, a in answers))
    encoded = _encoded(in_order((*reply.suggestions, *reply.actions)))
    if start == 0 and len(encoded) <= MAX_BUTTONS and all(len(_label(a)) <= BUTTON_TITLE for _, a in encoded):
        return Choices(buttons=tuple(Row(d, _label(a)) for d, a in encoded))
    rows = [_row(d, a) for d, a in encoded[start:]]
    if len(rows) > MAX_ROWS:
        source = _source(reply)
        payload = encode(source) if source is not None else None
        rows = rows[: MAX_ROWS - 1]
        if payload is not None:
            more = f"{MORE}{start + MAX_ROWS - 1}:{payload}"
            rows.append(Row(more, wording.MORE_ROW, wording.MORE_ROW_DESCRIPTION))
    return Choices(rows=tuple(rows))


def _row(data: str, action: Action) -> Row:
    label = _label(action)
    if len(label) <= ROW_TITLE:
        return Row(data, label)
    return Row(data, _cut(label, ROW_TITLE), _cut(label, ROW_DESCRIPTION))


def more_of(choice: str) -> tuple[int, str] | None:
    """A "More" row's first row and the payload of the answer's button, or None."""
    if not choice.startswith(MORE):
        return None
    start, _, payload = choice[len(MORE) :].partition(":")
    if not start.isdecimal() or not payload or int(start) > 10_000:
        return None
    return int(start), payload
