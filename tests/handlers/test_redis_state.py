"""What only the Redis backend does, on a real redis-server: two replicas (two clients) share
one state, a killed replica's claims come free, and a Redis that is down or frozen leaves the
bot answering, degraded, until it answers again."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable

import pytest
from redis.asyncio import Redis

from handlers.redis_link import RedisLink, connect
from handlers.redis_state import RedisConversations, RedisFlood, RedisHandled, RedisReplies
from knowledge import Conversation
from tests.support.redis_server import RedisServer

ZINC = Conversation(topics=("zinc",))
PREFIX = "t:"


@pytest.fixture
async def links(redis_server: RedisServer) -> AsyncIterator[Callable[..., RedisLink]]:
    """Opens links ("replicas") to the test's server, each with short timeouts; closes them."""
    opened: list[RedisLink] = []

    def open_link(timeout: float = 2.0) -> RedisLink:
        opened.append(RedisLink(connect(redis_server.url, timeout), "test", probe_every=0.05))
        return opened[-1]

    yield open_link
    for link in opened:
        await link.close()


async def until(predicate: Callable[[], bool], within: float = 10.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while not predicate():
        assert loop.time() < deadline, "condition never held"
        await asyncio.sleep(0.02)


async def test_two_replicas_share_context_edits_flood_and_handled_updates(links) -> None:
    a, b = links(), links()
    await a.start()
    await b.start()
    await RedisConversations(a, PREFIX).set("c1", ZINC, ttl=60)
    assert await RedisConversations(b, PREFIX).get("c1") == ZINC
    await RedisReplies(a, PREFIX).remember(1, 10, [100], "d")
    assert await RedisReplies(b, PREFIX).recall(1, 10) == ((100,), "d")
    flood_a, flood_b = RedisFlood(a, PREFIX, limit=4), RedisFlood(b, PREFIX, limit=4)
    verdicts = [await (flood_a if n % 2 else flood_b).check(7) for n in range(6)]
    assert verdicts == ["ok"] * 4 + ["notice", "drop"]  # one allowance, not one per replica
    handled_a, handled_b = RedisHandled(a, PREFIX), RedisHandled(b, PREFIX)
    assert await handled_a.claim(5) == "mine"
    assert await handled_b.claim(5) == "busy"
    await handled_b.release(5)  # not B's claim: it stays A's
    assert await handled_b.claim(5) == "busy"
    await handled_a.done(5)
    assert await handled_b.claim(5) == "done"
    await handled_a.close()
    await handled_b.close()


async def test_a_killed_replicas_claim_comes_free_and_a_live_one_is_renewed(links) -> None:
    a, b = links(), links()
    await a.start()
    await b.start()
    alive = RedisHandled(a, PREFIX, lease=1.0)
    other = RedisHandled(b, PREFIX, lease=1.0)
    assert await alive.claim(1) == "mine"
    await asyncio.sleep(2.5)  # leases: renewed meanwhile, since it is still being handled
    assert await other.claim(1) == "busy"
    killed = RedisHandled(a, PREFIX, lease=1.0)
    assert await killed.claim(2) == "mine"
    await killed.close()  # the process is gone: nothing renews its claim, nothing releases it
    assert await other.claim(2) == "busy"
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 10
    while (claim := await other.claim(2)) == "busy":
        assert loop.time() < deadline
        await asyncio.sleep(0.05)
    assert claim == "mine"
    for h in (alive, other):
        await h.close()


async def test_redis_down_answers_degraded_logs_once_and_comes_back(
    links, redis_server: RedisServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="handlers.redis_link")
    link = links()
    await link.start()
    conversations = RedisConversations(link, PREFIX)
    replies, flood, handled = (
        RedisReplies(link, PREFIX),
        RedisFlood(link, PREFIX, limit=2),
        RedisHandled(link, PREFIX),
    )
    await conversations.set("c1", ZINC, ttl=60)
    redis_server.stop()
    for n in range(20):  # every call answers at once, degraded
        assert await conversations.get("c1") is None
        await conversations.set("c1", ZINC, ttl=60)
        await replies.remember(1, n, [n])
        assert await replies.recall(1, n) is None
        assert await handled.claim(n) == "mine"  # this process's memory decides
        await handled.done(n)
        assert await handled.claim(n) == "done"
    assert not link.up
    # The flood guard falls back to this process's memory, still a guard.
    assert [await flood.check(9) for _ in range(4)] == ["ok", "ok", "notice", "drop"]
    down = [r for r in caplog.records if "not answering" in r.getMessage()]
    assert len(down) == 1, [r.getMessage() for r in down]  # once, not per call
    assert "test" in down[0].getMessage() and "redis://" not in caplog.text
    redis_server.start()  # the same port, as a restarted Redis
    await until(lambda: link.up)
    assert any("answers again" in r.getMessage() for r in caplog.records)
    await conversations.set("c1", ZINC, ttl=60)
    assert await conversations.get("c1") == ZINC
    await replies.remember(1, 1, [1])
    assert await replies.recall(1, 1) == ((1,), "")
    assert await handled.claim(5) == "done"  # handled while Redis was down: still answered once
    await handled.close()


async def test_a_frozen_redis_costs_a_timeout_once_and_a_forget_waits_for_it(
    links, redis_server: RedisServer
) -> None:
    link = links(timeout=0.2)
    await link.start()
    conversations = RedisConversations(link, PREFIX)
    await conversations.set("c1", ZINC, ttl=60)
    redis_server.pause()
    try:
        # Timeouts, not hangs: the first call waits them out, later ones skip Redis at once.
        await asyncio.wait_for(conversations.delete("c1"), 5)
        assert not link.up
        assert await asyncio.wait_for(conversations.get("c1"), 1) is None
    finally:
        redis_server.resume()
    await until(lambda: link.up)
    await until(lambda: not conversations._forget)
    raw = Redis.from_url(redis_server.url)
    try:
        assert await raw.exists(PREFIX + "ctx:c1") == 0  # the /forget was carried out
    finally:
        await raw.aclose()


async def test_every_key_is_prefixed_and_expires_by_itself(links, redis_server: RedisServer) -> None:
    link = links()
    await link.start()
    await RedisConversations(link, PREFIX).set("c1", ZINC, ttl=60)
    await RedisReplies(link, PREFIX).remember(1, 10, [100], "d")
    await RedisFlood(link, PREFIX).check(7)
    handled = RedisHandled(link, PREFIX)
    await handled.claim(3)
    await handled.done(3)
    raw = Redis.from_url(redis_server.url)
    try:
        keys = sorted([k.decode() async for k in raw.scan_iter()])
        assert all(k.startswith(PREFIX) for k in keys), keys
        assert {k.split(":")[1] for k in keys} == {"ctx", "edit", "flood", "upd"}
        for key in keys:
            assert await raw.pttl(key) > 0, key  # everything expires by itself
    finally:
        await raw.aclose()
    await handled.close()


async def test_every_redis_outage_is_logged_when_it_starts_and_when_it_ends(
    links, caplog: pytest.LogCaptureFixture
) -> None:
    """However close to the last: an operator counting outages in the log finds each one."""
    caplog.set_level(logging.INFO, logger="handlers.redis_link")
    now = [0.0]
    link = links()
    link.clock = lambda: now[0]
    await link.start()
    for _ in range(30):  # down and back every second, for half a minute
        link.failed(ConnectionError("reset"))
        link.failed(ConnectionError("reset"))  # the same outage: no second line
        now[0] += 1.0
        assert await link.probe()
    lines = [r.getMessage() for r in caplog.records if "Redis at" in r.getMessage()]
    assert len(lines) == 1 + 2 * 30, lines  # it answers; then each outage's start and end
    assert sum("not answering" in line for line in lines) == 30
    assert sum("answers again" in line for line in lines) == 30
    link.failed(ConnectionError("reset"))
    now[0] += 30.0
    link.failed(ConnectionError("reset"))
    assert "answers again" in caplog.records[-2].getMessage()  # no reminder within the minute
    now[0] += 60.0
    link.failed(ConnectionError("reset"))
    assert "not answering" in caplog.records[-1].getMessage()  # a long outage: a reminder
