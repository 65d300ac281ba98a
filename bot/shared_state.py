"""Where the state lives: this process's memory, or Redis when REDIS_URL is set (several
replicas then share one conversation context, edit map, flood guard and list of handled
updates). The bot, the tests and the benchmark get it here and hand it to build_application."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.settings import Settings
from handlers.conversations import ConversationStore, MemoryConversations
from handlers.state import FloodCheck, FloodGuard, HandledLog, HandledUpdates, ReplyMap, ReplyMemory

if TYPE_CHECKING:  # redis is imported only when it is used: the console never pays for it
    from handlers.redis_link import RedisLink
    from handlers.redis_state import RedisHandled


@dataclass
class SharedState:
    conversations: ConversationStore = field(default_factory=MemoryConversations)
    replies: ReplyMap = field(default_factory=ReplyMemory)
    flood: FloodCheck = field(default_factory=FloodGuard)
    handled: HandledLog = field(default_factory=HandledUpdates)
    link: RedisLink | None = None
    _redis_handled: RedisHandled | None = None

    def checks(self) -> dict[str, bool]:
        """For /readyz: "redis" while Redis is configured, true while it answers."""
        return {} if self.link is None else {"redis": self.link.up}

    async def start(self) -> None:
        if self.link is not None:
            await self.link.start()

    async def close(self) -> None:
        if self._redis_handled is not None:
            await self._redis_handled.close()
        if self.link is not None:
            await self.link.close()


def open_state(settings: Settings) -> SharedState:
    """Memory without REDIS_URL; Redis with it. Nothing connects before start()."""
    if settings.redis_url is None:
        return SharedState()
    from handlers.redis_link import RedisLink, connect
    from handlers.redis_state import RedisConversations, RedisFlood, RedisHandled, RedisReplies

    client = connect(settings.redis_url.get_secret_value(), settings.redis_timeout)
    link = RedisLink(client, settings.redis_address)
    prefix = settings.redis_prefix
    handled = RedisHandled(link, prefix)
    return SharedState(
        conversations=RedisConversations(link, prefix),
        replies=RedisReplies(link, prefix),
        flood=RedisFlood(link, prefix),
        handled=handled,
        link=link,
        _redis_handled=handled,
    )
