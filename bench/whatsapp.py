"""WhatsApp end to end: `python -m bot` with only the WhatsApp settings, its webhook fed signed
messages as Meta would, answering through the fake Cloud API (tests/support/fake_whatsapp_api)
in this process. Reported: messages answered a second, and the bot's CPU milliseconds per
message (read from /proc for the bot's process alone, so the fake's work does not count)."""

from __future__ import annotations

import asyncio
import os
import tempfile
import time
from pathlib import Path

from tests.support.e2e import free_port, start_bot_process, stop_bot_process, wait_until_listening
from tests.support.fake_bot_api.__main__ import QUESTIONS
from tests.support.fake_whatsapp_api import FakeWhatsAppAPI
from tests.support.whatsapp import whatsapp_env

CONCURRENCY = 16  # webhook POSTs in flight, as Meta sends several at once
FIRST_USER = 15_550_000_000


def _cpu_seconds(pid: int) -> float:
    """utime + stime of a process, from /proc/<pid>/stat."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def _run(messages: int) -> tuple[float, float]:
    async with FakeWhatsAppAPI() as api:
        port = free_port()
        url = f"http://127.0.0.1:{port}/whatsapp"
        with tempfile.TemporaryDirectory() as cwd:
            proc = await start_bot_process(whatsapp_env(api, port, LOG_LEVEL="WARNING"), Path(cwd))
            try:
                await wait_until_listening(port, timeout=120)
                await api.deliver(url, api.says(str(FIRST_USER - 1), "hi"))  # warm up
                bodies = [
                    api.says(str(FIRST_USER + n), QUESTIONS[n % len(QUESTIONS)]) for n in range(messages)
                ]
                queue: asyncio.Queue[dict] = asyncio.Queue()
                for body in bodies:
                    queue.put_nowait(body)

                async def worker() -> None:
                    while not queue.empty():
                        status = await api.deliver(url, queue.get_nowait())
                        if status != 200:
                            raise RuntimeError(f"the webhook answered {status}")

                cpu, started = _cpu_seconds(proc.pid), time.perf_counter()
                await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
                elapsed, cpu = time.perf_counter() - started, _cpu_seconds(proc.pid) - cpu
            finally:
                await stop_bot_process(proc)
    return messages / elapsed, cpu * 1000 / messages


def run_whatsapp(quick: bool) -> dict[str, float]:
    messages = 300 if quick else 1000
    rate, cpu = asyncio.run(_run(messages))
    return {"whatsapp_messages_per_s": round(rate, 1), "whatsapp_cpu_ms_per_message": round(cpu, 3)}
