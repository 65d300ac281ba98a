"""What an update must look like before any handler runs: the fields the handlers read, with
their Bot API types (core.telegram.org/bots/api#update), and no nesting deeper than Telegram's.

A forged update whose `text` is a list, whose chat id is a string or which nests objects ten
thousand deep is refused here (400 on the webhook, skipped in polling), instead of raising deep
inside python-telegram-bot or the engine.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# Telegram's deepest real update is a few objects deep (a reply's entities' user, a keyboard's
# rows of buttons): far below this.
MAX_DEPTH = 16
MAX_NODES = 20_000  # values in one update: a real one has a few hundred at most

# (field, type, required) per object the handlers read; "user", "chat", "message" and
# "entity" name the tables below.
_Spec = tuple[tuple[str, str, bool], ...]
_SPECS: dict[str, _Spec] = {
    "update": (
        ("update_id", "int", True),
        ("message", "message", False),
        ("edited_message", "message", False),
        ("callback_query", "callback_query", False),
        ("inline_query", "inline_query", False),
    ),
    "user": (("id", "int", True), ("is_bot", "bool", True), ("first_name", "str", True)),
    "chat": (("id", "int", True), ("type", "str", True)),
    "entity": (("type", "str", True), ("offset", "int", True), ("length", "int", True)),
    "message": (
        ("message_id", "int", True),
        ("date", "int", True),
        ("chat", "chat", True),
        ("from", "user", False),
        ("text", "str", False),
        ("entities", "entities", False),
        ("reply_to_message", "replied", False),
    ),
    # Telegram never nests a reply's own reply_to_message.
    "replied": (
        ("message_id", "int", True),
        ("date", "int", True),
        ("chat", "chat", True),
        ("from", "user", False),
        ("text", "str", False),
    ),
    "callback_query": (
        ("id", "str", True),
        ("from", "user", True),
        ("chat_instance", "str", True),
        ("data", "str", False),
        ("inline_message_id", "str", False),
        ("message", "callback_message", False),
    ),
    # An inaccessible message (too old) has date 0 and no more than its chat and id.
    "callback_message": (("message_id", "int", True), ("date", "int", True), ("chat", "chat", True)),
    "inline_query": (
        ("id", "str", True),
        ("from", "user", True),
        ("query", "str", True),
        ("offset", "str", True),
    ),
}
_FORBIDDEN_INSIDE = {"replied": "reply_to_message"}


def shape_error(data: object) -> str | None:
    """None for an update the handlers can read; else what is wrong ("message.text: str"),
    naming a field, never quoting a value."""
    if not isinstance(data, dict):
        return "not an object"
    if (problem := _too_deep(data)) is not None:
        return problem
    return _check(data, "update", "")


def _check(obj: Mapping[str, Any], spec: str, path: str) -> str | None:
    if (inside := _FORBIDDEN_INSIDE.get(spec)) is not None and inside in obj:
        return f"{path}.{inside}: nested"
    for name, kind, required in _SPECS[spec]:
        where = f"{path}.{name}" if path else name
        if name not in obj:
            if required:
                return f"{where}: missing"
            continue
        if (problem := _value(obj[name], kind, where)) is not None:
            return problem
    return None


def _value(value: object, kind: str, where: str) -> str | None:
    if kind == "int":
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif kind == "str":
        ok = isinstance(value, str)
    elif kind == "bool":
        ok = isinstance(value, bool)
    elif kind == "entities":
        if not isinstance(value, list):
            return f"{where}: array"
        for i, entity in enumerate(value):
            if not isinstance(entity, dict):
                return f"{where}[{i}]: object"
            if (problem := _check(entity, "entity", f"{where}[{i}]")) is not None:
                return problem
        return None
    else:
        if not isinstance(value, dict):
            return f"{where}: object"
        return _check(value, kind, where)
    return None if ok else f"{where}: {kind}"


def _too_deep(data: object) -> str | None:
    """Walk the whole value without recursion: too deep or too big for anything to read."""
    stack: list[tuple[object, int]] = [(data, 1)]
    nodes = 0
    while stack:
        value, depth = stack.pop()
        nodes += 1
        if depth > MAX_DEPTH:
            return f"nested deeper than {MAX_DEPTH}"
        if nodes > MAX_NODES:
            return f"more than {MAX_NODES} values"
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in value.values())
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value)
    return None
