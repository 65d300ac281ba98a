"""An in-process Bot API for handler tests: PTB's real request pipeline, no network.

It records every call and answers with objects of the Bot API's shapes, so PTB parses them
as it would Telegram's. Full HTTP end-to-end tests use tests/support/fake_bot_api.py.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import Any

from telegram.request import BaseRequest, RequestData

BOT_USER = {
    "id": 999, "is_bot": True, "first_name": "Remedy", "username": "remedy_test_bot",
    "can_join_groups": True, "can_read_all_group_messages": False, "supports_inline_queries": True,
}


@dataclass
class InProcessAPI(BaseRequest):
    calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    next_id: int = 1000
    fail_with: dict[str, tuple[int, str]] = field(default_factory=dict)

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Nothing to close."""

    @property
    def read_timeout(self) -> float | None:
        return 1.0

    async def do_request(
        self, url: str, method: str, request_data: RequestData | None = None, **_: object
    ) -> tuple[int, bytes]:
        api_method = url.rsplit("/", 1)[-1]
        params = {
            k: _decode(v) for k, v in (request_data.json_parameters if request_data else {}).items()
        }
        self.calls.append((api_method, params))
        if api_method in self.fail_with:
            code, description = self.fail_with.pop(api_method)
            body = {"ok": False, "error_code": code, "description": description}
            return code, json.dumps(body).encode()
        return 200, json.dumps({"ok": True, "result": self._result(api_method, params)}).encode()

    def _result(self, api_method: str, params: dict[str, Any]) -> Any:
        if api_method == "getMe":
            return BOT_USER
        if api_method in ("sendMessage", "editMessageText"):
            if api_method == "sendMessage":
                self.next_id += 1
            message_id = params.get("message_id", self.next_id)
            chat_id = int(params.get("chat_id", 0))
            message = {
                "message_id": message_id, "date": int(time.time()), "from": BOT_USER,
                "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "group",
                         "first_name": "User", "title": "Group"},
                "text": params.get("text", ""),
            }
            if "reply_markup" in params:
                message["reply_markup"] = params["reply_markup"]
            return message if params.get("inline_message_id") is None else True
        return True

    def sent(self, api_method: str = "sendMessage") -> list[dict[str, Any]]:
        return [p for m, p in self.calls if m == api_method]


def _decode(value: str) -> Any:
    try:
        return json.loads(value)
    except (TypeError, ValueError):
        return value


def user(user_id: int = 42) -> dict[str, Any]:
    return {"id": user_id, "is_bot": False, "first_name": "Ann"}


def message(text: str | None, *, chat_id: int = 42, message_id: int = 1, chat_type: str = "private",
            user_id: int = 42, **extra: Any) -> dict[str, Any]:
    chat: dict[str, Any] = {"id": chat_id, "type": chat_type}
    chat.update({"first_name": "Ann"} if chat_type == "private" else {"title": "A group"})
    body: dict[str, Any] = {"message_id": message_id, "date": int(time.time()), "chat": chat,
                            "from": user(user_id), **extra}
    if text is not None:
        body["text"] = text
        if text.startswith("/"):
            command = text.split()[0]
            body["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
    return body
