"""A webhook's body -> the messages in it, as plain values. Status updates (sent, delivered,
read, failed) and other fields are ignored; so are messages to another phone number.

Only what answering needs is kept: the message id, the sender's WhatsApp id (a phone number:
used to reply and to make hashed keys, never logged or stored), when it was sent, and the
typed text or the id of the button or list row chosen. Profile names are never read.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Incoming:
    id: str  # "wamid...."
    sender: str  # the user's WhatsApp id: personal data
    timestamp: float  # seconds since the epoch, as WhatsApp says; 0: not said
    kind: str  # "text", "interactive", "button", or a kind we cannot read ("image", ...)
    text: str = ""  # typed text
    choice: str = ""  # the id of a reply button or list row


def _chosen(message: dict[str, Any]) -> str:
    """The id of a tapped reply button or list row (a template's quick reply: its payload)."""
    interactive = message.get("interactive")
    if isinstance(interactive, dict):
        for kind in ("button_reply", "list_reply"):
            picked = interactive.get(kind)
            if isinstance(picked, dict) and isinstance(picked.get("id"), str):
                return str(picked["id"])
    button = message.get("button")
    if isinstance(button, dict) and isinstance(button.get("payload"), str):
        return str(button["payload"])
    return ""


def _message(message: object) -> Incoming | None:
    if not isinstance(message, dict):
        return None
    wamid, sender, kind = message.get("id"), message.get("from"), message.get("type")
    if not (
        isinstance(wamid, str) and wamid and isinstance(sender, str) and sender and isinstance(kind, str)
    ):
        return None
    try:
        timestamp = float(message.get("timestamp", 0))
    except (TypeError, ValueError):
        timestamp = 0.0
    text = message.get("text")
    body = text.get("body") if isinstance(text, dict) else None
    return Incoming(
        wamid, sender, timestamp, kind, text=body if isinstance(body, str) else "", choice=_chosen(message)
    )


def messages_of(payload: object, phone_number_id: str) -> list[Incoming]:
    """The messages of a webhook body sent to `phone_number_id`, in order."""
    found: list[Incoming] = []
    entries = payload.get("entry") if isinstance(payload, dict) else None
    for entry in entries if isinstance(entries, list) else ():
        changes = entry.get("changes") if isinstance(entry, dict) else None
        for change in changes if isinstance(changes, list) else ():
            if not isinstance(change, dict) or change.get("field") != "messages":
                continue
            value = change.get("value")
            if not isinstance(value, dict):
                continue
            metadata = value.get("metadata")
            to = metadata.get("phone_number_id") if isinstance(metadata, dict) else None
            if to is not None and str(to) != phone_number_id:
                continue
            messages = value.get("messages")
            for message in messages if isinstance(messages, list) else ():
                incoming = _message(message)
                if incoming is not None:
                    found.append(incoming)
    return found
