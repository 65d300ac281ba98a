"""Telegram misbehaves; every user message still gets its answer once the API recovers.

Delivery is at-least-once: when a sendMessage is applied but its answer never arrives (a slow
response past the client timeout), the retry sends it again, so that message is answered
twice. When the failure happens before Telegram applies the call (429, 5xx, a dropped
connection), the message is answered exactly once.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from knowledge.engine import Engine
from tests.support.e2e import check_html, polling_bot
from tests.support.fake_bot_api import FakeBotAPI

CHAT = 6001


@pytest.fixture
async def api() -> AsyncIterator[FakeBotAPI]:
    async with FakeBotAPI() as fake:
        yield fake


async def answered(api: FakeBotAPI, chat: int, text: str = "magnesium", timeout: float = 20) -> list[dict]:
    api.push_text(chat, text)
    sent = await api.wait_for_messages(chat, 1, timeout=timeout)
    for message in sent:
        check_html(message)
    return sent


@pytest.mark.parametrize(
    ("kind", "extra"),
    [("429", {"retry_after": 1}), ("500", {}), ("502", {}), ("drop", {})],
)
async def test_send_failures_are_retried_exactly_once(
    api: FakeBotAPI, engine: Engine, kind: str, extra: dict
) -> None:
    async with polling_bot(api, engine):
        api.fail("sendMessage", kind, times=2, **extra)
        sent = await answered(api, CHAT)
        faulted = [c for c in api.calls_to("sendMessage") if c.fault]
        assert len(faulted) == 2
        await api.wait_for(lambda: len(api.calls_to("sendMessage")) >= 3)
    assert len(api.sent_to(CHAT)) == 1, "applied once, answered once"
    assert sent[0]["text"].startswith("Magnesium")


async def test_slow_send_past_the_timeout_is_answered_at_least_once(api: FakeBotAPI, engine: Engine) -> None:
    async with polling_bot(api, engine, read_timeout=0.5):
        api.fail("sendMessage", "slow", delay=1.0)
        await answered(api, CHAT)
        await api.wait_for(lambda: len(api.sent_to(CHAT)) == 2, what="the late first send applied too")
    assert [m["text"][:9] for m in api.sent_to(CHAT)] == ["Magnesium", "Magnesium"]


@pytest.mark.parametrize("kind", ["drop", "500", "502", "429"])
async def test_get_updates_failures_lose_nothing(api: FakeBotAPI, engine: Engine, kind: str) -> None:
    async with polling_bot(api, engine):
        await api.wait_for(lambda: len(api.calls_to("getUpdates")) >= 1)
        api.fail("getUpdates", kind, times=2, **({"retry_after": 1} if kind == "429" else {}))
        sent = await answered(api, CHAT, "zinc")
    assert len(sent) == 1 and sent[0]["text"].startswith("Zinc")


async def test_slow_get_updates_is_recovered(api: FakeBotAPI, engine: Engine) -> None:
    async with polling_bot(api, engine, read_timeout=0.5):
        await api.wait_for(lambda: len(api.calls_to("getUpdates")) >= 1)
        api.fail("getUpdates", "slow", delay=3.0)
        sent = await answered(api, CHAT, "gaba")
    assert sent[0]["text"].startswith("GABA")


async def test_answers_callback_and_edit_through_faults(api: FakeBotAPI, engine: Engine) -> None:
    async with polling_bot(api, engine):
        first = (await answered(api, CHAT, "twitching"))[0]
        api.fail("editMessageText", "502")
        api.fail("answerCallbackQuery", "500")
        api.push_callback(CHAT, first["message_id"], "v2|t|twitching|r|")
        await api.wait_for(lambda: "Natural remedies" in api.sent_to(CHAT)[0]["text"], what="edit")
        await api.wait_for(lambda: len(api.callback_answers) == 1, what="callback answered")
