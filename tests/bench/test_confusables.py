"""bench/confusables.py regenerates knowledge/lexicon/lookalikes.txt from Unicode's confusables.txt:
run as a user runs it, on the lines of Unicode 17.0.0's file it keeps (tests/data/unicode/), it
gives the shipped file byte for byte."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bench.confusables import OUT, derive, read

ROOT = Path(__file__).parents[2]
SOURCE = ROOT / "tests" / "data" / "unicode" / "confusables_latin.txt"


def test_the_shipped_table_is_what_the_script_derives(tmp_path: Path) -> None:
    out = tmp_path / "lookalikes.txt"
    run = subprocess.run(
        [sys.executable, "-m", "bench.confusables", str(SOURCE), str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert "Version: 17.0.0" in run.stdout
    assert out.read_text(encoding="utf-8") == OUT.read_text(encoding="utf-8")


def test_what_is_kept_and_how_it_reads() -> None:
    version, pairs = read(SOURCE.read_text(encoding="utf-8"))
    table = derive(pairs)
    assert version == "Version: 17.0.0"
    assert table["а"] == "a" and table["օ"] == "o" and table["Ꭺ"] == "A"  # Cyrillic, Armenian, Cherokee
    assert table["н"] == "h" and table["ᴋ"] == "k" and table["м"] == "m"  # through a small capital
    assert table["І"] == "I" and table["і"] == "i"  # a capital look-alike of I is I, not l
    assert "ａ" not in table and "𝐚" not in table  # full-width and mathematical: NFKC's already
    assert all(not c.isascii() for c in table)  # "m" -> "rn", "1" -> "l" are TR39's, not ours


def test_a_file_that_is_not_confusables_txt_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_text("hello\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "bench.confusables", str(bad), str(tmp_path / "out.txt")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 2 and "notes.txt" in run.stderr and "Traceback" not in run.stderr
    assert not (tmp_path / "out.txt").exists()
