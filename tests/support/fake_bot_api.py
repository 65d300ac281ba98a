"""A faithful fake of the Telegram Bot API over real loopback HTTP, for end-to-end tests.

The real PTB ``Application`` polls it with getUpdates and sends through it. Shapes follow the
Bot API docs (dates in seconds, full Message objects, ``chat_instance`` on callback queries,
edits return the Message) because PTB parses replies strictly.

Design choices worth knowing:

* State changes (a call arrives, a test pushes an update) bump a generation ``asyncio.Event``.
  Pushes are synchronous, and an ``asyncio.Condition`` can only be notified with its lock held
  from a coroutine, so a replaced-on-change Event gives the same wake-up without that.
* A ``"slow"`` fault applies the call's side effects after the delay even if the client has
  already given up: real Telegram would have delivered a sendMessage the client timed out on,
  so tests can see the duplicate a naive retry produces. Pass ``if_connected=True`` to skip
  the side effects when the connection is gone instead.
* Unknown chats are accepted (positive ids are private chats, negative ones groups) rather
  than answered with "chat not found", so tests need not push before the bot speaks.
* parse_mode MarkdownV2/Markdown is passed through unparsed; only HTML is validated.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import itertools
import json
import re
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from . import telegram_html
from .telegram_html import HtmlError, utf16_len

__all__ = ["FAULT_KINDS", "ApiError", "Call", "FakeBotAPI"]

FAULT_KINDS = frozenset({"429", "500", "502", "slow", "drop", "error"})
NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly the same "
    "as a current content and reply markup of the message"
)
QUERY_TOO_OLD = "query is too old and response timeout expired or query ID is invalid"
GROUP_USER_ID = 1001  # default sender of pushed group messages
_FREE_TEXT = frozenset({"text", "caption", "message_text", "query", "data", "title", "description", "url"})
_BUTTON_ACTIONS = frozenset({
    "url", "callback_data", "web_app", "login_url", "switch_inline_query", "copy_text", "pay",
    "switch_inline_query_current_chat", "switch_inline_query_chosen_chat", "callback_game",
})
_CHAT_ACTIONS = frozenset({
    "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice",
    "upload_document", "choose_sticker", "find_location", "record_video_note", "upload_video_note",
})
_WS = " \t\r\n\v\f"


@dataclass
class Call:
    """One request the fake received (recorded on arrival, before any fault)."""

    method: str
    params: dict[str, Any]
    at: float
    fault: str | None = None


@dataclass
class _Fault:
    kind: str
    times: int
    kw: dict[str, Any]


class ApiError(Exception):
    """A Bot API error answer: HTTP status = error_code."""

    def __init__(self, code: int, description: str, **parameters: Any) -> None:
        super().__init__(description)
        self.code, self.description, self.parameters = code, description, parameters


def _bad(reason: str) -> ApiError:
    """A 400 with Telegram's "Bad Request: " prefix."""
    return ApiError(400, f"Bad Request: {reason}")


def _int(p: dict[str, Any], key: str, default: int | None = None) -> int | None:
    """An integer parameter; form-encoded values arrive as strings."""
    value = p.get(key)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except (TypeError, ValueError):
        raise _bad(f'field "{key}" must be of type Integer') from None


def _flag(p: dict[str, Any], key: str) -> bool:
    """A boolean parameter (PTB sends JSON-encoded "true"/"false")."""
    return p.get(key) in (True, 1, "true", "True", "1")


def _decode(key: str, value: Any) -> Any:
    """Decode JSON-encoded objects/arrays that arrive as strings; free-text fields stay as sent."""
    if isinstance(value, str) and key not in _FREE_TEXT and value.lstrip()[:1] in ("{", "["):
        with contextlib.suppress(ValueError):
            return json.loads(value)
    return value


