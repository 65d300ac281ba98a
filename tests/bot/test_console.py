"""The console chat, run as a user would: `python -m bot` with piped input, no token."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

from bot import wording as console_wording
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
    assert result.stdout.startswith(console_wording.GREETING)
    assert "Magnesium\n\nForms: citrate, glycinate, oxide" in result.stdout
    assert "[1] Twitching" in result.stdout
    assert result.stdout.rstrip().endswith(console_wording.BYE)


def test_numbered_buttons_and_bad_choice(engine: Engine) -> None:
    out = io.StringIO()
    assert run_console(engine, io.StringIO("twitching\n3\n42\nchest pain\n"), out) == 0
    text = out.getvalue()
    assert "Common causes\n• Fatigue or overuse" in text
    assert console_wording.BAD_CHOICE.format(number=42) in text
    assert texts.EMERGENCY_TITLE in text


def test_numbers_mean_the_same_section_after_every_press(engine: Engine) -> None:
    """The section on screen is marked in place, so "3" is Causes whatever was shown."""
    out = io.StringIO()
    run_console(engine, io.StringIO("twitching\n3\n3\n2\n3\n"), out)
    menus = [part for part in out.getvalue().split("\n\n") if part.startswith("[1] ") and "Overview" in part]
    assert len(menus) == 5  # one after each line
    sections = [menu.splitlines()[:7] for menu in menus]
    bare = [[line.replace("• ", "") for line in menu] for menu in sections]
    assert all(menu == bare[0] for menu in bare) and bare[0][2] == "[3] Causes"
    marked = [next(line for line in menu if "• " in line) for menu in sections]
    assert marked == ["[1] • Overview", "[3] • Causes", "[3] • Causes", "[2] • Types", "[3] • Causes"]


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
    assert out.getvalue().rstrip().endswith(console_wording.BYE)


def test_the_console_is_one_conversation(engine: Engine) -> None:
    out = io.StringIO()
    run_console(engine, io.StringIO("zinc\nis it safe?\nthanks\n"), out)
    text = out.getvalue()
    assert "Safety\n• Upper limit for adults" in text
    assert "You're welcome! Ask me any time." in text


def test_the_symptom_check_runs_on_numbered_choices(engine: Engine) -> None:
    """ "Check my symptoms", then Yes/No/Not sure as numbers, to the doctor outcome."""
    twitching = engine.answer("twitching")
    check = next(n for n, a in enumerate(twitching.actions, start=1) if a.check is not None)
    items = engine.kb.conditions["twitching"].when_to_see_doctor
    presses = [str(check), "1", *(["2"] * (len(items) - 1))]  # Yes, then No to the rest
    out = io.StringIO()
    run_console(engine, io.StringIO("twitching\n" + "\n".join(presses) + "\n"), out)
    text = out.getvalue()
    assert f"{texts.CHECK_QUESTION}\n{items[0]}\n\n[1] Yes\n[2] No\n[3] Not sure" in text
    assert f"{texts.CHECK_SAID_YES}\n• {items[0]}" in text


def test_language_command_chooses_the_language(engine: Engine) -> None:
    out = io.StringIO()
    run_console(
        engine,
        io.StringIO(
            "/language es\nwhat causes twitching\n/language xx\n/language auto\nwhat causes twitching\n"
        ),
        out,
    )
    text = out.getvalue()
    assert console_wording.text("LANGUAGE_CHOSEN", "es") in text
    assert texts.CATALOG.text("SECTION_CAUSES_HEADING", "es") in text
    assert (
        console_wording.text("LANGUAGE_USAGE", "es").format(
            codes="en, es, pt, ru, uk, de, fr, it, tr, id, ar, auto"
        )
        in text
    )
    assert console_wording.text("LANGUAGE_AUTOMATIC", "es") in text
    assert text.rstrip().endswith(console_wording.text("BYE", "en"))  # the last reply was English


def test_the_app_language_starts_the_console(engine: Engine) -> None:
    out = io.StringIO()
    run_console(engine, io.StringIO(""), out, user_tag="fr")
    assert out.getvalue().startswith(console_wording.text("GREETING", "fr"))
    assert texts.CATALOG.text("GREETING_TITLE", "fr") in out.getvalue()
