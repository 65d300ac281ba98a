"""SIGTERM with updates pending, then a restart: every update answered once, none skipped."""

from __future__ import annotations

import signal
from pathlib import Path

from tests.support.e2e import bot_env, start_bot_process, stop_bot_process
from tests.support.fake_bot_api import FakeBotAPI

FIRST, SECOND = range(7001, 7031), range(7031, 7061)
ALL = (*FIRST, *SECOND)


async def test_restart_loses_and_repeats_nothing(tmp_path: Path) -> None:
    async with FakeBotAPI() as api:
        for chat in FIRST:
            api.push_text(chat, "magnesium")
        proc = await start_bot_process(bot_env(api), tmp_path)
        try:
            await api.wait_for(
                lambda: sum(bool(api.sent_to(c)) for c in FIRST) >= 5, timeout=30, what="the first answers"
            )
            proc.send_signal(signal.SIGTERM)
            for chat in SECOND:  # these arrive while the bot is stopping
                api.push_text(chat, "zinc")
            proc.send_signal(signal.SIGTERM)  # an impatient second signal must not cut it short
        finally:
            first_output = await stop_bot_process(proc, signal_it=False)
        assert proc.returncode == 0, first_output
        # The graceful stop answered everything it had fetched and confirmed it, nothing more.
        unanswered = [c for c in ALL if not api.sent_to(c)]
        pending = [u["message"]["chat"]["id"] for u in api.pending_updates()]
        assert pending == unanswered
        assert api.confirmed_offset == 61 - len(pending)

        polls = len(api.calls_to("getUpdates"))
        proc = await start_bot_process(bot_env(api), tmp_path)
        try:
            await api.wait_for(
                lambda: len(api.calls_to("getUpdates")) > polls + 1,
                timeout=30,
                what="the restarted bot polling",
            )
            await api.wait_for(
                lambda: all(api.sent_to(c) for c in ALL),
                timeout=30,
                what="every chat answered after the restart",
            )
        finally:
            second_output = await stop_bot_process(proc)
        assert proc.returncode == 0, second_output
    assert all(len(api.sent_to(c)) == 1 for c in ALL), "each update answered exactly once"
    assert api.pending_updates() == [] and api.confirmed_offset == 61
