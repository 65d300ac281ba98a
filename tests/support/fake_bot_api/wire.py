"""The Bot API's wire format, shared by both transports so they answer byte for byte alike.

Parameters arrive as PTB sends them (every non-string value JSON-encoded into a string, in a
form or a JSON body); answers leave as Telegram's envelope with the HTTP status equal to
error_code; injected faults that need no method (429, 500, 502, error) are canned here.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .state import Fault

__all__ = ["Answer", "ApiError", "bad", "canned_fault", "decode_params", "error", "ok"]

# Fields the Bot API types as String: kept verbatim even when they look like JSON ("123", "[x]").
_STRINGS = frozenset(
    {
        "text",
        "caption",
        "message_text",
        "query",
        "data",
        "title",
        "description",
        "short_description",
        "url",
        "callback_query_id",
        "inline_query_id",
        "inline_message_id",
        "next_offset",
        "secret_token",
        "language_code",
        "parse_mode",
        "action",
        "ip_address",
        "name",
    }
)
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")


class ApiError(Exception):
    """A Bot API error answer: the HTTP status is error_code, ``parameters`` e.g. retry_after."""

    def __init__(self, code: int, description: str, **parameters: Any) -> None:
        super().__init__(description)
        self.code, self.description, self.parameters = code, description, parameters


def bad(reason: str) -> ApiError:
    """A 400 with Telegram's "Bad Request: " prefix."""
    return ApiError(400, f"Bad Request: {reason}")


@dataclass(frozen=True)
class Answer:
    """One HTTP answer: what the server writes and what the in-process transport hands PTB."""

    status: int
    body: bytes
    content_type: str = "application/json"


def ok(result: Any) -> Answer:
    """Success, serialised at once (methods return live state, never copies)."""
    return Answer(200, json.dumps({"ok": True, "result": result}).encode())


def error(err: ApiError) -> Answer:
    """Telegram's error envelope."""
    body: dict[str, Any] = {"ok": False, "error_code": err.code, "description": err.description}
    if err.parameters:
        body["parameters"] = err.parameters
    return Answer(err.code, json.dumps(body).encode())


def canned_fault(fault: Fault) -> Answer | None:
    """The answer of a fault that needs no method call; None for "slow" and "drop"."""
    kw = fault.kw
    if fault.kind == "429":
        retry = kw.get("retry_after", 1)
        return error(ApiError(429, f"Too Many Requests: retry after {retry}", retry_after=retry))
    if fault.kind == "500":
        return error(ApiError(500, "Internal Server Error"))
    if fault.kind == "502":  # a proxy in front of the API answers with a non-JSON body
        return Answer(502, b"Bad Gateway", "text/plain")
    if fault.kind == "error":
        return error(ApiError(kw.get("code", 400), kw.get("description", "Bad Request: injected")))
    return None


def _decode(key: str, value: Any) -> Any:
    """Undo PTB's JSON encoding of one value; String fields and plain words stay as sent."""
    if not isinstance(value, str) or key in _STRINGS:
        return value
    if value.lstrip()[:1] in ("{", "[") or value in ("true", "false") or _NUMBER.fullmatch(value):
        with contextlib.suppress(ValueError):
            return json.loads(value)
    return value


def decode_params(raw: Mapping[str, Any]) -> dict[str, Any]:
    """Request parameters as values (objects, numbers, booleans), the same from either transport."""
    return {key: _decode(key, value) for key, value in raw.items()}
