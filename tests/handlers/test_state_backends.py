"""The same behaviour from both backends: this process's memory, and a real redis-server.

Every test here runs twice (memory, redis); the Redis run starts its own redis-server on a free
loopback port (tests/support/redis_server.py), and skips without one (fails on CI).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any

import pytest

from handlers.service import Conversations
from handlers.stores.memory import FloodGuard, HandledUpdates, MemoryConversations, ReplyMemory
from handlers.stores.protocols import ConversationStore, FloodCheck, HandledLog, ReplyMap
from knowledge import Conversation

MAGNESIUM = Conversation(topics=("magnesium",), condition="twitching", section="safety")
ZINC = Conversation(topics=("zinc",))


@dataclass
class Backend:
    """Makes each store of one backend; `close` undoes what was opened."""

    name: str
    conversations: Callable[[], ConversationStore]
    replies: Callable[..., ReplyMap]
    flood: Callable[..., FloodCheck]
    handled: Callable[..., HandledLog]
    close: Callable[[], Any]


@pytest.fixture(params=["memory", "redis"])
async def backend(request: pytest.FixtureRequest) -> AsyncIterator[Backend]:
    if request.param == "memory":
        yield Backend(
            "memory",
            MemoryConversations,
            lambda ttl=48 * 3600: ReplyMemory(ttl=ttl),
            lambda limit, window, clock: FloodGuard(limit, window, clock=clock),
            lambda: HandledUpdates(),
            lambda: None,
        )
        return
    from handlers.stores.redis import RedisConversations, RedisFlood, RedisHandled, RedisReplies
    from handlers.stores.redis_link import RedisLink, connect

    server = request.getfixturevalue("redis_server")
    link = RedisLink(connect(server.url, 2.0), "test", probe_every=0.1)
    await link.start()
    assert link.up
    made: list[RedisHandled] = []

    def handled() -> RedisHandled:
        made.append(RedisHandled(link, "t:"))
        return made[-1]

    async def close() -> None:
        for h in made:
            await h.close()
        await link.close()

    yield Backend(
        "redis",
        lambda: RedisConversations(link, "t:"),
        lambda ttl=48 * 3600: RedisReplies(link, "t:", ttl=ttl),
        lambda limit, window, clock: RedisFlood(link, "t:", limit, window, clock=clock),
        handled,
        close,
    )
    await close()


async def eventually_none(get: Callable[[], Any], within: float = 10.0) -> None:
    """Expiry is the store's own (Redis expires keys itself): wait for it, boundedly."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while await get() is not None:
        assert loop.time() < deadline, "never expired"
        await asyncio.sleep(0.05)


async def test_a_context_is_kept_replaced_and_forgotten(backend: Backend) -> None:
    store = backend.conversations()
    assert await store.get("c1") is None
    await store.set("c1", MAGNESIUM, ttl=60)
    await store.set("c2", ZINC, ttl=60)
    assert await store.get("c1") == MAGNESIUM and await store.get("c2") == ZINC
    await store.set("c1", ZINC, ttl=60)
    assert await store.get("c1") == ZINC
    await store.delete("c1")
    await store.delete("never-set")
    assert await store.get("c1") is None and await store.get("c2") == ZINC


async def test_a_context_expires_after_its_ttl(backend: Backend) -> None:
    store = backend.conversations()
    await store.set("c1", MAGNESIUM, ttl=1.0)
    await store.set("c2", ZINC, ttl=60)
    assert await store.get("c1") == MAGNESIUM
    await eventually_none(lambda: store.get("c1"))
    assert await store.get("c2") == ZINC


async def test_turns_read_and_keep_the_context(backend: Backend) -> None:
    conversations = Conversations(backend.conversations(), ttl=60)
    async with conversations.turn("c1") as turn:
        assert turn.before is None
        turn.after = MAGNESIUM
    async with conversations.turn("c1") as turn:
        assert turn.before == MAGNESIUM
    await conversations.forget("c1")
    async with conversations.turn("c1") as turn:
        assert turn.before is None


async def test_the_edit_map_recalls_replies_and_kept_advice(backend: Backend) -> None:
    replies = backend.replies()
    assert await replies.recall(1, 10) is None
    await replies.remember(1, 10, (100, 101), "d")
    await replies.remember(-100200, 11, [102])
    assert await replies.recall(1, 10) == ((100, 101), "d")
    assert await replies.recall(-100200, 11) == ((102,), "")
    assert await replies.recall(2, 10) is None  # another chat's message 10
    await replies.remember(1, 10, [103], "e")
    assert await replies.recall(1, 10) == ((103,), "e")


async def test_the_edit_map_forgets_after_its_window(backend: Backend) -> None:
    replies = backend.replies(ttl=1.0)
    await replies.remember(1, 10, [100])
    assert await replies.recall(1, 10) == ((100,), "")
    await eventually_none(lambda: replies.recall(1, 10))


async def test_the_flood_guard_notices_once_then_drops_until_the_user_slows_down(backend: Backend) -> None:
    now = [1_000.0]
    guard = backend.flood(3, 10.0, lambda: now[0])
    verdicts = []
    for _ in range(6):
        verdicts.append(await guard.check(7))
        now[0] += 0.1
    assert verdicts == ["ok", "ok", "ok", "notice", "drop", "drop"]
    assert await guard.check(8) == "ok"  # other users unaffected
    now[0] += 5.0
    assert await guard.check(7) == "drop"  # still inside the window: dropped updates count too
    now[0] += 30.0
    assert await guard.check(7) == "ok"
    for _ in range(2):  # a second flood gets its own notice
        await guard.check(7)
    assert await guard.check(7) == "notice"


async def test_an_update_is_handled_once(backend: Backend) -> None:
    handled = backend.handled()
    assert await handled.claim(1) == "mine"
    assert await handled.claim(1) == "busy"  # delivered again while being handled
    await handled.done(1)
    assert await handled.claim(1) == "done"
    assert await handled.claim(2) == "mine"
    await handled.release(2)  # handling stopped short: it may be handled again
    assert await handled.claim(2) == "mine"
    await handled.done(2)
    assert await handled.claim(2) == "done"
