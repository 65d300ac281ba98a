"""The console chat, run as a user would: `python -m bot` with piped input, no token."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

from bot import console
from bot.console import run_console
from knowledge.answers import wording as texts
from knowledge.engine import Engine


def run_bot(stdin: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "TELEGRAM_BOT_TOKEN"}
    return subprocess.run(
        [sys.executable, "-m", "bot"],
        input=stdin,
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_piped_console_chat(tmp_path: Path) -> None:
    result = run_bot("magnesium\n", tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(console.GREETING)
    assert "Magnesium\n\nAlso known as" in result.stdout
    assert "[1] Twitching" in result.stdout
    assert result.stdout.rstrip().endswith(console.BYE)


def test_numbered_buttons_and_bad_choice(engine: Engine) -> None:
    out = io.StringIO()
    assert run_console(engine, io.StringIO("twitching\n2\n42\nchest pain\n"), out) == 0
    text = out.getvalue()
    assert "Common causes\n• Fatigue or overuse" in text
    assert console.BAD_CHOICE.format(number=42) in text
    assert texts.EMERGENCY_TITLE in text


def test_listing_buttons_page(engine: Engine) -> None:
    out = io.StringIO()
    run_console(engine, io.StringIO("headache\n"), out)
    assert texts.UNKNOWN_TITLE in out.getvalue()


def test_ctrl_c_exits_cleanly(engine: Engine) -> None:
    interrupting = mock.create_autospec(io.StringIO, instance=True)
    interrupting.isatty.return_value = False
    interrupting.readline.side_effect = KeyboardInterrupt
    out = io.StringIO()
    assert run_console(engine, interrupting, out) == 0
    assert out.getvalue().rstrip().endswith(console.BYE)
