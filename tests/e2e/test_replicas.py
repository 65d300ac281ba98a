"""Two replicas, one Redis, one load balancer: `python -m bot` twice in webhook mode over
loopback, sharing a real redis-server, with updates spread between them as a load balancer
would. A conversation, an edit and a flood span both; a SIGKILL of one loses nothing."""

from __future__ import annotations

import asyncio
from pathlib import Path

import aiohttp
from redis.asyncio import Redis

from handlers.telegram import wording
from knowledge.base.models import KnowledgeBase
from tests.support.e2e import check_html
from tests.support.fake_bot_api import FakeBotAPI
from tests.support.redis_server import RedisServer
from tests.support.replicas import replicas

A, B = 0, 1


async def test_a_conversation_edits_and_a_flood_span_both_replicas(
    tmp_path: Path, redis_server: RedisServer, kb: KnowledgeBase
) -> None:
    chat, flooder = 31_001, 31_002
    async with FakeBotAPI() as api, replicas(api, redis_server.url, tmp_path) as (_, lb):
        # The topic set on A ...
        question = api.push_text(chat, "magnesium for Philippa")
        assert (await lb.post(question, to=A)).answered_by == "A"
        first = (await api.wait_for_messages(chat, 1))[0]
        assert first["text"].startswith("Magnesium")
        # ... is what a follow-up on B is about.
        assert (await lb.post(api.push_text(chat, "is it safe?"), to=B)).answered_by == "B"
        safety = (await api.wait_for_messages(chat, 2))[1]
        check_html(safety)
        facts = kb.ingredients["magnesium"].safety
        assert safety["text"].startswith("Magnesium") and facts is not None
        assert facts.upper_limit in safety["text"]

        # An edited question on B edits the answer A sent, in place.
        sent_before = len(api.sent_to(chat))
        edited = api.push_edited_text(chat, question["message"]["message_id"], "zinc")
        assert (await lb.post(edited, to=B)).answered_by == "B"
        await api.wait_for(
            lambda: api.sent_to(chat)[0]["text"].startswith("Zinc"), timeout=20, what="A's answer edited"
        )
        assert api.sent_to(chat)[0]["message_id"] == first["message_id"]
        assert len(api.sent_to(chat)) == sent_before  # edited, not answered anew

        # One user's flood, alternating between the replicas, gets one allowance in all.
        floods = [api.push_text(flooder, "thanks") for _ in range(30)]
        results = await asyncio.gather(*(lb.post(u, to=n % 2) for n, u in enumerate(floods)))
        assert {r.answered_by for r in results} == {"A", "B"}
        texts = [m["text"] for m in api.sent_to(flooder)]
        assert texts.count(wording.FLOOD_NOTICE) == 1
        assert len(texts) == 20 + 1, texts  # FLOOD_LIMIT answers and one notice, not 2 x 20

        # /privacy says truthfully where all this is kept.
        await lb.post(api.push_command(chat, "privacy"), to=A)
        await api.wait_for(lambda: "Redis database" in api.sent_to(chat)[-1]["text"], what="/privacy")
        assert "48 hours" in api.sent_to(chat)[-1]["text"]

        # Redis holds ids, slugs and counters: nothing anyone wrote.
        raw = Redis.from_url(redis_server.url)
        try:
            for key in [k async for k in raw.scan_iter()]:
                assert key.startswith(b"remedybot:"), key
                if await raw.type(key) == b"string":
                    value = await raw.get(key) or b""
                    assert b"Philippa" not in value and b"is it" not in value and b"thanks" not in value
        finally:
            await raw.aclose()


async def test_sigkill_of_a_replica_loses_nothing(tmp_path: Path, redis_server: RedisServer) -> None:
    chats = range(32_001, 32_061)
    async with FakeBotAPI() as api, replicas(api, redis_server.url, tmp_path) as (bots, lb):
        updates = [api.push_text(chat, "zinc") for chat in chats]
        # Spread between A and B; A dies once a few answers are out.
        delivering = [asyncio.create_task(lb.post(u, to=n % 2)) for n, u in enumerate(updates)]
        await api.wait_for(lambda: len(api.calls_to("sendMessage")) >= 6, timeout=30, what="answers")
        await bots[A].kill()
        deliveries = await asyncio.gather(*delivering)
        # Every update got its 200 in the end, what A never acknowledged from B.
        assert all(d.answered_by for d in deliveries)
        acknowledged_by_a = {d.update_id for d in deliveries if d.answered_by == "A"}
        moved = [d for d in deliveries if d.statuses[0][0] == "A" and d.answered_by == "B"]
        assert moved, "the kill came too late to prove anything"
        await api.wait_for(lambda: all(api.sent_to(c) for c in chats), timeout=30, what="every chat")
        # An update is answered twice only if A died after answering and before recording it
        # as handled: never one that A acknowledged with 200.
        twice = {u["update_id"] for u in updates if len(api.sent_to(u["message"]["chat"]["id"])) > 1}
        assert not twice & acknowledged_by_a, twice & acknowledged_by_a
        assert len(twice) <= len(moved)
        # Redelivered now to B, every update already handled (on A or B) is not answered again.
        sends = len(api.calls_to("sendMessage"))
        again = await asyncio.gather(*(lb.post(u, to=B) for u in updates))
        assert all(d.answered_by == "B" for d in again)
        assert len(api.calls_to("sendMessage")) == sends
    assert "Traceback" not in bots[B].output, bots[B].output[-3000:]


async def readiness(url: str) -> tuple[int, dict]:
    async with aiohttp.ClientSession() as http, http.get(url + "/readyz") as response:
        return response.status, await response.json()


async def until_ready(url: str, ready: bool, within: float = 20.0) -> dict:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while True:
        status, checks = await readiness(url)
        if (status == 200) == ready:
            return checks
        assert loop.time() < deadline, checks
        await asyncio.sleep(0.1)


async def test_redis_stopped_mid_conversation_degrades_then_recovers(
    tmp_path: Path, redis_server: RedisServer
) -> None:
    chat = 33_001
    async with FakeBotAPI() as api, replicas(api, redis_server.url, tmp_path, names=("A",)) as (bots, lb):
        assert (await readiness(bots[A].url))[1]["redis"] is True
        await lb.post(api.push_text(chat, "magnesium"), to=A)
        redis_server.stop()
        checks = await until_ready(bots[A].url, ready=False)
        assert checks["redis"] is False and checks["bot_api_reachable"] is True
        # Still answering, without the context: "is it safe?" no longer knows what "it" is.
        for n in range(5):
            assert (await lb.post(api.push_text(chat, "is it safe?"), to=A)).answered_by == "A"
            await api.wait_for_messages(chat, 2 + n)
        assert not api.sent_to(chat)[-1]["text"].startswith("Magnesium")
        redis_server.start()  # the same port, as a restarted Redis
        await until_ready(bots[A].url, ready=True)
        await lb.post(api.push_text(chat, "magnesium"), to=A)
        await lb.post(api.push_text(chat, "is it safe?"), to=A)
        await api.wait_for_messages(chat, 8)
        assert api.sent_to(chat)[-1]["text"].startswith("Magnesium")
    output = bots[A].output
    assert output.count("is not answering") == 1, output  # once, not per message
    assert output.count("answers again") == 1, output
    assert "Traceback" not in output and redis_server.url not in output
