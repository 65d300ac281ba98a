"""The Bot API methods the bot and its tests use, as plain functions over a ``BotState``.

Only what is registered in ``METHODS`` exists; anything else answers 404 as Telegram does for
unknown methods, so a new call in the bot shows up as a failing test, not as a silent success.
Shapes follow the Bot API docs (dates in seconds, full Message objects, edits return the
Message) because PTB parses replies strictly. Results are live state: the transports serialise
them at once. Unknown chats are accepted (positive ids are private chats, negative ones groups)
so tests need not push before the bot speaks. parse_mode Markdown/MarkdownV2 passes unparsed;
only HTML is validated, like Telegram (see telegram_html.py), unless the state is lean.
"""

from __future__ import annotations

import asyncio
import inspect
import itertools
import re
from collections.abc import Callable, Mapping
from typing import Any

from .. import telegram_html
from ..telegram_html import HtmlError, utf16_len
from .state import BotState
from .wire import Answer, ApiError, bad, error, ok

__all__ = ["METHODS", "NOT_MODIFIED", "QUERY_TOO_OLD", "Method", "answer"]

Method = Callable[[BotState, dict[str, Any]], Any]  # returns the result, or an awaitable of it

NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly the same "
    "as a current content and reply markup of the message"
)
QUERY_TOO_OLD = "query is too old and response timeout expired or query ID is invalid"
_BUTTON_ACTIONS = frozenset(
    {
        "url",
        "callback_data",
        "web_app",
        "login_url",
        "switch_inline_query",
        "copy_text",
        "pay",
        "switch_inline_query_current_chat",
        "switch_inline_query_chosen_chat",
        "callback_game",
    }
)
_WS = " \t\r\n\v\f"


# ---- parameters ----------------------------------------------------------------------------------


def _int(p: Mapping[str, Any], key: str, default: int | None = None) -> int | None:
    """An integer parameter (a string if a client sent it unencoded)."""
    value = p.get(key)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except (TypeError, ValueError):
        raise bad(f'field "{key}" must be of type Integer') from None


def _flag(p: Mapping[str, Any], key: str) -> bool:
    """A boolean parameter."""
    return p.get(key) in (True, 1, "true", "True", "1")


def _chat_id(p: Mapping[str, Any]) -> int:
    """The chat_id parameter; @usernames are not supported, as for unknown chats."""
    value = p.get("chat_id")
    if value is None or value == "":
        raise bad("chat_id is empty")
    if isinstance(value, str) and not re.fullmatch(r"-?\d+", value):
        raise bad("chat not found")
    return int(value)


# ---- validation shared by several methods ----------------------------------------------------------


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


def _render(
    state: BotState, p: Mapping[str, Any], text_key: str = "text"
) -> tuple[str, str, list[dict[str, Any]]]:
    """Validate text + parse_mode like Telegram; (visible text, raw text, entities).

    A lean state takes the text as sent: parsing HTML would make the benchmark measure the fake.
    """
    raw = "" if p.get(text_key) is None else str(p[text_key])
    if not state.validate_html:
        return raw, raw, []
    mode = str(p.get("parse_mode") or "").lower()
    if mode == "html":
        try:
            text, entities = telegram_html.parse(raw, strict=state.strict_html)
        except HtmlError as err:
            raise bad(f"can't parse entities: {err}") from None
    elif mode in ("", "markdown", "markdownv2"):
        text, entities = raw, list(p.get("entities") or [])
    else:
        raise bad("unsupported parse_mode")
    text, entities = _trim(text, entities)
    if not text:
        raise bad("message text is empty")
    if utf16_len(text) > 4096:
        raise bad("message is too long")
    return text, raw, entities


