"""Reloading the knowledge directory while serving (SIGHUP): a valid set replaces the engine
between messages, an invalid one is rejected whole and the bot answers from the previous set.

The set is loaded and indexed in a worker thread, so answering goes on while a large base loads.
The new engine is swapped in on the event loop's thread with one attribute assignment: every
handler reads `services.engine` per update, so the ones already running keep the engine they
read and the next update gets the new one. Reloads never overlap: a request during a reload
asks for one more after it (requests coalesce, at most one waits).
"""

from __future__ import annotations

import asyncio
import gc
import logging
import time
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Literal, Protocol

from prometheus_client import CollectorRegistry, Counter

from knowledge import Engine, KnowledgeBase, KnowledgeError, LexiconError, Problem, load_knowledge

log = logging.getLogger(__name__)
REJECTED = "knowledge reload rejected, still answering from the previous set: %d problem(s)"
# How long the old engine's memory may wait for the handlers still using it, before it is freed.
RELEASE_WAIT = 10.0
_RELEASE_POLL = 0.1


class EngineHolder(Protocol):
    """What answers with the engine: the conversation service, or Telegram's Services."""

    engine: Engine


class KnowledgeReloader:
    """Reloads `directory` into `services.engine` on request(), once start() was called and
    until close()."""

    def __init__(
        self,
        directory: Path,
        services: EngineHolder,
        *,
        registry: CollectorRegistry | None = None,
        load: Callable[[Path], KnowledgeBase] = load_knowledge,
        build: Callable[[KnowledgeBase], Engine] = Engine,
        release_wait: float = RELEASE_WAIT,
    ) -> None:
        self.directory = directory
        self.services = services
        self._load = load
        self._build = build
        self._release_wait = release_wait
        self._state: Literal["waiting", "serving", "closed"] = "waiting"
        self._task: asyncio.Task[None] | None = None
        self._again = False
        self._reloads = (
            Counter(
                "bot_knowledge_reloads",
                "Knowledge reloads (SIGHUP), by result: loaded, rejected",
                ["result"],
                registry=registry,
            )
            if registry is not None
            else None
        )

    def start(self) -> None:
        """The bot serves: requests reload from now on."""
        if self._state == "waiting":
            self._state = "serving"

    def request(self) -> None:
        """Reload soon (from the event loop's thread, e.g. a signal handler). Ignored before
        start() and after close(); during a reload, one more reload runs after it."""
        if self._state != "serving":
            why = "the bot is not serving yet" if self._state == "waiting" else "the bot is stopping"
            log.info("knowledge reload ignored: %s", why)
            return
        if self._task is not None and not self._task.done():
            if not self._again:
                log.info("knowledge reload requested during a reload: one more will follow it")
            self._again = True
            return
        self._again = False
        self._task = asyncio.get_running_loop().create_task(self._run(), name="knowledge-reload")

    async def settled(self) -> None:
        """Wait until no reload runs and none is waiting."""
        while self._task is not None and not self._task.done():
            await asyncio.shield(self._task)

    async def close(self) -> None:
        """Take no more requests; a reload under way is abandoned (the previous set stays)."""
        self._state = "closed"
        if self._task is not None and not self._task.done():
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)

    async def _run(self) -> None:
        while True:
            await self._reload()
            if not self._again or self._state != "serving":
                return
            self._again = False

    async def _reload(self) -> None:
        started = time.monotonic()
        try:
            engine = await asyncio.to_thread(self._load_engine)
        except KnowledgeError as exc:
            self._reject([str(p) for p in exc.problems])
            return
        except LexiconError as exc:  # a packaging fault: its message names the lexicon file
            self._reject([f"the lexicon: {exc}"])
            return
        except OSError as exc:
            where = Path(str(exc.filename)) if exc.filename else self.directory
            self._reject([str(Problem(where, None, exc.strerror or type(exc).__name__))])
            return
        except Exception:  # a bug: never the end of the bot
            log.error("knowledge reload failed, still answering from the previous set", exc_info=True)
            self._count("rejected")
            return
        if self._state != "serving":
            return  # stopping: nothing would use it
        seconds = time.monotonic() - started
        previous = weakref.ref(self.services.engine)
        self.services.engine = engine  # the swap: one assignment, on the event loop's thread
        kb = engine.kb
        log.info(
            "knowledge reloaded: %d conditions, %d ingredients (%.1f s)",
            len(kb.conditions),
            len(kb.ingredients),
            seconds,
        )
        self._count("loaded")
        del engine, kb
        await self._release(previous)

    def _load_engine(self) -> Engine:
        """In the worker thread: the whole set, or an exception."""
        return self._build(self._load(self.directory))

    def _reject(self, problems: list[str]) -> None:
        log.warning(REJECTED, len(problems))
        for problem in problems:
            log.warning("%s", problem)
        self._count("rejected")

    def _count(self, result: str) -> None:
        if self._reloads is not None:
            self._reloads.labels(result).inc()

    async def _release(self, previous: weakref.ref[Engine]) -> None:
        """Free the previous set's memory. `python -m bot` freezes the collector after the first
        load (gc.freeze): frozen reference cycles, which the knowledge base has, are never
        collected. Once the handlers that read the old engine are done with it (or after
        `release_wait` seconds), unfreeze, collect it, and freeze the new set in its place."""
        if gc.get_freeze_count() == 0:
            return  # the collector sees the old set and frees it as usual
        started = time.monotonic()
        while previous() is not None and time.monotonic() - started < self._release_wait:
            await asyncio.sleep(_RELEASE_POLL)
        in_use = previous() is not None
        waited = time.monotonic() - started
        gc.unfreeze()
        gc.collect()
        gc.freeze()
        log.debug(
            "previous knowledge set %s after %.1f s, collected in %.2f s",
            "still in use, frozen" if in_use else "freed",
            waited,
            time.monotonic() - started - waited,
        )
