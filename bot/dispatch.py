"""From raw update to handled: read it, answer it once, count it. Shared by the webhook and
polling, which both confirm an update to Telegram only after `dispatch` returns "handled".

Handled means answered: the answer was delivered, or failed for good (handlers/api_errors.py).
When the Bot API was unavailable (5xx, timeouts, connections, past the retries), `dispatch`
returns "unavailable": the update is released, not confirmed, and comes again once the API
answers (polling re-reads it from its offset, the webhook answers 503 so Telegram redelivers).
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any, Literal

from telegram import Update

from bot.request import ApiHealth
from bot.update_shape import shape_error
from handlers.api_errors import is_transient
from handlers.context import BotApplication, BotContext
from handlers.metrics import Metrics
from handlers.state import HandledLog

log = logging.getLogger(__name__)
Outcome = Literal["handled", "duplicate", "busy", "unavailable"]
_LOG_EVERY = 10.0  # seconds between two lines about unreadable updates


class Dispatcher:
    def __init__(
        self,
        application: BotApplication,
        metrics: Metrics,
        handled: HandledLog,
        health: ApiHealth | None = None,
    ) -> None:
        self.application, self.metrics, self.handled = application, metrics, handled
        self.health = health or ApiHealth()
        # Updates being handled here: a copy delivered meanwhile waits for the first.
        self._running: dict[int, asyncio.Future[None]] = {}
        # Updates whose answer met an unavailable Bot API (told by the error handler below).
        self._unanswered: set[int] = set()
        self._logged_at = float("-inf")
        self._unlogged = 0
        application.add_error_handler(self._note_unavailable)

    async def _note_unavailable(self, update: object, context: BotContext) -> None:
        if isinstance(update, Update) and is_transient(context.error):
            self._unanswered.add(update.update_id)

    async def idle(self) -> None:
        """Return once no update is being handled here."""
        while self._running:
            await asyncio.gather(*(asyncio.shield(f) for f in list(self._running.values())))

    def parse(self, data: object) -> Update | None:
        """The Update, or None for anything python-telegram-bot cannot read (logged by
        update_id only: an update holds what people wrote)."""
        update_id = data.get("update_id") if isinstance(data, dict) else None
        update_id = update_id if isinstance(update_id, int) and not isinstance(update_id, bool) else None
        problem = shape_error(data)
        if problem is None:
            try:
                return Update.de_json(data, self.application.bot)  # type: ignore[arg-type]
            except Exception as exc:  # PTB raises anything from TypeError to RecursionError
                problem = type(exc).__name__
        self.metrics.updates_invalid.inc()
        self._log_unreadable(update_id, problem)
        return None

    def _log_unreadable(self, update_id: int | None, problem: str) -> None:
        """One line per interval at most: a flood of forged updates cannot flood the log."""
        now = time.monotonic()
        if now - self._logged_at < _LOG_EVERY:
            self._unlogged += 1
            return
        log.warning(
            "skipped an update that cannot be read: update_id %s (%s); %d more since the last line",
            update_id,
            problem,
            self._unlogged,
        )
        self._logged_at, self._unlogged = now, 0

    async def dispatch(self, data: dict[str, Any], update: Update) -> Outcome:
        """Handle one update unless it was already handled; return when it is."""
        update_id = update.update_id
        running = self._running.get(update_id)
        if running is not None:  # a copy: once the first is done, it is a duplicate (or, if the
            await asyncio.shield(running)  # first could not be answered, this copy's turn)
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
            self._unanswered.discard(update_id)
            await self.handled.release(update_id)
            raise
        except Exception:  # the error handler has run; the update is handled, not retried forever
            log.exception("error while handling update %s", update_id)
        finally:
            self._running.pop(update_id, None)
            finished.set_result(None)
            self.metrics.handler_seconds.observe(time.perf_counter() - start)
        if update_id in self._unanswered:
            self._unanswered.discard(update_id)
            self.health.mark_down()
            await self.handled.release(update_id)
            return "unavailable"
        await self.handled.done(update_id)
        return "handled"
