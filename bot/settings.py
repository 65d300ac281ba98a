"""Settings from the environment and `.env`, validated once at start-up."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal
from urllib.parse import unquote, urlsplit

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from knowledge import DEFAULT_KNOWLEDGE_DIR

PUBLIC_API = "https://api.telegram.org/bot"
_TOKEN = re.compile(r"^\d+:[A-Za-z0-9_-]+$")
# Telegram allows 1-256 characters A-Z, a-z, 0-9, _ and - in a webhook secret.
_SECRET = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
# Seconds between retries of a failed Bot API request (bot/request.py).
BACKOFF = (0.2, 0.5, 1.0, 2.0, 4.0, 8.0)
_REDIS_SCHEMES = ("redis", "rediss", "unix")
# A key prefix: printable ASCII without spaces, so that keys stay readable in redis-cli.
_PREFIX = re.compile(r"^[!-~]{1,64}$")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        frozen=True,
        hide_input_in_errors=True,
    )

    telegram_bot_token: SecretStr | None = None
    telegram_api_base_url: str = PUBLIC_API
    bot_mode: Literal["polling", "webhook"] = "polling"
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = Field(default=8443, ge=1, le=65535)
    knowledge_dir: Path = DEFAULT_KNOWLEDGE_DIR
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] = "INFO"
    # Seconds between retries of a failed Bot API request, comma-separated.
    bot_api_retry_backoff: str = ",".join(str(s) for s in BACKOFF)
    # Polling mode: serve /healthz, /readyz and /metrics on this port (webhook mode serves them
    # beside the webhook).
    metrics_port: int | None = Field(default=None, ge=1, le=65535)
    metrics_listen: str = "127.0.0.1"
    # Seconds a stop (SIGTERM) waits for the updates being handled; the rest are delivered again.
    shutdown_grace: float = Field(default=8.0, ge=0, le=120)
    # Messages a second the bot sends at most: Telegram's limit for a bot is about 30.
    send_rate: float = Field(default=30.0, gt=0, le=1000)
    # Seconds our HTTP server waits for a request's headers, and then for its body.
    http_timeout: float = Field(default=10.0, gt=0, le=300)
    # Seconds a conversation's context (topics, section, advice level; never text) is kept
    # after its last message, so that "is it safe?" knows what "it" is.
    context_ttl: float = Field(default=1800.0, gt=0, le=7 * 24 * 3600)
    # Several replicas share their state in Redis (unset: in this process's memory). The URL may
    # hold a password: a secret, never printed or logged.
    redis_url: SecretStr | None = None
    # Every key starts with this, so that several bots can share one Redis.
    redis_prefix: str = "remedybot:"
    # Seconds to wait for Redis to connect or answer before answering without it.
    redis_timeout: float = Field(default=1.0, ge=0.05, le=30)

    # A chat (an operator's own, or a group of them) told in a short notice when a handler fails.
    admin_chat_id: int | None = None

    @field_validator(
        "telegram_bot_token",
        "webhook_secret",
        "webhook_url",
        "metrics_port",
        "redis_url",
        "admin_chat_id",
        mode="before",
    )
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("telegram_bot_token")
    @classmethod
    def _token_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not _TOKEN.match(value.get_secret_value()):
            raise ValueError("does not look like a bot token from @BotFather (digits:letters)")
        return value

    @field_validator("webhook_secret")
    @classmethod
    def _secret_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not _SECRET.match(value.get_secret_value()):
            raise ValueError("must be 1-256 characters of A-Z, a-z, 0-9, _ and -")
        return value

    @field_validator("telegram_api_base_url", "webhook_url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is None:
            return value
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError("must be an http:// or https:// URL")
        return value

    @field_validator("webhook_url")
    @classmethod
    def _https(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith("https://"):
            raise ValueError("must be an https:// URL: Telegram only delivers webhooks over HTTPS")
        return value

    @field_validator("redis_url")
    @classmethod
    def _redis_url(cls, value: SecretStr | None) -> SecretStr | None:
        """Reject what redis-py could not connect to, in words that never repeat the URL."""
        if value is None:
            return value
        url = value.get_secret_value()
        try:
            parts = urlsplit(url)
            scheme, port = parts.scheme.lower(), parts.port  # .port raises on a bad port
        except ValueError:
            raise ValueError("is not a valid URL (check the port)") from None
        if scheme not in _REDIS_SCHEMES or "://" not in url:
            raise ValueError("must be a redis://, rediss:// or unix:// URL")
        if scheme == "unix":
            if not parts.path:
                raise ValueError("a unix:// URL needs the socket's path")
        else:
            if not parts.hostname:
                raise ValueError("needs a host, e.g. redis://redis:6379/0")
            if port == 0:
                raise ValueError("the port must be 1-65535")
            db = parts.path.strip("/")
            if db and not db.isdigit():
                raise ValueError("the path must be a database number, e.g. /0")
        from redis.asyncio.connection import parse_url  # here: the console and `ask` never pay for it

        try:
            parse_url(url)
        except ValueError:
            raise ValueError("has an option redis-py cannot read") from None
        return value

    @field_validator("redis_prefix")
    @classmethod
    def _prefix(cls, value: str) -> str:
        if not _PREFIX.match(value):
            raise ValueError("must be 1-64 printable characters without spaces")
        return value

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value

    @field_validator("knowledge_dir")
    @classmethod
    def _is_directory(cls, value: Path) -> Path:
        if not value.is_dir():
            raise ValueError("is not a directory")
        return value

    @model_validator(mode="after")
    def _webhook_needs_url_and_secret(self) -> Settings:
        if self.bot_mode == "webhook":
            missing = [n for n in ("webhook_url", "webhook_secret") if getattr(self, n) is None]
            if missing:
                raise ValueError("BOT_MODE=webhook needs " + " and ".join(m.upper() for m in missing))
        return self

    @field_validator("bot_api_retry_backoff")
    @classmethod
    def _backoff(cls, value: str) -> str:
        parts = [p.strip() for p in value.split(",") if p.strip()]
        try:
            seconds = [float(p) for p in parts]
        except ValueError:
            raise ValueError("must be seconds separated by commas, e.g. 0.2,0.5,1") from None
        if not seconds or any(not 0 <= s <= 60 for s in seconds) or len(seconds) > 20:
            raise ValueError("must be 1 to 20 delays of 0 to 60 seconds")
        return value

    @property
    def retry_backoff(self) -> tuple[float, ...]:
        return tuple(float(p) for p in self.bot_api_retry_backoff.split(",") if p.strip())

    @property
    def api_base_url(self) -> str:
        """PTB appends the token to this; a server root such as http://host:8081 gets /bot."""
        base = self.telegram_api_base_url.rstrip("/")
        return base if base.endswith("/bot") else base + "/bot"

    @property
    def redis_address(self) -> str:
        """Where Redis is, for log lines: host and port (or socket path) and database, never
        the user name or password."""
        if self.redis_url is None:
            return ""
        parts = urlsplit(self.redis_url.get_secret_value())
        if parts.scheme.lower() == "unix":
            return parts.path
        return f"{parts.hostname}:{parts.port or 6379}/{parts.path.strip('/') or '0'}"

    def secrets(self) -> list[str]:
        """Every secret a log line or an error could carry, for redaction: the token, the
        webhook secret, and the user name and password of each URL setting (raw and decoded)."""
        found = [s.get_secret_value() for s in (self.telegram_bot_token, self.webhook_secret) if s]
        redis = self.redis_url.get_secret_value() if self.redis_url is not None else None
        for url in (self.telegram_api_base_url, self.webhook_url, redis):
            found += url_credentials(url)
        return sorted(set(found), key=len, reverse=True)  # the longest first: no half-redacted one

    @property
    def webhook_path(self) -> str:
        return urlsplit(self.webhook_url or "").path.lstrip("/")


def url_credentials(url: str | None) -> list[str]:
    """The user info of a URL ("user:password"), its user name and password, raw and decoded."""
    if not url:
        return []
    try:
        parts = urlsplit(url)
    except ValueError:
        return []
    userinfo = parts.netloc.rpartition("@")[0] if "@" in parts.netloc else ""
    pieces = [userinfo, *userinfo.split(":", 1)] if userinfo else []
    return [p for raw in pieces for p in {raw, unquote(raw)} if p]


def without_credentials(url: str) -> str:
    """A URL's scheme, host and port, for messages: never its user info, path or query (the
    Bot API's path holds the token)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    try:
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        port = ""
    return f"{parts.scheme}://{host}{port}"


def describe_error(error: ValidationError) -> str:
    """Name each bad variable, never its value (it may be the token)."""
    lines = []
    for e in error.errors():
        names = [str(p).upper() for p in e["loc"] if isinstance(p, str)]
        name = names[0] if names else "configuration"
        lines.append(f"{name}: {e['msg']}")
    return "invalid configuration:\n  " + "\n  ".join(lines)
