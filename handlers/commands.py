"""The commands, defined once: the table below is what the bot registers, what its command
menus list (per scope) and what /help explains."""

from __future__ import annotations

import html
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any

from telegram import Update

from handlers import wording
from handlers.context import BotContext
from handlers.conversations import conversation_key
from handlers.deliver import Where, deliver
from knowledge import Listing, Reply

CommandCallback = Callable[[Update, BotContext], Coroutine[Any, Any, None]]


async def _answer(update: Update, context: BotContext, reply: Reply) -> None:
    message = update.effective_message
    if message is not None:
        quote = message.message_id if message.chat.type != "private" else None
        await deliver(
            context.bot, reply, Where(chat_id=message.chat_id, quote=quote), context.services.metrics
        )


async def _say(update: Update, text: str) -> None:
    if update.effective_message is not None:
        await update.effective_message.reply_text(html.escape(text, quote=False))


async def start(update: Update, context: BotContext) -> None:
    """Greet, say what the bot can do, give example questions and the disclaimer."""
    await _answer(update, context, context.services.engine.greeting())


async def help_command(update: Update, context: BotContext) -> None:
    """Explain how to ask and list the commands."""
    await _say(update, help_text())


def _listing(listing: Listing) -> CommandCallback:
    async def show(update: Update, context: BotContext) -> None:
        await _answer(update, context, context.services.engine.catalogue(listing))

    show.__doc__ = f"List the {listing}, each a button."
    return show


async def privacy(update: Update, context: BotContext) -> None:
    """Say what is kept about the user, where, and for how long."""
    conversations = context.services.conversations
    minutes = max(1, round(conversations.ttl / 60))
    await _say(update, wording.PRIVACY_TEXT.format(minutes=minutes, where=conversations.where))


async def forget(update: Update, context: BotContext) -> None:
    """Forget what the conversation is about, now."""
    message = update.effective_message
    if message is None:
        return
    await context.services.conversations.forget(conversation_key(message.chat, update.effective_user))
    await _say(update, wording.FORGET_DONE)


@dataclass(frozen=True)
class Command:
    name: str
    callback: CommandCallback
    description: str  # in the command menu and /help
    in_groups: bool = True  # listed in group chats' menus too


COMMANDS: tuple[Command, ...] = (
    Command("start", start, "Start and see what I can do", in_groups=False),
    Command("help", help_command, "How to ask"),
    Command("conditions", _listing("conditions"), "Conditions I know"),
    Command("ingredients", _listing("ingredients"), "Ingredients I know"),
    Command("privacy", privacy, "What I keep about you"),
    Command("forget", forget, "Forget our conversation"),
)


def help_text() -> str:
    lines = "\n".join(f"/{c.name} – {c.description}" for c in COMMANDS)
    return wording.HELP_TEXT.format(commands=lines)
