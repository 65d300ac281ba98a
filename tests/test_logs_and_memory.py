"""Log redaction, and the bounded in-memory state (reply map, flood guard)."""

from __future__ import annotations

import logging

from bot.logs import RedactingFormatter, setup_logging
from bot.memory import FloodGuard, ReplyMemory


def test_formatter_redacts_secrets_even_in_tracebacks() -> None:
    formatter = RedactingFormatter(["123:SECRET"])
    try:
        raise RuntimeError("GET https://api/bot123:SECRET/getMe failed")
    except RuntimeError:
        import sys

        record = logging.LogRecord(
            "x", logging.ERROR, __file__, 1, "url %s", ("bot123:SECRET",), sys.exc_info()
        )
    text = formatter.format(record)
    assert "SECRET" not in text and "[REDACTED]" in text


def test_setup_logging_silences_httpx() -> None:
    setup_logging("INFO", ["t"])
    assert logging.getLogger("httpx").getEffectiveLevel() >= logging.WARNING


def test_reply_memory_is_bounded() -> None:
    memory = ReplyMemory(capacity=3)
    for i in range(5):
        memory.remember(1, i, [100 + i], "d" if i == 4 else "")
    assert len(memory) == 3
    assert memory.recall(1, 0) is None and memory.recall(1, 4) == ((104,), "d")


def test_flood_guard_recovers_when_user_slows_down() -> None:
    now = [0.0]
    guard = FloodGuard(limit=3, window=10, clock=lambda: now[0])
    assert [guard.check(7) for _ in range(6)] == ["ok", "ok", "ok", "notice", "drop", "drop"]
    assert guard.check(8) == "ok"  # other users unaffected
    now[0] = 30.0
    assert guard.check(7) == "ok"
