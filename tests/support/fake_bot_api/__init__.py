"""One fake Telegram Bot API for every test and the benchmark, split by responsibility.

* objects.py: Bot API objects (users, chats, messages) as plain dicts
* state.py: chats, messages, the update queue, offsets, recorded calls and faults; no I/O
* wire.py: parameters in and envelopes out, the same for both transports
* methods.py: the Bot API methods the bot and the tests use, registered explicitly
* server.py: the aiohttp HTTP transport (token, bodies, connection-level faults, long poll)
* inprocess.py: a PTB ``BaseRequest`` into the same methods and state, no socket
* driver.py: ``FakeBotAPI``, what tests push, observe and break
* __main__.py: ``serve N [core]``, the benchmark's lean server process
"""

from __future__ import annotations

from .driver import FakeBotAPI
from .inprocess import InProcessAPI
from .objects import BOT_USER, message, user
from .state import FAULT_KINDS, BotState, Call
from .wire import ApiError

__all__ = [
    "BOT_USER",
    "FAULT_KINDS",
    "ApiError",
    "BotState",
    "Call",
    "FakeBotAPI",
    "InProcessAPI",
    "message",
    "user",
]
