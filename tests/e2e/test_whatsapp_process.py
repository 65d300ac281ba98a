"""WhatsApp as a user runs it: `python -m bot` with only the WhatsApp settings against the fake
Cloud API over loopback; a hard kill with Meta's redelivery; two replicas on a real Redis."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from redis.asyncio import Redis

from tests.support.e2e import ROOT, free_port, start_bot_process, stop_bot_process, wait_until_listening
from tests.support.fake_bot_api import FakeBotAPI
from tests.support.fake_whatsapp_api import FakeWhatsAppAPI
from tests.support.redis_server import RedisServer
from tests.support.whatsapp import whatsapp_env

USER = "15557654321"


@asynccontextmanager
async def bot_process(env: dict[str, str], port: int, cwd: Path) -> AsyncIterator[asyncio.subprocess.Process]:
    proc = await start_bot_process(env, cwd)
    try:
        await wait_until_listening(port)
        yield proc
    finally:
        if proc.returncode is None:
            await stop_bot_process(proc)


async def test_python_m_bot_with_only_whatsapp_settings(tmp_path: Path) -> None:
    async with FakeWhatsAppAPI() as api, FakeBotAPI() as telegram:
        port = free_port()
        # A Telegram API address without a token: nothing may be called there.
        env = whatsapp_env(api, port, TELEGRAM_API_BASE_URL=telegram.base_url)
        proc = await start_bot_process(env, tmp_path)
        try:
            await wait_until_listening(port)
            url = f"http://127.0.0.1:{port}/whatsapp"
            assert await api.verify(url, api.verify_token, "31337") == (200, "31337")
            assert (await api.verify(url, "wrong"))[0] == 403
            assert await api.deliver(url, api.says(USER, "magnesium")) == 200
            assert await api.deliver(url, api.says(USER, "is it safe?")) == 200
            assert await api.deliver(url, api.says(USER, "magnesium"), signature="") == 403
        finally:
            output = await stop_bot_process(proc)
        assert proc.returncode == 0, output
    sent = api.sent_to(USER)
    assert sent[0].text.startswith("*Magnesium*") and "*Safety*" in "\n".join(s.text for s in sent[1:])
    assert api.refused == [] and len(api.read) == 2
    assert telegram.calls == []
    assert USER not in output and api.token not in output and api.app_secret not in output


def test_half_the_whatsapp_settings_is_a_clear_error(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "WHATSAPP_"))}
    env.update(WHATSAPP_PHONE_NUMBER_ID="106540352242922", WHATSAPP_ACCESS_TOKEN="EAAG-secret-token")
    env["PYTHONPATH"] = str(ROOT)
    result = subprocess.run(
        [sys.executable, "-m", "bot"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2, result.stderr
    assert "WHATSAPP_APP_SECRET" in result.stderr and "WHATSAPP_VERIFY_TOKEN" in result.stderr
    assert "Traceback" not in result.stderr and "EAAG-secret-token" not in result.stderr


async def test_a_hard_kill_mid_answer_loses_nothing_when_meta_delivers_again(tmp_path: Path) -> None:
    async with FakeWhatsAppAPI() as api:
        port = free_port()
        url = f"http://127.0.0.1:{port}/whatsapp"
        payload = api.says(USER, "zinc")
        async with bot_process(whatsapp_env(api, port), port, tmp_path) as proc:
            api.fail("slow", delay=3.0)  # the bot is mid-answer, waiting on the Graph API ...
            posting = asyncio.ensure_future(api.deliver(url, payload))
            await api.wait_for(lambda: api.state.requests >= 1, what="the bot calling the Graph API")
            proc.send_signal(signal.SIGKILL)  # ... when it dies
            assert await posting == 0  # no 200: Meta keeps the message and delivers it again
            await proc.wait()
        assert not any(s.text.startswith("*Zinc*") for s in api.sent_to(USER))
        async with bot_process(whatsapp_env(api, port), port, tmp_path):
            assert await api.deliver(url, payload) == 200
            assert await api.deliver(url, payload) == 200  # and again: answered once
    assert len([s for s in api.sent_to(USER) if s.text.startswith("*Zinc*")]) == 1


async def test_two_replicas_share_the_conversation_and_the_handled_ids(
    tmp_path: Path, redis_server: RedisServer
) -> None:
    async with FakeWhatsAppAPI() as api:
        ports = free_port(), free_port()
        envs = [whatsapp_env(api, p, REDIS_URL=redis_server.url, REDIS_TIMEOUT="0.5") for p in ports]
        urls = [f"http://127.0.0.1:{p}/whatsapp" for p in ports]
        async with bot_process(envs[0], ports[0], tmp_path), bot_process(envs[1], ports[1], tmp_path):
            first = api.says(USER, "magnesium")
            assert await api.deliver(urls[0], first) == 200
            assert await api.deliver(urls[1], api.says(USER, "is it safe?")) == 200  # B knows "it"
            answered = len(api.sent_to(USER))
            assert await api.deliver(urls[1], first) == 200  # A's message, redelivered to B
            assert len(api.sent_to(USER)) == answered
            raw = Redis.from_url(redis_server.url)
            try:
                keys = [k.decode() async for k in raw.scan_iter()]
                values = [await raw.get(k) for k in keys if not k.startswith("remedybot:flood")]
            finally:
                await raw.aclose()
    sent = api.sent_to(USER)
    assert sent[0].text.startswith("*Magnesium*") and "*Safety*" in "\n".join(s.text for s in sent[1:])
    assert keys and all(USER not in key for key in keys)
    assert all(v is None or USER.encode() not in v for v in values)


async def test_both_platforms_in_one_process(tmp_path: Path) -> None:
    """Telegram polling and WhatsApp's webhook in one `python -m bot`, on one engine."""
    async with FakeWhatsAppAPI() as api, FakeBotAPI() as telegram:
        port = free_port()
        env = whatsapp_env(
            api, port, TELEGRAM_BOT_TOKEN=telegram.token, TELEGRAM_API_BASE_URL=telegram.base_url
        )
        async with bot_process(env, port, tmp_path) as proc:
            telegram.push_text(42_001, "magnesium")
            assert await api.deliver(f"http://127.0.0.1:{port}/whatsapp", api.says(USER, "zinc")) == 200
            answer = (await telegram.wait_for_messages(42_001, 1))[0]
    assert proc.returncode == 0
    assert answer["text"].startswith("Magnesium")
    assert api.sent_to(USER)[0].text.startswith("*Zinc*")
