"""Everything the fake Bot API knows, with no I/O: both transports and the test driver share it.

Chats, messages (the user's and the bot's), the update queue and its confirmed offset, issued
query ids, recorded calls and pending faults live here; the Bot API methods (methods.py) read and
change them, the transports (server.py, inprocess.py) only carry requests in and answers out.

Every change bumps a generation ``asyncio.Event`` (``changed``): long polls and ``wait_for`` wake
on it. Pushes are synchronous and an ``asyncio.Condition`` can only be notified with its lock held
from a coroutine, so a replaced-on-change Event gives the same wake-up without that.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import json
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .objects import chat as make_chat

__all__ = ["FAULT_KINDS", "BotState", "Call", "Fault"]

FAULT_KINDS = frozenset({"429", "500", "502", "slow", "drop", "error"})


@dataclass
class Call:
    """One request as it arrived (recorded before any fault); unpacks as ``method, params``."""

    method: str
    params: dict[str, Any]
    at: float
    fault: str | None = None

    def __iter__(self) -> Iterator[Any]:
        """``for method, params in calls``: the shape handler tests read calls in."""
        return iter((self.method, self.params))


@dataclass
class Fault:
    """A failure queued for the next ``times`` calls of one method (see ``FakeBotAPI.fail``)."""

    kind: str
    times: int
    kw: dict[str, Any] = field(default_factory=dict)


class BotState:
    """The fake's memory of one bot and its chats.

    ``validate_html``/``record_calls`` off make the lean benchmark server; ``trust_foreign_ids``
    on suits tests that feed updates to the Application directly, so query and message ids the
    fake never issued are taken on trust instead of refused.
    """

    def __init__(
        self,
        bot_user: dict[str, Any],
        *,
        strict_html: bool = True,
        validate_html: bool = True,
        record_calls: bool = True,
        trust_foreign_ids: bool = False,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.bot_user = dict(bot_user)
        self.bot_id: int = self.bot_user["id"]
        self.me = {
            **self.bot_user,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": True,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }
        self.strict_html, self.validate_html = strict_html, validate_html
        self.record_calls, self.trust_foreign_ids = record_calls, trust_foreign_ids
        self.clock = clock
        self.calls: list[Call] = []
        self.callback_answers: list[dict[str, Any]] = []
        self.inline_answers: list[dict[str, Any]] = []
        self.commands: dict[tuple[str, str], list[dict[str, Any]]] = {}  # (scope JSON, language)
        self.descriptions: dict[tuple[str, str], str] = {}  # ("description"|"short_description", lang)
        self.webhook: dict[str, Any] = {"url": ""}
        self.allowed_updates: list[str] | None = None
        self.confirmed_offset = 0
        self.updates: list[dict[str, Any]] = []
        self.next_update_id = 1
        self.queries: dict[str, bool] = {}  # issued callback/inline query id -> answered
        self.chats: dict[int, dict[str, Any]] = {}
        self.messages: dict[tuple[int, int], dict[str, Any]] = {}  # current state, user and bot
        self.records: dict[tuple[int, int], dict[str, Any]] = {}  # bot messages, for edits
        self.sent: list[dict[str, Any]] = []  # the same records, in send order
        self.faults: dict[str, deque[Fault]] = {}
        # Outages: method (lower-case, "*" for all) -> (until, the fault every call meets).
        self.outages: dict[str, tuple[float, Fault]] = {}
        self.poll_generation = 0
        self.stopping = False
        self._next_mid: dict[int, int] = {}
        self._next_query = 4_000_000_000_001
        self._event = asyncio.Event()

    # ---- change notification -----------------------------------------------------------------

    def changed(self) -> None:
        """Wake everyone waiting on state (long polls, slow faults, wait_for)."""
        self._event.set()
        self._event = asyncio.Event()

    async def wait_change(self, timeout: float) -> None:
        """Wait until the next change or ``timeout`` seconds, whichever comes first."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._event.wait(), timeout)

    async def sleep(self, seconds: float) -> None:
        """Sleep, but return early once the fake stops, so shutdown never waits on a delay."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + seconds
        while not self.stopping and (left := deadline - loop.time()) > 0:
            await self.wait_change(left)

    # ---- calls and faults ----------------------------------------------------------------------

    def arrive(self, method: str, params: dict[str, Any]) -> Fault | None:
        """A request arrived: take the fault meant for it, record it, wake waiters."""
        fault = self.take_fault(method)
        if self.record_calls:
            self.calls.append(Call(method, params, time.monotonic(), fault.kind if fault else None))
            self.changed()
        return fault

    def add_fault(
        self, method: str, kind: str, times: int, kw: dict[str, Any], *, first: bool = False
    ) -> None:
        """Queue a fault (ahead of the others if ``first``); the driver checks its arguments."""
        queue = self.faults.setdefault(method.lower(), deque())
        (queue.appendleft if first else queue.append)(Fault(kind, times, kw))

    def add_outage(self, method: str, kind: str, seconds: float, kw: dict[str, Any]) -> None:
        """Every call of ``method`` ("*": any) meets ``kind`` for ``seconds`` from now."""
        self.outages[method.lower()] = (time.monotonic() + seconds, Fault(kind, 1, kw))

    def end_outages(self) -> None:
        self.outages.clear()
        self.changed()

    def take_fault(self, method: str) -> Fault | None:
        """The fault of an outage under way, else consume one pending fault for this method
        (case-insensitive, as Telegram), if any."""
        now = time.monotonic()
        for key in (method.lower(), "*"):
            outage = self.outages.get(key)
            if outage is not None:
                if now < outage[0]:
                    return Fault(outage[1].kind, 1, dict(outage[1].kw))
                del self.outages[key]
        queue = self.faults.get(method.lower())
        if not queue:
            return None
        fault = queue[0]
        fault.times -= 1
        if fault.times <= 0:
            queue.popleft()
        return fault

    # ---- commands ------------------------------------------------------------------------------

    @staticmethod
    def commands_key(scope: Any, language_code: Any) -> tuple[str, str]:
        """Commands are stored per (scope, language_code), as Telegram does; no scope is default."""
        scope = scope if isinstance(scope, dict) else {"type": "default"}
        return json.dumps(scope, sort_keys=True), str(language_code or "")

    # ---- chats, messages, updates --------------------------------------------------------------

    def now(self) -> int:
        """Unix time in whole seconds, as Telegram sends dates."""
        return int(self.clock())

    def chat(self, chat_id: int) -> dict[str, Any]:
        """The Chat object for an id; unknown chats are accepted with a plausible default."""
        if chat_id not in self.chats:
            self.chats[chat_id] = make_chat(chat_id)
        return dict(self.chats[chat_id])

    def new_message(self, chat_id: int, sender: dict[str, Any], **content: Any) -> dict[str, Any]:
        """Create and store a Message; ids count per chat, shared by the user and the bot."""
        mid = self._next_mid[chat_id] = self._next_mid.get(chat_id, 0) + 1
        msg = {"message_id": mid, "from": sender, "chat": self.chat(chat_id), "date": self.now()}
        msg.update({key: value for key, value in content.items() if value is not None})
        self.messages[(chat_id, mid)] = msg
        return msg

    def new_query_id(self) -> str:
        """A fresh callback/inline query id, in Telegram's style (a long decimal)."""
        self._next_query += 1
        return str(self._next_query - 1)

    def add_update(self, update: dict[str, Any]) -> dict[str, Any]:
        """Queue an update (update_id assigned if missing) and register the query id it carries."""
        update = {"update_id": self.next_update_id, **update}
        self.next_update_id = max(self.next_update_id, int(update["update_id"])) + 1
        for kind in ("callback_query", "inline_query"):
            if isinstance(update.get(kind), dict) and "id" in update[kind]:
                self.queries.setdefault(str(update[kind]["id"]), False)
        self.updates.append(update)
        self.changed()
        return update

    def confirm(self, offset: int) -> None:
        """getUpdates' offset: positive confirms everything before it, negative keeps the last few."""
        if offset > 0:
            self.confirmed_offset = max(self.confirmed_offset, offset)
        elif offset < 0:
            keep = [u for u in self.updates if u["update_id"] >= self.confirmed_offset][offset:]
            self.confirmed_offset = keep[0]["update_id"] if keep else self.next_update_id
        self.updates = [u for u in self.updates if u["update_id"] >= self.confirmed_offset]

    def drop_pending(self) -> None:
        """Forget every pending update (drop_pending_updates=True)."""
        self.confirmed_offset = self.next_update_id
        self.updates.clear()

    def pending_updates(self) -> list[dict[str, Any]]:
        """Updates not yet confirmed by an offset (copies: tests may keep them)."""
        return copy.deepcopy([u for u in self.updates if u["update_id"] >= self.confirmed_offset])
