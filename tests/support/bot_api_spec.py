"""Requests checked against the Bot API's own machine-readable spec (tests/data/telegram-bot-api.json,
see tests/data/telegram-bot-api.md): the method exists, every parameter is one it takes, the
required ones are there, and each value has a type the spec allows, objects field by field."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

SPEC_PATH = Path(__file__).parents[1] / "data" / "telegram-bot-api.json"
_ARRAY = "Array of "


@cache
def spec() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(SPEC_PATH.read_text(encoding="utf-8"))
    return loaded


@cache
def _methods() -> dict[str, dict[str, Any]]:
    return {name.lower(): method for name, method in spec()["methods"].items()}


def violations(method: str, params: dict[str, Any]) -> list[str]:
    """What in one request the spec does not allow ([] when nothing)."""
    found = _methods().get(method.lower())
    if found is None:
        return [f"{method}: no such method"]
    return _fields(found.get("fields", []), params, method)


def _fields(fields: list[dict[str, Any]], values: dict[str, Any], where: str) -> list[str]:
    by_name = {f["name"]: f for f in fields}
    problems = [f"{where}.{name}: not a parameter" for name in values if name not in by_name]
    for name, field in by_name.items():
        if name not in values or values[name] is None:
            if field.get("required"):
                problems.append(f"{where}.{name}: required")
            continue
        if not any(not _value(values[name], kind, f"{where}.{name}") for kind in field["types"]):
            problems += _value(values[name], field["types"][0], f"{where}.{name}")
    return problems


def _value(value: Any, kind: str, where: str) -> list[str]:
    if kind.startswith(_ARRAY):
        if not isinstance(value, list):
            return [f"{where}: not an array"]
        return [p for i, item in enumerate(value) for p in _value(item, kind[len(_ARRAY) :], f"{where}[{i}]")]
    simple = {
        "Integer": isinstance(value, int) and not isinstance(value, bool),
        "String": isinstance(value, str),
        "Boolean": isinstance(value, bool),
        "Float": isinstance(value, int | float) and not isinstance(value, bool),
        "True": value is True,
        "InputFile": isinstance(value, dict),
    }
    if kind in simple:
        return [] if simple[kind] else [f"{where}: not {kind}"]
    described = spec()["types"].get(kind)
    if described is None:
        return [f"{where}: unknown type {kind}"]
    if not isinstance(value, dict):
        return [f"{where}: not an object ({kind})"]
    subtypes = described.get("subtypes")
    if subtypes:
        attempts = [_value(value, sub, where) for sub in subtypes]
        return [] if any(not a for a in attempts) else [f"{where}: matches no {kind}"]
    return _fields(described.get("fields", []), value, f"{where}<{kind}>")
