"""SIGHUP reloads the knowledge directory of a running `python -m bot`: a valid set is answered
from at once, an invalid one is rejected with its problems logged and the bot answers on from the
previous set. At start-up, an invalid set still stops the bot (exit 2) with the file named."""

from __future__ import annotations

import asyncio
import contextlib
import shutil
import signal
import sys
from pathlib import Path

from tests.support.e2e import bot_env, start_bot_process
from tests.support.fake_bot_api import FakeBotAPI

CHAT = 9301
ALIAS = "jitterbug"
DONT_KNOW = "I don't have information on that"
RELOADED = "knowledge reloaded: 1 conditions, 6 ingredients ("
REJECTED = (
    "WARNING bot.reload: knowledge reload rejected, still answering from the previous set: 1 problem(s)"
)
ARTICLES = Path(__file__).parents[2] / "knowledge" / "articles"


def copy_articles(tmp_path: Path) -> Path:
    directory = tmp_path / "articles"
    shutil.copytree(ARTICLES, directory, ignore=shutil.ignore_patterns("__pycache__"))
    return directory


def add_alias(directory: Path, alias: str) -> None:
    overlay = directory / "overlay.toml"
    text = overlay.read_text(encoding="utf-8")
    assert '  "twitch", ' in text
    overlay.write_text(text.replace('  "twitch", ', f'  "{alias}", "twitch", ', 1), encoding="utf-8")


def break_synopsis(article: Path) -> int:
    """Make the synopsis name another topic; the line number."""
    lines = article.read_text(encoding="utf-8").splitlines()
    number = lines.index("Synopsis of Twitching")
    lines[number] = "Synopsis of Something"
    article.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return number + 1


class Output:
    """What the bot prints (stdout and stderr), read while it runs."""

    def __init__(self, proc: asyncio.subprocess.Process) -> None:
        assert proc.stdout is not None
        self.proc = proc
        self.lines: list[str] = []
        self._changed = asyncio.Event()
        self._reader = asyncio.create_task(self._read(proc.stdout))

    async def _read(self, stream: asyncio.StreamReader) -> None:
        async for raw in stream:
            self.lines.append(raw.decode(errors="replace").rstrip("\n"))
            self._changed.set()
        self._changed.set()

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    async def wait_for(self, part: str, after: int = 0, timeout: float = 30.0) -> int:
        """The index of the first line from `after` on that holds `part`."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            for index in range(after, len(self.lines)):
                if part in self.lines[index]:
                    return index
            left = deadline - loop.time()
            if left <= 0 or self._reader.done():
                raise AssertionError(f"no line with {part!r} after line {after}:\n{self.text}")
            self._changed.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._changed.wait(), left)

    async def stop(self, timeout: float = 30.0) -> str:
        """SIGTERM, wait for the exit, everything it printed."""
        if self.proc.returncode is None:
            self.proc.send_signal(signal.SIGTERM)
        await asyncio.wait_for(self._reader, timeout)
        await asyncio.wait_for(self.proc.wait(), timeout)
        return self.text


async def ask(api: FakeBotAPI, text: str) -> str:
    count = len(api.sent_to(CHAT))
    api.push_text(CHAT, text)
    return (await api.wait_for_messages(CHAT, count + 1, timeout=30))[-1]["text"]


async def test_sighup_reloads_a_valid_set_and_rejects_an_invalid_one(tmp_path: Path) -> None:
    articles = copy_articles(tmp_path)
    async with FakeBotAPI() as api:
        proc = await start_bot_process(bot_env(api, KNOWLEDGE_DIR=str(articles)), tmp_path)
        output = Output(proc)
        try:
            assert DONT_KNOW in await ask(api, ALIAS)

            add_alias(articles, ALIAS)
            proc.send_signal(signal.SIGHUP)
            await output.wait_for(RELOADED)
            assert (await ask(api, ALIAS)).startswith("Twitching")

            mark = len(output.lines)
            article = articles / "twitching.txt"
            line = break_synopsis(article)
            proc.send_signal(signal.SIGHUP)
            rejected = await output.wait_for(REJECTED, after=mark)
            problem = await output.wait_for(f"WARNING bot.reload: {article}:{line}: ", after=rejected)
            assert problem == rejected + 1
            assert "'Synopsis of Something'" in output.lines[problem]
            # The previous set answers on, the new alias included.
            assert (await ask(api, ALIAS)).startswith("Twitching")
            assert (await ask(api, "magnesium")).startswith("Magnesium")
        finally:
            text = await output.stop()
    assert proc.returncode == 0, text
    assert text.count("knowledge reloaded:") == 1 and text.count("reload rejected") == 1
    assert "Traceback" not in text
    assert api.token not in text and api.token.split(":")[1] not in text
    assert ALIAS not in text and "magnesium" not in text.lower()  # nothing people write is logged


async def test_sighup_before_the_bot_serves_is_ignored(tmp_path: Path) -> None:
    articles = copy_articles(tmp_path)
    async with FakeBotAPI() as api:
        api.fail("getMe", "slow", delay=2.0)  # the bot is starting, not yet serving
        proc = await start_bot_process(bot_env(api, KNOWLEDGE_DIR=str(articles)), tmp_path)
        output = Output(proc)
        try:
            await api.wait_for(lambda: api.calls_to("getMe"), timeout=30, what="getMe")
            add_alias(articles, ALIAS)
            proc.send_signal(signal.SIGHUP)
            await output.wait_for("knowledge reload ignored: the bot is not serving yet")
            assert (await ask(api, ALIAS)).startswith(DONT_KNOW)  # still the set it started with
            assert proc.returncode is None
        finally:
            text = await output.stop()
    assert proc.returncode == 0, text
    assert "knowledge reloaded" not in text


async def test_start_up_with_an_invalid_set_exits_2_naming_the_file(tmp_path: Path) -> None:
    articles = copy_articles(tmp_path)
    article = articles / "twitching.txt"
    line = break_synopsis(article)
    async with FakeBotAPI() as api:
        proc = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            env=bot_env(api, KNOWLEDGE_DIR=str(articles)),
            cwd=tmp_path,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        out, err = await asyncio.wait_for(proc.communicate(), 60)
        assert api.calls == []  # it stopped before reaching out to Telegram
    stderr = err.decode()
    assert proc.returncode == 2, stderr
    assert stderr.startswith("cannot load the knowledge base (KNOWLEDGE_DIR):\n"), stderr
    assert f"{article}:{line}: 'Synopsis of Something' names 'Something'" in stderr
    assert "Traceback" not in stderr and out == b""
    assert api.token not in stderr
