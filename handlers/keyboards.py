"""Actions -> an inline keyboard of stateless callback buttons."""

from __future__ import annotations

from functools import lru_cache

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from handlers.callback_data import encode
from handlers.ptb import PreparedKeyboard
from knowledge import Action

_PER_ROW = 2
# Telegram rejects keyboards of about 100 buttons or 10 KB; answers stay far below.
MAX_BUTTONS = 20
_LONG_LABEL = 22


def keyboard(actions: tuple[Action, ...]) -> InlineKeyboardMarkup | None:
    """Two buttons a row; a long label gets a row of its own, and a symptom check's answers
    (Yes, No, Not sure) share one. Unencodable actions are left out.

    Keyboards depend only on the (few) topic and section buttons, never on what a user wrote,
    and PTB's markup objects are immutable, so each distinct keyboard is built once."""
    return _keyboard(actions)


@lru_cache(maxsize=4096)
def _keyboard(actions: tuple[Action, ...]) -> InlineKeyboardMarkup | None:
    rows: list[list[InlineKeyboardButton]] = []
    row: list[InlineKeyboardButton] = []
    answers: list[InlineKeyboardButton] = []
    count = 0
    for action in actions:
        data = encode(action)
        if data is None or count == MAX_BUTTONS:
            continue
        count += 1
        button = InlineKeyboardButton(action.label, callback_data=data)
        if _is_answer(action):
            answers.append(button)
            continue
        if answers:
            rows.append(answers)
            answers = []
        if len(action.label) > _LONG_LABEL:
            rows.append([button])
            continue
        row.append(button)
        if len(row) == _PER_ROW:
            rows.append(row)
            row = []
    for last in (answers, row):
        if last:
            rows.append(last)
    return PreparedKeyboard(rows) if rows else None


def _is_answer(action: Action) -> bool:
    """An answer to a symptom check's question (the button that starts a check is not)."""
    return action.check is not None and action.check.step > 0
