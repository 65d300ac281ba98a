"""The one module that leans on python-telegram-bot behaviour beyond its documented API, each
for a measured cost, each pinned by tests/handlers/test_ptb.py.

- `PreparedKeyboard`: PTB serialises reply markup by calling its public `to_dict()` on every
  send, introspecting every button; our keyboards are immutable and shared, so the dict is
  computed once. Pinned: PTB sends exactly that dict and never changes it.
- `lean_answer`: Telegram answers sendMessage and editMessageText with the whole message, and
  PTB builds a Message from it (keyboard and text entities included) that we never read beyond
  its id. The transport drops those two fields from the answer first. Pinned: PTB still returns
  a Message with its id, chat and text.
"""

from __future__ import annotations

import json
from typing import Any

from telegram import InlineKeyboardMarkup

# id(keyboard) -> (keyboard, its dict): the keyboard is kept so that its id is never reused.
_SERIALISED: dict[int, tuple[InlineKeyboardMarkup, dict[str, Any]]] = {}
_MAX_SERIALISED = 8192
_LEAN_METHODS = frozenset(("sendmessage", "editmessagetext"))
_UNREAD = ("reply_markup", "entities")
_OK = 200


class PreparedKeyboard(InlineKeyboardMarkup):
    """An inline keyboard whose JSON form is computed once, on first use."""

    __slots__ = ()

    def to_dict(self, recursive: bool = True) -> dict[str, Any]:
        if not recursive:
            return super().to_dict(recursive=False)
        found = _SERIALISED.get(id(self))
        if found is None or found[0] is not self:
            if len(_SERIALISED) >= _MAX_SERIALISED:
                _SERIALISED.clear()
            found = _SERIALISED[id(self)] = (self, super().to_dict())
        return found[1]


def lean_answer(api_method: str, code: int, body: bytes) -> bytes:
    """Telegram's answer to a send or an edit, without the fields no handler reads."""
    if code != _OK or api_method.lower() not in _LEAN_METHODS:
        return body
    try:
        answer = json.loads(body)
    except ValueError:
        return body  # PTB reports a malformed answer itself
    result = answer.get("result") if isinstance(answer, dict) else None
    if not isinstance(result, dict) or not any(key in result for key in _UNREAD):
        return body
    for key in _UNREAD:
        result.pop(key, None)
    return json.dumps(answer).encode()
