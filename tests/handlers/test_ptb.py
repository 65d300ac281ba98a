"""Keyboards, and the python-telegram-bot behaviour handlers/telegram/ptb.py leans on, pinned: PTB sends
the dict a markup's to_dict() returns, as it is; and it builds a Message with its id, chat and
text from an answer without keyboard or entities."""

from __future__ import annotations

import asyncio
import copy
import json
import logging
import re

import pytest
from telegram import Bot, InlineKeyboardMarkup
from telegram.error import NetworkError, TelegramError
from telegram.request import BaseRequest

from bot.request import RetryingRequest
from handlers.callback_data import decode
from handlers.telegram.api_errors import is_transient
from handlers.telegram.keyboards import keyboard
from handlers.telegram.ptb import PreparedKeyboard, error_body, lean_answer, parse_answer
from knowledge import Action
from tests.support.fake_bot_api import FakeBotAPI, InProcessAPI

TOKEN = "123456:TEST-token_abc"


def labels(markup: InlineKeyboardMarkup | None) -> list[list[str]]:
    assert markup is not None
    return [[b.text for b in row] for row in markup.inline_keyboard]


def test_two_a_row_long_labels_alone_and_unencodable_actions_left_out() -> None:
    actions = (
        Action(label="Types", topic="twitching", section="types"),
        Action(label="Causes", topic="twitching", section="causes"),
        Action(label="A label much too long to share", topic="zinc"),
        Action(label="Way too long a slug", topic="x" * 70),
        Action(label="Zinc", topic="zinc"),
    )
    markup = keyboard(actions)
    assert labels(markup) == [["Types", "Causes"], ["A label much too long to share"], ["Zinc"]]
    assert markup is keyboard(actions)  # built once
    assert all(decode(b.callback_data) for row in markup.inline_keyboard for b in row)  # type: ignore[union-attr,arg-type]


def test_the_prepared_dict_is_ptbs_own_and_computed_once() -> None:
    markup = keyboard((Action(label="Zinc", topic="zinc"), Action(label="GABA", topic="gaba")))
    assert isinstance(markup, PreparedKeyboard)
    plain = InlineKeyboardMarkup(markup.inline_keyboard)
    assert markup.to_dict() == plain.to_dict()
    assert markup.to_dict() is markup.to_dict()


async def test_ptb_sends_the_prepared_dict_unchanged() -> None:
    api = InProcessAPI()
    markup = keyboard((Action(label="Zinc", topic="zinc", keep="d"),))
    assert markup is not None
    before = copy.deepcopy(markup.to_dict())
    async with Bot(TOKEN, request=api, get_updates_request=api) as bot:
        await bot.send_message(42, "hi", reply_markup=markup)
        await bot.send_message(43, "again", reply_markup=markup)
    sent = api.sent()
    assert [p["reply_markup"] for p in sent] == [before, before]
    assert markup.to_dict() == before  # PTB did not change the shared dict


def test_lean_answer_drops_only_what_no_handler_reads() -> None:
    answer = {
        "ok": True,
        "result": {
            "message_id": 7,
            "chat": {"id": 1, "type": "private"},
            "date": 1,
            "text": "hi",
            "entities": [{"type": "bold", "offset": 0, "length": 2}],
            "reply_markup": {"inline_keyboard": []},
        },
    }
    body = json.dumps(answer).encode()
    lean = parse_answer(lean_answer("sendMessage", 200, body))
    assert set(lean["result"]) == {"message_id", "chat", "date", "text"}
    assert parse_answer(lean_answer("editMessageText", 200, body))["result"] == lean["result"]
    assert parse_answer(lean_answer("getUpdates", 200, body)) == answer
    assert parse_answer(lean_answer("sendMessage", 400, body)) == answer
    with pytest.raises(TelegramError):  # PTB's own error for an answer that is not JSON
        parse_answer(lean_answer("sendMessage", 200, b"not json"))


async def test_ptb_builds_the_sent_message_from_a_lean_answer() -> None:
    async with FakeBotAPI() as api:
        request = RetryingRequest(backoff=(0.05,))
        markup = keyboard((Action(label="Zinc", topic="zinc"),))
        assert markup is not None
        async with Bot(api.token, base_url=api.base_url, request=request) as bot:
            sent = await bot.send_message(42, "<b>hi</b>", parse_mode="HTML", reply_markup=markup)
    assert (sent.message_id, sent.chat.id, sent.text) == (api.sent_to(42)[0]["message_id"], 42, "hi")
    assert sent.reply_markup is None and sent.entities == ()  # dropped on the way in
    assert api.sent_to(42)[0]["reply_markup"] == markup.to_dict()  # but sent in full


async def test_a_gateway_page_in_an_outage_logs_no_traceback(caplog: pytest.LogCaptureFixture) -> None:
    """The fake's 502 is a gateway's text page, as in a real outage: once the retries run out,
    PTB raises NetworkError (transient: the update comes again) and logs no ERROR."""
    async with FakeBotAPI() as api:
        api.fail("sendMessage", "502")
        async with Bot(api.token, base_url=api.base_url, request=RetryingRequest(backoff=())) as bot:
            with caplog.at_level(logging.DEBUG, logger="telegram"), pytest.raises(NetworkError) as raised:
                await bot.send_message(42, "hi")
    assert is_transient(raised.value)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], caplog.text
    assert "Traceback" not in caplog.text


