"""A typed context for every handler, as in python-telegram-bot's contexttypesbot example:
`context.services` is the engine and per-chat state, seen by the type checker."""

from __future__ import annotations

from typing import Any

from telegram.ext import Application, CallbackContext, ContextTypes, ExtBot

from handlers.metrics import Metrics
from handlers.service import Conversations, ConversationService
from handlers.stores.memory import FloodGuard
from handlers.stores.protocols import FloodCheck, ReplyMap
from handlers.telegram.error_notices import ErrorNotices
from knowledge import Engine

PLATFORM = "telegram"  # the metrics' platform label


class Services:
    """What the handlers share: the conversation service (the engine, the contexts and the
    edit map, in memory by default, in Redis when the composition root says so), the flood
    guard, the metrics and the operators' error notices."""

    def __init__(
        self,
        engine: Engine | None = None,
        *,
        service: ConversationService | None = None,
        metrics: Metrics | None = None,
        flood: FloodCheck | None = None,
        notices: ErrorNotices | None = None,
    ) -> None:
        if service is None:
            if engine is None:
                raise ValueError("the services need an engine or a conversation service")
            service = ConversationService(engine, metrics=metrics)
        self.service = service
        self.metrics = service.metrics
        self.flood: FloodCheck = flood or FloodGuard()
        self.notices = notices or ErrorNotices()

    @property
    def engine(self) -> Engine:
        return self.service.engine

    @engine.setter
    def engine(self, engine: Engine) -> None:
        self.service.engine = engine

    @property
    def conversations(self) -> Conversations:
        return self.service.conversations

    @property
    def replies(self) -> ReplyMap:
        return self.service.replies


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
