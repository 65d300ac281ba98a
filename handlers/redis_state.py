"""The shared state in Redis, for several replicas behind one webhook: the same interfaces as
the in-memory defaults (handlers/state.py, handlers/conversations.py), keys under one prefix.

What is kept, and for how long (values hold slugs, ids and counters, never what anyone wrote):
- `<prefix>ctx:<conversation>`: a conversation's context as JSON, for CONTEXT_TTL;
- `<prefix>edit:<chat>:<message>`: the ids of the replies to a message and the advice code
  they showed, for 48 hours (Telegram's edit window);
- `<prefix>flood:{<user>}:t` and `:n`: the times of a user's last updates and whether they
  were told to slow down, for the flood window;
- `<prefix>upd:<update_id>`: a claim on an update being handled (its owner, a lease renewed
  while it runs), then "done" for an hour, so a copy redelivered to any replica is answered once.

While Redis is down or slow every store answers at once without it (RedisLink): no context,
no edit map, and the flood guard and the handled updates fall back to this process's memory.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable, Sequence

from pydantic import ValidationError

from handlers.redis_link import FAILURES, RedisLink
from handlers.state import (
    EDIT_WINDOW,
    FLOOD_LIMIT,
    FLOOD_WINDOW,
    Claim,
    FloodGuard,
    HandledUpdates,
    Recalled,
    Verdict,
)
from knowledge import Conversation

DONE_SECONDS = 3600.0  # a redelivery comes within minutes; an hour of ids is a few MB at most
LEASE_SECONDS = 10.0  # a claim whose process died is free again this long after its last renewal
PENDING_FORGETS = 10_000


class RedisConversations:
    """Conversation contexts with Redis' own expiry. /forget while Redis is down is kept here
    and carried out as soon as it answers again; until then the context is not read."""

    where = "KEPT_IN_REDIS"

    def __init__(self, link: RedisLink, prefix: str) -> None:
        self.link, self.prefix = link, prefix + "ctx:"
        self._forget: OrderedDict[str, None] = OrderedDict()  # deletes that must wait for Redis
        link.on_recovery(self._forget_pending)

    async def get(self, key: str) -> Conversation | None:
        if key in self._forget:
            return None
        if not self.link.up:
            self.link.skip()
            return None
        try:
            raw = await self.link.client.get(self.prefix + key)
        except FAILURES as exc:
            self.link.failed(exc)
            return None
        if raw is None:
            return None
        try:
            return Conversation.model_validate_json(raw)
        except ValidationError:  # written by another version: start afresh
            return None

    async def set(self, key: str, conversation: Conversation, ttl: float) -> None:
        self._forget.pop(key, None)  # a newer context replaces the one to forget
        if not self.link.up:
            self.link.skip()
            return
        try:
            await self.link.client.set(self.prefix + key, conversation.model_dump_json(), px=_ms(ttl))
        except FAILURES as exc:
            self.link.failed(exc)

    async def delete(self, key: str) -> None:
        if self.link.up:
            try:
                await self.link.client.delete(self.prefix + key)
                return
            except FAILURES as exc:
                self.link.failed(exc)
        self._forget[key] = None
        while len(self._forget) > PENDING_FORGETS:  # its context expires within CONTEXT_TTL anyway
            self._forget.popitem(last=False)

    async def _forget_pending(self) -> None:
        while self._forget:
            keys = list(self._forget)[:500]
            await self.link.client.delete(*(self.prefix + key for key in keys))
            for key in keys:
                self._forget.pop(key, None)


class RedisReplies:
    """The edit map: a user's message -> the bot's replies and the advice they showed."""

    def __init__(self, link: RedisLink, prefix: str, ttl: float = EDIT_WINDOW) -> None:
        self.link, self.prefix, self.ttl = link, prefix + "edit:", ttl

    async def remember(self, chat_id: int, message_id: int, reply_ids: Sequence[int], keep: str = "") -> None:
        if not self.link.up:
            self.link.skip()
            return
        value = json.dumps({"ids": list(reply_ids), "keep": keep}, separators=(",", ":"))
        try:
            await self.link.client.set(f"{self.prefix}{chat_id}:{message_id}", value, px=_ms(self.ttl))
        except FAILURES as exc:
            self.link.failed(exc)

    async def recall(self, chat_id: int, message_id: int) -> Recalled | None:
        if not self.link.up:
            self.link.skip()
            return None
        try:
            raw = await self.link.client.get(f"{self.prefix}{chat_id}:{message_id}")
        except FAILURES as exc:
            self.link.failed(exc)
            return None
        return None if raw is None else _recalled(raw)


def _recalled(raw: bytes | str) -> Recalled | None:
    """The entry as written by remember(), or None for anything else."""
    try:
        value = json.loads(raw)
        ids, keep = value["ids"], value["keep"]
    except (ValueError, TypeError, KeyError):
        return None
    if not isinstance(keep, str) or not isinstance(ids, list) or not all(type(i) is int for i in ids):
        return None
    return tuple(ids), keep


# A sliding window per user, as FloodGuard keeps it in memory, in one atomic step: drop the
# times older than the window, add now, keep the last limit+1; over the limit, the first time
# is a notice and the rest are dropped until the count falls back. Both keys expire with the
# window, so a user who stopped leaves nothing behind. Times are milliseconds of the callers'
# wall clocks (replicas on different machines share no monotonic clock).
_FLOOD = """
local times, noticed = KEYS[1], KEYS[2]
local now, window, limit = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
while true do
  local first = redis.call('LINDEX', times, 0)
  if not first or now - tonumber(first) <= window then break end
  redis.call('LPOP', times)
