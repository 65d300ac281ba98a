"""The stores' protocols, one per job. Every platform and every adapter meets these.

- ConversationStore: a conversation's context between messages;
- ReplyMap: which bot messages answered which user message, so an edited question edits them;
- FloodCheck: a per-user flood guard;
- HandledLog: the updates handled lately, so a redelivered one is answered once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, Protocol

from knowledge import Conversation

# Telegram lets a message be edited for 48 hours: after that, a reply map entry is useless.
EDIT_WINDOW = 48 * 3600.0
FLOOD_LIMIT = 20  # updates per user ...
FLOOD_WINDOW = 10.0  # ... in this many seconds
DEFAULT_TTL = 30 * 60.0  # a context is kept this long after the last message

Recalled = tuple[tuple[int, ...], str]
Verdict = Literal["ok", "notice", "drop"]
Claim = Literal["mine", "done", "busy"]
# A user or an update as a platform names it: Telegram's integer ids, or a string key (a
# WhatsApp user's hashed number, "wa:<hashed message id>").
Key = int | str


class ConversationStore(Protocol):
    async def get(self, key: str) -> Conversation | None:
        """The context kept under `key`, or None if there is none (or it expired)."""

    async def set(self, key: str, conversation: Conversation, ttl: float) -> None:
        """Keep `conversation` under `key` for `ttl` seconds from now."""

    async def delete(self, key: str) -> None:
        """Forget the context under `key` (/forget)."""


class ReplyMap(Protocol):
    async def remember(self, chat_id: int, message_id: int, reply_ids: Sequence[int], keep: str = "") -> None:
        """The bot's messages `reply_ids` answer the user's message, showing advice `keep`."""

    async def recall(self, chat_id: int, message_id: int) -> Recalled | None:
        """The reply ids and kept advice for a user's message, or None if unknown."""


class FloodCheck(Protocol):
    async def check(self, user_id: Key) -> Verdict:
        """Count one update of `user_id`: "ok", "notice" (the first one over) or "drop"."""


class HandledLog(Protocol):
    async def claim(self, update_id: Key) -> Claim:
        """ "mine": handle it; "done": already handled; "busy": being handled now."""

    async def done(self, update_id: Key) -> None:
        """The update is handled: a copy delivered later is a duplicate."""

    async def release(self, update_id: Key) -> None:
        """Handling stopped before the end: the update may be handled again."""
