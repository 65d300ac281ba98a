"""SIGHUP and SIGINT at every moment of `python -m bot`'s start-up, sent to a real process.

bot/__init__.py ignores SIGHUP and ends on SIGINT quietly from the first thing `python -m bot`
runs. Before that the interpreter is starting, and no Python code can cover it: a SIGHUP then
ends a bare `python -m bot` (measured by hand on this project's editable install: up to about
50 ms after spawn on an idle machine, past 100 ms on a loaded one). The launcher
docs/delivery.md gives, `env --block-signal=HUP,INT python -m bot`, holds both signals back
from its own first instructions until bot/__init__.py takes them over. Only `env`'s own loading
(about 1 ms; longer on a loaded machine) comes before that: these tests send each signal from
the moment the process's signal state shows the launcher has run (/proc/PID/status), then 0 to
100 ms later, through the whole of the interpreter's start and the knowledge's loading."""

from __future__ import annotations

import asyncio
import signal
import subprocess
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest

from tests.support.e2e import bot_env, start_bot_process, stop_bot_process
from tests.support.fake_bot_api import FakeBotAPI

LAUNCHER = ("env", "--block-signal=HUP,INT")
DELAYS = (0.0, 0.01, 0.02, 0.05, 0.1)
RUNS = (1, 2)  # a SIGINT run ends at once; a SIGHUP run starts and answers (docs: 10 runs each)
CHAT = 8150


def _launcher_works() -> bool:
    try:
        run = subprocess.run([*LAUNCHER, "true"], capture_output=True, timeout=10)
    except OSError:
        return False
    return run.returncode == 0


pytestmark = pytest.mark.skipif(not _launcher_works(), reason="env has no --block-signal (coreutils < 8.31)")


def _signal_masks(pid: int) -> dict[str, int]:
    lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    return {
        k: int(v, 16)
        for k, _, v in (ln.partition(":\t") for ln in lines)
        if k in ("SigBlk", "SigIgn", "SigCgt")
    }


async def launched(proc: asyncio.subprocess.Process) -> None:
    """Until the launcher has blocked SIGHUP and SIGINT (or the bot has taken them over)."""
    hup, sigint = 1 << (signal.SIGHUP - 1), 1 << (signal.SIGINT - 1)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        masks = _signal_masks(proc.pid)
        if (masks["SigBlk"] | masks["SigIgn"]) & hup and (masks["SigBlk"] | masks["SigCgt"]) & sigint:
            return
        await asyncio.sleep(0)
    raise TimeoutError("the launcher never blocked SIGHUP and SIGINT")


@asynccontextmanager
async def bot_process(api: FakeBotAPI, cwd: Path) -> AsyncIterator[asyncio.subprocess.Process]:
    """The launched bot, killed if a test ends while it still runs."""
    proc = await start_bot_process(bot_env(api), cwd, LAUNCHER)
    try:
        yield proc
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()


@pytest.mark.parametrize("delay", DELAYS)
async def test_sighup_at_any_moment_of_start_up_is_ignored_then_the_bot_serves(
    tmp_path: Path, delay: float
) -> None:
    async with FakeBotAPI() as api, bot_process(api, tmp_path) as proc:
        await launched(proc)
        await asyncio.sleep(delay)
        proc.send_signal(signal.SIGHUP)
        await api.wait_for(lambda: len(api.calls_to("getUpdates")) >= 1, timeout=60)
        assert proc.returncode is None
        api.push_text(CHAT, "zinc")
        await api.wait_for_messages(CHAT, 1, timeout=30)
        out = await stop_bot_process(proc)
    assert proc.returncode == 0, (proc.returncode, out)
    assert api.sent_to(CHAT)[0]["text"].startswith("Zinc")
    assert "Traceback" not in out, out


@pytest.mark.parametrize("run", RUNS)
@pytest.mark.parametrize("delay", DELAYS)
async def test_sigint_at_any_moment_of_start_up_exits_without_a_traceback(
    tmp_path: Path, delay: float, run: int
) -> None:
    async with FakeBotAPI() as api, bot_process(api, tmp_path) as proc:
        await launched(proc)
        await asyncio.sleep(delay)
        proc.send_signal(signal.SIGINT)
        out = await stop_bot_process(proc, signal_it=False)
    assert proc.returncode == 130, (proc.returncode, out)
    assert "Traceback" not in out and "Fatal Python error" not in out, out
