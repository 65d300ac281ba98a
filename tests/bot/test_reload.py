"""Reloading the knowledge directory in-process: a real Engine over a copy of the shipped articles."""

from __future__ import annotations

import asyncio
import gc
import logging
import os
import shutil
import signal
import threading
import weakref
from pathlib import Path

import pytest
from prometheus_client import CollectorRegistry

from bot.reload import KnowledgeReloader
from bot.serve import RELOAD_SIGNAL, _install_reload_signal
from handlers.telegram.context import Services
from knowledge import DEFAULT_KNOWLEDGE_DIR, Engine, KnowledgeBase, LexiconError, load_knowledge

UNKNOWN = "unknown"


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    directory = tmp_path / "articles"
    directory.mkdir()
    for path in DEFAULT_KNOWLEDGE_DIR.iterdir():
        if path.is_file():
            shutil.copy(path, directory / path.name)
    return directory


@pytest.fixture
def services(articles: Path) -> Services:
    return Services(Engine(load_knowledge(articles)))


class CountingLoader:
    """load_knowledge, counted; `gate` (if set) holds each load until it is opened."""

    def __init__(self, gate: threading.Event | None = None) -> None:
        self.calls = 0
        self.gate = gate

    def __call__(self, directory: Path) -> KnowledgeBase:
        self.calls += 1
        if self.gate is not None and not self.gate.wait(30):
            raise TimeoutError("the test never opened the gate")
        return load_knowledge(directory)


def add_alias(directory: Path, alias: str) -> None:
    overlay = directory / "overlay.toml"
    text = overlay.read_text(encoding="utf-8")
    assert '  "twitch", ' in text
    overlay.write_text(text.replace('  "twitch", ', f'  "{alias}", "twitch", ', 1), encoding="utf-8")


def add_article(directory: Path, title: str) -> None:
    """The shipped twitching article under another title (and without its one extra name)."""
    text = (directory / "twitching.txt").read_text(encoding="utf-8")
    text = text.replace("Twitching", title).replace(" (also called fasciculations)", "")
    (directory / f"{title.lower()}.txt").write_text(text, encoding="utf-8")


def break_line(path: Path, old: str, new: str) -> int:
    """Replace line `old` by `new`; its line number."""
    lines = path.read_text(encoding="utf-8").splitlines()
    number = lines.index(old)
    lines[number] = new
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return number + 1


def messages(caplog: pytest.LogCaptureFixture, level: int) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "bot.reload" and r.levelno == level]


async def reload(reloader: KnowledgeReloader) -> None:
    reloader.request()
    await reloader.settled()