def _markup(p: Mapping[str, Any]) -> dict[str, Any] | None:
    """Validate reply_markup; inline buttons need an action and 1-64 bytes of callback_data."""
    markup = p.get("reply_markup")
    if markup in (None, ""):
        return None
    if not isinstance(markup, dict):
        raise bad("can't parse reply keyboard markup JSON object")
    rows = markup.get("inline_keyboard")
    if rows is None:
        return markup
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays')
    for button in itertools.chain.from_iterable(rows):
        if not isinstance(button, dict) or not isinstance(button.get("text"), str):
            raise bad('can\'t parse inline keyboard button: Field "text" must be of type String')
        if not _BUTTON_ACTIONS & button.keys():
            raise bad("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard")
        if "callback_data" in button and not 1 <= len(str(button["callback_data"]).encode()) <= 64:
            raise bad("BUTTON_DATA_INVALID")
    return markup


def _reply_target(state: BotState, chat_id: int, p: Mapping[str, Any]) -> dict[str, Any] | None:
    """The message being replied to (one level deep, as Telegram nests it)."""
    rp = p.get("reply_parameters")
    src = rp if isinstance(rp, dict) else p
    mid = _int(src, "message_id" if src is rp else "reply_to_message_id")
    if mid is None:
        return None
    target = state.messages.get((chat_id, mid))
    if target is None:
        if _flag(src, "allow_sending_without_reply") or state.trust_foreign_ids:
            return None
        raise bad("message to be replied not found")
    return {key: value for key, value in target.items() if key != "reply_to_message"}


def _set_markup(rec: dict[str, Any], markup: dict[str, Any] | None) -> None:
    """Messages only echo inline keyboards; the record keeps whatever was sent."""
    rec["reply_markup"] = markup
    if markup and "inline_keyboard" in markup:
        rec["message"]["reply_markup"] = markup
    else:
        rec["message"].pop("reply_markup", None)


def _answerable(state: BotState, qid: str) -> bool:
    """Whether a query may be answered now: issued and not yet answered (or trusted when foreign)."""
    answered = state.queries.get(qid)
    if answered is None:
        return state.trust_foreign_ids
    return not answered


def _check_inline_result(state: BotState, result: Any, seen: set[str]) -> None:
    """One InlineQueryResult: type, unique id of 1-64 bytes, article fields, content text."""
    if not isinstance(result, dict) or not result.get("type"):
        raise bad('can\'t parse InlineQueryResult: Field "type" must be of type String')
    rid = str(result.get("id") or "")
    if not 1 <= len(rid.encode()) <= 64:
        raise bad("RESULT_ID_INVALID")
    if rid in seen:
        raise bad("RESULT_ID_DUPLICATE")
    seen.add(rid)
    content = result.get("input_message_content")
    if result["type"] == "article":
        if not isinstance(result.get("title"), str) or not result["title"]:
            raise bad('can\'t parse InlineQueryResultArticle: Field "title" must be of type String')
        if not isinstance(content, dict):
            raise bad(
                'can\'t parse InlineQueryResultArticle: Field "input_message_content" must be of type Object'
            )
    if isinstance(content, dict) and "message_text" in content:
        _render(state, content, "message_text")
    _markup(result)


def _check_results_button(button: Any) -> None:
    """The InlineQueryResultsButton above the results: a text, and a start parameter of 1-64
    characters A-Z, a-z, 0-9, _ and - (or a Web App)."""
    if button is None:
        return
    if not isinstance(button, dict) or not isinstance(button.get("text"), str) or not button["text"]:
        raise bad('can\'t parse InlineQueryResultsButton: Field "text" must be of type String')
    start = button.get("start_parameter")
    if "web_app" not in button and not (
        isinstance(start, str) and re.fullmatch(r"[A-Za-z0-9_-]{1,64}", start)
    ):
        raise bad("START_PARAM_INVALID")


# ---- the methods ---------------------------------------------------------------------------------------


def get_me(state: BotState, p: dict[str, Any]) -> dict[str, Any]:
    """The bot's User, with the getMe-only capability fields."""
    return state.me


