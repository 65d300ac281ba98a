"""The fake's state: what the bot sent, what it marked read, the faults to apply next."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Sent:
    """One message the bot sent: to whom, its type ("text" or "interactive"), its text, and
    for an interactive one its kind ("button" or "list") and choices as (id, title,
    description)."""

    to: str
    type: str
    text: str
    interactive: str = ""
    choices: list[tuple[str, str, str]] = field(default_factory=list)
    list_button: str = ""
    raw: dict[str, Any] = field(default_factory=dict)


@dataclass
class Fault:
    kind: str  # "500", "drop", "slow", "throttled" or "undeliverable"
    delay: float = 0.0


class WhatsAppState:
    def __init__(self, phone_number_id: str, token: str) -> None:
        self.phone_number_id, self.token = phone_number_id, token
        self.sent: list[Sent] = []
        self.read: list[str] = []
        self.refused: list[dict[str, Any]] = []  # requests refused as Meta would, with the reason
        self.requests = 0
        self.last_message: dict[str, float] = {}  # user -> when they last wrote (the window)
        self.faults: list[Fault] = []
        self._ids = itertools.count(1)
        self._changed = asyncio.Event()

    def next_id(self) -> str:
        return f"wamid.FAKE{next(self._ids):08d}"

    def changed(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    async def wait_change(self, timeout: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._changed.wait(), timeout)

    def take_fault(self) -> Fault | None:
        return self.faults.pop(0) if self.faults else None