async def _read_params(request: web.Request) -> dict[str, Any]:
    """Merge query string and body (JSON, urlencoded or multipart) into one decoded dict."""
    raw: dict[str, Any] = dict(request.query)
    if request.body_exists:
        if request.content_type == "application/json":
            body = await request.json()
            if not isinstance(body, dict):
                raise ValueError("JSON body must be an object")
            raw.update(body)
        else:
            for key, value in (await request.post()).items():
                is_file = isinstance(value, web.FileField)
                raw[key] = {"filename": value.filename, "size": len(value.file.read())} if is_file else value
    return {key: _decode(key, value) for key, value in raw.items()}


def _trim(text: str, entities: list[dict[str, Any]]) -> tuple[str, list[dict[str, Any]]]:
    """Strip surrounding whitespace like Telegram does, shifting/clipping entities to match."""
    lead = utf16_len(text) - utf16_len(text.lstrip(_WS))
    body = text.strip(_WS)
    size, out = utf16_len(body), []
    for ent in entities:
        start, end = max(ent["offset"] - lead, 0), min(ent["offset"] + ent["length"] - lead, size)
        if end > start:
            out.append({**ent, "offset": start, "length": end - start})
    return body, out


def _error_response(err: ApiError) -> web.Response:
    """Telegram's error envelope, with the HTTP status equal to error_code."""
    body: dict[str, Any] = {"ok": False, "error_code": err.code, "description": err.description}
    if err.parameters:
        body["parameters"] = err.parameters
    return web.json_response(body, status=err.code)