async def get_updates(state: BotState, p: dict[str, Any]) -> list[dict[str, Any]]:
    """Long poll: confirm by offset, then wait up to ``timeout`` s for something to return.

    A second poller ends the first with 409, as Telegram does, and an active webhook forbids it.
    """
    if state.webhook["url"]:
        raise ApiError(
            409,
            "Conflict: can't use getUpdates method while webhook is active; "
            "use deleteWebhook to delete the webhook first",
        )
    state.poll_generation += 1
    generation = state.poll_generation
    limit = min(max(_int(p, "limit", 100) or 100, 1), 100)
    if isinstance(p.get("allowed_updates"), list):
        state.allowed_updates = p["allowed_updates"]
    state.confirm(_int(p, "offset", 0) or 0)
    try:
        timeout = max(float(p.get("timeout") or 0), 0.0)
    except (TypeError, ValueError):
        raise bad('field "timeout" must be of type Integer') from None
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        if generation != state.poll_generation:
            raise ApiError(
                409,
                "Conflict: terminated by other getUpdates request; "
                "make sure that only one bot instance is running",
            )
        batch = state.updates[:limit]
        left = deadline - loop.time()
        if batch or left <= 0 or state.stopping:
            return batch
        await state.wait_change(left)


def send_message(state: BotState, p: dict[str, Any]) -> dict[str, Any]:
    """Store the bot's message and its record (what tests read through ``sent_to``)."""
    chat_id = _chat_id(p)
    text, raw, entities = _render(state, p)
    markup = _markup(p)
    reply = _reply_target(state, chat_id, p)
    msg = state.new_message(
        chat_id,
        state.bot_user,
        reply_to_message=reply,
        text=text,
        entities=entities or None,
        message_thread_id=_int(p, "message_thread_id"),
    )
    rec = {
        "chat_id": chat_id,
        "message_id": msg["message_id"],
        "text": text,
        "html": raw,
        "parse_mode": p.get("parse_mode"),
        "entities": entities,
        "reply_markup": None,
        "reply_to_message_id": reply and reply["message_id"],
        "edits": 0,
        "message": msg,
    }
    _set_markup(rec, markup)
    state.sent.append(rec)
    state.records[(chat_id, msg["message_id"])] = rec
    return msg


def edit_message_text(state: BotState, p: dict[str, Any]) -> dict[str, Any]:
    """Edit a bot message; an identical edit is refused with "message is not modified"."""
    chat_id, mid = _chat_id(p), _int(p, "message_id")
    if mid is None:
        raise bad("message identifier is not specified")
    rec = state.records.get((chat_id, mid))
    if rec is None:
        theirs = (chat_id, mid) in state.messages  # a user's message, not the bot's
        raise bad("message can't be edited" if theirs else "message to edit not found")
    text, raw, entities = _render(state, p)
    markup = _markup(p)  # omitted markup removes the keyboard, as in Telegram
    msg: dict[str, Any] = rec["message"]
    if (text, entities or None, markup) == (msg["text"], msg.get("entities"), msg.get("reply_markup")):
        raise bad(NOT_MODIFIED)
    msg["text"] = text
    msg.pop("entities", None)
    if entities:
        msg["entities"] = entities
    msg["edit_date"] = state.now()
    rec.update(text=text, html=raw, parse_mode=p.get("parse_mode"), entities=entities)
    rec["edits"] += 1
    _set_markup(rec, markup)
    return msg


def answer_callback_query(state: BotState, p: dict[str, Any]) -> bool:
    """Each issued callback query may be answered once, with at most 200 characters."""
    qid = str(p.get("callback_query_id") or "")
    if not _answerable(state, qid):
        raise bad(QUERY_TOO_OLD)
    if utf16_len(str(p.get("text") or "")) > 200:
        raise bad("MESSAGE_TOO_LONG")
    if qid in state.queries:
        state.queries[qid] = True
    state.callback_answers.append(
        {
            "callback_query_id": qid,
            "text": p.get("text"),
            "show_alert": _flag(p, "show_alert"),
            "url": p.get("url"),
            "cache_time": _int(p, "cache_time"),
        }
    )
    return True


