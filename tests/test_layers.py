"""The house's one-way flow, checked on every import in the source: bot -> handlers -> knowledge.

- knowledge/ imports no platform (telegram, pywa), nor bot nor handlers;
- handlers/ never imports bot, and reaches knowledge only through its public surface;
- handlers/telegram/ and handlers/whatsapp/ never import each other's platform, and the shared
  part of handlers/ imports neither;
- a conversation's turn (its context read and written, the edit map) is written only in the
  conversation service (handlers/service.py);
- nothing imports a private module of python-telegram-bot (telegram._*, telegram.ext._*).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import knowledge

ROOT = Path(__file__).parents[1]
PACKAGES = ("knowledge", "handlers", "bot")


def imports(path: Path) -> list[str]:
    """Every module a file imports, absolute; "from x import y" also counts as "x.y"."""
    found: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append(node.module)
            found += [f"{node.module}.{alias.name}" for alias in node.names]
    return found


def sources(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


def under(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


@pytest.mark.parametrize("path", sources("knowledge"), ids=lambda p: str(p.relative_to(ROOT)))
def test_knowledge_imports_no_framework_and_no_outer_layer(path: Path) -> None:
    bad = [m for m in imports(path) if any(under(m, p) for p in ("telegram", "bot", "handlers"))]
    assert not bad, bad


@pytest.mark.parametrize("path", sources("handlers"), ids=lambda p: str(p.relative_to(ROOT)))
def test_handlers_never_import_bot_and_use_knowledges_public_surface(path: Path) -> None:
    found = imports(path)
    assert not [m for m in found if under(m, "bot")]
    deep = [m for m in found if under(m, "knowledge") and m.count(".") > 1]
    deep += [m for m in found if m.startswith("knowledge.") and m.split(".")[1] not in knowledge.__all__]
    assert not deep, f"handlers import knowledge's internals: {deep}"


@pytest.mark.parametrize(
    "path",
    [p for pkg in (*PACKAGES, "tests", "bench") for p in sources(pkg)],
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_no_private_telegram_module(path: Path) -> None:
    private = [
        m
        for m in imports(path)
        if under(m, "telegram") and any(part.startswith("_") for part in m.split(".")[1:])
    ]
    assert not private, private


def test_the_check_sees_a_violation(tmp_path: Path) -> None:
    """The checks above can fail: a file with each kind of bad import is caught."""
    bad = tmp_path / "bad.py"
    bad.write_text(
        "import bot.app\nfrom telegram._utils.types import JSONDict\n"
        "from knowledge.engine import Engine\nfrom telegram.ext import _updater\n",
        encoding="utf-8",
    )
    found = imports(bad)
    assert "bot.app" in found and "telegram._utils.types" in found
    assert "knowledge.engine" in found and "telegram.ext._updater" in found


# ---- the platforms (issue 23) --------------------------------------------------------------

PLATFORMS = {
    "telegram": ("telegram", "handlers.telegram"),
    "whatsapp": ("pywa", "pywa_async", "handlers.whatsapp"),
}
EVERY_PLATFORM = tuple(m for mods in PLATFORMS.values() for m in mods)


def platform_of(path: Path) -> str | None:
    parts = path.relative_to(ROOT).parts
    return parts[1] if parts[0] == "handlers" and len(parts) > 2 and parts[1] in PLATFORMS else None


@pytest.mark.parametrize("path", sources("knowledge"), ids=lambda p: str(p.relative_to(ROOT)))
def test_knowledge_imports_no_platform(path: Path) -> None:
    bad = [m for m in imports(path) if any(under(m, p) for p in EVERY_PLATFORM)]
    assert not bad, bad


@pytest.mark.parametrize("path", sources("handlers"), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_platform_imports_another_and_the_shared_part_imports_none(path: Path) -> None:
    """handlers/telegram/ and handlers/whatsapp/ each import only their own platform; the rest
    of handlers/ (the service, the stores, the codec, the splitter) imports neither."""
    own = platform_of(path)
    foreign = [m for name, mods in PLATFORMS.items() if name != own for m in mods]
    bad = [m for m in imports(path) if any(under(m, p) for p in foreign)]
    assert not bad, f"{path.relative_to(ROOT)} ({own or 'shared'}) imports {bad}"


# The turn: a conversation's context read or written (Conversations.turn, Engine.after), the
# edit map (remember, recall), the engine answering in a context (engine.answer(text, context)).
TURN_CALLS = frozenset(("turn", "after", "remember", "recall"))
SERVICE = ROOT / "handlers" / "service.py"


def turn_calls(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            name, owner = node.func.attr, node.func.value
            engine = (isinstance(owner, ast.Name) and owner.id == "engine") or (
                isinstance(owner, ast.Attribute) and owner.attr == "engine"
            )
            # Engine.answer with a context: the second positional argument, or named (a reply's
            # language and region alone are no context).
            with_context = len(node.args) >= 2 or any(k.arg == "conversation" for k in node.keywords)
            in_context = name == "answer" and engine and with_context
            if name in TURN_CALLS or in_context:
                found.append(f"{name} (line {node.lineno})")
    return found


@pytest.mark.parametrize(
    "path",
    [p for pkg in ("handlers", "bot") for p in sources(pkg) if p != SERVICE and "stores" not in p.parts],
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_the_turn_is_written_only_in_the_conversation_service(path: Path) -> None:
    assert not turn_calls(path), f"{path.relative_to(ROOT)} writes a turn itself: {turn_calls(path)}"


def test_the_platform_checks_see_a_violation(tmp_path: Path) -> None:
    """A WhatsApp module importing Telegram's adapter, and a handler writing its own turn, are
    caught."""
    bad = tmp_path / "bad.py"
    bad.write_text(
        "from handlers.telegram.render import render_html\nimport pywa\n"
        "async def f(s, engine, c, t):\n"
        "    async with s.turn('k') as turn:\n"
        "        r = engine.answer(t, turn.before)\n"
        "        await c.query.answer(r, cache_time=1)\n"
        "        turn.after = engine.after(turn.before, r)\n",
        encoding="utf-8",
    )
    assert "handlers.telegram.render" in imports(bad) and "pywa" in imports(bad)
    assert [c.split()[0] for c in turn_calls(bad)] == ["turn", "answer", "after"]
    assert platform_of(ROOT / "handlers" / "whatsapp" / "bot.py") == "whatsapp"
    assert platform_of(ROOT / "handlers" / "service.py") is None
