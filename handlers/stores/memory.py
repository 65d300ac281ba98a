"""The in-memory adapters of the stores (protocols.py): the default, for one process. Each is
bounded (least recently used out) so that no flood of users can grow memory without end."""

from __future__ import annotations

import time
from collections import OrderedDict, deque
from collections.abc import Callable, Sequence

from handlers.stores.protocols import EDIT_WINDOW, FLOOD_LIMIT, FLOOD_WINDOW, Claim, Key, Recalled, Verdict
from knowledge import Conversation


class MemoryConversations:
    """The default store: in this process, at most `capacity` contexts (least recently used
    out), each gone `ttl` seconds after it was last set."""

    def __init__(self, capacity: int = 100_000, clock: Callable[[], float] = time.monotonic) -> None:
        self.capacity, self.clock = capacity, clock
        self._kept: OrderedDict[str, tuple[float, Conversation]] = OrderedDict()

    async def get(self, key: str) -> Conversation | None:
        found = self._kept.get(key)
        if found is None:
            return None
        expires, conversation = found
        if expires <= self.clock():
            del self._kept[key]
            return None
        return conversation

    async def set(self, key: str, conversation: Conversation, ttl: float) -> None:
        self._kept.pop(key, None)
        self._kept[key] = (self.clock() + ttl, conversation)
        self._expire()
        while len(self._kept) > self.capacity:
            self._kept.popitem(last=False)

    async def delete(self, key: str) -> None:
        self._kept.pop(key, None)

    def _expire(self) -> None:
        """Drop expired contexts from the oldest end: every set moves its key to the newest
        end, so the oldest end expires first (all contexts share one TTL)."""
        now = self.clock()
        while self._kept:
            key, (expires, _) = next(iter(self._kept.items()))
            if expires > now:
                break
            del self._kept[key]

    def __len__(self) -> int:
        return len(self._kept)


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
        self._seen: OrderedDict[Key, deque[float]] = OrderedDict()
        self._noticed: set[Key] = set()

    async def check(self, user_id: Key) -> Verdict:
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
        self._done: OrderedDict[Key, None] = OrderedDict()
        self._busy: dict[Key, float] = {}

    def is_done(self, update_id: Key) -> bool:
        return update_id in self._done

    async def claim(self, update_id: Key) -> Claim:
        if update_id in self._done:
            return "done"
        until = self._busy.get(update_id)
        if until is not None and until > self.clock():
            return "busy"
        self._busy[update_id] = self.clock() + self.claim_seconds
        return "mine"

    async def done(self, update_id: Key) -> None:
        self._busy.pop(update_id, None)
        self._done[update_id] = None
        while len(self._done) > self.capacity:
            self._done.popitem(last=False)

    async def release(self, update_id: Key) -> None:
        self._busy.pop(update_id, None)
