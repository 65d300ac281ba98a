"""The one module that leans on python-telegram-bot behaviour beyond its documented API, each
for a measured cost, each pinned by tests/handlers/test_ptb.py.

- `PreparedKeyboard`: PTB serialises reply markup by calling its public `to_dict()` on every
  send, introspecting every button; our keyboards are immutable and shared, so the dict is
  computed once, and its JSON text with it (`PreparedJSON`: the transport, bot/request.py,
  puts that text in the body instead of encoding the dict again, half a body's encoding).
  Pinned: PTB sends exactly that dict and never changes it.
- `lean_answer`: Telegram answers sendMessage and editMessageText with the whole message, and
  PTB builds a Message from it (keyboard and text entities included) that we never read beyond
  its id. The transport marks such an answer, and drops those two fields as it parses it
  (PTB's public `parse_json_payload`). Pinned: PTB still returns a Message with its id, chat
  and text.
- `error_body`: an error answer that is not Telegram's JSON (a gateway's "Bad Gateway" page in
  an outage, a proxy's HTML) makes PTB log an ERROR with a traceback quoting the page, every
  time the retries run out. The transport gives PTB Telegram's own error shape for it instead.
  Pinned: PTB raises the same exception class for the code, and logs nothing.
"""

from __future__ import annotations

import json
from http import HTTPStatus
from typing import Any

from telegram import InlineKeyboardMarkup
from telegram.request import BaseRequest

from knowledge import IdentityMemo

# A keyboard's JSON form, by the keyboard (knowledge.IdentityMemo).
_SERIALISED: IdentityMemo[PreparedJSON] = IdentityMemo(8192)
_LEAN_METHODS = frozenset(("sendmessage", "editmessagetext"))
_UNREAD = ("reply_markup", "entities")
_OK = 200
_SUCCESS = range(200, 300)


# One encoder for every body: `json.dumps` with these options builds a new JSONEncoder on
# every call (its cached one is for the default options only); the text is the same.
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def encode_json(value: object) -> str:
    """JSON as the transport sends it: compact, non-ASCII text as is (bot/request.py)."""
    return _ENCODER.encode(value)


class PreparedJSON(dict[str, Any]):
    """A prepared keyboard's JSON form: the dict PTB sends, and its JSON text (`json`),
    encoded once by `encode_json` and then to UTF-8, as the body carries it."""

    __slots__ = ("json",)

    def __init__(self, form: dict[str, Any]) -> None:
        super().__init__(form)
        self.json = encode_json(form).encode()


class PreparedKeyboard(InlineKeyboardMarkup):
    """An inline keyboard whose JSON form is computed once, on first use."""

    __slots__ = ()

    def to_dict(self, recursive: bool = True) -> dict[str, Any]:
        if not recursive:
            return super().to_dict(recursive=False)
        form = super().to_dict
        return _SERIALISED.get((self,), lambda: PreparedJSON(form()))


class LeanAnswer(bytes):
    """Telegram's answer to a send or an edit, marked so that `parse_answer` drops the fields
    no handler reads as it parses it: one JSON decoding, no encoding again."""

    __slots__ = ()


def lean_answer(api_method: str, code: int, body: bytes) -> bytes:
    """Telegram's answer to a send or an edit, marked for `parse_answer` to leave out the fields
    no handler reads; any other answer as it is."""
    if code != _OK or api_method.lower() not in _LEAN_METHODS:
        return body
    return LeanAnswer(body)


def parse_answer(payload: bytes) -> dict[str, Any]:
    """PTB's parsing of an answer (its public `parse_json_payload`: the same errors), without
    the unread fields of a lean answer's message."""
    answer: dict[str, Any] = BaseRequest.parse_json_payload(payload)
    if isinstance(payload, LeanAnswer):
        result = answer.get("result") if isinstance(answer, dict) else None
        if isinstance(result, dict):
            for key in _UNREAD:
                result.pop(key, None)
    return answer


def error_body(code: int, body: bytes) -> bytes:
    """An error answer as Telegram shapes it (`ok`, `error_code`, `description`), when it is not
    Telegram's JSON already. The description is PTB's own for such an answer, "<phrase>
    (<code>)" (api_errors.py tells a 4xx by it), never the page."""
    if code in _SUCCESS:
        return body
    try:
        answer = json.loads(body)
    except ValueError:
        answer = None
    if isinstance(answer, dict):
        return body
    try:
        description = f"{HTTPStatus(code).phrase} ({code})"
    except ValueError:
        description = f"Unknown HTTPError ({code})"
    return json.dumps({"ok": False, "error_code": code, "description": description}).encode()
