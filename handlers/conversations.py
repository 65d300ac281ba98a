"""Where each conversation's context is kept between messages, behind a small async interface
so that another store (Redis, for several replicas) can take the in-memory one's place.

A context is a knowledge.Conversation: slugs, a section and a level, never what anyone wrote.
It is kept per private chat, and per user within a group, for `ttl` seconds after the last
message.
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Protocol

from telegram import Chat, User

from knowledge import Conversation

DEFAULT_TTL = 30 * 60.0


class ConversationStore(Protocol):
    where: str  # for /privacy: the telegram catalog's key that says where the state is kept

    async def get(self, key: str) -> Conversation | None:
        """The context kept under `key`, or None if there is none (or it expired)."""

    async def set(self, key: str, conversation: Conversation, ttl: float) -> None:
        """Keep `conversation` under `key` for `ttl` seconds from now."""

    async def delete(self, key: str) -> None:
        """Forget the context under `key` (/forget)."""


def conversation_key(chat: Chat, user: User | None) -> str:
    """One context per private chat; in a group, one per user, so that two people asking at
    once never answer each other's follow-ups."""
    if chat.type == Chat.PRIVATE or user is None:
        return f"c{chat.id}"
    return f"c{chat.id}:u{user.id}"


@dataclass
class Turn:
    """One message's turn: the context it is read in, and the context it leaves (None: as
    it was)."""

    before: Conversation | None
    after: Conversation | None = None


class Conversations:
    """The store as the handlers use it: a turn reads the context, the handler answers, and
    the context it leaves is kept for `ttl` seconds. Turns of one conversation run one at a
    time, in the order they started, so "magnesium" and "is it safe?" sent a moment apart
    are read in that order."""

    def __init__(self, store: ConversationStore | None = None, ttl: float = DEFAULT_TTL) -> None:
        self.store: ConversationStore = store or MemoryConversations()
        self.ttl = ttl
        self.where = self.store.where
        self._locks: dict[str, tuple[asyncio.Lock, int]] = {}

    @asynccontextmanager
    async def turn(self, key: str) -> AsyncIterator[Turn]:
        async with self._lock(key):
            turn = Turn(await self.store.get(key))
            yield turn
            if turn.after is not None:
                await self.store.set(key, turn.after, self.ttl)

    async def forget(self, key: str) -> None:
        async with self._lock(key):
            await self.store.delete(key)

    async def peek(self, key: str) -> Conversation | None:
        """The context kept under `key`, read without taking a turn (its language, for a
        reply that does not move the conversation on)."""
        return await self.store.get(key)

    @asynccontextmanager
    async def _lock(self, key: str) -> AsyncIterator[None]:
        """A lock per conversation, gone once no turn holds or waits for it."""
        lock, users = self._locks.get(key) or (asyncio.Lock(), 0)
        self._locks[key] = (lock, users + 1)
        try:
            async with lock:
                yield
        finally:
            lock, users = self._locks[key]
            if users == 1:
                del self._locks[key]
            else:
                self._locks[key] = (lock, users - 1)


class MemoryConversations:
    """The default store: in this process, at most `capacity` contexts (least recently used
    out), each gone `ttl` seconds after it was last set."""

    where = "KEPT_IN_MEMORY"

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
