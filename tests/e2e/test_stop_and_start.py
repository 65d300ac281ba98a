"""`python -m bot` as a user runs it: a stop bounded by SHUTDOWN_GRACE whatever the Bot API does,
what was not confirmed answered after the restart, and a start-up that never prints a
traceback or a secret."""

from __future__ import annotations

import asyncio
import signal
import time
from pathlib import Path

import pytest

from tests.support.e2e import bot_env, free_port, start_bot_process, stop_bot_process
from tests.support.fake_bot_api import FakeBotAPI

CHAT = 8101
GRACE = 2.0
# The bound is SHUTDOWN_GRACE + 2 s from SIGTERM to the bot's last line; the interpreter's own
# exit after it can take a moment more on a machine loaded by parallel tests.
EXIT_SLACK = 1.5


async def stop_timed(proc: asyncio.subprocess.Process) -> tuple[float, str]:
    began = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    out = await stop_bot_process(proc, timeout=60, signal_it=False)
    return time.monotonic() - began, out


@pytest.mark.parametrize("kind", ["hang", "502", "unreachable"])
async def test_a_stop_takes_the_grace_and_two_seconds_at_most_and_loses_nothing(
    tmp_path: Path, kind: str
) -> None:
    async with FakeBotAPI() as api:
        env = bot_env(api, SHUTDOWN_GRACE=str(GRACE))
        proc = await start_bot_process(env, tmp_path)
        try:
            await api.wait_for(lambda: len(api.calls_to("getUpdates")) >= 1, timeout=60)
            api.outage(600, "hang" if kind == "hang" else "502", method="sendMessage")
            update = api.push_text(CHAT, "zinc")
            await api.wait_for(lambda: len(api.calls_to("sendMessage")) >= 1, timeout=30)
            if kind == "unreachable":
                await api.unreachable()
            else:
                api.outage(600, "hang" if kind == "hang" else "502")  # getUpdates too
            took, out = await stop_timed(proc)
        finally:
            if proc.returncode is None:
                proc.kill()
        print(f"stop with the Bot API {kind}: {took:.1f} s (grace {GRACE} s)")
        assert took <= GRACE + 2 + EXIT_SLACK, (took, out)
        assert proc.returncode == 0, out
        assert "Traceback" not in out, out
        if kind == "unreachable":
            await api.reachable()
        api.end_outage()
        assert update["update_id"] in [u["update_id"] for u in api.pending_updates()]
        # After the restart the update comes again and is answered.
        proc = await start_bot_process(env, tmp_path)
        try:
            await api.wait_for_messages(CHAT, 1, timeout=60)
        finally:
            out = await stop_bot_process(proc)
        assert api.sent_to(CHAT)[0]["text"].startswith("Zinc"), out


async def test_a_dot_env_that_is_not_a_file_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / ".env").mkdir()
    async with FakeBotAPI() as api:
        proc = await start_bot_process(bot_env(api), tmp_path)
        out = await stop_bot_process(proc, signal_it=False)
    assert proc.returncode == 2
    assert ".env: is not a file" in out and "Traceback" not in out


# From 0.2 s on: before that the interpreter itself is starting (it reports a SIGINT while
# importing `site` as a fatal error of its own, before any code of ours runs).
@pytest.mark.parametrize("delay", [0.2, 0.5, 1.5])
async def test_sigint_during_start_up_exits_without_a_traceback(tmp_path: Path, delay: float) -> None:
    async with FakeBotAPI() as api:
        proc = await start_bot_process(bot_env(api), tmp_path)
        await asyncio.sleep(delay)
        proc.send_signal(signal.SIGINT)
        out = await stop_bot_process(proc, signal_it=False)
    assert "Traceback" not in out, out
    assert proc.returncode in (0, 130), (proc.returncode, out)


async def test_sighup_before_the_knowledge_is_loaded_does_not_end_the_bot(tmp_path: Path) -> None:
    async with FakeBotAPI() as api:
        proc = await start_bot_process(bot_env(api), tmp_path)
        # Past the interpreter's own start (a SIGHUP then ends any Python process), while the
        # settings and the knowledge are loaded.
        await asyncio.sleep(1.0)
        proc.send_signal(signal.SIGHUP)
        await api.wait_for(lambda: len(api.calls_to("getUpdates")) >= 1, timeout=60)
        assert proc.returncode is None
        api.push_text(CHAT, "zinc")
        await api.wait_for_messages(CHAT, 1, timeout=30)
        out = await stop_bot_process(proc)
    assert proc.returncode == 0, out


async def test_no_start_up_error_prints_a_credential_of_a_url_setting(tmp_path: Path) -> None:
    """Every output of a start-up that fails, held against the user names and passwords of
    TELEGRAM_API_BASE_URL, REDIS_URL and WEBHOOK_URL."""
    secrets = ["apiuser", "ApiPa55word", "redisuser", "RedisPa55word", "hookuser", "HookPa55word"]
    async with FakeBotAPI() as api:
        base = api.base_url.replace("http://", "http://apiuser:ApiPa55word@")
        redis = f"redis://redisuser:RedisPa55word@127.0.0.1:{free_port()}/0"
        webhook = "https://hookuser:HookPa55word@bot.example.test/hook"
        busy = free_port()
        blocker = await asyncio.start_server(lambda r, w: None, "127.0.0.1", busy)
        runs = {
            # the webhook's port is taken: a ConfigurationError
            "port": bot_env(
                api,
                TELEGRAM_API_BASE_URL=base,
                REDIS_URL=redis,
                BOT_MODE="webhook",
                WEBHOOK_URL=webhook,
                WEBHOOK_SECRET="s3cret",
                WEBHOOK_PORT=str(busy),
            ),
            # the token is rejected
            "token": bot_env(
                api, TELEGRAM_API_BASE_URL=base, REDIS_URL=redis, TELEGRAM_BOT_TOKEN="1:wrong-token"
            ),
            # a setting is invalid
            "setting": bot_env(api, TELEGRAM_API_BASE_URL=base, REDIS_URL=redis, SHUTDOWN_GRACE="soon"),
            # the Bot API cannot be reached, then a stop
            "unreachable": bot_env(
                api,
                TELEGRAM_API_BASE_URL=f"http://apiuser:ApiPa55word@127.0.0.1:{free_port()}/bot",
                REDIS_URL=redis,
            ),
        }
        outputs = {}
        try:
            for name, env in runs.items():
                proc = await start_bot_process(env, tmp_path)
                if name == "unreachable":
                    await asyncio.sleep(8)
                    outputs[name] = await stop_bot_process(proc)
                else:
                    outputs[name] = await stop_bot_process(proc, timeout=60, signal_it=False)
                assert proc.returncode in (0, 2), (name, proc.returncode, outputs[name])
        finally:
            blocker.close()
    assert "WEBHOOK_PORT" in outputs["port"] and "TELEGRAM_BOT_TOKEN" in outputs["token"]
    assert "SHUTDOWN_GRACE" in outputs["setting"] and "getMe failed" in outputs["unreachable"]
    for name, out in outputs.items():
        for secret in secrets:
            assert secret not in out, (name, secret, out)
        assert "Traceback" not in out, (name, out)
