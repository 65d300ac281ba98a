"""From raw update to handled: read it, answer it once, count it. Shared by the webhook and
polling, which both confirm an update to Telegram only after `dispatch` returns."""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any, Literal

from telegram import Update

from handlers.metrics import Metrics
from handlers.stores.protocols import HandledLog
from handlers.telegram.context import BotApplication

log = logging.getLogger(__name__)
Outcome = Literal["handled", "duplicate", "busy"]


class Dispatcher:
    def __init__(self, application: BotApplication, metrics: Metrics, handled: HandledLog) -> None:
        self.application, self.metrics, self.handled = application, metrics, handled
        # Updates being handled here: a copy delivered meanwhile waits for the first.
        self._running: dict[int, asyncio.Future[None]] = {}

    async def idle(self) -> None:
        """Return once no update is being handled here."""
        while self._running:
            await asyncio.gather(*(asyncio.shield(f) for f in list(self._running.values())))

    def parse(self, data: object) -> Update | None:
        """The Update, or None for anything python-telegram-bot cannot read (logged by
        update_id only: an update holds what people wrote)."""
        update_id = data.get("update_id") if isinstance(data, dict) else None
        try:
            if not isinstance(data, dict) or not isinstance(update_id, int):
                raise ValueError("no update_id")
            return Update.de_json(data, self.application.bot)
        except Exception as exc:  # PTB raises anything from TypeError to its own errors
            self.metrics.updates_invalid.inc()
            log.warning(
                "skipped an update that cannot be read: update_id %s (%s)", update_id, type(exc).__name__
            )
            return None

    async def dispatch(self, data: dict[str, Any], update: Update) -> Outcome:
        """Handle one update unless it was already handled; return when it is."""
        update_id = update.update_id
        running = self._running.get(update_id)
        if running is not None:
            await asyncio.shield(running)
            self.metrics.updates_duplicate.inc()
            return "duplicate"
        claim = await self.handled.claim(update_id)
        if claim != "mine":
            if claim == "done":
                self.metrics.updates_duplicate.inc()
                return "duplicate"
            return "busy"
        finished: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._running[update_id] = finished
        kind = next((key for key in data if key != "update_id"), "unknown")
        self.metrics.updates.labels(kind).inc()
        start = time.perf_counter()
        try:
            await self.application.process_update(update)
        except asyncio.CancelledError:
            await self.handled.release(update_id)
            raise
        except Exception:  # the error handler has run; the update is handled, not retried forever
            log.exception("error while handling update %s", update_id)
        finally:
            self._running.pop(update_id, None)
            finished.set_result(None)
            self.metrics.handler_seconds.observe(time.perf_counter() - start)
        await self.handled.done(update_id)
        return "handled"
