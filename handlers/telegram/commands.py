"""The commands, defined once: the table below is what the bot registers, what its command
menus list (per scope) and what /help explains."""

from __future__ import annotations

import html
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any

from telegram import Update

from handlers.telegram import wording
from handlers.telegram.context import PLATFORM, BotContext
from handlers.telegram.conversations import conversation_key
from handlers.telegram.deep_link import read_start_parameter
from handlers.telegram.deliver import Where, deliver
from handlers.telegram.language import language_command, reply_language, user_region
from knowledge import Listing, Reply, active_language, speaking

CommandCallback = Callable[[Update, BotContext], Coroutine[Any, Any, None]]


async def _answer(update: Update, context: BotContext, reply: Reply, *, moves_on: bool = False) -> None:
    """Show `reply` through the conversation service; `moves_on`: the conversation is now
    about the reply's topic."""
    message = update.effective_message
    if message is None:
        return
    quote = message.message_id if message.chat.type != "private" else None

    async def send(shown: Reply, over: tuple[int, ...]) -> tuple[int, ...]:
        return await deliver(context.bot, shown, Where(chat_id=message.chat_id, quote=quote))

    key = conversation_key(message.chat, update.effective_user) if moves_on else None
    await context.services.service.show(key, reply, send, platform=PLATFORM)


async def _say(update: Update, text: str) -> None:
    if update.effective_message is not None:
        await update.effective_message.reply_text(html.escape(text, quote=False))


async def start(update: Update, context: BotContext) -> None:
    """Greet with buttons to tap, example questions and the disclaimer. A start parameter
    naming a topic (the button above inline results, a t.me/<bot>?start=<slug> link) opens that
    topic's answer instead, with any advice its inline result carried."""
    engine = context.services.engine
    user = update.effective_user
    lang = await reply_language(context, update.effective_chat, user)
    region = user_region(user)
    slug, keep = read_start_parameter(context.args[0]) if context.args else (None, "")
    topic = engine.topic_reply(slug, keep=keep, lang=lang, region=region) if slug else None
    if topic is None:
        await _answer(update, context, engine.with_kept(engine.greeting(lang), keep, region))
        return
    await _answer(update, context, topic, moves_on=True)


async def help_command(update: Update, context: BotContext) -> None:
    """Explain how to ask, the buttons, inline mode, red flags and privacy; list the commands."""
    with speaking(await reply_language(context, update.effective_chat, update.effective_user)):
        await _say(update, help_text(context))


def _listing(listing: Listing) -> CommandCallback:
    async def show(update: Update, context: BotContext) -> None:
        lang = await reply_language(context, update.effective_chat, update.effective_user)
        region = user_region(update.effective_user)
        await _answer(update, context, context.services.engine.catalogue(listing, lang=lang, region=region))

    show.__doc__ = f"List the {listing}, each a button."
    return show


async def privacy(update: Update, context: BotContext) -> None:
    """Say what is kept about the user, where, and for how long."""
    service = context.services.service
    minutes = max(1, round(service.ttl / 60))
    with speaking(await reply_language(context, update.effective_chat, update.effective_user)):
        where = wording.KEPT_IN_REDIS if service.shared else wording.KEPT_IN_MEMORY
        await _say(update, wording.PRIVACY_TEXT.format(minutes=minutes, where=where))


async def forget(update: Update, context: BotContext) -> None:
    """Forget what the conversation is about, now."""
    message = update.effective_message
    if message is None:
        return
    lang = await reply_language(context, message.chat, update.effective_user)
    await context.services.service.forget(conversation_key(message.chat, update.effective_user))
    await _say(update, wording.text("FORGET_DONE", lang))


@dataclass(frozen=True)
class Command:
    name: str
    callback: CommandCallback
    in_groups: bool = True  # listed in group chats' menus too

    @property
    def description(self) -> str:
        """In the command menu and /help, in the active language: the telegram catalog's
        COMMAND_<NAME>."""
        return wording.text(f"COMMAND_{self.name.upper()}")


COMMANDS: tuple[Command, ...] = (
    Command("start", start, in_groups=False),
    Command("help", help_command),
    Command("conditions", _listing("conditions")),
    Command("ingredients", _listing("ingredients")),
    Command("privacy", privacy),
    Command("forget", forget),
    Command("language", language_command),
)


def help_text(context: BotContext) -> str:
    """The help, in the active language."""
    lines = "\n".join(f"/{c.name} – {c.description}" for c in COMMANDS)
    examples = context.services.engine.examples(active_language())
    example = examples[1] if len(examples) > 1 else (examples[0] if examples else "")
    return wording.HELP_TEXT.format(commands=lines, username=context.bot.username, example=example)
