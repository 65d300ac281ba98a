"""The notices every platform says in the same words (Telegram's own strings are in
handlers/telegram/wording.py, WhatsApp's in handlers/whatsapp/wording.py)."""

from __future__ import annotations

NON_TEXT_HINT = "I can only read text. Please type your question."
BUTTON_EXPIRED = "That button has expired. Please ask again."
FLOOD_NOTICE = "You're sending messages very fast. Please slow down; I'll answer again shortly."
