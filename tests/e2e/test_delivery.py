"""Nothing lost, nothing leaked, no way in: `python -m bot` over real loopback HTTP, killed hard,
stopped with a backlog, fed an update it cannot read, and attacked on its webhook port."""

from __future__ import annotations

import asyncio
import re
import resource
import signal
import time
from pathlib import Path

import aiohttp

from tests.support.e2e import (
    bot_env,
    close_raw,
    free_port,
    rss_mb,
    start_bot_process,
    stop_bot_process,
    text_update,
    wait_until_listening,
)
from tests.support.fake_bot_api import FakeBotAPI

SECRET = "s3cret-Token_for-tests"
HOOK = "/telegram/hook"


def webhook_env(api: FakeBotAPI, port: int, **extra: str) -> dict[str, str]:
    return bot_env(
        api,
        BOT_MODE="webhook",
        WEBHOOK_URL=f"https://bot.example.test{HOOK}",
        WEBHOOK_SECRET=SECRET,
        WEBHOOK_PORT=str(port),
        **extra,
    )


async def kill(proc: asyncio.subprocess.Process) -> str:
    proc.send_signal(signal.SIGKILL)
    out, _ = await asyncio.wait_for(proc.communicate(), 30)
    return out.decode(errors="replace")


async def test_polling_hard_kill_loses_nothing(tmp_path: Path) -> None:
    chats = range(20_001, 20_051)
    async with FakeBotAPI() as api:
        for chat in chats:
            api.push_text(chat, "magnesium")
        proc = await start_bot_process(bot_env(api), tmp_path)
        await api.wait_for(lambda: sum(bool(api.sent_to(c)) for c in chats) >= 5, timeout=30, what="answers")
        await kill(proc)
        answered_before = sum(bool(api.sent_to(c)) for c in chats)
        assert answered_before < len(chats), "the kill came too late to prove anything"
        proc = await start_bot_process(bot_env(api), tmp_path)
        try:
            await api.wait_for(lambda: all(api.sent_to(c) for c in chats), timeout=60, what="every chat")
        finally:
            await stop_bot_process(proc)
    twice = [c for c in chats if len(api.sent_to(c)) > 1]
    # Duplicates only for answers sent but not yet confirmed when the process died.
    assert len(twice) <= answered_before, twice


async def test_webhook_hard_kill_loses_nothing(tmp_path: Path) -> None:
    port = free_port()
    updates = [text_update(n, 21_000 + n, "zinc") for n in range(1, 51)]
    async with FakeBotAPI() as api, aiohttp.ClientSession() as http:
        headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
        url = f"http://127.0.0.1:{port}{HOOK}"

        async def post(update: dict) -> int:
            try:
                async with http.post(url, json=update, headers=headers) as response:
                    return response.status
            except aiohttp.ClientError:
                return 0  # the process died: no answer, as Telegram would see it

        proc = await start_bot_process(webhook_env(api, port), tmp_path)
        await wait_until_listening(port)
        posting = [asyncio.create_task(post(u)) for u in updates]
        await api.wait_for(lambda: len(api.calls_to("sendMessage")) >= 5, timeout=30, what="answers")
        await kill(proc)
        statuses = await asyncio.gather(*posting)
        acknowledged = {u["update_id"] for u, status in zip(updates, statuses, strict=True) if status == 200}
        assert len(acknowledged) < len(updates)
        for update_id in acknowledged:  # 200 means answered
            assert api.sent_to(21_000 + update_id), update_id
        proc = await start_bot_process(webhook_env(api, port), tmp_path)
        try:
            await wait_until_listening(port)
            again = await asyncio.gather(*(post(u) for u in updates if u["update_id"] not in acknowledged))
            assert set(again) == {200}
        finally:
            await stop_bot_process(proc)
    assert all(api.sent_to(u["message"]["chat"]["id"]) for u in updates)


async def test_an_update_that_cannot_be_read_is_skipped_and_logs_no_text(tmp_path: Path) -> None:
    chats = range(22_001, 22_021)
    async with FakeBotAPI() as api:
        for n, chat in enumerate(chats):
            if n == 7:  # a date that is not a number: PTB cannot parse the update
                api.push_update(
                    {
                        "message": {
                            "message_id": 1,
                            "date": "yesterday",
                            "text": "Zebulon's secret",
                            "chat": {"id": 4242, "type": "private", "first_name": "Zebulon"},
                            "from": {"id": 4242, "is_bot": False, "first_name": "Zebulon"},
                        }
                    }
                )
            api.push_text(chat, "gaba", first_name="Zebulon")
        proc = await start_bot_process(bot_env(api), tmp_path)
        try:
            await api.wait_for(lambda: all(api.sent_to(c) for c in chats), timeout=30, what="every chat")
            await api.wait_for(lambda: api.pending_updates() == [], timeout=10, what="all confirmed")
        finally:
            output = await stop_bot_process(proc)
    assert "skipped an update that cannot be read: update_id 8" in output
    assert "Zebulon" not in output and "secret" not in output
    assert len(output) < 20_000  # one line, not a flood


