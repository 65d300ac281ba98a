"""Meta's side of the webhook: the bodies it POSTs (as in Meta's webhook reference for the
`messages` field), signed with the app secret as X-Hub-Signature-256."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from typing import Any

WABA_ID = "102290129340398"
DISPLAY_NUMBER = "15550783881"


def sign(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def envelope(phone_number_id: str, value: dict[str, Any]) -> dict[str, Any]:
    return {
        "object": "whatsapp_business_account",
        "entry": [
            {
                "id": WABA_ID,
                "changes": [
                    {
                        "field": "messages",
                        "value": {
                            "messaging_product": "whatsapp",
                            "metadata": {
                                "display_phone_number": DISPLAY_NUMBER,
                                "phone_number_id": phone_number_id,
                            },
                            **value,
                        },
                    }
                ],
            }
        ],
    }


def message(
    phone_number_id: str, sender: str, message_id: str, content: dict[str, Any], sent_at: float | None = None
) -> dict[str, Any]:
    """A user's message; `content` is its type and body ({"type": "text", "text": {...}})."""
    return envelope(
        phone_number_id,
        {
            "contacts": [{"profile": {"name": "Test User"}, "wa_id": sender}],
            "messages": [
                {"from": sender, "id": message_id, "timestamp": str(int(sent_at or time.time())), **content}
            ],
        },
    )


def text(body: str) -> dict[str, Any]:
    return {"type": "text", "text": {"body": body}}


def button_reply(choice_id: str, title: str) -> dict[str, Any]:
    return {
        "type": "interactive",
        "interactive": {"type": "button_reply", "button_reply": {"id": choice_id, "title": title}},
    }


def list_reply(choice_id: str, title: str) -> dict[str, Any]:
    return {
        "type": "interactive",
        "interactive": {"type": "list_reply", "list_reply": {"id": choice_id, "title": title}},
    }


def status(phone_number_id: str, recipient: str, message_id: str) -> dict[str, Any]:
    """A delivery status of a message the bot sent: to be ignored."""
    return envelope(
        phone_number_id,
        {
            "statuses": [
                {
                    "id": message_id,
                    "status": "delivered",
                    "timestamp": str(int(time.time())),
                    "recipient_id": recipient,
                    "conversation": {"id": "CONV", "origin": {"type": "service"}},
                    "pricing": {"billable": True, "pricing_model": "PMP", "category": "service"},
                }
            ]
        },
    )


def encode(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, separators=(",", ":")).encode()
