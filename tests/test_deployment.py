"""The container image and compose file, checked by reading them (no Docker engine here): a
slim multi-stage image run by an unprivileged user, `python -m bot` as its entry point, a
health check that works in both modes, and Redis up and healthy before the bot starts.
The health check itself runs against the bot's real HTTP server."""

from __future__ import annotations

import asyncio
import fnmatch
import json
import re
import shlex
import sys
from pathlib import Path

import pytest
import yaml

from bot.healthcheck import health_url
from bot.http_server import HttpServer
from bot.settings import Settings
from handlers.metrics import Metrics
from tests.support.e2e import free_port

ROOT = Path(__file__).parents[1]
SHIPPED = ("knowledge", "handlers", "bot")  # pyproject's packages


def instructions(text: str) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) per instruction: continuations joined, comments dropped."""
    lines: list[str] = []
    pending = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if line.startswith("#"):
            continue  # a comment inside a continued instruction
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        lines.append(pending + line)
        pending = ""
    return [(line.split(None, 1)[0].upper(), line.split(None, 1)[1]) for line in lines]


def stages(text: str) -> list[list[tuple[str, str]]]:
    """The instructions of each stage, with ${ARG} defaults given before the first FROM."""
    args: dict[str, str] = {}
    found: list[list[tuple[str, str]]] = []
    for name, rest in instructions(text):
        if name == "ARG" and not found:
            key, _, default = rest.partition("=")
            args[key] = default
            continue
        rest = re.sub(r"\$\{(\w+)\}", lambda m: args.get(m.group(1), m.group(0)), rest)
        if name == "FROM":
            found.append([])
        found[-1].append((name, rest))
    return found


def exec_form(rest: str) -> list[str]:
    value = json.loads(rest)
    assert isinstance(value, list), f"not the exec (JSON) form: {rest}"
    return value


@pytest.fixture(scope="module")
def dockerfile() -> list[list[tuple[str, str]]]:
    return stages((ROOT / "Dockerfile").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))


def test_the_image_is_multi_stage_on_a_slim_python(dockerfile) -> None:
    assert len(dockerfile) >= 2
    froms = [stage[0][1].split() for stage in dockerfile]
    assert len(froms[0]) == 3 and froms[0][1].upper() == "AS", froms[0]  # a named build stage
    final_base = froms[-1][0]
    assert re.fullmatch(r"python:3\.1[1-9][\w.]*-slim[\w-]*", final_base), final_base
    assert froms[0][0] == final_base  # built and run on the same Python
    final = dockerfile[-1]
    copies = [rest for name, rest in final if name == "COPY"]
    assert any(c.startswith("--from=build ") and "/opt/venv" in c for c in copies), copies
    # Nothing is built in the final stage: no compiler, no package installs.
    runs = " ".join(rest for name, rest in final if name == "RUN")
    for tool in ("apt-get install", "gcc", "build-essential", "pip install", "-dev"):
        assert tool not in runs, tool


def test_the_image_builds_offline() -> None:
    """No parser directive (`# syntax=...`): BuildKit would pull a frontend image from a
    registry before the build starts, which fails offline or behind a mirror."""
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    leading = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        leading.append(line)
    assert not any(re.match(r"#\s*syntax\s*=", line, re.I) for line in leading)


def test_the_bot_runs_as_an_unprivileged_user(dockerfile) -> None:
    final = dockerfile[-1]
    users = [i for i, (name, _) in enumerate(final) if name == "USER"]
    assert users, "the final stage sets no USER"
    user = final[users[-1]][1].split(":")[0]
    assert user not in ("root", "0") and (not user.isdigit() or int(user) >= 1000), user
    # Set after every RUN, so that nothing at run time is root's; and the user exists.
    assert all(name != "RUN" for name, _ in final[users[-1] :])
    runs = " ".join(rest for name, rest in final if name == "RUN")
    assert re.search(rf"useradd\b.*--uid {user}\b", runs), runs


def test_entry_point_and_health_check(dockerfile) -> None:
    final = dict(dockerfile[-1])
    assert exec_form(final["ENTRYPOINT"]) == ["python", "-m", "bot"]
    health = final["HEALTHCHECK"]
    options, _, command = health.partition("CMD")
    assert "--interval=" in options and "--timeout=" in options
    assert exec_form(command.strip()) == ["python", "-m", "bot.healthcheck"]
    # /healthz is served in both modes with what the image sets (polling needs METRICS_PORT).
    env = dict(
        pair.split("=", 1) for name, rest in dockerfile[-1] if name == "ENV" for pair in shlex.split(rest)
    )
    assert health_url(env) == "http://127.0.0.1:9100/healthz"
    assert health_url({**env, "BOT_MODE": "webhook"}) == "http://127.0.0.1:8443/healthz"
    assert env["WEBHOOK_LISTEN"] == "0.0.0.0"  # reachable from the proxy outside the container
    exposed = {p for name, rest in dockerfile[-1] if name == "EXPOSE" for p in rest.split()}
    assert {env["WEBHOOK_PORT"], env["METRICS_PORT"]} <= exposed


def test_the_build_context_holds_the_package_and_never_the_env_file(dockerfile) -> None:
    patterns = [
        line.strip()
        for line in (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]

    def sent(path: str) -> bool:  # .dockerignore: the last matching pattern decides
        keep = True
        for pattern in patterns:
            negated = pattern.startswith("!")
            bare = pattern.lstrip("!").rstrip("/")
            if fnmatch.fnmatch(path, bare) or path.startswith(bare + "/"):
                keep = negated
        return keep

    sources = [
        rest.split()[0]
        for stage in dockerfile
        for name, rest in stage
        if name == "COPY" and not rest.startswith("--from")
    ]
    for source in sources:
        assert (ROOT / source).exists(), source
        assert sent(source), f"{source} is left out of the build context"
    assert set(SHIPPED) <= set(sources)
    for secret in (".env", ".venv", ".git", "tests"):
        assert not sent(secret), secret


def test_compose_runs_the_bot_on_a_healthy_redis(compose) -> None:
    services = compose["services"]
    redis, bot = services["redis"], services["bot"]
    assert redis["image"].startswith("redis:")
    assert redis["healthcheck"]["test"][-2:] == ["redis-cli", "ping"]
    command = redis["command"]
    assert command[command.index("--save") + 1] == "" and command[command.index("--appendonly") + 1] == "no"
    assert bot["build"] == "." and (ROOT / "Dockerfile").exists()
    assert bot["depends_on"]["redis"]["condition"] == "service_healthy"
    assert bot["healthcheck"]["test"] == ["CMD", "python", "-m", "bot.healthcheck"]
    env = {k: str(v) for k, v in bot["environment"].items()}
    assert set(env) <= {name.upper() for name in Settings.model_fields}, env  # no typo'd setting
    assert env["BOT_MODE"] == "webhook" and env["WEBHOOK_LISTEN"] == "0.0.0.0"
    settings = Settings(redis_url=env["REDIS_URL"], redis_prefix=env["REDIS_PREFIX"], _env_file=None)
    assert settings.redis_address.split(":")[0] == "redis"  # the service's name
    assert all(port.endswith(":" + env["WEBHOOK_PORT"]) for port in bot["ports"])
    assert bot["deploy"]["replicas"] >= 2
    grace = int(bot["stop_grace_period"].rstrip("s"))
    assert grace > Settings(_env_file=None).shutdown_grace


def test_health_url_follows_the_mode_and_address() -> None:
    assert health_url({}) is None  # polling without METRICS_PORT serves no /healthz
    assert health_url({"METRICS_PORT": "9100"}) == "http://127.0.0.1:9100/healthz"
    webhook = {"BOT_MODE": "WEBHOOK", "WEBHOOK_LISTEN": "::", "WEBHOOK_PORT": "8000"}
    assert health_url(webhook) == "http://127.0.0.1:8000/healthz"
    assert health_url({**webhook, "WEBHOOK_LISTEN": "::1"}) == "http://[::1]:8000/healthz"


async def run_healthcheck(env: dict[str, str]) -> tuple[int, str]:
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot.healthcheck",
        env={"PYTHONPATH": str(ROOT), **env},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    out, _ = await asyncio.wait_for(proc.communicate(), 30)
    assert proc.returncode is not None
    return proc.returncode, out.decode()


async def test_the_health_check_asks_the_running_server() -> None:
    port = free_port()
    env = {"METRICS_PORT": str(port)}
    server = HttpServer(Metrics(), lambda: {"knowledge_loaded": True})
    await server.start("127.0.0.1", port)
    try:
        assert await run_healthcheck(env) == (0, "")
    finally:
        await server.stop()
    code, out = await run_healthcheck(env)
    assert code == 1 and "unhealthy" in out
    code, out = await run_healthcheck({})
    assert code == 1 and "METRICS_PORT" in out
