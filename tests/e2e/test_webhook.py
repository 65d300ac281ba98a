"""Webhook mode on loopback: `python -m bot` with BOT_MODE=webhook, updates POSTed to it."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import aiohttp

from tests.support.e2e import (
    bot_env,
    check_html,
    close_raw,
    free_port,
    start_bot_process,
    stop_bot_process,
    text_update,
    wait_until_listening,
)
from tests.support.fake_bot_api import FakeBotAPI

SECRET = "s3cret-Token_for-tests"


async def announce_oversized(port: int, headers: dict[str, str]) -> int:
    """Announce a 2 MB body: the server must refuse before reading it (a client library
    would fail writing the rest once the server closes, so speak HTTP by hand)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    head = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    request = f"POST /telegram/hook HTTP/1.1\r\nHost: x\r\n{head}Content-Length: 2097152\r\n\r\n{{"
    writer.write(request.encode())
    await writer.drain()
    try:
        status_line = await reader.readline()
    finally:
        await close_raw(writer)
    return int(status_line.split()[1])


async def test_webhook_mode(tmp_path: Path) -> None:
    port = free_port()
    public = "https://bot.example.test/telegram/hook"  # what a TLS reverse proxy would serve
    url = f"http://127.0.0.1:{port}/telegram/hook"  # where the proxy forwards to
    async with FakeBotAPI() as api:
        env = bot_env(
            api,
            BOT_MODE="webhook",
            WEBHOOK_URL=public,
            WEBHOOK_SECRET=SECRET,
            WEBHOOK_LISTEN="127.0.0.1",
            WEBHOOK_PORT=str(port),
        )
        proc = await start_bot_process(env, tmp_path)
        try:
            await api.wait_for(lambda: api.webhook.get("url") == public, timeout=30, what="setWebhook")
            assert api.webhook.get("secret_token") == SECRET
            await wait_until_listening(port)
            headers = {"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET}
            async with aiohttp.ClientSession() as http:

                async def post(body: bytes | str, hdrs: dict[str, str]) -> int:
                    async with http.post(url, data=body, headers=hdrs) as response:
                        return response.status

                assert await post(json.dumps(text_update(1, 801, "magnesium")), headers) == 200
                sent = await api.wait_for_messages(801, 1, timeout=20)
                check_html(sent[0])
                assert sent[0]["text"].startswith("Magnesium")

                wrong = {**headers, "X-Telegram-Bot-Api-Secret-Token": "nope"}
                missing = {"Content-Type": "application/json"}
                assert await post(json.dumps(text_update(2, 802, "zinc")), wrong) == 403
                assert await post(json.dumps(text_update(3, 803, "zinc")), missing) == 403
                assert await post("{not json", headers) == 400
                assert await post(b"\xff\xfe\x00", headers) == 400
                assert await post(json.dumps([1, 2]), headers) == 400
                assert await post(json.dumps({"update_id": "x", "message": 5}), headers) == 400
                assert await announce_oversized(port, headers) == 413

                assert await post(json.dumps(text_update(5, 805, "chest pain")), headers) == 200
                later = await api.wait_for_messages(805, 1, timeout=20)
                assert "emergency" in later[0]["text"]
            assert api.sent_to(802) == [] and api.sent_to(803) == [] and api.sent_to(804) == []
        finally:
            output = await stop_bot_process(proc)
    assert proc.returncode == 0, output
    assert SECRET not in output and api.token not in output