end
redis.call('RPUSH', times, ARGV[1])
redis.call('LTRIM', times, -(limit + 1), -1)
redis.call('PEXPIRE', times, window)
if redis.call('LLEN', times) <= limit then
  redis.call('DEL', noticed)
  return 'ok'
end
if redis.call('SET', noticed, '1', 'NX', 'PX', window) then
  return 'notice'
end
redis.call('PEXPIRE', noticed, window)
return 'drop'
"""


class RedisFlood:
    """The flood guard across every replica; this process's own guard while Redis is down."""

    def __init__(
        self,
        link: RedisLink,
        prefix: str,
        limit: int = FLOOD_LIMIT,
        window: float = FLOOD_WINDOW,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.link, self.prefix, self.clock = link, prefix + "flood:", clock
        self.limit, self.window = limit, window
        self.fallback = FloodGuard(limit, window)
        self._script = link.client.register_script(_FLOOD)

    async def check(self, user_id: int) -> Verdict:
        if not self.link.up:
            self.link.skip()
            return await self.fallback.check(user_id)
        # The braces keep a user's two keys in one Redis Cluster slot (the script needs both).
        base = f"{self.prefix}{{{user_id}}}"
        try:
            verdict = await self._script(
                keys=[base + ":t", base + ":n"], args=[_ms(self.clock()), _ms(self.window), self.limit]
            )
        except FAILURES as exc:
            self.link.failed(exc)
            return await self.fallback.check(user_id)
        return "notice" if verdict == b"notice" else "drop" if verdict == b"drop" else "ok"


# Renew the claims this process still holds, only where it still owns them.
_RENEW = """
for i, key in ipairs(KEYS) do
  if redis.call('GET', key) == ARGV[1] then redis.call('PEXPIRE', key, ARGV[2]) end
end
return 0
"""
# Give a claim up, only if it is still this process's (not one another replica took since).
_RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""


class RedisHandled:
    """The update_ids handled by any replica. A claim is `SET NX` with a lease naming this
    process; the lease is renewed while the update is handled, so a slow answer keeps it and a
    killed replica's claims are free again within LEASE_SECONDS. "done" is kept an hour. While
    Redis is down, this process's memory decides (and remembers what it handled)."""

    def __init__(
        self,
        link: RedisLink,
        prefix: str,
        lease: float = LEASE_SECONDS,
        keep_done: float = DONE_SECONDS,
    ) -> None:
        self.link, self.prefix, self.lease, self.keep_done = link, prefix + "upd:", lease, keep_done
        self.owner = uuid.uuid4().hex
        self.fallback = HandledUpdates()
        self._held: set[int] = set()
        self._renewing: asyncio.Task[None] | None = None
        self._renew = link.client.register_script(_RENEW)
        self._release = link.client.register_script(_RELEASE)

    async def claim(self, update_id: int) -> Claim:
        if self.fallback.is_done(update_id):  # handled here, perhaps while Redis was down
            return "done"
        if not self.link.up:
            self.link.skip()
            return await self.fallback.claim(update_id)
        key = f"{self.prefix}{update_id}"
        try:
            if await self.link.client.set(key, self.owner, nx=True, px=_ms(self.lease)):
                self._hold(update_id)
                return "mine"
            value = await self.link.client.get(key)
        except FAILURES as exc:
            self.link.failed(exc)
            return await self.fallback.claim(update_id)
        # None: the other claim ended between the two calls; Telegram will simply ask again.
        return "done" if value == b"done" else "busy"

    async def done(self, update_id: int) -> None:
        self._held.discard(update_id)
        await self.fallback.done(update_id)
        if not self.link.up:
            self.link.skip()
            return
        try:
            await self.link.client.set(f"{self.prefix}{update_id}", "done", px=_ms(self.keep_done))
        except FAILURES as exc:
            self.link.failed(exc)

    async def release(self, update_id: int) -> None:
        self._held.discard(update_id)
        await self.fallback.release(update_id)
        if not self.link.up:
            return  # the lease runs out by itself
        try:
            await self._release(keys=[f"{self.prefix}{update_id}"], args=[self.owner])
        except FAILURES as exc:
            self.link.failed(exc)

    async def close(self) -> None:
        """Stop renewing (a stop releases what it did not finish through release())."""
        if self._renewing is not None:
            self._renewing.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._renewing
            self._renewing = None

    def _hold(self, update_id: int) -> None:
        self._held.add(update_id)
        if self._renewing is None or self._renewing.done():
            self._renewing = asyncio.create_task(self._renew_while_held())

    async def _renew_while_held(self) -> None:
        """Most updates are done long before the first renewal: then this ends unseen."""
        while self._held:
            await asyncio.sleep(self.lease / 4)
            held = [f"{self.prefix}{u}" for u in self._held]
            if not held or not self.link.up:
                continue
            try:
                await self._renew(keys=held, args=[self.owner, _ms(self.lease)])
            except FAILURES as exc:
                self.link.failed(exc)


def _ms(seconds: float) -> int:
    return max(1, round(seconds * 1000))
