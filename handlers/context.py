"""A typed context for every handler, as in python-telegram-bot's contexttypesbot example:
`context.services` is the engine and per-chat state, seen by the type checker."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from telegram.ext import Application, CallbackContext, ContextTypes, ExtBot

from handlers.conversations import Conversations
from handlers.error_notices import ErrorNotices
from handlers.metrics import Metrics
from handlers.state import FloodCheck, FloodGuard, ReplyMap, ReplyMemory
from knowledge import Engine


@dataclass
class Services:
    """What the handlers share: the engine, per-chat state that holds ids, counters and slugs
    (in memory by default; in Redis when the composition root says so), and the operators'
    error notices."""

    engine: Engine
    metrics: Metrics = field(default_factory=Metrics)
    conversations: Conversations = field(default_factory=Conversations)
    replies: ReplyMap = field(default_factory=ReplyMemory)
    flood: FloodCheck = field(default_factory=FloodGuard)
    notices: ErrorNotices = field(default_factory=ErrorNotices)


class BotData:
    """The application's bot_data: the services, set once by the composition root."""

    __slots__ = ("_services",)

    def __init__(self) -> None:
        self._services: Services | None = None

    @property
    def services(self) -> Services:
        if self._services is None:
            raise RuntimeError("the services were not attached to the application")
        return self._services

    @services.setter
    def services(self, services: Services) -> None:
        self._services = services


class BotContext(CallbackContext[ExtBot[Any], dict[Any, Any], dict[Any, Any], BotData]):
    """The context every handler receives."""

    @property
    def services(self) -> Services:
        return self.bot_data.services


CONTEXT_TYPES = ContextTypes(context=BotContext, bot_data=BotData)
BotApplication = Application[ExtBot[Any], BotContext, dict[Any, Any], dict[Any, Any], BotData, Any]
