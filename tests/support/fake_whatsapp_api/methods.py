"""The messages endpoint, checked as Meta documents it (developers.facebook.com, Cloud API
messages reference): a refused request gets Meta's error envelope with its code."""

from __future__ import annotations

import time
from typing import Any

from .state import Sent, WhatsAppState

TEXT_LIMIT = 4096
INTERACTIVE_BODY = 1024
BUTTONS, BUTTON_TITLE, BUTTON_ID = 3, 20, 256
ROWS, ROW_TITLE, ROW_DESCRIPTION, ROW_ID = 10, 24, 72, 200
SECTIONS, SECTION_TITLE, LIST_BUTTON = 10, 24, 20
WINDOW = 24 * 3600.0


class Refused(Exception):
    def __init__(self, code: int, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.code, self.message, self.status = code, message, status

    def envelope(self) -> dict[str, Any]:
        return {
            "error": {
                "message": self.message,
                "type": "OAuthException",
                "code": self.code,
                "error_data": {"messaging_product": "whatsapp", "details": self.message},
                "fbtrace_id": "FAKE",
            }
        }


def _check(condition: bool, message: str, code: int = 131009) -> None:
    """131009: "Parameter value is not valid", Meta's code for a bad message."""
    if not condition:
        raise Refused(code, message)


def _text(value: object, limit: int, what: str) -> str:
    _check(isinstance(value, str) and 0 < len(value) <= limit, f"{what}: 1 to {limit} characters")
    assert isinstance(value, str)
    return value


def _interactive(body: dict[str, Any]) -> tuple[str, str, list[tuple[str, str, str]], str]:
    interactive = body.get("interactive")
    _check(isinstance(interactive, dict), "interactive: an object")
    assert isinstance(interactive, dict)
    kind = interactive.get("type")
    text = _text((interactive.get("body") or {}).get("text"), INTERACTIVE_BODY, "interactive body")
    action = interactive.get("action")
    _check(isinstance(action, dict), "interactive action: an object")
    assert isinstance(action, dict)
    choices: list[tuple[str, str, str]] = []
    if kind == "button":
        buttons = action.get("buttons")
        _check(isinstance(buttons, list) and 1 <= len(buttons) <= BUTTONS, f"buttons: 1 to {BUTTONS}")
        assert isinstance(buttons, list)
        for button in buttons:
            reply = button.get("reply") if isinstance(button, dict) else None
            _check(isinstance(reply, dict) and button.get("type") == "reply", "a button: a reply button")
            assert isinstance(reply, dict)
            choices.append(
                (
                    _text(reply["id"], BUTTON_ID, "button id"),
                    _text(reply["title"], BUTTON_TITLE, "button title"),
                    "",
                )
            )
        list_button = ""
    elif kind == "list":
        list_button = _text(action.get("button"), LIST_BUTTON, "list button")
        sections = action.get("sections")
        _check(isinstance(sections, list) and 1 <= len(sections) <= SECTIONS, f"sections: 1 to {SECTIONS}")
        assert isinstance(sections, list)
        for section in sections:
            _check(isinstance(section, dict), "a section: an object")
            if len(sections) > 1 or "title" in section:
                _text(section.get("title"), SECTION_TITLE, "section title")
            for row in section.get("rows") or ():
                description = row.get("description", "")
                if description:
                    _text(description, ROW_DESCRIPTION, "row description")
                choices.append(
                    (
                        _text(row.get("id"), ROW_ID, "row id"),
                        _text(row.get("title"), ROW_TITLE, "row title"),
                        description,
                    )
                )
        _check(1 <= len(choices) <= ROWS, f"rows: 1 to {ROWS} in all")
    else:
        raise Refused(131009, f"interactive type {kind!r} is not one the bot should send")
    ids = [c[0] for c in choices]
    _check(len(set(ids)) == len(ids), "choice ids must be unique")
    return kind, text, choices, list_button


def messages(state: WhatsAppState, body: dict[str, Any]) -> dict[str, Any]:
    """A send or a read receipt."""
    _check(body.get("messaging_product") == "whatsapp", "messaging_product must be whatsapp", 100)
    if body.get("status") == "read":
        message_id = body.get("message_id")
        _check(isinstance(message_id, str) and message_id.startswith("wamid."), "message_id: a wamid", 100)
        state.read.append(str(message_id))
        return {"success": True}
    to = body.get("to")
    _check(isinstance(to, str) and to.isdigit(), "to: a WhatsApp id", 100)
    assert isinstance(to, str)
    last = state.last_message.get(to)
    if last is None or time.time() - last > WINDOW:
        # Outside the customer-service window only a template may be sent.
        raise Refused(131047, "Re-engagement message: more than 24 hours since the customer last replied")
    kind = body.get("type")
    if kind == "text":
        text = _text((body.get("text") or {}).get("body"), TEXT_LIMIT, "text body")
        record = Sent(to, "text", text, raw=body)
    elif kind == "interactive":
        interactive, text, choices, list_button = _interactive(body)
        record = Sent(to, "interactive", text, interactive, choices, list_button, raw=body)
    else:
        raise Refused(131009, f"message type {kind!r} is not one the bot should send")
    state.sent.append(record)
    return {
        "messaging_product": "whatsapp",
        "contacts": [{"input": to, "wa_id": to}],
        "messages": [{"id": state.next_id()}],
    }
