"""WhatsApp put together: pywa's client on our own HTTP session, the sender and the bot on the
process's one conversation service and shared state (bot/serve.py serves its webhook)."""

from __future__ import annotations

import httpx
from pywa_async.client import WhatsApp

from bot.settings import Settings
from handlers.metrics import Metrics
from handlers.service import ConversationService
from handlers.stores.shared import SharedState
from handlers.whatsapp.bot import WhatsAppBot
from handlers.whatsapp.sender import WhatsAppSender

# Seconds for a Graph API call: a send that takes longer fails, and Meta delivers the message
# again (the webhook answers 503).
TIMEOUT = httpx.Timeout(10.0, connect=5.0)


def graph_session(settings: Settings) -> tuple[httpx.AsyncClient, WhatsApp]:
    """pywa's client on a session of ours. pywa points the session at graph.facebook.com and
    its API version; WHATSAPP_API_BASE_URL (a proxy, or a loopback fake in tests) takes the
    scheme, host and any path prefix, through httpx's public `base_url`."""
    if settings.whatsapp_phone_number_id is None or settings.whatsapp_access_token is None:
        raise ValueError("WhatsApp is not configured")
    session = httpx.AsyncClient(timeout=TIMEOUT)
    client = WhatsApp(
        phone_id=settings.whatsapp_phone_number_id,
        token=settings.whatsapp_access_token.get_secret_value(),
        session=session,
    )
    version_path = session.base_url.path  # "/v<version>/", as pywa set it
    session.base_url = httpx.URL(settings.whatsapp_api_base_url.rstrip("/") + version_path)
    return session, client


def build_whatsapp(
    settings: Settings, service: ConversationService, state: SharedState, metrics: Metrics
) -> tuple[WhatsAppBot, httpx.AsyncClient]:
    """The bot and the session its owner closes."""
    if settings.whatsapp_app_secret is None or settings.whatsapp_verify_token is None:
        raise ValueError("WhatsApp is not configured")
    session, client = graph_session(settings)
    bot = WhatsAppBot(
        service,
        WhatsAppSender(client),
        phone_number_id=str(settings.whatsapp_phone_number_id),
        app_secret=settings.whatsapp_app_secret.get_secret_value(),
        verify_token=settings.whatsapp_verify_token.get_secret_value(),
        flood=state.flood,
        handled=state.handled,
        metrics=metrics,
    )
    return bot, session
