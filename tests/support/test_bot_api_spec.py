"""The spec check catches what Telegram would refuse, and passes what it takes."""

from __future__ import annotations

from tests.support.bot_api_spec import violations

KEYBOARD = {"inline_keyboard": [[{"text": "Causes", "callback_data": "v2|t|twitching|c|"}]]}


def test_a_valid_request_passes() -> None:
    params = {"chat_id": 1, "text": "<b>Zinc</b>", "parse_mode": "HTML", "reply_markup": KEYBOARD}
    assert violations("sendMessage", params) == []
    assert violations("answerCallbackQuery", {"callback_query_id": "7", "text": "Slow down a little"}) == []


def test_what_the_spec_does_not_allow_is_named() -> None:
    assert violations("sendMesage", {}) == ["sendMesage: no such method"]
    assert violations("sendMessage", {"chat_id": 1}) == ["sendMessage.text: required"]
    assert violations("sendMessage", {"chat_id": 1, "text": ["x"]}) == ["sendMessage.text: not String"]
    assert violations("sendMessage", {"chat_id": 1, "text": "x", "colour": "red"}) == [
        "sendMessage.colour: not a parameter"
    ]
    bad_button = {"inline_keyboard": [[{"text": "x", "callback_data": 5}]]}
    assert violations("sendMessage", {"chat_id": 1, "text": "x", "reply_markup": bad_button})
    assert violations("answerInlineQuery", {"inline_query_id": "1", "results": [{"type": "article"}]})
