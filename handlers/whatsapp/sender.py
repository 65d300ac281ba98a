"""The one place that sends to WhatsApp, through pywa's client: an answer's text messages,
then its buttons or list under the last one; notices; read receipts.

An interactive message's body holds at most 1,024 characters: when the answer's last message
is longer, it goes as text and the choices follow under a short line of their own.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable
from typing import Any

from pywa.errors import WhatsAppError
from pywa.types.callback import Button, Section, SectionList, SectionRow
from pywa_async.client import WhatsApp

from handlers.whatsapp import wording
from handlers.whatsapp.choices import Choices

log = logging.getLogger(__name__)
INTERACTIVE_BODY = 1024
# pywa reads the Graph API's answer into a SentMessage; an answer without the fields it reads
# (a proxy's, an older API version's) follows a send that did go out, so it is not an error.
_UNREAD_ANSWER = (KeyError, IndexError, TypeError)
# The Graph API's error codes that mean "not now" rather than "never" (Meta's Cloud API error
# codes, developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes): an unknown or
# service error (1, 2, 131000), a service temporarily unavailable (131016, 133004) and the rate
# limits (4, 80007, 130429, 131056). With any 5xx or 429 status they leave the message to be
# delivered again, as a transient Bot API failure does on Telegram (docs/delivery.md); every
# other refusal (outside the 24-hour window, undeliverable, a bad parameter) is for good.
TRANSIENT_CODES = frozenset((1, 2, 4, 80007, 130429, 131000, 131016, 131056, 133004))


class SendFailed(Exception):
    """The Graph API refused or failed a call (its error code in the message; `transient`:
    whether trying later can help). pywa's own error is a frozen dataclass that cannot travel
    through a context manager (contextlib sets its __traceback__), so it is replaced by this at
    the edge."""

    def __init__(self, message: str, *, transient: bool) -> None:
        super().__init__(message)
        self.transient = transient


def is_transient(error: WhatsAppError) -> bool:
    status = error.status_code or 0
    return error.code in TRANSIENT_CODES or status >= 500 or status == 429


async def _call(request: Awaitable[Any], what: str) -> None:
    try:
        await request
    except WhatsAppError as exc:
        raise SendFailed(f"{what}: Graph API error {exc.code}", transient=is_transient(exc)) from None
    except _UNREAD_ANSWER:
        log.debug("the Graph API's answer to %s could not be read", what)


class WhatsAppSender:
    def __init__(self, client: WhatsApp) -> None:
        self.client = client

    async def messages(self, to: str, texts: tuple[str, ...], choices: Choices) -> int:
        """Send `texts` in order, `choices` under the last; return how many messages went."""
        attach = bool(choices) and bool(texts) and len(texts[-1]) <= INTERACTIVE_BODY
        sent = 0
        for n, text in enumerate(texts):
            if attach and n == len(texts) - 1:
                await self.choices(to, text, choices)
            else:
                await self.text(to, text)
            sent += 1
        if choices and not attach:
            await self.choices(to, wording.CHOOSE_BODY, choices)
            sent += 1
        return sent

    async def text(self, to: str, text: str) -> None:
        await _call(self.client.send_message(to=to, text=text), "a text message")

    async def choices(self, to: str, body: str, choices: Choices) -> None:
        keyboard: list[Button] | SectionList
        if choices.buttons:
            keyboard = [Button(title=b.title, callback_data=b.id) for b in choices.buttons]
        else:
            rows = [SectionRow(r.title, r.id, r.description or None) for r in choices.rows]
            keyboard = SectionList(wording.LIST_BUTTON, [Section(wording.LIST_SECTION, rows)])
        await _call(self.client.send_message(to=to, text=body, buttons=keyboard), "an interactive message")

    async def read(self, message_id: str) -> None:
        """Mark a message read (its blue ticks), as a person would on opening it."""
        await _call(self.client.mark_message_as_read(message_id), "a read receipt")
