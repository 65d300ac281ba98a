"""Logging that never leaks the token or what people write."""

from __future__ import annotations

import logging
import sys
import threading
from types import TracebackType

# httpx logs every request URL at INFO, and Bot API URLs contain the token.
_QUIET = ("httpx", "httpcore", "apscheduler", "aiohttp.access", "tornado.access")
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class RedactingFormatter(logging.Formatter):
    """Defence in depth: blank out secrets anywhere in a formatted record, tracebacks included
    (an httpx error can carry the request URL, and with it the token)."""

    def __init__(self, secrets: list[str]) -> None:
        super().__init__(FORMAT)
        self.secrets = [s for s in secrets if s]

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record), self.secrets)


def redact(text: str, secrets: list[str]) -> str:
    """`text` with every secret blanked out (the longest first, so none is left half shown)."""
    for secret in sorted((s for s in secrets if s), key=len, reverse=True):
        text = text.replace(secret, "[REDACTED]")
    return text


def setup_logging(level: str, secrets: list[str]) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(RedactingFormatter(secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for name in _QUIET:
        logging.getLogger(name).setLevel(logging.WARNING)
    # Python prints an uncaught exception's traceback itself, around the formatter: route every
    # one through it, so no token can leak that way either.
    sys.excepthook = _log_uncaught
    threading.excepthook = lambda args: _log_uncaught(args.exc_type, args.exc_value, args.exc_traceback)


def _log_uncaught(
    kind: type[BaseException], value: BaseException | None, trace: TracebackType | None
) -> None:
    logging.getLogger("bot").critical("uncaught exception", exc_info=(kind, value or kind(), trace))
