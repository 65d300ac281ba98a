"""Every kind of broken input is rejected with its file, its line and the problem; nothing loads."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from knowledge import DEFAULT_KNOWLEDGE_DIR, KnowledgeError, load_knowledge
from tests.conftest import SYNTHETIC_DIR

SEED_TEXT = (DEFAULT_KNOWLEDGE_DIR / "twitching.txt").read_text(encoding="utf-8")
CRAMPS_TEXT = (SYNTHETIC_DIR / "cramps.txt").read_text(encoding="utf-8")


def write(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    for name, body in files.items():
        target = tmp_path / name
        if isinstance(body, bytes):
            target.write_bytes(body)
        else:
            target.write_text(body, encoding="utf-8")
    return tmp_path


def problem_of(directory: Path) -> tuple[str, int | None, str]:
    with pytest.raises(KnowledgeError) as info:
        load_knowledge(directory)
    first = info.value.problems[0]
    return first.path.name, first.line, first.message


def line_no(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def test_unknown_header(tmp_path: Path) -> None:
    text = SEED_TEXT.replace("Severity Causes:", "Prevention:\n-\nSleep well\nSeverity Causes:")
    name, line, message = problem_of(write(tmp_path, {"a.txt": text}))
    assert (name, line) == ("a.txt", line_no(text, "Prevention:"))
    assert "unknown section header 'Prevention:'" in message


def test_empty_section(tmp_path: Path) -> None:
    start = SEED_TEXT.index("Common Causes:\n") + len("Common Causes:\n")
    end = SEED_TEXT.index("Severity Causes:")
    text = SEED_TEXT[:start] + SEED_TEXT[end:]
    name, line, message = problem_of(write(tmp_path, {"a.txt": text}))
    assert (name, line) == ("a.txt", line_no(text, "Common Causes:"))
    assert "'Common Causes:' is empty" in message


def test_unparseable_bullet_line(tmp_path: Path) -> None:
    text = SEED_TEXT.replace("-\nStress or anxiety\n", "Stress or anxiety\n")
    name, line, message = problem_of(write(tmp_path, {"a.txt": text}))
    assert (name, line) == ("a.txt", line_no(text, "Stress or anxiety"))
    assert "cannot parse 'Stress or anxiety'" in message


def test_type_without_description(tmp_path: Path) -> None:
    text = SEED_TEXT.replace("Localized twitching: Confined", "Localized twitching Confined")
    _, line, message = problem_of(write(tmp_path, {"a.txt": text}))
    assert line == line_no(text, "Localized twitching Confined")
    assert "'Name: description'" in message


def test_remedy_without_description(tmp_path: Path) -> None:
    text = SEED_TEXT.replace("Stretching and rest: Gently", "Stretching and rest Gently")
    _, line, message = problem_of(write(tmp_path, {"a.txt": text}))
    assert line == line_no(text, "Stretching and rest Gently")
    assert "expected a remedy" in message


def test_bullet_without_item(tmp_path: Path) -> None:
    text = SEED_TEXT.replace("Long-term stress without recovery\n", "")
    _, line, message = problem_of(write(tmp_path, {"a.txt": text}))
    assert line == line_no(text, "When to See a Doctor:") - 1
    assert "no item" in message


def test_missing_section(tmp_path: Path) -> None:
    start = SEED_TEXT.index("Types:")
    end = SEED_TEXT.index("Common Causes:")
    _, _, message = problem_of(write(tmp_path, {"a.txt": SEED_TEXT[:start] + SEED_TEXT[end:]}))
    assert "missing section(s): Types:" in message


def test_duplicate_section(tmp_path: Path) -> None:
    text = SEED_TEXT.replace("Severity Causes:", "Types:\n- Extra: one\nSeverity Causes:")
    _, line, message = problem_of(write(tmp_path, {"a.txt": text}))
    assert "appears twice" in message
    assert line == text.splitlines().index("Types:", line_no(text, "Types:")) + 1


def test_synopsis_names_another_condition(tmp_path: Path) -> None:
    text = SEED_TEXT.replace("Synopsis of Twitching", "Synopsis of Cramps")
    _, line, message = problem_of(write(tmp_path, {"a.txt": text}))
    assert line == 2
    assert "'Cramps'" in message and "'Twitching'" in message


def test_ingredients_without_intro_sentence(tmp_path: Path) -> None:
    text = SEED_TEXT.replace(
        "These raw ingredients are often used in alternative medicine to treat Twitching\n", ""
    )
    _, line, message = problem_of(write(tmp_path, {"a.txt": text}))
    assert line == text.splitlines().index("ashwagandha") + 1
    assert "introductory sentence" in message


def test_empty_file(tmp_path: Path) -> None:
    assert problem_of(write(tmp_path, {"empty.txt": "  \n\n"})) == (
        "empty.txt",
        1,
        "the file is empty",
    )


def test_not_utf8(tmp_path: Path) -> None:
    body = SEED_TEXT.replace("Stress or anxiety", "Stress or anxi\xe9ty").encode("latin-1")
    name, line, message = problem_of(write(tmp_path, {"latin.txt": body}))
    assert (name, line) == ("latin.txt", line_no(SEED_TEXT, "Stress or anxiety"))
    assert message.startswith("not UTF-8")


def test_duplicate_slug(tmp_path: Path) -> None:
    directory = write(tmp_path, {"a.txt": SEED_TEXT, "b.txt": SEED_TEXT})
    name, line, message = problem_of(directory)
    assert (name, line) == ("b.txt", 1)
    assert "duplicate slug 'twitching'" in message and "a.txt" in message


def test_alias_claimed_by_two_topics(tmp_path: Path) -> None:
    overlay = '[ingredients.zinc]\naliases = ["zinc citrate", "magnesium"]\n'
    directory = write(tmp_path, {"t.txt": SEED_TEXT, "overlay.toml": overlay})
    name, line, message = problem_of(directory)
    assert (name, line) == ("overlay.toml", 2)
    assert "'magnesium' of 'zinc' is already claimed by 'magnesium'" in message


def test_alias_claimed_across_articles(tmp_path: Path) -> None:
    cramps = CRAMPS_TEXT.replace("(also called charley horses)", "(also called twitches)")
    overlay = '[conditions.twitching]\naliases = ["twitches"]\n'
    directory = write(tmp_path, {"a.txt": cramps, "b.txt": SEED_TEXT, "overlay.toml": overlay})
    with pytest.raises(KnowledgeError) as info:
        load_knowledge(directory)
    messages = [p.message for p in info.value.problems]
    assert any("'twitches'" in m and "already claimed by 'muscle-cramps'" in m for m in messages)


def test_overlay_unknown_slug(tmp_path: Path) -> None:
    overlay = '[ingredients.zinc]\naliases = ["zinc citrate"]\n\n[ingredients.iron]\naliases = ["Fe"]\n'
    name, line, message = problem_of(write(tmp_path, {"t.txt": SEED_TEXT, "overlay.toml": overlay}))
    assert (name, line) == ("overlay.toml", 4)
    assert "unknown ingredient slug 'iron'" in message


def test_overlay_unknown_field_and_bad_toml(tmp_path: Path) -> None:
    overlay = '[ingredients.zinc]\nalias = ["zinc citrate"]\n'
    name, line, message = problem_of(write(tmp_path, {"t.txt": SEED_TEXT, "overlay.toml": overlay}))
    assert (name, line) == ("overlay.toml", 2)
    assert "alias" in message
    (tmp_path / "overlay.toml").write_text("[ingredients.zinc\n", encoding="utf-8")
    assert "invalid TOML" in problem_of(tmp_path)[2]


def test_missing_or_empty_directory(tmp_path: Path) -> None:
    assert "no articles" in problem_of(tmp_path)[2]
    assert "not a directory" in problem_of(tmp_path / "nope")[2]


def test_never_half_loads(tmp_path: Path) -> None:
    directory = write(tmp_path, {"a.txt": SEED_TEXT, "b.txt": "Broken\nSynopsis of Broken\n"})
    with pytest.raises(KnowledgeError) as info:
        load_knowledge(directory)
    assert [p.path.name for p in info.value.problems] == ["b.txt"]


def test_all_problems_reported_at_once(tmp_path: Path) -> None:
    directory = write(tmp_path, {"a.txt": "", "b.txt": b"\xff\xfe", "c.txt": SEED_TEXT})
    with pytest.raises(KnowledgeError) as info:
        load_knowledge(directory)
    assert [p.path.name for p in info.value.problems] == ["a.txt", "b.txt"]


def run_check(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "knowledge", "check", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_check_cli_summary() -> None:
    result = run_check()
    assert result.returncode == 0, result.stderr
    assert "1 condition, 6 ingredients" in result.stdout
    assert "zinc:" not in result.stdout  # every topic's detail only with --verbose
    verbose = run_check("--verbose")
    for slug in ["twitching", "magnesium", "vitamin-b6", "ashwagandha", "l-theanine", "gaba", "zinc"]:
        assert f"{slug}:" in verbose.stdout
    assert "zinc: Zinc  used for: twitching (listed only)" in verbose.stdout


def test_check_cli_fails_on_errors(tmp_path: Path) -> None:
    write(tmp_path, {"a.txt": SEED_TEXT.replace("Types:", "Kinds:")})
    result = run_check(str(tmp_path))
    assert result.returncode == 2
    assert f"{tmp_path / 'a.txt'}:4: unknown section header 'Kinds:'" in result.stderr
    assert result.stdout == ""
