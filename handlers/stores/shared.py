"""Where the state lives: this process's memory, or Redis when a URL is given (several
replicas then share one conversation context, edit map, flood guard and list of handled
updates). The composition root (bot/serve.py), the tests and the benchmark get it here and
hand it to every platform; nothing here knows a platform or reads settings."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from handlers.stores.memory import FloodGuard, HandledUpdates, MemoryConversations, ReplyMemory
from handlers.stores.protocols import ConversationStore, FloodCheck, HandledLog, ReplyMap

if TYPE_CHECKING:  # redis is imported only when it is used: the console never pays for it
    from handlers.stores.redis import RedisHandled
    from handlers.stores.redis_link import RedisLink


@dataclass
class SharedState:
    conversations: ConversationStore = field(default_factory=MemoryConversations)
    replies: ReplyMap = field(default_factory=ReplyMemory)
    flood: FloodCheck = field(default_factory=FloodGuard)
    handled: HandledLog = field(default_factory=HandledUpdates)
    link: RedisLink | None = None
    _redis_handled: RedisHandled | None = None

    @property
    def shared(self) -> bool:
        """Whether the state is shared by replicas (in Redis), for what /privacy says."""
        return self.link is not None

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


@dataclass(frozen=True)
class RedisConfig:
    """REDIS_URL and its companions, as plain values: the URL (a secret: never logged), the
    address to log instead, the key prefix and the timeout."""

    url: str
    address: str
    prefix: str
    timeout: float


def open_state(redis: RedisConfig | None) -> SharedState:
    """Memory without Redis; Redis with it. Nothing connects before start()."""
    if redis is None:
        return SharedState()
    from handlers.stores.redis import RedisConversations, RedisFlood, RedisHandled, RedisReplies
    from handlers.stores.redis_link import RedisLink, connect

    link = RedisLink(connect(redis.url, redis.timeout), redis.address)
    handled = RedisHandled(link, redis.prefix)
    return SharedState(
        conversations=RedisConversations(link, redis.prefix),
        replies=RedisReplies(link, redis.prefix),
        flood=RedisFlood(link, redis.prefix),
        handled=handled,
        link=link,
        _redis_handled=handled,
    )
