"""The test-facing fake Bot API: push what users do, observe what the bot did, inject faults.

``async with FakeBotAPI() as api`` serves it over loopback HTTP (``api.base_url``) for the real
Application or ``python -m bot``; ``api.request()`` gives a PTB request that reaches the same
state in-process. Observations return copies, so tests may keep and compare them.
"""

from __future__ import annotations

import asyncio
import copy
import time
from collections.abc import Callable
from typing import Any

from ..telegram_html import utf16_len
from .inprocess import InProcessAPI
from .objects import GROUP_USER_ID, chat, user
from .server import HttpServer
from .state import FAULT_KINDS, BotState, Call

__all__ = ["FakeBotAPI"]


class FakeBotAPI:
    """One fake bot: its state, an HTTP server over it, and the test-side helpers."""

    def __init__(
        self,
        token: str = "123456789:TEST-fake-token",
        *,
        username: str = "fake_test_bot",
        first_name: str = "Fake Bot",
        strict_html: bool = True,
        lean: bool = False,
        clock: Callable[[], float] = time.time,
    ) -> None:
        """``lean`` (the benchmark's server) skips HTML validation and call recording."""
        self.token = token
        head = token.split(":", 1)[0]
        bot_id = int(head) if head.isdigit() else 123456789
        bot_user = {"id": bot_id, "is_bot": True, "first_name": first_name, "username": username}
        self.state = BotState(
            bot_user, strict_html=strict_html, validate_html=not lean, record_calls=not lean, clock=clock
        )
        self._server = HttpServer(self.state, token)
        # The language of each user's app, as Telegram puts it on their User (language_code).
        self._languages: dict[int, str] = {}

    def set_user_language(self, user_id: int, language_code: str) -> None:
        """From now on the user's updates carry this language_code ("ru", "pt-br")."""
        self._languages[user_id] = language_code

    # ---- lifecycle ---------------------------------------------------------------------------

    async def start(self) -> None:
        """Serve on 127.0.0.1 with an OS-chosen port."""
        await self._server.start()

    async def stop(self) -> None:
        """Wake pending long polls, then shut the server down."""
        await self._server.stop()

    async def __aenter__(self) -> FakeBotAPI:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    def request(self, read_timeout: float | None = 1.0) -> InProcessAPI:
        """A PTB request into this same state without HTTP (``request=``/``get_updates_request=``)."""
        return InProcessAPI(self.state, token=self.token, read_timeout=read_timeout)

    # ---- identity and addresses ------------------------------------------------------------

    @property
    def port(self) -> int:
        """The HTTP port (0 until started)."""
        return self._server.port

    @property
    def base_url(self) -> str:
        """For ``Bot(token, base_url=...)``: PTB appends token + "/" + method."""
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        """For ``Bot(token, base_file_url=...)``; file downloads answer 404."""
        return f"http://127.0.0.1:{self.port}/file/bot"

    @property
    def bot_id(self) -> int:
        """The bot's user id (the token's numeric head)."""
        return self.state.bot_id

    @property
    def bot_user(self) -> dict[str, Any]:
        """The bot's User object, as messages carry it in "from"."""
        return dict(self.state.bot_user)

    # ---- observation -------------------------------------------------------------------------

    @property
    def calls(self) -> list[Call]:
        """Every request in arrival order, recorded before any fault (the live list)."""
        return self.state.calls

    @property
    def callback_answers(self) -> list[dict[str, Any]]:
        """answerCallbackQuery calls that succeeded."""
        return self.state.callback_answers

    @property
    def inline_answers(self) -> list[dict[str, Any]]:
        """answerInlineQuery calls that succeeded."""
        return self.state.inline_answers

    @property
    def webhook(self) -> dict[str, Any]:
        """The webhook as set: url ("" when none), secret_token, allowed_updates..."""
        return self.state.webhook

    @property
    def confirmed_offset(self) -> int:
        """The highest offset getUpdates has confirmed."""
        return self.state.confirmed_offset

    def calls_to(self, method: str) -> list[Call]:
        """Recorded calls of one method (case-insensitive, as Telegram)."""
        return [call for call in self.state.calls if call.method.lower() == method.lower()]

    def sent_to(self, chat_id: int) -> list[dict[str, Any]]:
        """Bot messages in a chat, current state: message_id, text (visible), html (raw), reply_markup..."""
        return [copy.deepcopy(rec) for rec in self.state.sent if rec["chat_id"] == chat_id]

    def all_sent(self) -> list[dict[str, Any]]:
        """Every bot message record, in send order."""
        return copy.deepcopy(self.state.sent)

    def pending_updates(self) -> list[dict[str, Any]]:
        """Updates not yet confirmed by an offset."""
        return self.state.pending_updates()

    def my_commands(
        self, scope: dict[str, Any] | None = None, language_code: str = ""
    ) -> list[dict[str, Any]]:
        """Commands stored by setMyCommands for a scope (default scope if None)."""
        return copy.deepcopy(self.state.commands.get(self.state.commands_key(scope, language_code), []))

    def my_description(self, *, short: bool = False, language_code: str = "") -> str:
        """What setMyDescription (or setMyShortDescription) stored; "" if nothing."""
        kind = "short_description" if short else "description"
        return self.state.descriptions.get((kind, language_code), "")

    async def wait_for(self, predicate: Callable[[], Any], timeout: float = 10.0, what: str = "") -> None:
        """Re-check ``predicate`` on every state change; TimeoutError naming it after ``timeout`` s."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not predicate():
            left = deadline - loop.time()
            if left <= 0:
                recent = [c.method for c in self.state.calls[-10:]]
                raise TimeoutError(
                    f"FakeBotAPI.wait_for: {what or predicate!r} still false after "
                    f"{timeout}s; last calls: {recent}"
                )
            await self.state.wait_change(left)

    async def wait_for_messages(
        self, chat_id: int, count: int, timeout: float = 10.0
    ) -> list[dict[str, Any]]:
        """Wait until the bot has sent at least ``count`` messages to the chat; return them all."""
        await self.wait_for(
            lambda: len(self.sent_to(chat_id)) >= count, timeout, what=f"{count} message(s) to chat {chat_id}"
        )
        return self.sent_to(chat_id)

    # ---- fault injection ---------------------------------------------------------------------

    def fail(self, method: str, kind: str, times: int = 1, **kw: Any) -> None:
        """Make the next ``times`` calls of ``method`` fail.

        "429" (retry_after=1), "500", "502" (non-JSON body), "drop" (connection reset, no
        response and no side effects), "slow" (delay=seconds, then answered and applied;
        if_connected=True skips the side effects when the client already left), "error"
        (code=400, description="Bad Request: ...").
        """
        if kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; expected one of {sorted(FAULT_KINDS)}")
        if kind == "slow" and "delay" not in kw:
            raise ValueError('fault "slow" needs delay=<seconds>')
        self.state.add_fault(method, kind, times, kw)

    # ---- what users do ---------------------------------------------------------------------------

    def push_update(self, update: dict[str, Any]) -> dict[str, Any]:
        """Queue a raw update (update_id assigned if missing); registers query ids it carries."""
        return self.state.add_update(update)

    def _sender(self, chat_id: int, user_id: int | None, first_name: str) -> dict[str, Any]:
        """Private chats are with the user themself; groups get a default member."""
        if user_id is None:
            user_id = chat_id if self.state.chat(chat_id)["type"] == "private" else GROUP_USER_ID
        return self._user(user_id, first_name)

    def _user(self, user_id: int, first_name: str) -> dict[str, Any]:
        sender = user(user_id, first_name)
        if user_id in self._languages:
            sender["language_code"] = self._languages[user_id]
        return sender

    def push_message(
        self,
        chat_id: int,
        *,
        user_id: int | None = None,
        first_name: str = "Test",
        chat_type: str = "private",
        title: str | None = None,
        reply_to_message_id: int | None = None,
        **fields: Any,
    ) -> dict[str, Any]:
        """Queue a user Message with arbitrary content fields (text, sticker, photo, location...)."""
        self.state.chats[chat_id] = chat(chat_id, chat_type, first_name=first_name, title=title)
        reply = None
        if reply_to_message_id is not None:
            if (chat_id, reply_to_message_id) not in self.state.messages:
                raise KeyError(f"no message {reply_to_message_id} in chat {chat_id} to reply to")
            reply = dict(self.state.messages[(chat_id, reply_to_message_id)])
            reply.pop("reply_to_message", None)
        sender = self._sender(chat_id, user_id, first_name)
        msg = copy.deepcopy(self.state.new_message(chat_id, sender, reply_to_message=reply, **fields))
        return self.push_update({"message": msg})

    def push_text(
        self,
        chat_id: int,
        text: str,
        *,
        user_id: int | None = None,
        first_name: str = "Test",
        chat_type: str = "private",
        title: str | None = None,
        reply_to_message_id: int | None = None,
        entities: list[dict[str, Any]] | None = None,
    ) -> dict[str, Any]:
        """Queue a text message from a user; returns the update (see ["message"]["message_id"])."""
        return self.push_message(
            chat_id,
            user_id=user_id,
            first_name=first_name,
            chat_type=chat_type,
            title=title,
            reply_to_message_id=reply_to_message_id,
            text=text,
            entities=entities,
        )

    def push_command(self, chat_id: int, command: str, **kw: Any) -> dict[str, Any]:
        """Queue "/cmd[@bot] [args]" with the bot_command entity Telegram would attach."""
        text = command if command.startswith("/") else f"/{command}"
        entity = {"type": "bot_command", "offset": 0, "length": utf16_len(text.split(maxsplit=1)[0])}
        return self.push_text(chat_id, text, entities=[entity], **kw)

    def push_edited_text(
        self, chat_id: int, message_id: int, new_text: str, *, entities: list[dict[str, Any]] | None = None
    ) -> dict[str, Any]:
        """Queue an edited_message for a message previously pushed by the user."""
        if (chat_id, message_id) not in self.state.messages:
            raise KeyError(f"no message {message_id} in chat {chat_id} to edit")
        msg = {**self.state.messages[(chat_id, message_id)], "text": new_text, "edit_date": self.state.now()}
        msg.pop("entities", None)
        if entities:
            msg["entities"] = entities
        self.state.messages[(chat_id, message_id)] = msg
        return self.push_update({"edited_message": copy.deepcopy(msg)})

    def push_callback(
        self,
        chat_id: int,
        message_id: int,
        data: str | None,
        *,
        user_id: int | None = None,
        first_name: str = "Test",
    ) -> dict[str, Any]:
        """Queue a button press on a bot message; the update carries the message's current state."""
        rec = self.state.records.get((chat_id, message_id))
        if rec is None:
            raise KeyError(f"the bot sent no message {message_id} in chat {chat_id}")
        query = {
            "id": self.state.new_query_id(),
            "from": self._sender(chat_id, user_id, first_name),
            "message": copy.deepcopy(rec["message"]),
            "chat_instance": str(abs(chat_id) * 1_000_003 + self.bot_id),
        }
        if data is not None:
            query["data"] = data
        return self.push_update({"callback_query": query})

    def push_inline_query(
        self,
        user_id: int,
        query: str,
        *,
        offset: str = "",
        first_name: str = "Test",
        chat_type: str | None = None,
    ) -> dict[str, Any]:
        """Queue an inline query; answer it with the id in ["inline_query"]["id"]."""
        inline = {
            "id": self.state.new_query_id(),
            "from": self._user(user_id, first_name),
            "query": query,
            "offset": offset,
        }
        if chat_type is not None:
            inline["chat_type"] = chat_type
        return self.push_update({"inline_query": inline})
