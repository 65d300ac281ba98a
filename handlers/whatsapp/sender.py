"""The one place that sends to WhatsApp, through pywa's client: an answer's text messages,
then its buttons or list under the last one; notices; read receipts.

An interactive message's body holds at most 1,024 characters: when the answer's last message
is longer, it goes as text and the choices follow under a short line of their own.
"""

from __future__ import annotations

import logging

from pywa.types.callback import Button, Section, SectionList, SectionRow
from pywa_async.client import WhatsApp

from handlers.whatsapp import wording
from handlers.whatsapp.choices import Choices

log = logging.getLogger(__name__)
INTERACTIVE_BODY = 1024
# pywa reads the Graph API's answer into a SentMessage; an answer without the fields it reads
# (a proxy's, an older API version's) follows a send that did go out, so it is not an error.
_UNREAD_ANSWER = (KeyError, IndexError, TypeError)


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
        try:
            await self.client.send_message(to=to, text=text)
        except _UNREAD_ANSWER:
            log.debug("the Graph API's answer to a sent message could not be read")

    async def choices(self, to: str, body: str, choices: Choices) -> None:
        keyboard: list[Button] | SectionList
        if choices.buttons:
            keyboard = [Button(title=b.title, callback_data=b.id) for b in choices.buttons]
        else:
            rows = [SectionRow(r.title, r.id, r.description or None) for r in choices.rows]
            keyboard = SectionList(wording.LIST_BUTTON, [Section(wording.LIST_SECTION, rows)])
        try:
            await self.client.send_message(to=to, text=body, buttons=keyboard)
        except _UNREAD_ANSWER:
            log.debug("the Graph API's answer to a sent message could not be read")

    async def read(self, message_id: str) -> None:
        """Mark a message read (its blue ticks), as a person would on opening it."""
        try:
            await self.client.mark_message_as_read(message_id)
        except _UNREAD_ANSWER:
            log.debug("the Graph API's answer to a read receipt could not be read")
