"""The Redis test server helper: skip on a developer machine without redis-server (saying how
to install it), fail on CI; and a server that stops, restarts on its port, and freezes."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from tests.support import redis_server as helper


def test_without_redis_server_a_developer_skips_and_ci_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(helper, "redis_server_path", lambda: None)
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="apt-get install -y redis-server"):
        helper.require_redis_server()
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true"):
        helper.require_redis_server()


def test_the_server_restarts_on_its_port_and_freezes(tmp_path: Path) -> None:
    server = helper.RedisServer(helper.require_redis_server(), tmp_path)
    with server:
        port = server.port
        assert helper._pong(port)
        server.pause()
        with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
            s.sendall(b"PING\r\n")
            s.settimeout(0.3)
            with pytest.raises(TimeoutError):
                s.recv(16)  # frozen: it accepts, but never answers
        server.resume()
        assert helper._pong(port)
        server.stop()
        assert not helper._pong(port)
        server.start()
        assert server.port == port and helper._pong(port)
    assert not helper._pong(port)
