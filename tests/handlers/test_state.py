"""The bounded in-memory state: the reply map and the flood guard."""

from __future__ import annotations

from handlers.state import FloodGuard, HandledUpdates, ReplyMemory


def test_reply_memory_is_bounded() -> None:
    memory = ReplyMemory(capacity=3)
    for i in range(5):
        memory.remember(1, i, [100 + i], "d" if i == 4 else "")
    assert len(memory) == 3
    assert memory.recall(1, 0) is None and memory.recall(1, 4) == ((104,), "d")


def test_flood_guard_recovers_when_user_slows_down() -> None:
    now = [0.0]
    guard = FloodGuard(limit=3, window=10, clock=lambda: now[0])
    assert [guard.check(7) for _ in range(6)] == ["ok", "ok", "ok", "notice", "drop", "drop"]
    assert guard.check(8) == "ok"  # other users unaffected
    now[0] = 30.0
    assert guard.check(7) == "ok"


async def test_handled_updates_answer_each_update_once() -> None:
    now = [0.0]
    handled = HandledUpdates(capacity=2, claim_seconds=60, clock=lambda: now[0])
    assert await handled.claim(1) == "mine"
    assert await handled.claim(1) == "busy"  # delivered again while being handled
    await handled.done(1)
    assert await handled.claim(1) == "done"
    assert await handled.claim(2) == "mine"
    await handled.release(2)  # handling stopped short: it may be handled again
    assert await handled.claim(2) == "mine"
    now[0] = 61.0  # the claim outlived the process that held it
    assert await handled.claim(2) == "mine"
    for update_id in (3, 4):
        await handled.claim(update_id)
        await handled.done(update_id)
    assert await handled.claim(1) == "mine"  # bounded: the oldest was forgotten