def answer_inline_query(state: BotState, p: dict[str, Any]) -> bool:
    """Each issued inline query may be answered once, with at most 50 valid, uniquely-id'd results."""
    qid = str(p.get("inline_query_id") or "")
    if not _answerable(state, qid):
        raise bad(QUERY_TOO_OLD)
    results = p.get("results")
    if not isinstance(results, list):
        raise bad("can't parse inline query results JSON object")
    if len(results) > 50:
        raise bad("RESULTS_TOO_MUCH")
    seen: set[str] = set()
    for result in results:
        _check_inline_result(state, result, seen)
    _check_results_button(p.get("button"))
    if qid in state.queries:
        state.queries[qid] = True
    state.inline_answers.append(
        {
            "inline_query_id": qid,
            "results": results,
            **{k: p[k] for k in ("cache_time", "is_personal", "next_offset", "button") if k in p},
        }
    )
    return True


def set_my_commands(state: BotState, p: dict[str, Any]) -> bool:
    """Store the command menu for a scope and language, checked like Telegram."""
    commands = p.get("commands")
    if not isinstance(commands, list) or len(commands) > 100:
        raise bad("can't parse commands JSON object")
    for cmd in commands:
        if not isinstance(cmd, dict) or not re.fullmatch(r"[a-z0-9_]{1,32}", str(cmd.get("command"))):
            raise bad("BOT_COMMAND_INVALID")
        if not 1 <= len(str(cmd.get("description") or "")) <= 256:
            raise bad(
                "command description is empty"
                if not cmd.get("description")
                else "BOT_COMMAND_DESCRIPTION_INVALID"
            )
    state.commands[state.commands_key(p.get("scope"), p.get("language_code"))] = commands
    return True


def _set_description(kind: str, limit: int) -> Method:
    """setMyDescription / setMyShortDescription: per language; empty or omitted clears it.

    The limits are the documented ones; the error's wording is the fake's own (undocumented).
    """

    def method(state: BotState, p: dict[str, Any]) -> bool:
        text = str(p.get(kind) or "")
        if len(text) > limit:
            raise bad(f"{kind.replace('_', ' ')} is too long")
        key = (kind, str(p.get("language_code") or ""))
        if text:
            state.descriptions[key] = text
        else:
            state.descriptions.pop(key, None)
        return True

    method.__name__ = f"set_my_{kind}"
    return method


def set_webhook(state: BotState, p: dict[str, Any]) -> bool:
    """Only HTTPS URLs, as Telegram; getUpdates answers 409 while one is set."""
    url = str(p.get("url") or "")
    if url and not url.startswith("https://"):
        raise bad("bad webhook: An HTTPS URL must be provided for webhook")
    if _flag(p, "drop_pending_updates"):
        state.drop_pending()
    state.webhook = {
        "url": url,
        **{k: p[k] for k in ("secret_token", "allowed_updates", "max_connections", "ip_address") if k in p},
    }
    return True


def delete_webhook(state: BotState, p: dict[str, Any]) -> bool:
    """Back to getUpdates (PTB calls it when polling starts)."""
    if _flag(p, "drop_pending_updates"):
        state.drop_pending()
    state.webhook = {"url": ""}
    return True


# Lower-cased names, as Telegram matches them.
METHODS: dict[str, Method] = {
    "getme": get_me,
    "getupdates": get_updates,
    "sendmessage": send_message,
    "editmessagetext": edit_message_text,
    "answercallbackquery": answer_callback_query,
    "answerinlinequery": answer_inline_query,
    "setmycommands": set_my_commands,
    "setmydescription": _set_description("description", 512),
    "setmyshortdescription": _set_description("short_description", 120),
    "setwebhook": set_webhook,
    "deletewebhook": delete_webhook,
}


async def answer(
    state: BotState, name: str, params: dict[str, Any], table: Mapping[str, Method] = METHODS
) -> Answer:
    """Run one method and wrap its result or error in Telegram's envelope."""
    method = table.get(name.lower())
    if method is None:
        return error(ApiError(404, "Not Found"))
    try:
        result = method(state, params)
        if inspect.isawaitable(result):
            result = await result
    except ApiError as err:
        return error(err)
    state.changed()
    return ok(result)
