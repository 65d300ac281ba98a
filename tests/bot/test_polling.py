"""What polling confirms: only a prefix of handled updates, never one past an unhandled one."""

from __future__ import annotations

import asyncio
import json
from typing import cast
from urllib.parse import parse_qs, urlsplit

import pytest
from telegram.request import BaseRequest

from bot.dispatch import Dispatcher
from bot.polling import Poller
from bot.request import ApiHealth


@pytest.mark.parametrize(
    ("ids", "handled", "offset"),
    [
        ([5, 6, 7], set(), 5),
        ([5, 6, 7], {5}, 6),
        ([5, 6, 7], {6, 7}, 5),  # 5 is still being handled: nothing after it is confirmed
        ([5, 6, 7], {5, 7}, 6),
        ([5, 6, 7], {5, 6, 7}, 8),
        ([5, 9, 12], {5, 9}, 10),  # gaps in the ids are fine
    ],
)
def test_confirmed_offset_is_the_handled_prefix(ids: list[int], handled: set[int], offset: int) -> None:
    assert Poller._prefix(ids, handled) == offset


class _SlowConfirmApi:
    """getUpdates as the poller sees it: one batch, confirmations that take a while, then
    long polls that last until the test stops the poller."""

    def __init__(self, updates: int) -> None:
        self.batch = [{"update_id": 100 + i, "message": {}} for i in range(updates)]
        self.confirms: list[str] = []  # "done" or "cancelled", one per confirmation sent

    async def do_request(self, url: str, method: str, **_: object) -> tuple[int, bytes]:
        query = parse_qs(urlsplit(url).query)
        if query["timeout"] == ["0"]:
            try:
                await asyncio.sleep(0.3)
            except asyncio.CancelledError:
                self.confirms.append("cancelled")
                raise
            self.confirms.append("done")
            return 200, b'{"ok": true, "result": []}'
        if query["offset"] == ["0"]:
            return 200, json.dumps({"ok": True, "result": self.batch}).encode()
        await asyncio.sleep(3600)
        raise AssertionError("unreachable")


class _QuickDispatcher:
    def __init__(self) -> None:
        self.handled: list[int] = []
        self.health = ApiHealth()

    def parse(self, data: dict) -> object:
        return data

    async def dispatch(self, data: dict, update: object) -> str:
        await asyncio.sleep(0.02)
        self.handled.append(data["update_id"])
        return "handled"


async def test_a_confirmation_in_flight_is_never_cancelled() -> None:
    """httpcore 1.0 can leak a pool slot for good when a request is cancelled mid-connect, and
    the poller's pool holds two: so the end of a batch waits for its confirmation instead."""
    api, dispatcher = _SlowConfirmApi(updates=10), _QuickDispatcher()
    poller = Poller(
        "http://bot.invalid/bot1:x",
        cast(BaseRequest, api),
        cast(Dispatcher, dispatcher),
        ["message"],
        concurrency=2,
        confirm_interval=0.05,
    )
    running = asyncio.create_task(poller.run())
    while len(dispatcher.handled) < 10 or not api.confirms:
        await asyncio.sleep(0.01)
    await asyncio.sleep(0.1)  # the batch has ended: the next long poll is out
    poller.stop()
    await asyncio.wait_for(running, 5)
    await poller.close()
    assert api.confirms and "cancelled" not in api.confirms, api.confirms
    assert poller.offset == 110
