"""The house's one-way flow, checked on every import in the source: bot -> handlers -> knowledge.

- knowledge/ imports neither telegram, bot nor handlers;
- handlers/ never imports bot, and reaches knowledge only through its public surface;
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
