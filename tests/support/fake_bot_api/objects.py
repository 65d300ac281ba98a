"""Bot API objects as plain dicts, for updates built around the fake (``app.process_update``).

The fake builds its own messages from these too, so a hand-built update and a pushed one look
alike to PTB, which parses them strictly.
"""

from __future__ import annotations

import time
from typing import Any

__all__ = ["BOT_USER", "GROUP_USER_ID", "chat", "message", "user"]

# The in-process fake's bot when none is given: handler tests mention it as @remedy_test_bot.
BOT_USER: dict[str, Any] = {"id": 999, "is_bot": True, "first_name": "Remedy", "username": "remedy_test_bot"}
GROUP_USER_ID = 1001  # the default sender of a pushed group message


def user(user_id: int = 42, first_name: str = "Ann") -> dict[str, Any]:
    """A human User."""
    return {"id": user_id, "is_bot": False, "first_name": first_name}


def chat(
    chat_id: int, chat_type: str | None = None, *, first_name: str = "Test", title: str | None = None
) -> dict[str, Any]:
    """A Chat; without a type, positive ids are private chats, -100... supergroups, others groups."""
    kind = chat_type or (
        "private" if chat_id > 0 else "supergroup" if str(chat_id).startswith("-100") else "group"
    )
    if kind == "private":
        return {"id": chat_id, "type": kind, "first_name": first_name}
    return {"id": chat_id, "type": kind, "title": title or f"Chat {chat_id}"}


def message(
    text: str | None,
    *,
    chat_id: int = 42,
    message_id: int = 1,
    chat_type: str = "private",
    user_id: int = 42,
    **extra: Any,
) -> dict[str, Any]:
    """A user's Message; a leading "/word" gets the bot_command entity Telegram attaches."""
    body: dict[str, Any] = {
        "message_id": message_id,
        "date": int(time.time()),
        "from": user(user_id),
        "chat": chat(chat_id, chat_type, first_name="Ann", title="A group"),
        **extra,
    }
    if text is not None:
        body["text"] = text
        if text.startswith("/"):
            command = text.split()[0]
            body["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
    return body
