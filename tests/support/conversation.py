"""Answering messages as one conversation, as the bot does, for the engine's tests."""

from __future__ import annotations

from knowledge.answers.reply import Reply
from knowledge.conversation import Conversation
from knowledge.engine import Engine


def chat(engine: Engine, *messages: str) -> list[Reply]:
    """Each message answered in the context the replies before it left."""
    conversation: Conversation | None = None
    replies = []
    for text in messages:
        reply = engine.answer(text, conversation)
        conversation = engine.after(conversation, reply)
        replies.append(reply)
    return replies
