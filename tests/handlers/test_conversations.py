"""The conversation store: bounded, expiring, keyed per chat and per user in groups, and one
turn at a time per conversation."""

from __future__ import annotations

import asyncio

import pytest
from telegram import Chat, User

from handlers.service import Conversations
from handlers.stores.memory import MemoryConversations
from handlers.telegram.conversations import conversation_key
from knowledge import Conversation

MAGNESIUM = Conversation(topics=("magnesium",), condition="twitching", section="safety")
ZINC = Conversation(topics=("zinc",))


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def test_a_context_expires_after_its_ttl() -> None:
    clock = Clock()
    store = MemoryConversations(clock=clock)
    await store.set("c1", MAGNESIUM, ttl=60)
    clock.now += 59
    assert await store.get("c1") == MAGNESIUM
    clock.now += 2
    assert await store.get("c1") is None and len(store) == 0


async def test_setting_again_restarts_the_ttl_and_expired_ones_are_swept() -> None:
    clock = Clock()
    store = MemoryConversations(clock=clock)
    await store.set("old", ZINC, ttl=60)
    await store.set("kept", MAGNESIUM, ttl=60)
    clock.now += 50
    await store.set("kept", MAGNESIUM, ttl=60)
    clock.now += 20
    await store.set("new", ZINC, ttl=60)  # sweeps "old" without a get
    assert len(store) == 2 and await store.get("kept") == MAGNESIUM


async def test_the_store_is_bounded_least_recent_out() -> None:
    store = MemoryConversations(capacity=3)
    for n in range(5):
        await store.set(f"c{n}", ZINC, ttl=60)
    assert len(store) == 3
    assert await store.get("c0") is None and await store.get("c4") == ZINC


async def test_delete_forgets() -> None:
    store = MemoryConversations()
    await store.set("c1", ZINC, ttl=60)
    await store.delete("c1")
    await store.delete("never-set")
    assert await store.get("c1") is None


def test_one_context_per_private_chat_and_per_user_in_a_group() -> None:
    alice, bob = User(1, "Alice", False), User(2, "Bob", False)
    private = Chat(1, Chat.PRIVATE)
    group = Chat(-100, Chat.SUPERGROUP)
    assert conversation_key(private, alice) == "c1"
    assert conversation_key(group, alice) != conversation_key(group, bob)
    assert conversation_key(group, None) == "c-100"


async def test_a_turn_reads_and_keeps_the_context() -> None:
    conversations = Conversations(ttl=60)
    async with conversations.turn("c1") as turn:
        assert turn.before is None
        turn.after = ZINC
    async with conversations.turn("c1") as turn:
        assert turn.before == ZINC  # left as it was when `after` is not set
    assert await conversations.store.get("c1") == ZINC
    await conversations.forget("c1")
    async with conversations.turn("c1") as turn:
        assert turn.before is None


async def test_turns_of_one_conversation_run_in_order_others_in_parallel() -> None:
    conversations = Conversations(ttl=60)
    seen: list[tuple[str, Conversation | None]] = []
    other_ran = asyncio.Event()

    async def first() -> None:
        async with conversations.turn("c1") as turn:
            await asyncio.wait_for(other_ran.wait(), 5)  # a turn elsewhere is not blocked
            await asyncio.sleep(0.01)
            turn.after = MAGNESIUM

    async def second() -> None:
        async with conversations.turn("c1") as turn:
            seen.append(("c1", turn.before))

    async def elsewhere() -> None:
        async with conversations.turn("c2") as turn:
            seen.append(("c2", turn.before))
            other_ran.set()

    await asyncio.gather(first(), second(), elsewhere())
    assert seen == [("c2", None), ("c1", MAGNESIUM)]
    assert not conversations._locks  # no lock outlives its turns


async def test_a_failed_turn_keeps_the_context_as_it_was() -> None:
    conversations = Conversations(ttl=60)
    await conversations.store.set("c1", ZINC, ttl=60)
    with pytest.raises(RuntimeError):
        async with conversations.turn("c1") as turn:
            turn.after = MAGNESIUM
            raise RuntimeError("sending failed")
    assert await conversations.store.get("c1") == ZINC
