"""The in-process transport: a PTB ``BaseRequest`` that answers from the fake's state, no socket.

PTB's whole request pipeline still runs (parameter encoding, status-code handling, parsing of
the answer); only the HTTP hop is skipped, and the same methods answer over the same state as
the HTTP server, byte for byte. Faults map to what the HTTP client would raise: "drop" is a
NetworkError, "slow" past the read timeout is TimedOut (and still applied later unless
``if_connected``).

Handler tests build an ``InProcessAPI()`` on its own and feed updates with
``app.process_update``, around the fake: that state trusts ids it never issued (see BotState).
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from typing import Any

from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

from .methods import METHODS, Method, answer
from .objects import BOT_USER
from .state import BotState, Call, Fault
from .wire import Answer, ApiError, canned_fault, decode_params, error

__all__ = ["InProcessAPI"]


class InProcessAPI(BaseRequest):
    """Pass as ``request=`` and ``get_updates_request=`` to an Application or Bot."""

    def __init__(
        self,
        state: BotState | None = None,
        *,
        token: str | None = None,
        read_timeout: float | None = 1.0,
        table: Mapping[str, Method] = METHODS,
    ) -> None:
        """Without a state, a fresh one for ``BOT_USER`` that trusts foreign ids; ``token=None``
        accepts any token."""
        self.state = state if state is not None else BotState(BOT_USER, trust_foreign_ids=True)
        self.token, self.table, self._read_timeout = token, table, read_timeout
        # Shorthand kept for handler tests: the next call of a method answers (code, description).
        self.fail_with: dict[str, tuple[int, str]] = {}
        self._late: set[asyncio.Task[Answer]] = set()

    @property
    def read_timeout(self) -> float | None:
        """The default read timeout, which "slow" faults are measured against."""
        return self._read_timeout

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Cancel side effects of slow calls still pending, so no task outlives the loop."""
        for task in list(self._late):
            task.cancel()

    # ---- what handler tests read -------------------------------------------------------------

    @property
    def calls(self) -> list[Call]:
        """Every call in arrival order; each unpacks as ``method, params``."""
        return self.state.calls

    def sent(self, method: str = "sendMessage") -> list[dict[str, Any]]:
        """The parameters of every call of one method (failed ones too), in order."""
        return [call.params for call in self.state.calls if call.method.lower() == method.lower()]

    @property
    def next_id(self) -> int:
        """The message_id of the bot's newest message (0 before any); named as in older tests."""
        return self.state.sent[-1]["message_id"] if self.state.sent else 0

    # ---- the transport -----------------------------------------------------------------------

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: object = BaseRequest.DEFAULT_NONE,
        write_timeout: object = BaseRequest.DEFAULT_NONE,
        connect_timeout: object = BaseRequest.DEFAULT_NONE,
        pool_timeout: object = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """Route ``<base_url><token>/<method>`` to the methods, as the HTTP server does."""
        head, _, name = url.rpartition("/")
        if self.token is not None and not head.endswith(self.token):
            return _pair(error(ApiError(401, "Unauthorized")))
        if "/file/bot" in head:
            return _pair(error(ApiError(404, "Not Found")))
        params = decode_params(request_data.json_parameters if request_data else {})
        if name in self.fail_with:
            code, description = self.fail_with.pop(name)
            self.state.add_fault(name, "error", 1, {"code": code, "description": description}, first=True)
        fault = self.state.arrive(name, params)
        if name.lower() not in self.table:
            return _pair(error(ApiError(404, "Not Found")))
        if fault is not None:
            if (canned := canned_fault(fault)) is not None:
                return _pair(canned)
            if fault.kind == "drop":
                raise NetworkError("Server disconnected without sending a response (in-process fake)")
            wait = self._read_timeout if read_timeout is BaseRequest.DEFAULT_NONE else read_timeout
            limit = float(wait) if isinstance(wait, int | float) else None  # None: no read timeout
            return _pair(await self._slow(fault, name, params, limit))
        return _pair(await answer(self.state, name, params, self.table))

    async def _slow(self, fault: Fault, name: str, params: dict[str, Any], limit: float | None) -> Answer:
        """Answer after the delay, or time out like the HTTP client while the call goes on."""
        delay = float(fault.kw["delay"])
        if limit is None or delay <= limit:
            await self.state.sleep(delay)
            return await answer(self.state, name, params, self.table)
        if not fault.kw.get("if_connected"):
            task = asyncio.create_task(self._late_answer(delay, name, params))
            self._late.add(task)
            task.add_done_callback(self._late.discard)
        await self.state.sleep(limit)
        raise TimedOut()

    async def _late_answer(self, delay: float, name: str, params: dict[str, Any]) -> Answer:
        """The side effects of a call the client gave up on, applied when the server gets to it."""
        await self.state.sleep(delay)
        return await answer(self.state, name, params, self.table)


def _pair(ans: Answer) -> tuple[int, bytes]:
    """``do_request``'s return shape."""
    return ans.status, ans.body
