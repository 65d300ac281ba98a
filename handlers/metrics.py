"""What an operator can watch, in Prometheus' text format. Labels are kinds, levels, platforms
and method names only: never message text, a user id, a chat id or a phone number.

The series without a platform label count every platform together (their names and labels
are what dashboards already read); `bot_platform_*` split them by platform."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest

# Seconds: most answers take a few milliseconds; sends wait for Telegram and the rate limiter.
_LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)


class Metrics:
    """One registry per application, so that several can live in one process (tests)."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self.updates = Counter("bot_updates", "Updates received, by type", ["type"], registry=r)
        self.updates_invalid = Counter(
            "bot_updates_invalid", "Updates that could not be read, skipped", registry=r
        )
        self.updates_duplicate = Counter(
            "bot_updates_duplicate", "Updates delivered again and not answered twice", registry=r
        )
        self.replies = Counter("bot_replies", "Answers given, by kind of reply", ["kind"], registry=r)
        self.escalations = Counter(
            "bot_escalations", "Answers with safety advice, by level", ["level"], registry=r
        )
        self.platform_updates = Counter(
            "bot_platform_updates", "Messages and presses received, by platform", ["platform"], registry=r
        )
        self.platform_replies = Counter(
            "bot_platform_replies", "Answers given, by platform and level", ["platform", "level"], registry=r
        )
        self.whatsapp_skipped = Counter(
            "bot_whatsapp_skipped",
            "WhatsApp messages not answered, by reason (duplicate, window, not_text)",
            ["reason"],
            registry=r,
        )
        self.handler_seconds = Histogram(
            "bot_handler_seconds", "Time to handle one update", buckets=_LATENCY_BUCKETS, registry=r
        )
        self.api_errors = Counter(
            "bot_api_errors",
            "Bot API requests that failed, by method and kind",
            ["method", "kind"],
            registry=r,
        )
        self.api_retries = Counter(
            "bot_api_retries", "Bot API requests retried, by method", ["method"], registry=r
        )
        self.webhook_rejected = Counter(
            "bot_webhook_rejected", "Webhook requests refused, by reason", ["reason"], registry=r
        )
        self._answered: dict[tuple[str, str, str], tuple[Counter, ...]] = {}

    def answered(self, kind: str, level: str, platform: str = "telegram") -> None:
        # The counters of a kind, level and platform, looked up once (`labels` checks and
        # hashes the label values on every call; a turn counts one answer).
        counters = self._answered.get((kind, level, platform))
        if counters is None:
            counters = (self.replies.labels(kind), self.platform_replies.labels(platform, level))
            if level != "none":
                counters += (self.escalations.labels(level),)
            self._answered[(kind, level, platform)] = counters
        for counter in counters:
            counter.inc()

    def exposition(self) -> bytes:
        return generate_latest(self.registry)
