"""What the handlers share, kept in `application.bot_data` under one key."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.memory import FloodGuard, ReplyMemory
from knowledge.engine import Engine

KEY = "services"


@dataclass
class Services:
    engine: Engine
    replies: ReplyMemory = field(default_factory=ReplyMemory)
    flood: FloodGuard = field(default_factory=FloodGuard)
