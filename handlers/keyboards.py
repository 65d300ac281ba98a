"""Actions -> an inline keyboard of stateless callback buttons."""

from __future__ import annotations

from functools import lru_cache

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from handlers.callback_data import encode
from handlers.ptb import PreparedKeyboard
from knowledge import Action

_PER_ROW = 2
_LONG_LABEL = 22


def keyboard(actions: tuple[Action, ...]) -> InlineKeyboardMarkup | None:
    """Two buttons a row; a long label gets a row of its own. Unencodable actions are left out.

    Keyboards depend only on the (few) topic and section buttons, never on what a user wrote,
    and PTB's markup objects are immutable, so each distinct keyboard is built once."""
    return _keyboard(actions)


@lru_cache(maxsize=4096)
def _keyboard(actions: tuple[Action, ...]) -> InlineKeyboardMarkup | None:
    rows: list[list[InlineKeyboardButton]] = []
    row: list[InlineKeyboardButton] = []
    for action in actions:
        data = encode(action)
        if data is None:
            continue
        button = InlineKeyboardButton(action.label, callback_data=data)
        if len(action.label) > _LONG_LABEL:
            rows.append([button])
            continue
        row.append(button)
        if len(row) == _PER_ROW:
            rows.append(row)
            row = []
    if row:
        rows.append(row)
    return PreparedKeyboard(rows) if rows else None
