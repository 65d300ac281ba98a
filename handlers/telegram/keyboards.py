"""Actions -> an inline keyboard of stateless callback buttons, laid out so that no button
moves between presses: each group of knowledge's button order (knowledge.arrange) starts a
row of its own, and the section on screen keeps its place, marked."""

from __future__ import annotations

from functools import lru_cache

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from handlers.callback_data import encode
from handlers.telegram import wording
from handlers.telegram.ptb import PreparedKeyboard
from knowledge import Action, ButtonGroup, IdentityMemo, arrange

# Buttons a row, by group: sections two a row, topics three (shorter names), a symptom
# check's answers (Yes, No, Not sure) and the pages each on one row.
_PER_ROW: dict[ButtonGroup, int] = {"answers": 3, "sections": 2, "check": 1, "topics": 3, "pages": 3}
# Telegram rejects keyboards of about 100 buttons or 10 KB; answers stay far below.
MAX_BUTTONS = 20
_LONG_LABEL = 22  # a label longer than this gets a row of its own (in groups of many a row)


def label(action: Action) -> str:
    """The button's text: the section on screen is marked, in place."""
    return wording.CURRENT_SECTION.format(label=action.label) if action.current else action.label


def keyboard(
    actions: tuple[Action, ...], extra: tuple[InlineKeyboardButton, ...] = ()
) -> InlineKeyboardMarkup | None:
    """The actions' buttons in knowledge's order, then `extra` (buttons that are not answers,
    such as "Try inline mode") on a row of their own. Unencodable actions are left out.

    Keyboards depend only on the (few) topic and section buttons, never on what a user wrote,
    and PTB's markup objects are immutable, so each distinct keyboard is built once."""
    # Knowledge hands out the same Action objects answer after answer: found by their ids
    # first, without hashing each button's every field in Python (pydantic's frozen hash).
    return _BY_IDS.get((*actions, extra), lambda: _keyboard(actions, extra))


_BY_IDS: IdentityMemo[InlineKeyboardMarkup | None] = IdentityMemo(4096)


@lru_cache(maxsize=4096)
def _keyboard(
    actions: tuple[Action, ...], extra: tuple[InlineKeyboardButton, ...]
) -> InlineKeyboardMarkup | None:
    rows: list[list[InlineKeyboardButton]] = []
    count = 0
    for group, members in arrange(actions):
        per_row = _PER_ROW[group]
        row: list[InlineKeyboardButton] = []
        for action in members:
            data = encode(action)
            if data is None or count == MAX_BUTTONS:
                continue
            count += 1
            button = InlineKeyboardButton(label(action), callback_data=data)
            # Measured on the label without its mark, so marking never moves a button.
            if per_row > 1 and len(action.label) > _LONG_LABEL and group != "answers":
                rows.append([button])
                continue
            row.append(button)
            if len(row) == per_row:
                rows.append(row)
                row = []
        if row:
            rows.append(row)
    if extra:
        rows.append(list(extra))
    return PreparedKeyboard(rows) if rows else None
