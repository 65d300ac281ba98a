"""Which conversation a Telegram update belongs to: the key the conversation service keeps
its context under (handlers/service.py)."""

from __future__ import annotations

from telegram import Chat, User


def conversation_key(chat: Chat, user: User | None) -> str:
    """One context per private chat; in a group, one per user, so that two people asking at
    once never answer each other's follow-ups."""
    if chat.type == Chat.PRIVATE or user is None:
        return f"c{chat.id}"
    return f"c{chat.id}:u{user.id}"
