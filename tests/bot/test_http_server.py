"""The accept-error filter: descriptors running out log one line per interval, not a flood."""

from __future__ import annotations

import asyncio
import errno
import logging

import pytest

from bot.http_server import AcceptErrorFilter


def test_accept_errors_log_one_line_per_interval(caplog: pytest.LogCaptureFixture) -> None:
    now = [0.0]
    accept = AcceptErrorFilter(interval=10, clock=lambda: now[0])
    loop = asyncio.new_event_loop()
    try:
        error = OSError(errno.EMFILE, "Too many open files")
        with caplog.at_level(logging.ERROR):
            for second in range(30):
                now[0] = float(second)
                accept(loop, {"message": "socket.accept() out of system resource", "exception": error})
    finally:
        loop.close()
    lines = [r for r in caplog.records if "cannot accept" in r.getMessage()]
    assert len(lines) == 3 and all(r.exc_info is None for r in lines)
    assert "(9 more since)" in lines[1].getMessage()
