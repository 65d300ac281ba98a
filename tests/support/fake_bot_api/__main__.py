"""``python -m tests.support.fake_bot_api serve N [core]``: the throughput benchmark's fake.

It queues N text updates (one per private chat), prints its port, and serves any token. Once
every chat has an answer it prints the seconds from the first getUpdates to that answer on
stdout and the CPU seconds it spent meanwhile on stderr, then serves until stdin closes. It runs
lean (no HTML parsing, no call records) so that throughput measures the bot, not the fake;
``core`` pins it to one CPU, away from the bot being measured.
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
from typing import Any

from .driver import FakeBotAPI
from .methods import METHODS, Method
from .server import HttpServer
from .state import BotState

QUESTIONS = (
    "what causes twitching",
    "magnesum",
    "does b6 help my eye twitch",
    "zinc side effects",
    "my calf twitches and my leg feels weak",
    "hi",
    "remedies for twitching",
    "headache",
)
FIRST_CHAT = 100_000
USAGE = "usage: python -m tests.support.fake_bot_api serve N [core]"


class Stopwatch:
    """Times the run: from the first poll until the last chat waiting for an answer gets one."""

    def __init__(self, chats: set[int]) -> None:
        self.waiting = chats
        self.first_poll = self.last_answer = 0.0
        self.cpu_at_first_poll = 0.0
        self.done = asyncio.Event()

    def table(self) -> dict[str, Method]:
        """The methods, with getUpdates and sendMessage observed on the way."""
        get_updates, send_message = METHODS["getupdates"], METHODS["sendmessage"]

        def polled(state: BotState, p: dict[str, Any]) -> Any:
            if not self.first_poll:
                self.first_poll, self.cpu_at_first_poll = time.perf_counter(), time.process_time()
            return get_updates(state, p)

        def answered(state: BotState, p: dict[str, Any]) -> Any:
            result = send_message(state, p)
            self.waiting.discard(result["chat"]["id"])
            if not self.waiting and not self.done.is_set():
                self.last_answer = time.perf_counter()
                self.done.set()
            return result

        return {**METHODS, "getupdates": polled, "sendmessage": answered}


async def serve(updates: int) -> None:
    """Run one benchmark round (see the module docstring)."""
    api = FakeBotAPI(username="bench_bot", first_name="Bench", lean=True)
    for n in range(updates):
        api.push_text(FIRST_CHAT + n, QUESTIONS[n % len(QUESTIONS)], first_name="U")
    watch = Stopwatch({FIRST_CHAT + n for n in range(updates)})
    server = HttpServer(api.state, token=None, table=watch.table())
    await server.start()
    print(server.port, flush=True)
    await watch.done.wait()
    print(f"{watch.last_answer - watch.first_poll:.6f}", flush=True)
    print(f"{time.process_time() - watch.cpu_at_first_poll:.6f}", file=sys.stderr, flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
    await server.stop()


def main(argv: list[str]) -> int:
    """Parse ``serve N [core]``; pin to the core if given."""
    if len(argv) not in (2, 3) or argv[0] != "serve" or not argv[1].isdigit():
        print(USAGE, file=sys.stderr)
        return 2
    if len(argv) == 3:
        os.sched_setaffinity(0, {int(argv[2])})
    asyncio.run(serve(int(argv[1])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
