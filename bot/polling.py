"""Long polling that confirms an update to Telegram only once it, and every update before it,
has been handled.

Telegram confirms every update below the `offset` of the next getUpdates. PTB's own updater
confirms a batch as soon as it asks for the next one, so a hard kill loses what was fetched
but not answered. Here a batch is handled (several updates at once, started in order), its
handled prefix is confirmed every `confirm_interval`, and the next batch is fetched only when
this one is done. A stop lets the started updates finish, confirms them and leaves the rest
unconfirmed: Telegram delivers them again after the restart.

getUpdates is read raw (a GET with query parameters through the request object), so that one
update PTB cannot parse is skipped and confirmed instead of stopping the loop.

An update whose answer met an unavailable Bot API ("unavailable", bot/dispatch.py) is not
confirmed: nothing new is started, and the next getUpdates (once the API answers) reads it again
from the offset; the updates after it that were handled meanwhile are duplicates, skipped. The
updates of one chat run one after another, and one not yet answered holds back its chat's next
ones, so a chat's answers keep their order.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable, Sequence
from contextlib import suppress
from typing import Any
from urllib.parse import urlencode

from telegram.error import InvalidToken, NetworkError, TimedOut
from telegram.request import BaseRequest

from bot.dispatch import Dispatcher

log = logging.getLogger(__name__)
_UNAUTHORIZED = (401, 404)
_CONFLICT = 409
_MAX_BACKOFF = 5.0  # an API that comes back is noticed within seconds
POLL_POOL = 2  # connections for the poller's request: see Poller._handle and bot/serve.py


class Poller:
    def __init__(
        self,
        base_url: str,  # the bot's base URL: API root plus token ("…/bot123:abc")
        request: BaseRequest,
        dispatcher: Dispatcher,
        allowed_updates: Sequence[str],
        *,
        concurrency: int = 8,
        poll_timeout: int = 50,
        limit: int = 100,
        confirm_interval: float = 0.5,
    ) -> None:
        self.base_url, self.request, self.dispatcher = base_url, request, dispatcher
        self.allowed_updates = list(allowed_updates)
        self.concurrency, self.poll_timeout, self.limit = concurrency, poll_timeout, limit
        self.confirm_interval = confirm_interval
        self.offset = 0  # the first update not yet handled (and so not confirmed)
        self._confirmed = 0
        self._stop = asyncio.Event()
        # After an update could not be answered: it is tried alone until one is answered, so a
        # Bot API that is still down is not handed a whole batch again.
        self._recovering = False
        self._stop_by: float | None = None

    def stop(self, grace: float | None = None) -> None:
        """Fetch nothing more, start nothing more; the updates already started finish. Within
        `grace` seconds, a confirmation under way is waited for, then given up: a Bot API that
        fails or hangs cannot hold the stop."""
        if grace is not None:
            self._stop_by = asyncio.get_running_loop().time() + grace
        self._stop.set()

    async def run(self) -> None:
        failures = 0
        while not self._stop.is_set():
            try:
                limit = 1 if self._recovering else self.limit
                batch = await self._until_stopped(self._fetch(self.offset, limit, self.poll_timeout))
            except (NetworkError, TimedOut, _ApiError) as exc:
                failures += 1
                delay = min(_MAX_BACKOFF, 0.5 * 2**failures)
                log.warning("getUpdates failed (%s), retrying in %.1f s", exc, delay)
                await self._until_stopped(asyncio.sleep(delay))
                continue
            if batch is None:  # stopped while waiting: nothing fetched is started
                break
            failures = 0
            self.dispatcher.health.record(True)  # the API answers: take work again
            await self._handle(batch)
            self._recovering = self.dispatcher.health.down

    async def close(self, timeout: float | None = None) -> None:
        """Confirm what was handled: after run() returns or is cancelled. Within `timeout`
        seconds whatever the API does (unreachable, 5xx, hanging); what is not confirmed by
        then comes again after the restart (at most a duplicate, never a loss)."""
        try:
            async with asyncio.timeout(timeout):
                await self._confirm()
        except TimeoutError:
            log.warning("could not confirm handled updates in time; they may be delivered again")

    async def _handle(self, batch: list[dict[str, Any]]) -> None:
        """Handle a batch, several at a time, started in update order."""
        ids = [u["update_id"] for u in batch if isinstance(u, dict) and isinstance(u.get("update_id"), int)]
        if not ids:
            return
        handled: set[int] = set()
        slots = asyncio.Semaphore(self.concurrency)
        started: list[asyncio.Task[None]] = []
        last_of_chat: dict[int, asyncio.Task[None]] = {}
        health = self.dispatcher.health

        async def one(raw: dict[str, Any], before: asyncio.Task[None] | None) -> None:
            try:
                if before is not None:  # the chat's previous update first
                    await asyncio.wait({before})
                if health.down:  # not started: read again once the API answers
                    return
                update = self.dispatcher.parse(raw)
                # Unreadable updates are skipped and confirmed.
                if update is not None and await self.dispatcher.dispatch(raw, update) == "unavailable":
                    return
            finally:
                slots.release()
            handled.add(raw["update_id"])

        batch_done = asyncio.Event()
        confirmer = asyncio.create_task(self._confirm_while(lambda: self._prefix(ids, handled), batch_done))
        try:
            for raw in sorted(
                (u for u in batch if isinstance(u, dict) and u.get("update_id") in ids),
                key=lambda u: int(u["update_id"]),
            ):
                await slots.acquire()
                if self._stop.is_set() or health.down:
                    slots.release()
                    break
                chat = _chat_of(raw)
                task = asyncio.create_task(one(raw, last_of_chat.get(chat) if chat is not None else None))
                if chat is not None:
                    last_of_chat[chat] = task
                started.append(task)
            await asyncio.gather(*started, return_exceptions=True)
        finally:
            for task in started:
                task.cancel()
            # Stopped, never cancelled: httpcore 1.0 leaks a pool slot for good when a request
            # is cancelled while its connection is being set up (encode/httpcore#1093), and the
            # poller's pool is small.
            batch_done.set()
            left = None if self._stop_by is None else self._stop_by - asyncio.get_running_loop().time()
            await asyncio.wait({confirmer}, timeout=None if left is None else max(0.0, left))
            if not confirmer.done():  # stopping, and the API does not answer: given up
                confirmer.cancel()
                await asyncio.gather(confirmer, return_exceptions=True)
            self.offset = max(self.offset, self._prefix(ids, handled))

    @staticmethod
    def _prefix(ids: list[int], handled: set[int]) -> int:
        """The offset that confirms the handled updates that no unhandled one precedes."""
        offset = 0
        for update_id in sorted(ids):
            if update_id not in handled:
                return offset or update_id
            offset = update_id + 1
        return offset

    async def _confirm_while(self, prefix: Callable[[], int], done: asyncio.Event) -> None:
        while True:
            with suppress(TimeoutError):
                await asyncio.wait_for(done.wait(), self.confirm_interval)
                return  # the next getUpdates confirms the batch
            self.offset = max(self.offset, prefix())
            await self._confirm()

    async def _confirm(self) -> None:
        """Tell Telegram the handled updates are done: a getUpdates that returns at once."""
        if self.offset <= self._confirmed:
            return
        try:
            await self._fetch(self.offset, 1, 0)
            self._confirmed = self.offset
        except (NetworkError, TimedOut, _ApiError) as exc:
            log.warning("could not confirm handled updates (%s); they may be delivered again", exc)

    async def _fetch(self, offset: int, limit: int, timeout: int) -> list[dict[str, Any]]:
        query = {
            "offset": offset,
            "limit": limit,
            "timeout": timeout,
            "allowed_updates": json.dumps(self.allowed_updates),
        }
        code, body = await self.request.do_request(
            f"{self.base_url}/getUpdates?{urlencode(query)}", "GET", read_timeout=timeout + 10
        )
        try:
            answer = json.loads(body)
        except (ValueError, RecursionError):
            raise _ApiError(f"HTTP {code}, not JSON") from None
        if code in _UNAUTHORIZED:
            raise InvalidToken("the bot token was rejected")
        if code == _CONFLICT:
            raise _ApiError("conflict: another poller or a webhook is active")
        if not isinstance(answer, dict) or not answer.get("ok") or not isinstance(answer.get("result"), list):
            raise _ApiError(
                f"HTTP {code}: {answer.get('description', '') if isinstance(answer, dict) else ''}"
            )
        return [u for u in answer["result"] if isinstance(u, dict)]

    async def _until_stopped(self, work: Any) -> Any:
        """Run `work`; None if a stop came first (the work is cancelled)."""
        task = asyncio.ensure_future(work)
        stopped = asyncio.ensure_future(self._stop.wait())
        done, _ = await asyncio.wait({task, stopped}, return_when=asyncio.FIRST_COMPLETED)
        stopped.cancel()
        if task in done:
            return task.result()
        task.cancel()
        return None


def _chat_of(raw: dict[str, Any]) -> int | None:
    """The chat an update belongs to (a user's id for inline queries), for its order."""
    for kind in ("message", "edited_message", "callback_query", "inline_query"):
        body = raw.get(kind)
        if isinstance(body, dict):
            holder = body.get("message") if kind == "callback_query" else body
            chat = holder.get("chat") if isinstance(holder, dict) else None
            if not isinstance(chat, dict):
                chat = body.get("from")
            found = chat.get("id") if isinstance(chat, dict) else None
            return found if isinstance(found, int) else None
    return None


class _ApiError(Exception):
    """The Bot API answered getUpdates with an error."""
