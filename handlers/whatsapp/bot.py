"""WhatsApp's messages handled, each once, around the conversation service.

For each message of a webhook body (status updates are ignored):
1. claim its id in the handled log shared by every replica: a copy Meta delivers again is not
   answered again; one being handled elsewhere makes the webhook answer 503 (Meta retries);
2. outside the 24-hour customer-service window, send nothing (WhatsApp would refuse a free
   reply) and log it;
3. the flood guard, per user, as on Telegram;
4. mark it read (best effort), then a turn of the conversation service: typed text is answered in the
   conversation's context (crisis and emergency advice first, by the layout), a button or list
   row shows what it names, "More" the next page of a long list;
5. the id is done. A send that failed (the Graph API down) releases the claim instead, and the
   webhook answers 503: Meta delivers the message again, so none is lost to an outage.

The sender's phone number is personal data: it is used to reply and nowhere else. Every key
(the conversation, the flood guard, the handled log) is an HMAC of it (or of the message id)
under the app secret, so neither logs, metrics nor stored state hold it.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
import time
from collections.abc import Callable
from typing import Literal

import httpx
from pywa.utils import webhook_updates_validator

from handlers import notices
from handlers.callback_data import LanguageButton, as_action, decode
from handlers.metrics import Metrics
from handlers.service import ConversationService, Send
from handlers.stores.protocols import FloodCheck, HandledLog
from handlers.whatsapp import wording
from handlers.whatsapp.choices import choices_of, more_of
from handlers.whatsapp.incoming import Incoming, messages_of
from handlers.whatsapp.render import render_whatsapp
from handlers.whatsapp.sender import SendFailed, WhatsAppSender
from knowledge import Reply, speaking

log = logging.getLogger(__name__)
PLATFORM = "whatsapp"
WINDOW = 24 * 3600.0  # the customer-service window: free replies within 24 h of the user's message
Outcome = Literal["handled", "busy", "retry"]
# What a send to an unreachable or refusing Graph API raises (SendFailed says whether a retry
# can help: then, as for a Graph API out of reach, the message is left to be delivered again).
SEND_FAILURES = (SendFailed, httpx.HTTPError)


def hashed(secret: str, value: str) -> str:
    """A key that names a person or a message without saying who: HMAC-SHA256 under the app
    secret (a phone number's hash alone could be reversed by trying every number)."""
    return hmac.new(secret.encode(), value.encode(), hashlib.sha256).hexdigest()[:32]


class WhatsAppBot:
    def __init__(
        self,
        service: ConversationService,
        sender: WhatsAppSender,
        *,
        phone_number_id: str,
        app_secret: str,
        verify_token: str,
        flood: FloodCheck,
        handled: HandledLog,
        metrics: Metrics,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.service, self.sender, self.phone_number_id = service, sender, phone_number_id
        self._secret, self._verify_token = app_secret, verify_token
        self.flood, self.handled, self.metrics, self.clock = flood, handled, metrics, clock
        self._running: set[asyncio.Future[Outcome]] = set()

    # ---- the webhook's checks ------------------------------------------------------------

    def challenge(self, mode: str | None, token: str | None, challenge: str | None) -> str | None:
        """The challenge to echo when Meta verifies the webhook with our verify token."""
        if mode != "subscribe" or token is None or challenge is None:
            return None
        if not hmac.compare_digest(token.encode(), self._verify_token.encode()):
            return None
        return challenge

    def signed(self, body: bytes, signature: str) -> bool:
        """Whether X-Hub-Signature-256 is the HMAC-SHA256 of the raw body under the app secret
        (pywa's validator: a constant-time comparison)."""
        if not signature.startswith("sha256="):
            return False
        return webhook_updates_validator(self._secret, body, signature)

    # ---- handling ------------------------------------------------------------------------

    async def idle(self) -> None:
        """Return once no webhook body is being handled here."""
        while self._running:
            await asyncio.gather(*(asyncio.shield(f) for f in list(self._running)), return_exceptions=True)

    async def handle(self, payload: object) -> Outcome:
        """Handle every message of a webhook body; "handled" once all are."""
        task = asyncio.ensure_future(self._handle_all(payload))
        self._running.add(task)
        try:
            return await asyncio.shield(task)
        finally:
            if task.done():
                self._running.discard(task)
            else:
                task.add_done_callback(self._running.discard)

    async def _handle_all(self, payload: object) -> Outcome:
        outcome: Outcome = "handled"
        for message in messages_of(payload, self.phone_number_id):
            result = await self._handle(message)
            if result != "handled" and outcome != "retry":
                outcome = result
        return outcome

    async def _handle(self, message: Incoming) -> Outcome:
        self.metrics.platform_updates.labels(PLATFORM).inc()
        claim_key = "wa:" + hashed(self._secret, message.id)
        claim = await self.handled.claim(claim_key)
        if claim == "done":
            self.metrics.whatsapp_skipped.labels("duplicate").inc()
            self.metrics.updates_duplicate.inc()
            return "handled"
        if claim == "busy":
            return "busy"
        start = time.perf_counter()
        try:
            await self._answer(message)
        except asyncio.CancelledError:
            await self.handled.release(claim_key)
            raise
        except SendFailed as exc:
            if exc.transient:
                return await self._retry(claim_key, exc)
            # Refused for good (outside the window, undeliverable): a retry would be refused too.
            log.warning("a WhatsApp message could not be answered (%s): refused for good, not retried", exc)
        except httpx.HTTPError as exc:  # the Graph API unreachable, or too slow
            return await self._retry(claim_key, exc)
        except Exception:  # a bug: logged, and the message is not retried forever
            log.exception("error while handling a WhatsApp message")
        finally:
            self.metrics.handler_seconds.observe(time.perf_counter() - start)
        await self.handled.done(claim_key)
        return "handled"

    async def _retry(self, claim_key: str, exc: Exception) -> Outcome:
        """Not answered yet: the message is left to Meta to deliver again."""
        log.warning(
            "could not answer a WhatsApp message (%s): it will be delivered again", type(exc).__name__
        )
        await self.handled.release(claim_key)
        return "retry"

    async def _answer(self, message: Incoming) -> None:
        if message.timestamp and self.clock() - message.timestamp > WINDOW:  # unsaid: assume fresh
            self.metrics.whatsapp_skipped.labels("window").inc()
            log.info("a WhatsApp message older than 24 hours was not answered (outside the service window)")
            return
        user = hashed(self._secret, message.sender)
        verdict = await self.flood.check("wa:" + user)
        if verdict != "ok":
            if verdict == "notice":
                lang = await self.service.language("w" + user)
                await self.sender.text(message.sender, notices.text("FLOOD_NOTICE", lang))
            return
        try:
            await self.sender.read(message.id)
        except SEND_FAILURES as exc:  # blue ticks are a courtesy: the answer matters more
            log.info("could not mark a WhatsApp message read (%s)", type(exc).__name__)
        key = "w" + user
        to = message.sender

        async def send(reply: Reply, over: tuple[int, ...]) -> tuple[int, ...]:
            with speaking(reply.lang):  # the sender's own words (a list's button) in its language
                await self.sender.messages(to, render_whatsapp(reply), choices_of(reply))
            return ()  # WhatsApp cannot edit a message: nothing to remember for edits

        if message.kind == "text" and message.text.strip():
            # The message's language, else the conversation's (WhatsApp says no app language).
            await self.service.ask(key, message.text, send, platform=PLATFORM)
        elif message.choice:
            await self._chosen(key, to, message.choice, send)
        else:
            self.metrics.whatsapp_skipped.labels("not_text").inc()
            await self.sender.text(to, notices.text("NON_TEXT_HINT", await self.service.language(key)))

    async def _chosen(self, key: str, to: str, choice: str, send: Send) -> None:
        """A reply button or list row: what it names, in the conversation's language; "More":
        the next page of the list."""
        more = more_of(choice)
        button = decode(more[1] if more is not None else choice)
        lang = await self.service.language(key)
        expired = notices.text("BUTTON_EXPIRED", lang)
        if button is None or isinstance(button, LanguageButton):  # /language is Telegram's
            await self.sender.text(to, expired)
            return
        if more is not None:
            again = self.service.pressed(as_action(button), lang)
            with speaking(lang):
                page = choices_of(again, more[0]) if again is not None else None
                if page:
                    await self.sender.choices(to, wording.MORE_BODY, page)
                else:
                    await self.sender.text(to, expired)
            return
        if await self.service.press(key, as_action(button), send, platform=PLATFORM, lang=lang) is None:
            await self.sender.text(to, expired)