async def test_a_new_alias_is_known_after_a_reload(
    articles: Path, services: Services, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    assert services.engine.answer("jitterbug").kind == UNKNOWN
    reloader = KnowledgeReloader(articles, services)
    reloader.start()
    add_alias(articles, "jitterbug")
    await reload(reloader)
    reply = services.engine.answer("jitterbug")
    assert reply.kind != UNKNOWN and reply.topics == ("twitching",)
    [line] = messages(caplog, logging.INFO)
    assert line.startswith("knowledge reloaded: 1 conditions, 6 ingredients (") and line.endswith(" s)")
    assert not messages(caplog, logging.WARNING)


async def test_a_new_article_is_answered_after_a_reload(articles: Path, services: Services) -> None:
    old = services.engine
    assert services.engine.answer("hiccups").kind == UNKNOWN
    reloader = KnowledgeReloader(articles, services)
    reloader.start()
    add_article(articles, "Hiccups")
    await reload(reloader)
    assert services.engine is not old
    assert sorted(services.engine.kb.conditions) == ["hiccups", "twitching"]
    assert services.engine.answer("hiccups").topics == ("hiccups",)
    assert services.engine.answer("twitching").topics == ("twitching",)


async def test_a_topic_removed_by_a_reload_leaves_conversations_working(articles: Path) -> None:
    add_article(articles, "Hiccups")
    services = Services(Engine(load_knowledge(articles)))
    reply = services.engine.answer("hiccups")
    conversation = services.engine.after(None, reply)
    (articles / "hiccups.txt").unlink()
    reloader = KnowledgeReloader(articles, services)
    reloader.start()
    await reload(reloader)
    assert "hiccups" not in services.engine.kb.conditions
    for follow_up in ("is it safe?", "what causes it", "magnesium"):  # the old topic is gone
        services.engine.after(conversation, services.engine.answer(follow_up, conversation))
    assert services.engine.topic_reply("hiccups", "causes") is None  # an old button


async def test_an_invalid_set_is_rejected_whole(
    articles: Path, services: Services, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    old = services.engine
    reloader = KnowledgeReloader(articles, services)
    reloader.start()
    add_alias(articles, "jitterbug")  # valid on its own, but it comes with broken files
    add_article(articles, "Hiccups")
    article, other = articles / "twitching.txt", articles / "hiccups.txt"
    synopsis = break_line(article, "Synopsis of Twitching", "Synopsis of Something")
    causes = break_line(other, "Common Causes:", "Common Causes")
    await reload(reloader)
    assert services.engine is old
    assert services.engine.answer("jitterbug").kind == UNKNOWN
    assert services.engine.answer("twitching").topics == ("twitching",)
    assert not messages(caplog, logging.INFO)
    first, *problems = messages(caplog, logging.WARNING)
    assert first == "knowledge reload rejected, still answering from the previous set: 2 problem(s)"
    assert len(problems) == 2
    assert problems[0].startswith(f"{other}:{causes}: cannot parse 'Common Causes'")
    assert problems[1].startswith(f"{article}:{synopsis}: 'Synopsis of Something'")


async def test_a_valid_set_after_a_rejected_one_is_loaded(articles: Path, services: Services) -> None:
    reloader = KnowledgeReloader(articles, services)
    reloader.start()
    article = articles / "twitching.txt"
    good = article.read_text(encoding="utf-8")
    break_line(article, "Ingredients", "Ingredient")
    (articles / "overlay.toml").write_text("[conditions.twitching\n", encoding="utf-8")
    await reload(reloader)
    assert services.engine.answer("fasciculations").topics == ("twitching",)  # the previous set
    article.write_text(good, encoding="utf-8")
    shutil.copy(DEFAULT_KNOWLEDGE_DIR / "overlay.toml", articles / "overlay.toml")
    add_alias(articles, "jitterbug")
    await reload(reloader)
    assert services.engine.answer("jitterbug").topics == ("twitching",)


async def test_a_missing_directory_is_rejected(
    tmp_path: Path, services: Services, caplog: pytest.LogCaptureFixture
) -> None:
    old = services.engine
    reloader = KnowledgeReloader(tmp_path / "gone", services)
    reloader.start()
    await reload(reloader)
    assert services.engine is old
    assert messages(caplog, logging.WARNING) == [
        "knowledge reload rejected, still answering from the previous set: 1 problem(s)",
        f"{tmp_path / 'gone'}: not a directory",
    ]


@pytest.mark.parametrize(
    ("error", "problem"),
    [
        (PermissionError(13, "Permission denied", "/srv/kb/a.txt"), "/srv/kb/a.txt: Permission denied"),
        (OSError(5, "Input/output error"), "{directory}: Input/output error"),
        (LexiconError("/lexicon/triage.toml: bad"), "the lexicon: /lexicon/triage.toml: bad"),
    ],
)
async def test_os_and_lexicon_errors_are_rejected_the_same_way(
    articles: Path,
    services: Services,
    caplog: pytest.LogCaptureFixture,
    error: Exception,
    problem: str,
) -> None:
    def failing(directory: Path) -> KnowledgeBase:
        raise error

    old = services.engine
    registry = CollectorRegistry()
    reloader = KnowledgeReloader(articles, services, load=failing, registry=registry)
    reloader.start()
    await reload(reloader)
    assert services.engine is old
    assert messages(caplog, logging.WARNING) == [
        "knowledge reload rejected, still answering from the previous set: 1 problem(s)",
        problem.format(directory=articles),
    ]
    assert registry.get_sample_value("bot_knowledge_reloads_total", {"result": "rejected"}) == 1


async def test_an_unexpected_error_never_ends_the_bot(
    articles: Path, services: Services, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(kb: KnowledgeBase) -> Engine:
        raise ZeroDivisionError("a bug")

    old = services.engine
    reloader = KnowledgeReloader(articles, services, build=broken)
    reloader.start()
    await reload(reloader)
    assert services.engine is old
    [record] = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert record.getMessage() == "knowledge reload failed, still answering from the previous set"
    assert record.exc_info is not None
    add_alias(articles, "jitterbug")
    reloader = KnowledgeReloader(articles, services)
    reloader.start()
    await reload(reloader)  # and the next reload works
    assert services.engine.answer("jitterbug").topics == ("twitching",)


async def test_requests_during_a_reload_coalesce_into_one_more(articles: Path, services: Services) -> None:
    gate = threading.Event()
    loader = CountingLoader(gate)
    old = services.engine
    registry = CollectorRegistry()
    reloader = KnowledgeReloader(articles, services, load=loader, registry=registry)
    reloader.start()
    add_alias(articles, "jitterbug")
    for _ in range(5):
        reloader.request()
        await asyncio.sleep(0.01)
    assert loader.calls == 1
    # The loop is free while the set loads, and the old engine answers.
    loop = asyncio.get_running_loop()
    before = loop.time()
    await asyncio.sleep(0.05)
    assert loop.time() - before < 1
    assert services.engine is old and services.engine.answer("jitterbug").kind == UNKNOWN
    gate.set()
    await reloader.settled()
    assert loader.calls == 2
    assert registry.get_sample_value("bot_knowledge_reloads_total", {"result": "loaded"}) == 2
    assert services.engine.answer("jitterbug").topics == ("twitching",)
    await reload(reloader)  # once settled, a request starts a reload again
    assert loader.calls == 3


async def test_five_quick_requests_load_at_most_twice(articles: Path, services: Services) -> None:
    loader = CountingLoader()
    reloader = KnowledgeReloader(articles, services, load=loader)
    reloader.start()
    for _ in range(5):
        reloader.request()
    await reloader.settled()
    assert loader.calls == 2


async def test_requests_before_start_and_after_close_are_ignored(
    articles: Path, services: Services, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    loader = CountingLoader()
    reloader = KnowledgeReloader(articles, services, load=loader)
    reloader.request()
    await reloader.settled()
    reloader.start()
    await reloader.close()
    reloader.request()
    await reloader.settled()
    assert loader.calls == 0
    assert messages(caplog, logging.INFO) == [
        "knowledge reload ignored: the bot is not serving yet",
        "knowledge reload ignored: the bot is stopping",
    ]


async def test_close_abandons_a_reload_under_way(articles: Path, services: Services) -> None:
    gate = threading.Event()
    loader = CountingLoader(gate)
    old = services.engine
    reloader = KnowledgeReloader(articles, services, load=loader)
    reloader.start()
    add_alias(articles, "jitterbug")
    reloader.request()
    reloader.request()
    await asyncio.sleep(0.05)
    await reloader.close()
    gate.set()
    await asyncio.sleep(0.5)
    assert services.engine is old and loader.calls == 1


async def test_the_previous_set_is_freed(articles: Path, services: Services) -> None:
    """No reference to the old set is kept: once unused, the collector frees it."""
    old_kb = weakref.ref(services.engine.kb)
    reloader = KnowledgeReloader(articles, services)
    reloader.start()
    await reload(reloader)
    gc.collect()
    assert old_kb() is None


async def test_the_previous_set_is_freed_with_a_frozen_collector(articles: Path, services: Services) -> None:
    """`python -m bot` freezes the collector after the first load: the knowledge base's reference
    cycles would never be collected, unless the reload unfreezes them once the old engine is
    unused (here: after the inline handler holding it lets go)."""
    old_kb = weakref.ref(services.engine.kb)
    reloader = KnowledgeReloader(articles, services, release_wait=5.0)
    reloader.start()
    held: list[Engine] = [services.engine]  # a handler still answering with it
    gc.collect()
    gc.freeze()
    try:
        reloader.request()
        await asyncio.sleep(0.3)
        assert old_kb() is not None
        held.clear()
        await reloader.settled()
        assert old_kb() is None
        assert gc.get_freeze_count() > 0  # the new set is frozen in its place
    finally:
        gc.unfreeze()


async def test_sighup_reloads_unless_stopping(
    articles: Path, services: Services, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    loop = asyncio.get_running_loop()
    loader = CountingLoader()
    stopping = asyncio.Event()
    reloader = KnowledgeReloader(articles, services, load=loader)
    reloader.start()
    _install_reload_signal(loop, reloader, stopping)
    try:
        os.kill(os.getpid(), RELOAD_SIGNAL)
        for _ in range(100):
            if loader.calls:
                break
            await asyncio.sleep(0.01)
        await reloader.settled()
        assert loader.calls == 1
        stopping.set()
        os.kill(os.getpid(), signal.SIGHUP)
        for _ in range(100):
            if "knowledge reload ignored: the bot is stopping" in caplog.messages:
                break
            await asyncio.sleep(0.01)
        assert "knowledge reload ignored: the bot is stopping" in caplog.messages
        await reloader.settled()
        assert loader.calls == 1
    finally:
        loop.remove_signal_handler(RELOAD_SIGNAL)