class FakeBotAPI:
    """The fake server plus test-side pushes, observations and fault injection."""

    def __init__(
        self,
        token: str = "123456789:TEST-fake-token",
        *,
        username: str = "fake_test_bot",
        first_name: str = "Fake Bot",
        strict_html: bool = True,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.token, self.strict_html, self._clock = token, strict_html, clock
        head = token.split(":", 1)[0]
        self.bot_id = int(head) if head.isdigit() else 123456789
        self.bot_user = {"id": self.bot_id, "is_bot": True, "first_name": first_name, "username": username}
        self.me = {**self.bot_user, "can_join_groups": True, "can_read_all_group_messages": False,
                   "supports_inline_queries": True, "can_connect_to_business": False,
                   "has_main_web_app": False}
        self.calls: list[Call] = []
        self.callback_answers: list[dict[str, Any]] = []
        self.inline_answers: list[dict[str, Any]] = []
        self.commands: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self.webhook: dict[str, Any] = {"url": ""}
        self.allowed_updates: list[str] | None = None
        self.confirmed_offset = 0
        self._updates: list[dict[str, Any]] = []
        self._next_update_id = 1
        self._ids = itertools.count(4_000_000_000_001)  # callback/inline query ids
        self._next_mid: dict[int, int] = {}
        self._chats: dict[int, dict[str, Any]] = {}
        self._messages: dict[tuple[int, int], dict[str, Any]] = {}  # current state, user and bot
        self._sent: list[dict[str, Any]] = []  # records of bot messages, in send order
        self._records: dict[tuple[int, int], dict[str, Any]] = {}
        self._queries: dict[str, bool] = {}  # issued callback/inline query id -> answered
        self._faults: dict[str, deque[_Fault]] = {}
        self._event = asyncio.Event()
        self._poll_gen = 0
        self._stopping = False
        self._runner: web.AppRunner | None = None
        self.port = 0
        self._methods = {name[3:]: getattr(self, name) for name in dir(self) if name.startswith("_m_")}

    # ---- lifecycle -------------------------------------------------------------------------

    async def start(self) -> None:
        """Serve on 127.0.0.1 with an OS-chosen port."""
        app = web.Application(client_max_size=64 * 2**20)
        for route in ("/bot{token}/{method}", "/file/bot{token}/{path:.+}"):
            app.router.add_get(route, self._handle)
            app.router.add_post(route, self._handle)
        # Slow faults and long polls end early on stop, so a short shutdown_timeout is enough.
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=2.0)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        self.port = self._runner.addresses[0][1]

    async def stop(self) -> None:
        """Wake pending long polls, then shut the server down."""
        self._stopping = True
        self._changed()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeBotAPI:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        """For ``Bot(token, base_url=...)``: PTB appends token + "/" + method."""
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        """For ``Bot(token, base_file_url=...)``; file downloads answer 404."""
        return f"http://127.0.0.1:{self.port}/file/bot"

    # ---- HTTP plumbing ---------------------------------------------------------------------

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        """Authenticate, record, apply faults, dispatch."""
        if request.match_info["token"] != self.token:
            return _error_response(ApiError(401, "Unauthorized"))
        if "path" in request.match_info:
            return _error_response(ApiError(404, "Not Found"))
        method = request.match_info["method"]
        try:
            params = await _read_params(request)
        except ValueError:
            return _error_response(_bad("can't parse JSON object"))
        fault = self._take_fault(method.lower())
        self.calls.append(Call(method, params, time.monotonic(), fault.kind if fault else None))
        self._changed()
        handler = self._methods.get(method.lower())
        if handler is None:
            return _error_response(ApiError(404, "Not Found"))
        if fault is not None:
            early = await self._apply_fault(fault, request)
            if early is not None:
                return early
        try:
            result = handler(params)
            if asyncio.iscoroutine(result):
                result = await result
        except ApiError as err:
            return _error_response(err)
        self._changed()
        return web.json_response({"ok": True, "result": result})

    def _take_fault(self, method: str) -> _Fault | None:
        """Consume one pending fault for this method, if any."""
        queue = self._faults.get(method)
        if not queue:
            return None
        fault = queue[0]
        fault.times -= 1
        if fault.times <= 0:
            queue.popleft()
        return fault

    async def _apply_fault(self, fault: _Fault, request: web.Request) -> web.StreamResponse | None:
        """Answer with the injected failure, or return None to continue normally (slow)."""
        kind, kw = fault.kind, fault.kw
        if kind == "429":
            retry = kw.get("retry_after", 1)
            err = ApiError(429, f"Too Many Requests: retry after {retry}", retry_after=retry)
            return _error_response(err)
        if kind == "500":
            return _error_response(ApiError(500, "Internal Server Error"))
        if kind == "502":  # a proxy in front of the API answers with a non-JSON body
            return web.Response(status=502, text="Bad Gateway", content_type="text/plain")
        if kind == "error":
            err = ApiError(kw.get("code", 400), kw.get("description", "Bad Request: injected"))
            return _error_response(err)
        if kind == "drop":
            if request.transport is not None:
                request.transport.abort()  # RST, no status line: the client sees a disconnect
            return web.Response()  # never written; aiohttp discards it on the dead connection
        await self._sleep(kw["delay"])  # slow
        gone = request.transport is None or request.transport.is_closing()
        if gone and kw.get("if_connected"):
            return web.Response(status=499)
        return None

    async def _sleep(self, seconds: float) -> None:
        """Sleep, but return early when the server stops."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + seconds
        while not self._stopping and (left := deadline - loop.time()) > 0:
            await self._wait_change(left)

    async def _wait_change(self, timeout: float) -> None:
        """Wait until the next state change or ``timeout`` seconds."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._event.wait(), timeout)

    def _changed(self) -> None:
        """Wake everyone waiting on state (long polls, wait_for)."""
        self._event.set()
        self._event = asyncio.Event()

    # ---- shared building blocks ------------------------------------------------------------

    def _now(self) -> int:
        """Unix time in whole seconds, as Telegram sends dates."""
        return int(self._clock())

    def _chat(self, chat_id: int) -> dict[str, Any]:
        """The Chat object for an id; unknown ids get a plausible default."""
        if chat_id not in self._chats:
            if chat_id > 0:
                self._chats[chat_id] = {"id": chat_id, "type": "private", "first_name": "Test"}
            else:
                kind = "supergroup" if str(chat_id).startswith("-100") else "group"
                self._chats[chat_id] = {"id": chat_id, "type": kind, "title": f"Chat {chat_id}"}
        return dict(self._chats[chat_id])

    def _chat_id(self, p: dict[str, Any]) -> int:
        """The chat_id parameter; @usernames are not supported, as for unknown chats."""
        value = p.get("chat_id")
        if value is None or value == "":
            raise _bad("chat_id is empty")
        if isinstance(value, str) and not re.fullmatch(r"-?\d+", value):
            raise _bad("chat not found")
        return int(value)

    def _new_message(self, chat_id: int, sender: dict[str, Any], **content: Any) -> dict[str, Any]:
        """Create and store a Message with the next per-chat message_id."""
        mid = self._next_mid[chat_id] = self._next_mid.get(chat_id, 0) + 1
        msg = {"message_id": mid, "from": sender, "chat": self._chat(chat_id), "date": self._now()}
        msg.update({key: value for key, value in content.items() if value is not None})
        self._messages[(chat_id, mid)] = msg
        return msg

    def _render(
        self, p: dict[str, Any], text_key: str = "text", mode_key: str = "parse_mode"
    ) -> tuple[str, str, list[dict[str, Any]]]:
        """Validate a text + parse_mode like Telegram; return (visible text, raw text, entities)."""
        raw = "" if p.get(text_key) is None else str(p[text_key])
        mode = str(p.get(mode_key) or "").lower()
        if mode == "html":
            try:
                text, entities = telegram_html.parse(raw, strict=self.strict_html)
            except HtmlError as err:
                raise _bad(f"can't parse entities: {err}") from None
        elif mode in ("", "markdown", "markdownv2"):
            text, entities = raw, list(p.get("entities") or p.get("caption_entities") or [])
        else:
            raise _bad("unsupported parse_mode")
        text, entities = _trim(text, entities)
        if not text:
            raise _bad("message text is empty")
        if utf16_len(text) > 4096:
            raise _bad("message is too long")
        return text, raw, entities

    def _markup(self, p: dict[str, Any]) -> dict[str, Any] | None:
        """Validate reply_markup; inline buttons need an action and 1-64 bytes of callback_data."""
        markup = p.get("reply_markup")
        if markup in (None, ""):
            return None
        if not isinstance(markup, dict):
            raise _bad("can't parse reply keyboard markup JSON object")
        rows = markup.get("inline_keyboard")
        if rows is None:
            return markup
        if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
            raise _bad('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays')
        for button in itertools.chain.from_iterable(rows):
            if not isinstance(button, dict) or not isinstance(button.get("text"), str):
                raise _bad('can\'t parse inline keyboard button: Field "text" must be of type String')
            if not _BUTTON_ACTIONS & button.keys():
                raise _bad("can't parse inline keyboard button: "
                           "Text buttons are unallowed in the inline keyboard")
            if "callback_data" in button and not 1 <= len(str(button["callback_data"]).encode()) <= 64:
                raise _bad("BUTTON_DATA_INVALID")
        return markup

    def _reply_target(self, chat_id: int, p: dict[str, Any]) -> dict[str, Any] | None:
        """The message being replied to (one level deep, as Telegram nests it)."""
        rp = p.get("reply_parameters")
        src = rp if isinstance(rp, dict) else p
        mid = _int(src, "message_id" if src is rp else "reply_to_message_id")
        if mid is None:
            return None
        target = self._messages.get((chat_id, mid))
        if target is None:
            if _flag(src, "allow_sending_without_reply"):
                return None
            raise _bad("message to be replied not found")
        return {key: value for key, value in target.items() if key != "reply_to_message"}

    def _record_for(self, p: dict[str, Any], not_found: str) -> dict[str, Any]:
        """The bot message addressed by chat_id + message_id, for edits and deletes."""
        chat_id, mid = self._chat_id(p), _int(p, "message_id")
        if mid is None:
            raise _bad("message identifier is not specified")
        rec = self._records.get((chat_id, mid))
        if rec is None:
            raise _bad("message can't be edited" if (chat_id, mid) in self._messages else not_found)
        return rec

    def _set_markup(self, rec: dict[str, Any], markup: dict[str, Any] | None) -> None:
        """Messages only echo inline keyboards; the record keeps whatever was sent."""
        rec["reply_markup"] = markup
        if markup and "inline_keyboard" in markup:
            rec["message"]["reply_markup"] = markup
        else:
            rec["message"].pop("reply_markup", None)

    def _drop_pending(self) -> None:
        """Forget every pending update (drop_pending_updates=True)."""
        self.confirmed_offset = self._next_update_id
        self._updates.clear()

    # ---- Bot API methods (name after _m_ is the lower-cased method) -------------------------

    def _m_getme(self, p: dict[str, Any]) -> dict[str, Any]:
        return dict(self.me)

    async def _m_getupdates(self, p: dict[str, Any]) -> list[dict[str, Any]]:
        """Long poll: confirm by offset, then wait up to ``timeout`` s for something to return."""
        if self.webhook["url"]:
            raise ApiError(409, "Conflict: can't use getUpdates method while webhook is active; "
                                "use deleteWebhook to delete the webhook first")
        self._poll_gen += 1
        gen, offset = self._poll_gen, _int(p, "offset", 0) or 0
        limit = min(max(_int(p, "limit", 100) or 100, 1), 100)
        if isinstance(p.get("allowed_updates"), list):
            self.allowed_updates = p["allowed_updates"]
        if offset > 0:
            self.confirmed_offset = max(self.confirmed_offset, offset)
        elif offset < 0:  # keep only the last -offset updates; all earlier ones are forgotten
            keep = self.pending_updates()[offset:]
            self.confirmed_offset = keep[0]["update_id"] if keep else self._next_update_id
        self._updates = [u for u in self._updates if u["update_id"] >= self.confirmed_offset]
        try:
            timeout = max(float(p.get("timeout") or 0), 0.0)
        except ValueError:
            raise _bad('field "timeout" must be of type Integer') from None
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            if gen != self._poll_gen:  # as Telegram does when a second poller shows up
                raise ApiError(409, "Conflict: terminated by other getUpdates request; "
                                    "make sure that only one bot instance is running")
            batch = self._updates[:limit]
            left = deadline - loop.time()
            if batch or left <= 0 or self._stopping:
                return copy.deepcopy(batch)
            await self._wait_change(left)

    def _m_sendmessage(self, p: dict[str, Any]) -> dict[str, Any]:
        chat_id = self._chat_id(p)
        text, raw, entities = self._render(p)
        markup = self._markup(p)
        reply = self._reply_target(chat_id, p)
        msg = self._new_message(chat_id, self.bot_user, reply_to_message=reply, text=text,
                                entities=entities or None,
                                message_thread_id=_int(p, "message_thread_id"))
        rec = {"chat_id": chat_id, "message_id": msg["message_id"], "text": text, "html": raw,
               "parse_mode": p.get("parse_mode"), "entities": entities, "reply_markup": None,
               "reply_to_message_id": reply and reply["message_id"], "edits": 0,
               "message": msg}
        self._set_markup(rec, markup)
        self._sent.append(rec)
        self._records[(chat_id, msg["message_id"])] = rec
        return copy.deepcopy(msg)

    def _m_editmessagetext(self, p: dict[str, Any]) -> dict[str, Any] | bool:
        if p.get("inline_message_id"):
            self._render(p)
            self._markup(p)
            return True
        rec = self._record_for(p, "message to edit not found")
        text, raw, entities = self._render(p)
        markup = self._markup(p)  # omitted markup removes the keyboard, as in Telegram
        msg = rec["message"]
        if (text, entities or None, markup) == (msg["text"], msg.get("entities"), msg.get("reply_markup")):
            raise _bad(NOT_MODIFIED)
        msg["text"] = text
        msg.pop("entities", None)
        if entities:
            msg["entities"] = entities
        msg["edit_date"] = self._now()
        rec.update(text=text, html=raw, parse_mode=p.get("parse_mode"), entities=entities)
        rec["edits"] += 1
        self._set_markup(rec, markup)
        return copy.deepcopy(msg)

    def _m_answercallbackquery(self, p: dict[str, Any]) -> bool:
        qid = str(p.get("callback_query_id") or "")
        if self._queries.get(qid, True):  # unknown or already answered
            raise _bad(QUERY_TOO_OLD)
        if utf16_len(str(p.get("text") or "")) > 200:
            raise _bad("MESSAGE_TOO_LONG")
        self._queries[qid] = True
        self.callback_answers.append({"callback_query_id": qid, "text": p.get("text"),
                                      "show_alert": _flag(p, "show_alert"), "url": p.get("url"),
                                      "cache_time": _int(p, "cache_time")})
        return True

    def _m_answerinlinequery(self, p: dict[str, Any]) -> bool:
        qid = str(p.get("inline_query_id") or "")
        if self._queries.get(qid, True):
            raise _bad(QUERY_TOO_OLD)
        results = p.get("results")
        if not isinstance(results, list):
            raise _bad("can't parse inline query results JSON object")
        if len(results) > 50:
            raise _bad("RESULTS_TOO_MUCH")
        seen: set[str] = set()
        for result in results:
            self._check_inline_result(result, seen)
        self._queries[qid] = True
        self.inline_answers.append({"inline_query_id": qid, "results": results,
                                    **{k: p[k] for k in ("cache_time", "is_personal", "next_offset",
                                                         "button") if k in p}})
        return True

    def _check_inline_result(self, result: Any, seen: set[str]) -> None:
        """One InlineQueryResult: type, unique id of 1-64 bytes, article fields, content text."""
        if not isinstance(result, dict) or not result.get("type"):
            raise _bad('can\'t parse InlineQueryResult: Field "type" must be of type String')
        rid = str(result.get("id") or "")
        if not 1 <= len(rid.encode()) <= 64:
            raise _bad("RESULT_ID_INVALID")
        if rid in seen:
            raise _bad("RESULT_ID_DUPLICATE")
        seen.add(rid)
        content = result.get("input_message_content")
        if result["type"] == "article":
            if not isinstance(result.get("title"), str) or not result["title"]:
                raise _bad('can\'t parse InlineQueryResultArticle: Field "title" must be of type String')
            if not isinstance(content, dict):
                raise _bad('can\'t parse InlineQueryResultArticle: Field "input_message_content" '
                           "must be of type Object")
        if isinstance(content, dict) and "message_text" in content:
            self._render(content, "message_text")
        self._markup(result)

    def _commands_key(self, p: dict[str, Any]) -> tuple[str, str]:
        scope = p.get("scope") if isinstance(p.get("scope"), dict) else {"type": "default"}
        return json.dumps(scope, sort_keys=True), str(p.get("language_code") or "")

    def _m_setmycommands(self, p: dict[str, Any]) -> bool:
        commands = p.get("commands")
        if not isinstance(commands, list) or len(commands) > 100:
            raise _bad("can't parse commands JSON object")
        for cmd in commands:
            if not isinstance(cmd, dict) or not re.fullmatch(r"[a-z0-9_]{1,32}", str(cmd.get("command"))):
                raise _bad("BOT_COMMAND_INVALID")
            if not 1 <= len(str(cmd.get("description") or "")) <= 256:
                raise _bad("command description is empty" if not cmd.get("description")
                           else "BOT_COMMAND_DESCRIPTION_INVALID")
        self.commands[self._commands_key(p)] = commands
        return True

    def _m_getmycommands(self, p: dict[str, Any]) -> list[dict[str, Any]]:
        return copy.deepcopy(self.commands.get(self._commands_key(p), []))

    def _m_deletemycommands(self, p: dict[str, Any]) -> bool:
        self.commands.pop(self._commands_key(p), None)
        return True

    def _m_setwebhook(self, p: dict[str, Any]) -> bool:
        url = str(p.get("url") or "")
        if url and not url.startswith("https://"):
            raise _bad("bad webhook: An HTTPS URL must be provided for webhook")
        if _flag(p, "drop_pending_updates"):
            self._drop_pending()
        self.webhook = {"url": url, **{k: p[k] for k in ("secret_token", "allowed_updates",
                                                          "max_connections", "ip_address") if k in p}}
        return True

    def _m_deletewebhook(self, p: dict[str, Any]) -> bool:
        if _flag(p, "drop_pending_updates"):
            self._drop_pending()
        self.webhook = {"url": ""}
        return True

    def _m_getwebhookinfo(self, p: dict[str, Any]) -> dict[str, Any]:
        info = {"url": self.webhook["url"], "has_custom_certificate": False,
                "pending_update_count": len(self.pending_updates())}
        for key in ("allowed_updates", "max_connections", "ip_address"):
            if key in self.webhook:
                info[key] = self.webhook[key]
        return info

    def _m_sendchataction(self, p: dict[str, Any]) -> bool:
        self._chat_id(p)
        if p.get("action") not in _CHAT_ACTIONS:
            raise _bad("wrong parameter action in request")
        return True

    def _m_getchat(self, p: dict[str, Any]) -> dict[str, Any]:
        kinds = ("unlimited_gifts", "limited_gifts", "unique_gifts", "premium_subscription",
                 "gifts_from_channels")
        gifts = dict.fromkeys(kinds, True)
        return {**self._chat(self._chat_id(p)), "accent_color_id": 0, "max_reaction_count": 11,
                "accepted_gift_types": gifts}

    def _m_close(self, p: dict[str, Any]) -> bool:
        return True

    def _m_logout(self, p: dict[str, Any]) -> bool:
        return True

    # ---- test-side pushes ------------------------------------------------------------------

    def push_update(self, update: dict[str, Any]) -> dict[str, Any]:
        """Queue a raw update (update_id assigned if missing); registers query ids it carries."""
        update = {"update_id": self._next_update_id, **update}
        self._next_update_id = max(self._next_update_id, int(update["update_id"])) + 1
        for kind in ("callback_query", "inline_query"):
            if isinstance(update.get(kind), dict) and "id" in update[kind]:
                self._queries.setdefault(str(update[kind]["id"]), False)
        self._updates.append(update)
        self._changed()
        return update

    def _user(self, user_id: int, first_name: str) -> dict[str, Any]:
        return {"id": user_id, "is_bot": False, "first_name": first_name}

    def _sender_id(self, chat_id: int, user_id: int | None) -> int:
        """Private chats are with the user themself; groups get a default member."""
        if user_id is not None:
            return user_id
        return chat_id if self._chat(chat_id)["type"] == "private" else GROUP_USER_ID

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
        if chat_type == "private":
            self._chats[chat_id] = {"id": chat_id, "type": "private", "first_name": first_name}
        else:
            self._chats[chat_id] = {"id": chat_id, "type": chat_type, "title": title or f"Chat {chat_id}"}
        reply = None
        if reply_to_message_id is not None:
            if (chat_id, reply_to_message_id) not in self._messages:
                raise KeyError(f"no message {reply_to_message_id} in chat {chat_id} to reply to")
            reply = dict(self._messages[(chat_id, reply_to_message_id)])
            reply.pop("reply_to_message", None)
        sender = self._user(self._sender_id(chat_id, user_id), first_name)
        msg = self._new_message(chat_id, sender, reply_to_message=reply, **fields)
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
        return self.push_message(chat_id, user_id=user_id, first_name=first_name, chat_type=chat_type,
                                 title=title, reply_to_message_id=reply_to_message_id, text=text,
                                 entities=entities)

    def push_command(self, chat_id: int, command: str, **kw: Any) -> dict[str, Any]:
        """Queue "/cmd[@bot] [args]" with the bot_command entity Telegram would attach."""
        text = command if command.startswith("/") else f"/{command}"
        entity = {"type": "bot_command", "offset": 0, "length": utf16_len(text.split(maxsplit=1)[0])}
        return self.push_text(chat_id, text, entities=[entity], **kw)

    def push_edited_text(
        self, chat_id: int, message_id: int, new_text: str, *, entities: list[dict[str, Any]] | None = None
    ) -> dict[str, Any]:
        """Queue an edited_message for a message previously pushed by the user."""
        if (chat_id, message_id) not in self._messages:
            raise KeyError(f"no message {message_id} in chat {chat_id} to edit")
        msg = {**self._messages[(chat_id, message_id)], "text": new_text, "edit_date": self._now()}
        msg.pop("entities", None)
        if entities:
            msg["entities"] = entities
        self._messages[(chat_id, message_id)] = msg
        return self.push_update({"edited_message": copy.deepcopy(msg)})

    def push_callback(
        self, chat_id: int, message_id: int, data: str | None, *, user_id: int | None = None,
        first_name: str = "Test",
    ) -> dict[str, Any]:
        """Queue a button press on a bot message; the update carries the message's current state."""
        rec = self._records.get((chat_id, message_id))
        if rec is None:
            raise KeyError(f"the bot sent no message {message_id} in chat {chat_id}")
        sender = self._user(self._sender_id(chat_id, user_id), first_name)
        query = {"id": str(next(self._ids)), "from": sender,
                 "message": copy.deepcopy(rec["message"]),
                 "chat_instance": str(abs(chat_id) * 1_000_003 + self.bot_id)}
        if data is not None:
            query["data"] = data
        return self.push_update({"callback_query": query})

    def push_inline_query(
        self, user_id: int, query: str, *, offset: str = "", first_name: str = "Test",
        chat_type: str | None = None,
    ) -> dict[str, Any]:
        """Queue an inline query; answer it with the id in ["inline_query"]["id"]."""
        inline = {"id": str(next(self._ids)), "from": self._user(user_id, first_name), "query": query,
                  "offset": offset}
        if chat_type is not None:
            inline["chat_type"] = chat_type
        return self.push_update({"inline_query": inline})

    # ---- observation -----------------------------------------------------------------------

    def calls_to(self, method: str) -> list[Call]:
        """Recorded calls of one method (case-insensitive, as Telegram)."""
        return [call for call in self.calls if call.method.lower() == method.lower()]

    def sent_to(self, chat_id: int) -> list[dict[str, Any]]:
        """Bot messages in a chat, current state: message_id, text (visible), html (raw), reply_markup..."""
        return [copy.deepcopy(rec) for rec in self._sent if rec["chat_id"] == chat_id]

    def all_sent(self) -> list[dict[str, Any]]:
        """Every bot message record, in send order."""
        return copy.deepcopy(self._sent)

    def pending_updates(self) -> list[dict[str, Any]]:
        """Updates not yet confirmed by an offset."""
        return copy.deepcopy([u for u in self._updates if u["update_id"] >= self.confirmed_offset])

    def my_commands(self, scope: dict[str, Any] | None = None, language_code: str = "") -> list[dict]:
        """Commands stored by setMyCommands for a scope (default scope if None)."""
        return self._m_getmycommands({"scope": scope, "language_code": language_code})

    async def wait_for(self, predicate: Callable[[], bool], timeout: float = 10.0, what: str = "") -> None:
        """Re-check ``predicate`` on every state change; TimeoutError after ``timeout`` seconds."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not predicate():
            left = deadline - loop.time()
            if left <= 0:
                recent = [c.method for c in self.calls[-10:]]
                raise TimeoutError(f"FakeBotAPI.wait_for: {what or predicate!r} still false after "
                                   f"{timeout}s; last calls: {recent}")
            await self._wait_change(left)

    async def wait_for_messages(self, chat_id: int, count: int, timeout: float = 10.0) -> list[dict]:
        """Wait until the bot has sent at least ``count`` messages to the chat; return them all."""
        await self.wait_for(lambda: len(self.sent_to(chat_id)) >= count, timeout,
                            what=f"{count} message(s) to chat {chat_id}")
        return self.sent_to(chat_id)

    # ---- fault injection -------------------------------------------------------------------

    def fail(self, method: str, kind: str, times: int = 1, **kw: Any) -> None:
        """Make the next ``times`` calls of ``method`` fail: kind in FAULT_KINDS (see module doc).

        "429" (retry_after=1), "500", "502" (non-JSON body), "drop" (connection reset, no
        response and no side effects), "slow" (delay=seconds, then answered and applied;
        if_connected=True skips the side effects when the client already left), "error"
        (code=400, description="Bad Request: ...").
        """
        if kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; expected one of {sorted(FAULT_KINDS)}")
        if kind == "slow" and "delay" not in kw:
            raise ValueError('fault "slow" needs delay=<seconds>')
        self._faults.setdefault(method.lower(), deque()).append(_Fault(kind, times, kw))
