"""A small, fast Bot API fake in its own process for the throughput benchmark.

The test suite's fake (tests/support/fake_bot_api.py) parses every HTML reply the way
Telegram does; that work, on long formatted answers, made the fake itself the bottleneck,
so throughput would have measured the fake. This one only does what polling and replying
need (getMe, getUpdates with offset and long poll, sendMessage and the start-up calls) and
answers every bot equally, echo or ours.

`python -m bench.fake_server N`: queue N text updates, print the port, serve until all N are
answered, print the seconds from the first getUpdates to the last answer, and keep serving
until standard input closes.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import sys
import time

from aiohttp import web

QUESTIONS = (
    "what causes twitching", "magnesum", "does b6 help my eye twitch", "zinc side effects",
    "my calf twitches and my leg feels weak", "hi", "remedies for twitching", "headache",
)
ME = {"id": 1, "is_bot": True, "first_name": "Bench", "username": "bench_bot",
      "can_join_groups": True, "can_read_all_group_messages": False, "supports_inline_queries": True}


class FastFake:
    def __init__(self, updates: int) -> None:
        now = int(time.time())
        self.updates = [
            {"update_id": n + 1, "message": {
                "message_id": 1, "date": now, "text": QUESTIONS[n % len(QUESTIONS)],
                "chat": {"id": 100_000 + n, "type": "private", "first_name": "U"},
                "from": {"id": 100_000 + n, "is_bot": False, "first_name": "U"}}}
            for n in range(updates)
        ]
        self.total, self.answered, self.offset = updates, 0, 0
        self.first_poll = self.last_answer = 0.0
        self.cpu_at_first_poll = 0.0
        self.done = asyncio.Event()
        self.arrived = asyncio.Event()

    async def handle(self, request: web.Request) -> web.Response:
        method = request.match_info["method"].lower()
        params = dict(await request.post())
        if method == "getupdates":
            result = await self.get_updates(params)
        elif method == "sendmessage":
            self.answered += 1
            self.last_answer = time.perf_counter()
            if self.answered >= self.total:
                self.done.set()
            chat = int(params["chat_id"])
            # As Telegram: the sent message comes back whole, keyboard included.
            result = {"message_id": self.answered + 1, "date": int(time.time()),
                      "chat": {"id": chat, "type": "private", "first_name": "U"},
                      "from": ME, "text": params.get("text", "")}
            if "reply_markup" in params:
                result["reply_markup"] = json.loads(params["reply_markup"])
        elif method == "getme":
            result = ME
        else:  # deleteWebhook, setMyCommands, ...
            result = True
        return web.Response(text=json.dumps({"ok": True, "result": result}),
                            content_type="application/json")

    async def get_updates(self, params: dict) -> list:
        if not self.first_poll:
            self.first_poll = time.perf_counter()
            self.cpu_at_first_poll = time.process_time()
        self.offset = max(self.offset, int(params.get("offset") or 0))
        batch = [u for u in self.updates if u["update_id"] >= self.offset][:100]
        if not batch:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.arrived.wait(), float(params.get("timeout") or 0))
        return batch


async def serve(updates: int) -> None:
    fake = FastFake(updates)
    app = web.Application()
    app.router.add_post("/bot{token}/{method}", fake.handle)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    print(runner.addresses[0][1], flush=True)
    await fake.done.wait()
    print(f"{fake.last_answer - fake.first_poll:.6f}", flush=True)
    print(f"{time.process_time() - fake.cpu_at_first_poll:.6f}", file=sys.stderr, flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
    await runner.cleanup()


if __name__ == "__main__":
    if len(sys.argv) > 2:  # pin to its own core, away from the bot being measured
        os.sched_setaffinity(0, {int(sys.argv[2])})
    asyncio.run(serve(int(sys.argv[1])))
