"""Issue 19's check in `make bench`: the tree before is read from git and timed in a process of
its own. Speed is never asserted; what is checked is that both trees really answer."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from bench.against import BEFORE_ISSUE_19, ROOT, export, run_against, time_tree, write_messages
from bench.messages import Message


def _head() -> str:
    return subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.strip()


def test_the_tree_before_is_exported_from_git(tmp_path: Path) -> None:
    export(BEFORE_ISSUE_19, tmp_path)
    assert (tmp_path / "knowledge" / "engine.py").is_file()
    assert not (tmp_path / "knowledge" / "levels.py").exists()  # issue 19 added it


def test_an_unknown_commit_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="git cannot give commit 0000000"):
        export("0" * 40, tmp_path)


def test_a_tree_whose_engine_fails_is_named(tmp_path: Path) -> None:
    (tmp_path / "broken").mkdir()
    with pytest.raises(ValueError, match="engine of broken did not run: ImportError: knowledge is not"):
        time_tree(tmp_path / "broken", write_messages(["magnesium"], tmp_path), 1)


def test_both_trees_answer_every_message() -> None:
    mix = [Message("dev", "magnesium"), Message("dev", "my calf twitches and my leg feels weak")]
    result = run_against(mix, repeats=1, rounds=1, ref=_head())
    assert result.before_p99_ms > 0 and result.after_p99_ms > 0 and result.rounds == 1
    assert "against" in result.line() and "x" in result.line()
