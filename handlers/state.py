"""Bounded in-memory state: which bot messages answered which user message, and flood counts.

Nothing here holds message text or names, and nothing outlives the process.
"""

from __future__ import annotations

import time
from collections import OrderedDict, deque
from collections.abc import Callable
from typing import Literal


class ReplyMemory:
    """(chat id, user message id) -> the ids of the bot's reply messages and the code of the
    advice they showed (Escalation.keep, so an edit never removes it), least recent out."""

    def __init__(self, capacity: int = 10_000) -> None:
        self.capacity = capacity
        self._map: OrderedDict[tuple[int, int], tuple[tuple[int, ...], str]] = OrderedDict()

    def remember(self, chat_id: int, message_id: int, reply_ids: list[int], keep: str = "") -> None:
        self._map[(chat_id, message_id)] = (tuple(reply_ids), keep)
        self._map.move_to_end((chat_id, message_id))
        while len(self._map) > self.capacity:
            self._map.popitem(last=False)

    def recall(self, chat_id: int, message_id: int) -> tuple[tuple[int, ...], str] | None:
        return self._map.get((chat_id, message_id))

    def __len__(self) -> int:
        return len(self._map)


Verdict = Literal["ok", "notice", "drop"]


class FloodGuard:
    """More than `limit` updates in `window` seconds: one polite notice, then silence until
    the user slows down. Dropped updates count too, so a flood must actually stop."""

    def __init__(
        self,
        limit: int = 20,
        window: float = 10.0,
        capacity: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit, self.window, self.capacity, self.clock = limit, window, capacity, clock
        self._seen: OrderedDict[int, deque[float]] = OrderedDict()
        self._noticed: set[int] = set()

    def check(self, user_id: int) -> Verdict:
        now = self.clock()
        # Only the last limit+1 times matter, so a flood cannot grow memory.
        times = self._seen.pop(user_id, None) or deque(maxlen=self.limit + 1)
        self._seen[user_id] = times
        while times and now - times[0] > self.window:
            times.popleft()
        times.append(now)
        while len(self._seen) > self.capacity:
            old, _ = self._seen.popitem(last=False)
            self._noticed.discard(old)
        if len(times) <= self.limit:
            self._noticed.discard(user_id)
            return "ok"
        if user_id in self._noticed:
            return "drop"
        self._noticed.add(user_id)
        return "notice"


Claim = Literal["mine", "done", "busy"]


class HandledUpdates:
    """The update_ids handled lately, so that an update delivered again (a webhook retried, a
    poll after a hard kill) is answered once. A claim lasts `claim_seconds`: if the process
    handling it dies, the update can be handled again once Telegram redelivers it."""

    def __init__(
        self,
        capacity: int = 100_000,
        claim_seconds: float = 120.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.capacity, self.claim_seconds, self.clock = capacity, claim_seconds, clock
        self._done: OrderedDict[int, None] = OrderedDict()
        self._busy: dict[int, float] = {}

    async def claim(self, update_id: int) -> Claim:
        """ "mine": handle it; "done": already handled; "busy": being handled now."""
        if update_id in self._done:
            return "done"
        until = self._busy.get(update_id)
        if until is not None and until > self.clock():
            return "busy"
        self._busy[update_id] = self.clock() + self.claim_seconds
        return "mine"

    async def done(self, update_id: int) -> None:
        self._busy.pop(update_id, None)
        self._done[update_id] = None
        while len(self._done) > self.capacity:
            self._done.popitem(last=False)

    async def release(self, update_id: int) -> None:
        """Handling stopped before the end: the update may be handled again."""
        self._busy.pop(update_id, None)
