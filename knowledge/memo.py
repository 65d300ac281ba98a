"""Work done once per immutable object, found again by the object's identity.

Knowledge hands out the same immutable objects answer after answer (a section, a button, a
keyboard built from them), so what is derived from one (its layout, a copy keeping advice, its
JSON) is worked out the first time and found again by `id()`, without hashing every field in
Python. The objects are kept beside their value, so that no id is reused while it is a key;
the memo is bounded by clearing. It holds what knowledge wrote, never a person's words.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

V = TypeVar("V")


class IdentityMemo(Generic[V]):
    """Values by the identity of the objects they come from (and a plain key beside them)."""

    __slots__ = ("_found", "_size")

    def __init__(self, size: int) -> None:
        self._size = size
        self._found: dict[tuple[Hashable, ...], tuple[tuple[object, ...], V]] = {}

    def get(self, held: tuple[object, ...], make: Callable[[], V], by: Hashable = None) -> V:
        """The value made from `held` (and `by`), made by `make` the first time."""
        key = (*map(id, held), by)
        found = self._found.get(key)
        if found is not None:
            return found[1]
        value = make()
        if len(self._found) >= self._size:
            self._found.clear()
        self._found[key] = (held, value)
        return value
