"""Actions -> an inline keyboard of stateless callback buttons."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.callback_data import encode
from knowledge.reply import Action

_PER_ROW = 2
_LONG_LABEL = 22


def keyboard(actions: tuple[Action, ...] | list[Action]) -> InlineKeyboardMarkup | None:
    """Two buttons a row; a long label gets a row of its own. Unencodable actions are left out."""
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
    return InlineKeyboardMarkup(rows) if rows else None