class _Page(BaseRequest):
    """A transport answering one status and body, shaped as bot/request.py shapes it (or not)."""

    def __init__(self, code: int, body: bytes, shaped: bool) -> None:
        self.answer = (code, error_body(code, body) if shaped else body)

    @property
    def read_timeout(self) -> float | None:
        return 1.0

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def do_request(self, *args: object, **kwargs: object) -> tuple[int, bytes]:
        return self.answer


@pytest.mark.parametrize(
    ("code", "page", "transient"),
    [
        (502, b"Bad Gateway", True),
        (500, b"<html><body>oops</body></html>", True),
        (413, b"<html>Request Entity Too Large</html>", False),  # a proxy's 4xx: for good
    ],
)
async def test_an_error_page_is_read_as_ptb_reads_it_without_its_traceback(
    code: int, page: bytes, transient: bool, caplog: pytest.LogCaptureFixture
) -> None:
    """Shaped, a page raises the exception PTB raises for the page itself (class, and transient
    or not by api_errors.py), without PTB's ERROR; the page's text is never in it."""
    shaped = error_body(code, page)
    assert json.loads(shaped)["error_code"] == code and b"<html" not in shaped
    assert error_body(code, b'{"ok": false, "description": "x"}') == b'{"ok": false, "description": "x"}'
    assert error_body(200, b"not json") == b"not json"
    errors: dict[bool, BaseException] = {}
    for is_shaped in (False, True):
        caplog.clear()
        with caplog.at_level(logging.DEBUG, logger="telegram"), pytest.raises(NetworkError) as raised:
            await _Page(code, page, is_shaped).post("https://api.example.test/botT/sendMessage")
        errors[is_shaped] = raised.value
        logged_error = any(r.levelno >= logging.ERROR for r in caplog.records)
        assert logged_error is not is_shaped  # PTB's own reading logs an ERROR; ours does not
    assert type(errors[True]) is type(errors[False])
    assert is_transient(errors[True]) is is_transient(errors[False]) is transient


async def test_parameters_go_as_one_json_object_encoded_once() -> None:
    """The keyboard is an object inside the body (not a JSON string inside JSON), and text
    goes as UTF-8, not \\u escapes; the Bot API reads either, this is one encoding less."""
    bodies: list[bytes] = []

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = await reader.readuntil(b"\r\n\r\n")
        length = int(re.search(rb"(?i)content-length: (\d+)", head).group(1))  # type: ignore[union-attr]
        body = await reader.readexactly(length)
        if b"/getMe " in head:
            result: dict[str, object] = {"id": 1, "is_bot": True, "first_name": "B", "username": "b_bot"}
        else:
            bodies.append(body)
            result = {"message_id": 7, "date": 0, "chat": {"id": 42, "type": "private"}}
        answer = json.dumps({"ok": True, "result": result}).encode()
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(answer), answer))
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    markup = keyboard((Action(label="Zinc", topic="zinc"),))
    assert markup is not None
    try:
        base = f"http://127.0.0.1:{port}/bot"
        async with Bot(TOKEN, base_url=base, request=RetryingRequest(backoff=())) as bot:
            sent = await bot.send_message(42, "Müdigkeit • <b>ok</b>", reply_markup=markup)
    finally:
        server.close()
        await server.wait_closed()
    assert sent.message_id == 7
    (body,) = bodies
    assert "Müdigkeit •".encode() in body
    payload = json.loads(body)
    assert payload["reply_markup"] == markup.to_dict()  # an object, not a string
    assert payload["chat_id"] == 42 and payload["text"] == "Müdigkeit • <b>ok</b>"


def test_a_prepared_keyboard_goes_in_the_body_as_the_text_it_was_encoded_to() -> None:
    """The keyboard's JSON text, encoded once, spliced into the body: the same object as
    encoding every parameter again would send, the other parameters byte for byte. The
    parameters are what PTB's RequestData.parameters gives (a keyboard as its to_dict())."""
    from bot.request import _json_body

    markup = keyboard((Action(label="Müdigkeit", topic="zinc"), Action(label="GABA", topic="gaba")))
    assert markup is not None
    form = markup.to_dict()
    assert json.loads(form.json) == form  # type: ignore[attr-defined]
    text = 'Müdigkeit • <b>"ok"</b>'
    body = _json_body({"chat_id": 42, "text": text, "reply_markup": form})
    assert json.loads(body) == {
        "chat_id": 42,
        "text": text,
        "reply_markup": InlineKeyboardMarkup(markup.inline_keyboard).to_dict(),
    }
    plain = json.dumps(
        {"chat_id": 42, "text": text, "reply_markup": form}, ensure_ascii=False, separators=(",", ":")
    )
    assert body == plain.encode()
    assert json.loads(_json_body({"reply_markup": form})) == {"reply_markup": form}
    without = _json_body({"chat_id": 42, "text": text})
    assert (
        without
        == json.dumps({"chat_id": 42, "text": text}, ensure_ascii=False, separators=(",", ":")).encode()
    )
