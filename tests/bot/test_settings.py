"""Settings: every variable documented, bad values named (never echoed), non-zero exit."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from bot.settings import Settings, describe_error

ROOT = Path(__file__).parents[2]
VARIABLES = [
    "TELEGRAM_BOT_TOKEN",
    "TELEGRAM_API_BASE_URL",
    "BOT_MODE",
    "WEBHOOK_URL",
    "WEBHOOK_SECRET",
    "WEBHOOK_LISTEN",
    "WEBHOOK_PORT",
    "KNOWLEDGE_DIR",
    "LOG_LEVEL",
    "BOT_API_RETRY_BACKOFF",
    "METRICS_PORT",
    "METRICS_LISTEN",
    "SHUTDOWN_GRACE",
    "HTTP_TIMEOUT",
    "SEND_RATE",
    "CONTEXT_TTL",
    "REDIS_URL",
    "REDIS_PREFIX",
    "REDIS_TIMEOUT",
    "ADMIN_CHAT_ID",
    "WHATSAPP_PHONE_NUMBER_ID",
    "WHATSAPP_ACCESS_TOKEN",
    "WHATSAPP_APP_SECRET",
    "WHATSAPP_VERIFY_TOKEN",
    "WHATSAPP_API_BASE_URL",
]


def test_env_example_documents_every_setting() -> None:
    example = (ROOT / ".env.example").read_text(encoding="utf-8")
    documented = set(re.findall(r"^#?\s*([A-Z_]+)=", example, flags=re.MULTILINE))
    assert documented == set(VARIABLES) == {f.upper() for f in Settings.model_fields}


def test_defaults_mean_console_mode() -> None:
    s = Settings(_env_file=None)
    assert s.telegram_bot_token is None and s.bot_mode == "polling"
    assert s.api_base_url == "https://api.telegram.org/bot"


def test_base_url_gets_bot_suffix() -> None:
    assert Settings(telegram_api_base_url="http://127.0.0.1:8081/", _env_file=None).api_base_url == (
        "http://127.0.0.1:8081/bot"
    )


def test_retry_backoff_is_read_from_the_environment(monkeypatch) -> None:
    monkeypatch.setenv("BOT_API_RETRY_BACKOFF", "0.05, 0.1,1")
    assert Settings(_env_file=None).retry_backoff == (0.05, 0.1, 1.0)


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"TELEGRAM_BOT_TOKEN": "not-a-token"}, "TELEGRAM_BOT_TOKEN"),
        ({"TELEGRAM_API_BASE_URL": "ftp://x"}, "TELEGRAM_API_BASE_URL"),
        ({"BOT_MODE": "carrier-pigeon"}, "BOT_MODE"),
        ({"BOT_MODE": "webhook"}, "WEBHOOK_URL"),
        ({"BOT_MODE": "webhook", "WEBHOOK_URL": "https://x.example/hook"}, "WEBHOOK_SECRET"),
        ({"WEBHOOK_SECRET": "has spaces!"}, "WEBHOOK_SECRET"),
        ({"WEBHOOK_URL": "http://plain.example/hook"}, "WEBHOOK_URL"),
        ({"WEBHOOK_PORT": "70000"}, "WEBHOOK_PORT"),
        ({"WEBHOOK_PORT": "abc"}, "WEBHOOK_PORT"),
        ({"KNOWLEDGE_DIR": "/nonexistent/dir"}, "KNOWLEDGE_DIR"),
        ({"LOG_LEVEL": "LOUD"}, "LOG_LEVEL"),
        ({"BOT_API_RETRY_BACKOFF": "soon"}, "BOT_API_RETRY_BACKOFF"),
        ({"BOT_API_RETRY_BACKOFF": "1,-2"}, "BOT_API_RETRY_BACKOFF"),
        ({"BOT_API_RETRY_BACKOFF": ""}, "BOT_API_RETRY_BACKOFF"),
        ({"METRICS_PORT": "0"}, "METRICS_PORT"),
        ({"SHUTDOWN_GRACE": "-1"}, "SHUTDOWN_GRACE"),
        ({"HTTP_TIMEOUT": "0"}, "HTTP_TIMEOUT"),
        ({"SEND_RATE": "lots"}, "SEND_RATE"),
        ({"REDIS_URL": "http://user:hunter2@cache.example:6379"}, "REDIS_URL"),
        ({"REDIS_URL": "redis://:hunter2@"}, "REDIS_URL"),
        ({"REDIS_URL": "redis://:hunter2@cache.example:99999/0"}, "REDIS_URL"),
        ({"REDIS_URL": "redis://:hunter2@cache.example:6379/zero"}, "REDIS_URL"),
        ({"REDIS_URL": "redis://:hunter2@cache.example/0?socket_timeout=soon"}, "REDIS_URL"),
        ({"REDIS_URL": "unix://:hunter2@"}, "REDIS_URL"),
        ({"REDIS_PREFIX": "my bot:"}, "REDIS_PREFIX"),
        ({"REDIS_TIMEOUT": "0"}, "REDIS_TIMEOUT"),
    ],
)
def test_bad_value_is_named_and_never_echoed(monkeypatch, env: dict[str, str], named: str) -> None:
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    with pytest.raises(ValidationError) as info:
        Settings(_env_file=None)
    message = describe_error(info.value)
    assert named in message
    for key, value in env.items():
        if key != "BOT_MODE":  # "BOT_MODE=webhook needs ..." names a mode, not what was typed
            assert len(value) < 3 or value not in message, message
    assert "hunter2" not in message and "cache.example" not in message


def test_redis_settings_and_an_address_without_the_password() -> None:
    s = Settings(redis_url="redis://app:hunter2@cache.example:6380/2", _env_file=None)
    assert s.redis_prefix == "remedybot:" and s.redis_timeout == 1.0
    assert s.redis_address == "cache.example:6380/2"
    assert "hunter2" not in repr(s) and "hunter2" not in str(s.model_dump())
    assert Settings(redis_url="unix:///run/redis.sock", _env_file=None).redis_address == "/run/redis.sock"
    assert Settings(redis_url="  ", _env_file=None).redis_url is None  # blank is unset


def test_a_bad_redis_url_exits_2_and_never_prints_it(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "REDIS_"))}
    env.update(TELEGRAM_BOT_TOKEN="123456:abcdef", REDIS_URL="redis://admin:hunter2@cache.example:port/0")
    result = subprocess.run(
        [sys.executable, "-m", "bot"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "REDIS_URL" in result.stderr and "Traceback" not in result.stderr
    assert "hunter2" not in result.stderr + result.stdout and "admin" not in result.stderr


def test_an_unreadable_env_file_is_named_exit_2(tmp_path: Path) -> None:
    (tmp_path / ".env").write_bytes(b"LOG_LEVEL=\xff\xfe debug\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "LOG_"))}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "zinc"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert ".env" in result.stderr and "Traceback" not in result.stderr


def test_cli_exits_non_zero_and_never_prints_the_token(tmp_path: Path) -> None:
    token = "123456:abc def"  # malformed on purpose
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": token}
    result = subprocess.run(
        [sys.executable, "-m", "bot"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "TELEGRAM_BOT_TOKEN" in result.stderr
    assert "abc def" not in result.stderr + result.stdout


def test_dotenv_file_is_read(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / ".env").write_text("LOG_LEVEL=debug\nTELEGRAM_BOT_TOKEN=\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    s = Settings()
    assert s.log_level == "DEBUG" and s.telegram_bot_token is None
