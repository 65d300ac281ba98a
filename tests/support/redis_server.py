"""A real `redis-server` (Debian's package) on a free loopback port, persistence off, for the
Redis tests and the benchmark. Never a fake Redis.

Without redis-server the Redis tests skip, saying how to install it; with CI=true they fail,
since CI must run them (.ci/run installs it).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

INSTALL = "apt-get install -y redis-server"


def redis_server_path() -> str | None:
    return shutil.which("redis-server")


def require_redis_server() -> str:
    """The redis-server binary; otherwise skip (a developer machine) or fail (CI)."""
    import pytest  # here: the benchmark uses RedisServer without pytest

    path = redis_server_path()
    if path is not None:
        return path
    reason = f"redis-server is not installed: run `{INSTALL}` (Debian/Ubuntu) to run the Redis tests"
    if os.environ.get("CI") == "true":
        pytest.fail(reason + " (CI=true: the Redis tests must run)")
    pytest.skip(reason)


class RedisServer:
    """One redis-server process; stop() and start() again keep its port, as a restarted
    Redis would. pause() and resume() freeze it (SIGSTOP/SIGCONT): a Redis that is slow."""

    def __init__(self, binary: str, workdir: Path, port: int | None = None) -> None:
        self.binary, self.workdir = binary, workdir
        self.port = port or 0
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self, timeout: float = 15.0) -> None:
        """Start on self.port (a free one the first time; on a clash, another)."""
        for _ in range(5):
            if not self.port:
                self.port = _free_port()
            if self._start_on(self.port, timeout):
                return
            self.port = 0
        raise RuntimeError(f"redis-server did not start; see {self.workdir / 'redis.log'}")

    def stop(self) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)  # a paused server cannot act on SIGTERM
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        self.process = None

    def pause(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGCONT)

    def _start_on(self, port: int, timeout: float) -> bool:
        self.workdir.mkdir(parents=True, exist_ok=True)
        log = open(self.workdir / "redis.log", "ab")  # noqa: SIM115 (kept by the process)
        options = {
            "port": str(port),
            "bind": "127.0.0.1",
            "save": "",  # persistence off: no RDB snapshots ...
            "appendonly": "no",  # ... and no append-only file
            "dir": str(self.workdir),
            "daemonize": "no",
        }
        self.process = subprocess.Popen(
            [self.binary, *(part for name, value in options.items() for part in (f"--{name}", value))],
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                return False  # the port was taken meanwhile
            if _pong(port):
                return True
            time.sleep(0.02)
        self.stop()
        return False

    def __enter__(self) -> RedisServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _pong(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as s:
            s.sendall(b"PING\r\n")
            return s.recv(16).startswith(b"+PONG")
    except OSError:
        return False