async def test_stop_with_a_backlog_is_fast_and_loses_nothing(tmp_path: Path) -> None:
    chats = range(23_001, 23_501)
    async with FakeBotAPI() as api:
        for chat in chats:
            api.push_text(chat, "twitching")
        env = bot_env(api, SHUTDOWN_GRACE="3")
        proc = await start_bot_process(env, tmp_path)
        await api.wait_for(lambda: len(api.calls_to("sendMessage")) >= 10, timeout=30, what="answers")
        started = time.monotonic()
        output = await stop_bot_process(proc, timeout=30)
        took = time.monotonic() - started
        assert proc.returncode == 0, output
        assert took <= 3 + 2, took  # SHUTDOWN_GRACE plus 2 s
        assert any(not api.sent_to(c) for c in chats), "the backlog was answered before the stop"
        # The restart may send faster than Telegram allows: the fake does not limit it.
        proc = await start_bot_process(bot_env(api, SEND_RATE="1000"), tmp_path)
        try:
            await api.wait_for(lambda: all(api.sent_to(c) for c in chats), timeout=120, what="every chat")
        finally:
            await stop_bot_process(proc)


async def test_a_rejected_token_exits_2_and_is_never_printed(tmp_path: Path) -> None:
    async with FakeBotAPI() as api:
        env = bot_env(api, TELEGRAM_BOT_TOKEN="999999:REJECTED-token-value")
        proc = await start_bot_process(env, tmp_path)
        output = await stop_bot_process(proc, signal_it=False)
    assert proc.returncode == 2, output
    assert "TELEGRAM_BOT_TOKEN" in output and "rejected" in output
    assert "REJECTED-token-value" not in output and "999999" not in output


async def test_no_network_is_explained_and_retried(tmp_path: Path) -> None:
    port = free_port()  # nothing listens here
    async with FakeBotAPI() as api:
        env = bot_env(api, TELEGRAM_API_BASE_URL=f"http://127.0.0.1:{port}", BOT_API_RETRY_BACKOFF="0.05")
    proc = await start_bot_process(env, tmp_path)
    # Until the second attempt has failed (2 s after the first), however slow the start-up.
    seen: list[str] = []
    assert proc.stdout is not None
    async with asyncio.timeout(30):
        while sum("cannot reach the Bot API" in line for line in seen) < 2:
            line = await proc.stdout.readline()
            assert line, "".join(seen)
            seen.append(line.decode(errors="replace"))
    output = "".join(seen) + await stop_bot_process(proc)
    assert proc.returncode == 0, output
    lines = [line for line in output.splitlines() if "cannot reach the Bot API" in line]
    assert len(lines) >= 2 and f"http://127.0.0.1:{port}" in lines[0]
    assert api.token not in output


async def test_a_port_in_use_exits_2_naming_the_setting(tmp_path: Path) -> None:
    async with FakeBotAPI() as api:
        busy = await asyncio.start_server(lambda r, w: None, "127.0.0.1", 0)
        port = busy.sockets[0].getsockname()[1]
        try:
            proc = await start_bot_process(webhook_env(api, port), tmp_path)
            output = await stop_bot_process(proc, signal_it=False)
        finally:
            busy.close()
    assert proc.returncode == 2, output
    assert "WEBHOOK_PORT" in output and "Traceback" not in output and SECRET not in output


async def test_webhook_abuse(tmp_path: Path) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}{HOOK}"
    async with FakeBotAPI() as api:
        proc = await start_bot_process(webhook_env(api, port, HTTP_TIMEOUT="2"), tmp_path)
        try:
            await wait_until_listening(port)
            await api.wait_for(lambda: api.webhook.get("url"), timeout=30, what="setWebhook")
            before = rss_mb(proc.pid)
            # 300 connections with a wrong secret, each announcing a large body it sends slowly.
            slow = [await open_slow(port, secret="wrong") for _ in range(300)]
            statuses = await asyncio.gather(*(status_of(reader) for reader, _ in slow))
            assert set(statuses) == {403}
            assert rss_mb(proc.pid) - before < 20
            async with aiohttp.ClientSession() as http:
                started = time.monotonic()
                headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
                async with http.post(url, json=text_update(1, 24_001, "zinc"), headers=headers) as response:
                    assert response.status == 200
                assert time.monotonic() - started < 1.0 and api.sent_to(24_001)
                # A valid JSON body that is not an Update: 400 before any handler runs.
                async with http.post(url, json={"update_id": "x", "message": 5}, headers=headers) as response:
                    assert response.status == 400
            for _, writer in slow:
                await close_raw(writer)
            # Slowloris: headers that never end are cut off.
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(b"POST /telegram/hook HTTP/1.1\r\nHost: x\r\n")
            await writer.drain()
            try:
                assert await asyncio.wait_for(reader.read(), 10) == b""  # closed, nothing answered
            finally:
                await close_raw(writer)
            # A chunked body over the cap: 413.
            assert await post_chunked(port, 2 * 1024 * 1024) == 413
        finally:
            output = await stop_bot_process(proc)
    assert SECRET not in output and "Traceback" not in output


