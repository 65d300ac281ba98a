"""The conversation service: one turn of a conversation, written once for every front end
(Telegram's messages, edits, buttons and commands, WhatsApp, the console and `ask`).

A turn locks the conversation, reads its context, answers with the engine in the language
knowledge.i18n.choose picks (the choice made with /language, else the message's own language,
else the conversation's, else the user's app's `tag` where the platform gives one), hands the Reply to
the platform's sender, remembers which messages now hold it (so an edited question edits
them), and keeps the context the answer leaves. A platform brings only a key for the
conversation and a sender; it never reads or writes a context itself.

Turns of one conversation run one at a time, in the order they started, so "magnesium" and
"is it safe?" sent a moment apart are read in that order. A turn that fails (a send that
raised) leaves the context as it was.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from handlers.metrics import Metrics
from handlers.stores.memory import MemoryConversations, ReplyMemory
from handlers.stores.protocols import DEFAULT_TTL, ConversationStore, ReplyMap
from knowledge import DEFAULT_LANGUAGE, Action, Conversation, Engine, Level, Reply

# The platform's sender: show `reply`, over the earlier messages `over` if there are any (an
# edited question) or as new messages; return the ids of the messages that now hold it.
Send = Callable[[Reply, tuple[int, ...]], Awaitable[tuple[int, ...]]]


@dataclass(frozen=True)
class Asked:
    """The user's message a reply answers, for the edit map: a chat and a message id."""

    chat_id: int
    message_id: int


@dataclass
class Turn:
    """One message's turn: the context it is read in, and the context it leaves (None: as
    it was)."""

    before: Conversation | None
    after: Conversation | None = None


class Conversations:
    """The context store with one lock per conversation: a turn reads the context, and the
    context it leaves is kept for `ttl` seconds."""

    def __init__(self, store: ConversationStore | None = None, ttl: float = DEFAULT_TTL) -> None:
        self.store: ConversationStore = store or MemoryConversations()
        self.ttl = ttl
        self._locks: dict[str, tuple[asyncio.Lock, int]] = {}

    def turn(self, key: str) -> _TurnScope:
        """`async with conversations.turn(key) as turn:` the conversation `key`'s context, read
        under its lock; the context set in `turn.after` is kept when the block ends without
        an error."""
        return _TurnScope(self, key)

    async def forget(self, key: str) -> None:
        async with _Held(self, key):
            await self.store.delete(key)

    async def peek(self, key: str) -> Conversation | None:
        """The context kept under `key`, read without taking a turn (its language, for a
        reply that does not move the conversation on)."""
        return await self.store.get(key)


# Plain async context managers, not generator ones: every update enters both (measured in
# bench/RESULTS.md).
class _Held:
    """The lock of one conversation, held; gone once no turn holds or waits for it."""

    __slots__ = ("_conversations", "_key", "_lock")

    def __init__(self, conversations: Conversations, key: str) -> None:
        self._conversations, self._key = conversations, key

    async def __aenter__(self) -> None:
        locks, key = self._conversations._locks, self._key
        lock, users = locks.get(key) or (asyncio.Lock(), 0)
        locks[key] = (lock, users + 1)
        self._lock = lock
        try:
            await lock.acquire()
        except BaseException:
            self._leave()
            raise

    async def __aexit__(self, *_: object) -> None:
        self._lock.release()
        self._leave()

    def _leave(self) -> None:
        locks, key = self._conversations._locks, self._key
        lock, users = locks[key]
        if users == 1:
            del locks[key]
        else:
            locks[key] = (lock, users - 1)


class _TurnScope:
    """A turn: the lock held, the context read; the context it leaves kept at the end."""

    __slots__ = ("_conversations", "_held", "_key", "_turn")

    def __init__(self, conversations: Conversations, key: str) -> None:
        self._conversations, self._key = conversations, key
        self._held = _Held(conversations, key)

    async def __aenter__(self) -> Turn:
        await self._held.__aenter__()
        try:
            self._turn = Turn(await self._conversations.store.get(self._key))
        except BaseException:
            await self._held.__aexit__()
            raise
        return self._turn

    async def __aexit__(self, error: type[BaseException] | None, *_: object) -> None:
        try:
            after = self._turn.after
            if error is None and after is not None:
                conversations = self._conversations
                await conversations.store.set(self._key, after, conversations.ttl)
        finally:
            await self._held.__aexit__()


def moves_on(action: Action) -> bool:
    """Whether pressing `action` changes what the conversation is about: a topic or one of its
    sections does; a symptom check's step, a page of a listing or of an ingredient's uses do
    not (the check and the pages carry their own state in the button)."""
    return bool(action.topic) and action.check is None and action.listing is None and not action.page


