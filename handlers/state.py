"""The state the handlers share between updates, behind small async interfaces, and the
in-memory implementations used when no Redis is configured (handlers/redis_state.py holds the
Redis ones, for several replicas):

- ReplyMap: which bot messages answered which user message, so an edited question edits them;
- FloodCheck: a per-user flood guard;
- HandledLog: the update_ids handled lately, so a redelivered update is answered once.

Nothing here holds message text or names: ids, codes and counters only.
"""

from __future__ import annotations

import time
from collections import OrderedDict, deque
from collections.abc import Callable, Sequence
from typing import Literal, Protocol

# Telegram lets a message be edited for 48 hours: after that, a reply map entry is useless.
EDIT_WINDOW = 48 * 3600.0
FLOOD_LIMIT = 20  # updates per user ...
FLOOD_WINDOW = 10.0  # ... in this many seconds

Recalled = tuple[tuple[int, ...], str]
Verdict = Literal["ok", "notice", "drop"]
Claim = Literal["mine", "done", "busy"]


class ReplyMap(Protocol):
    async def remember(self, chat_id: int, message_id: int, reply_ids: Sequence[int], keep: str = "") -> None:
        """The bot's messages `reply_ids` answer the user's message, showing advice `keep`."""

    async def recall(self, chat_id: int, message_id: int) -> Recalled | None:
        """The reply ids and kept advice for a user's message, or None if unknown."""


class FloodCheck(Protocol):
    async def check(self, user_id: int) -> Verdict:
        """Count one update of `user_id`: "ok", "notice" (the first one over) or "drop"."""


class HandledLog(Protocol):
    async def claim(self, update_id: int) -> Claim:
        """ "mine": handle it; "done": already handled; "busy": being handled now."""

    async def done(self, update_id: int) -> None:
        """The update is handled: a copy delivered later is a duplicate."""

    async def release(self, update_id: int) -> None:
        """Handling stopped before the end: the update may be handled again."""


class ReplyMemory:
    """(chat id, user message id) -> the ids of the bot's reply messages and the code of the
    advice they showed (Escalation.keep, so an edit never removes it); least recent out, and
    gone after `ttl` seconds."""

    def __init__(
        self, capacity: int = 10_000, ttl: float = EDIT_WINDOW, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.capacity, self.ttl, self.clock = capacity, ttl, clock
        self._map: OrderedDict[tuple[int, int], tuple[float, Recalled]] = OrderedDict()

    async def remember(self, chat_id: int, message_id: int, reply_ids: Sequence[int], keep: str = "") -> None:
        self._map[(chat_id, message_id)] = (self.clock() + self.ttl, (tuple(reply_ids), keep))
        self._map.move_to_end((chat_id, message_id))
        while len(self._map) > self.capacity:
            self._map.popitem(last=False)

    async def recall(self, chat_id: int, message_id: int) -> Recalled | None:
        found = self._map.get((chat_id, message_id))
        if found is None:
            return None
        expires, recalled = found
        if expires <= self.clock():
            del self._map[(chat_id, message_id)]
            return None
        return recalled

    def __len__(self) -> int:
        return len(self._map)


class FloodGuard:
    """More than `limit` updates in `window` seconds: one polite notice, then silence until
    the user slows down. Dropped updates count too, so a flood must actually stop."""

    def __init__(
        self,
        limit: int = FLOOD_LIMIT,
        window: float = FLOOD_WINDOW,
        capacity: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit, self.window, self.capacity, self.clock = limit, window, capacity, clock
        self._seen: OrderedDict[int, deque[float]] = OrderedDict()
        self._noticed: set[int] = set()

    async def check(self, user_id: int) -> Verdict:
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

    def is_done(self, update_id: int) -> bool:
        return update_id in self._done

    async def claim(self, update_id: int) -> Claim:
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
        self._busy.pop(update_id, None)
