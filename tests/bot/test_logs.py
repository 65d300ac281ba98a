"""Log redaction and quiet loggers."""

from __future__ import annotations

import logging

from bot.logs import RedactingFormatter, setup_logging


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