class ConversationService:
    """The turns of every conversation, on one engine (swapped whole by a knowledge reload:
    a turn reads `engine` once, so a reload mid-turn never mixes two)."""

    def __init__(
        self,
        engine: Engine,
        *,
        conversations: Conversations | None = None,
        replies: ReplyMap | None = None,
        metrics: Metrics | None = None,
        shared: bool = False,
    ) -> None:
        self.engine = engine
        self.conversations = conversations or Conversations()
        self.replies: ReplyMap = replies or ReplyMemory()
        self.metrics = metrics or Metrics()
        self.shared = shared  # whether the state is kept in Redis (for what /privacy says)

    @property
    def ttl(self) -> float:
        return self.conversations.ttl

    async def ask(
        self,
        key: str,
        text: str,
        send: Send,
        *,
        platform: str,
        asked: Asked | None = None,
        again: bool = False,
        tag: str | None = None,
        region: str | None = None,
        lang: str | None = None,
    ) -> Reply:
        """Answer `text` in the conversation `key`. `asked`: the user's message, remembered in
        the edit map with the messages that answer it. `again`: the text is an edit of
        `asked`; the answer replaces the earlier one and keeps the advice it showed. `tag`:
        the language of the user's app (Telegram's language_code), `region` its country (the
        helplines); `lang` forces the reply's language (`ask --lang`)."""
        async with self.conversations.turn(key) as turn:
            engine = self.engine
            # The language chosen (when not forced) from the same detection the reading uses.
            reply = engine.answer(text, turn.before, lang=lang, region=region, user_tag=tag)
            over: tuple[int, ...] = ()
            if again and asked is not None:
                earlier = await self.replies.recall(asked.chat_id, asked.message_id)
                if earlier is not None:  # else after a restart, or evicted: a new answer is better
                    over, keep = earlier
                    reply = engine.with_kept(reply, keep, region)
            self.metrics.answered(reply.kind, reply.escalation.level, platform)
            sent = await send(reply, over)
            if asked is not None:
                await self.replies.remember(asked.chat_id, asked.message_id, sent, reply.escalation.keep)
            turn.after = engine.after(turn.before, reply)
        return reply

    def pressed(
        self, action: Action, lang: str = DEFAULT_LANGUAGE, region: str | None = None
    ) -> Reply | None:
        """The reply a button shows, in `lang`, or None if it names nothing the knowledge has
        now."""
        engine = self.engine
        if action.listing is not None:
            return engine.catalogue(action.listing, action.page, action.keep, lang=lang, region=region)
        if action.check is not None:
            return engine.check(action.topic, action.check, action.keep, lang=lang, region=region)
        return engine.topic_reply(
            action.topic, action.section, action.keep, page=action.page, lang=lang, region=region
        )

    async def language(self, key: str | None, tag: str | None = None) -> str:
        """The language of a reply with no text to detect (a command, a button, a notice): the
        conversation's, else the app's `tag`, else English."""
        conversation = await self.conversations.peek(key) if key is not None else None
        return self.engine.language_without_text(conversation, tag)

    async def choose_language(self, key: str, lang: str | None, tag: str | None = None) -> str:
        """/language: keep `lang` as the conversation's chosen language, or with None answer in
        each message's language again (the conversation keeps the language it is in). Returns
        the language the conversation is now in."""
        async with self.conversations.turn(key) as turn:
            before = turn.before or Conversation()
            if lang is None:
                now = before.lang or self.engine.language_without_text(None, tag)
                turn.after = before.model_copy(update={"lang": now, "lang_chosen": False})
                return now
            turn.after = before.model_copy(update={"lang": lang, "lang_chosen": True})
            return lang

    async def show(self, key: str | None, reply: Reply, send: Send, *, platform: str) -> None:
        """Show a reply that answers no question (a button press, a command): in the
        conversation `key` it moves the conversation on to the reply's topic."""
        self.metrics.answered(reply.kind, reply.escalation.level, platform)
        if key is None:
            await send(reply, ())
            return
        async with self.conversations.turn(key) as turn:
            await send(reply, ())
            turn.after = self.engine.after(turn.before, reply)

    async def press(
        self,
        key: str | None,
        action: Action,
        send: Send,
        *,
        platform: str,
        lang: str = DEFAULT_LANGUAGE,
        region: str | None = None,
    ) -> Reply | None:
        """A button: its reply in `lang`, shown by `send`; a topic moves the conversation `key`
        on."""
        reply = self.pressed(action, lang, region)
        if reply is not None:
            await self.show(key if moves_on(action) else None, reply, send, platform=platform)
        return reply

    async def level(self, key: str) -> Level:
        """The level the conversation `key` holds now (emergency and crisis hold:
        knowledge.turns), for `ask --conversation`'s JSON."""
        async with self.conversations.turn(key) as turn:
            return turn.before.level if turn.before is not None else "none"

    async def forget(self, key: str) -> None:
        """Forget what the conversation is about, now (/forget)."""
        await self.conversations.forget(key)