async def open_slow(port: int, secret: str) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(
        f"POST {HOOK} HTTP/1.1\r\nHost: x\r\nX-Telegram-Bot-Api-Secret-Token: {secret}\r\n"
        f"Content-Type: application/json\r\nContent-Length: 1000000\r\n\r\n{{".encode()
    )
    await writer.drain()
    return reader, writer


async def status_of(reader: asyncio.StreamReader) -> int:
    line = await asyncio.wait_for(reader.readline(), 10)
    return int(line.split()[1])


async def post_chunked(port: int, size: int) -> int:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(
        f"POST {HOOK} HTTP/1.1\r\nHost: x\r\nX-Telegram-Bot-Api-Secret-Token: {SECRET}\r\n"
        "Transfer-Encoding: chunked\r\n\r\n".encode()
    )
    # The status is read while the body is still being sent: the server refuses mid-body and
    # closes, and the reset that the unread rest of the body causes would otherwise reach this
    # socket before the status line is read (a flake seen once in CI).
    status = asyncio.create_task(status_of(reader))
    chunk = b"x" * 65536
    try:
        for _ in range(size // len(chunk)):
            writer.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            await writer.drain()
            # drain() returns at once while the kernel takes the bytes, so the status reader
            # would not run before the reset (seen again in session 5): let it run after every
            # chunk, and stop sending once the answer is in.
            await asyncio.sleep(0)
            if status.done():
                break
    except ConnectionError:
        pass  # refused mid-body: the status line is already on its way
    try:
        return await status
    finally:
        # Aborted, not closed: a close waits for the unsent rest of the body, which the server
        # will never read, and the socket would outlive the test.
        await close_raw(writer)


async def test_metrics_after_a_conversation_hold_counts_and_no_text(tmp_path: Path) -> None:
    port = free_port()
    async with FakeBotAPI() as api:
        proc = await start_bot_process(bot_env(api, METRICS_PORT=str(port)), tmp_path)
        try:
            await wait_until_listening(port)
            api.push_text(25_001, "magnesium for Philippa")
            api.push_text(25_002, "Philippa has chest pain")
            api.push_text(25_003, "i want to kill myself")
            await api.wait_for(lambda: all(api.sent_to(c) for c in (25_001, 25_002, 25_003)), timeout=30)
            async with aiohttp.ClientSession() as http:
                async with http.get(f"http://127.0.0.1:{port}/metrics") as response:
                    text = await response.text()
                async with http.get(f"http://127.0.0.1:{port}/healthz") as response:
                    assert response.status == 200
                async with http.get(f"http://127.0.0.1:{port}/readyz") as response:
                    assert response.status == 200 and (await response.json())["bot_api_reachable"]
        finally:
            await stop_bot_process(proc)
    assert re.search(r'bot_updates_total\{type="message"\} 3\.0', text), text
    assert 'bot_escalations_total{level="emergency"} 1.0' in text
    assert 'bot_escalations_total{level="crisis"} 1.0' in text
    assert "bot_handler_seconds_bucket" in text
    assert "Philippa" not in text and "25001" not in text and "kill" not in text


async def test_descriptors_running_out_log_one_line_per_interval(tmp_path: Path) -> None:
    port = free_port()
    async with FakeBotAPI() as api:
        proc = await asyncio.create_subprocess_exec(
            *start_args(),
            env=webhook_env(api, port),
            cwd=tmp_path,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
            preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_NOFILE, (64, 64)),
        )
        try:
            await wait_until_listening(port)
            opened = []
            for _ in range(120):
                try:
                    opened.append(await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), 1))
                except (OSError, TimeoutError):
                    break
            await asyncio.sleep(3)
            for _, writer in opened:
                await close_raw(writer)
        finally:
            output = await stop_bot_process(proc)
    flood = [line for line in output.splitlines() if "accept" in line]
    assert 1 <= len(flood) <= 2, flood
    assert "Traceback" not in output


def start_args() -> list[str]:
    import sys

    return [sys.executable, "-m", "bot"]
