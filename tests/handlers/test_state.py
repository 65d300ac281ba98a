"""The bounded in-memory state: what only the memory implementations do (capacity, a clock of
their own). The behaviour both backends share is in test_state_backends.py."""

from __future__ import annotations

from handlers.stores.memory import HandledUpdates, ReplyMemory


async def test_reply_memory_is_bounded() -> None:
    memory = ReplyMemory(capacity=3)
    for i in range(5):
        await memory.remember(1, i, [100 + i], "d" if i == 4 else "")
    assert len(memory) == 3
    assert await memory.recall(1, 0) is None and await memory.recall(1, 4) == ((104,), "d")


async def test_reply_memory_forgets_after_the_edit_window() -> None:
    now = [0.0]
    memory = ReplyMemory(ttl=48 * 3600, clock=lambda: now[0])
    await memory.remember(1, 1, [10])
    now[0] = 48 * 3600 - 1
    assert await memory.recall(1, 1) == ((10,), "")
    now[0] = 48 * 3600 + 1
    assert await memory.recall(1, 1) is None and len(memory) == 0


async def test_handled_updates_in_memory_expire_claims_and_stay_bounded() -> None:
    """What only the memory version does (the rest: test_state_backends.py, on both)."""
    now = [0.0]
    handled = HandledUpdates(capacity=2, claim_seconds=60, clock=lambda: now[0])
    assert await handled.claim(1) == "mine"
    await handled.done(1)
    assert await handled.claim(2) == "mine"
    assert await handled.claim(2) == "busy"
    now[0] = 61.0  # the claim outlived the process that held it
    assert await handled.claim(2) == "mine"
    for update_id in (3, 4):
        await handled.claim(update_id)
        await handled.done(update_id)
    assert await handled.claim(1) == "mine"  # bounded: the oldest was forgotten
