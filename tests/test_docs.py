"""The README stays short, every relative link in it, in docs/ and in bench/RESULTS.md leads
somewhere real, and nothing reads the folder beside the repository (a clone stands alone)."""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
PAGES = sorted([ROOT / "README.md", ROOT / "bench" / "RESULTS.md", *(ROOT / "docs").glob("*.md")])
README_MAX_LINES = 250
# [text](target) outside code: the target up to a space or the closing parenthesis.
_LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
_FENCE = re.compile(r"^```.*?^```", re.S | re.M)
_CODE = re.compile(r"`[^`\n]*`")


def _links(page: Path) -> list[str]:
    text = _CODE.sub("", _FENCE.sub("", page.read_text(encoding="utf-8")))
    return [m.group(1) for m in _LINK.finditer(text)]


def _anchor(heading: str) -> str:
    """GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = _CODE.sub(lambda m: m.group(0).strip("`"), heading.strip().lower())
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def _anchors(page: Path) -> set[str]:
    text = _FENCE.sub("", page.read_text(encoding="utf-8"))
    return {_anchor(line.lstrip("#")) for line in text.splitlines() if re.match(r"#{1,6} ", line)}


def test_the_readme_reads_in_five_minutes() -> None:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) <= README_MAX_LINES
    top = "\n".join(lines[:60])  # the two commands near the top
    assert "make run" in top and "make test" in top


def test_the_manual_has_its_pages() -> None:
    assert {p.name for p in (ROOT / "docs").glob("*.md")} >= {
        "operating.md",
        "deploying.md",
        "articles.md",
        "understanding.md",
        "architecture.md",
        "testing.md",
    }


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_resolves(page: Path) -> None:
    broken = []
    for target in _links(page):
        if re.match(r"[a-z][a-z0-9+.-]*:", target):  # https:, mailto: ...
            continue
        path, _, anchor = target.partition("#")
        resolved = (page.parent / path).resolve() if path else page
        missing_anchor = bool(anchor) and resolved.suffix == ".md" and anchor not in _anchors(resolved)
        if not resolved.exists() or missing_anchor:
            broken.append(target)
    assert not broken, f"{page.relative_to(ROOT)}: {broken}"


def test_the_link_checker_sees_a_broken_link(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("# Title\n[a](missing.md) [b](#title) [c](#nowhere) `[d](code.md)`\n", encoding="utf-8")
    assert _links(page) == ["missing.md", "#title", "#nowhere"]
    assert _anchors(page) == {"title"}


def _path_strings(source: str) -> list[str]:
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    found = []
    for token in tokens:
        if token.type == tokenize.STRING:
            value = token.string.strip("\"'rbfRBF")
            if value == "shared" or value.startswith("../shared"):
                found.append(value)
    return found


def test_nothing_reads_the_folder_beside_the_repository() -> None:
    """`make test` on a clone with nothing beside it: no code names ../shared as a path."""
    offenders = [
        str(path.relative_to(ROOT))
        for package in ("knowledge", "handlers", "bot", "tests", "bench")
        for path in (ROOT / package).rglob("*.py")
        if path != Path(__file__) and _path_strings(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
    assert _path_strings('SEED = ROOT.parent / "shared" / "seeds"') == ["shared"]
