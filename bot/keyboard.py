"""Actions -> an inline keyboard of stateless callback buttons."""

from __future__ import annotations

from functools import lru_cache

from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram._utils.types import JSONDict

from bot.callback_data import encode
from knowledge.reply import Action

_PER_ROW = 2


class SharedKeyboard(InlineKeyboardMarkup):
    """An inline keyboard that is serialised once. PTB turns reply markup into a dict on every
    send by introspecting each button, which measured as the largest per-message cost after
    HTTP itself; these keyboards are immutable and shared, so the dict is computed up front."""

    __slots__ = ("_as_dict",)

    def __init__(self, rows: list[list[InlineKeyboardButton]]) -> None:
        super().__init__(rows)
        with self._unfrozen():
            self._as_dict = super().to_dict()

    def to_dict(self, recursive: bool = True) -> JSONDict:
        # PTB only json-dumps the result, so sharing one dict is safe.
        return self._as_dict if recursive else super().to_dict(recursive=False)
_LONG_LABEL = 22


def keyboard(actions: tuple[Action, ...] | list[Action]) -> InlineKeyboardMarkup | None:
    """Two buttons a row; a long label gets a row of its own. Unencodable actions are left out.

    Keyboards depend only on the (few) topic and section buttons, never on what a user wrote,
    and PTB's markup objects are immutable, so each distinct keyboard is built once."""
    return _keyboard(tuple(actions))


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
    return SharedKeyboard(rows) if rows else None
