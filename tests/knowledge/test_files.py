"""Reading a knowledge directory's files: every filesystem fault becomes a Problem naming the file."""

from __future__ import annotations

import os
import socket
import stat
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from knowledge.base.errors import Problem
from knowledge.base.files import MAX_ARTICLE_BYTES, article_paths, read_text

BOM = b"\xef\xbb\xbf"


def within(seconds: float, call: Callable[[], Any]) -> Any:
    """The result of `call`, failing (not hanging) the test if it takes longer than `seconds`."""
    result: list[Any] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            result.append(call())
        except BaseException as exc:  # reported in the test's own thread below
            errors.append(exc)

    thread = threading.Thread(target=run, daemon=True)  # a hung daemon thread cannot stop pytest exiting
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        pytest.fail(f"still running after {seconds} s: it blocked")
    if errors:
        raise errors[0]
    return result[0]


def problem(result: str | Problem) -> Problem:
    assert isinstance(result, Problem), f"expected a Problem, got text {result!r}"
    return result


def only_problem(directory: Path) -> Problem:
    paths, problems = article_paths(directory)
    assert paths == []
    assert len(problems) == 1, problems
    return problems[0]


# --- read_text ---------------------------------------------------------------------------------------


def test_regular_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("Title\nWith ü\n".encode())
    assert read_text(path) == "Title\nWith ü\n"
    assert article_paths(tmp_path) == ([path], [])


def test_bom_dropped(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(BOM + b"Title\n")
    assert read_text(path) == "Title\n"


def test_bom_kept_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(BOM + b"Title\n")
    assert read_text(path, bom=False) == "\ufeffTitle\n"


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"")
    assert read_text(path) == ""


def test_symlink_to_regular_file(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere" / "real.md"
    target.parent.mkdir()
    target.write_text("Title\n", encoding="utf-8")
    link = tmp_path / "a.txt"
    link.symlink_to(target)
    assert read_text(link) == "Title\n"
    assert article_paths(tmp_path) == ([link], [])


def test_dangling_symlink(tmp_path: Path) -> None:
    link = tmp_path / "a.txt"
    link.symlink_to(tmp_path / "missing.txt")
    for found in (problem(read_text(link)), only_problem(tmp_path)):
        assert found == Problem(link, None, "dangling symbolic link")


def test_symlink_loop(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.symlink_to(b)
    b.symlink_to(a)
    assert problem(read_text(a)) == Problem(a, None, "symbolic link loop")
    paths, problems = article_paths(tmp_path)
    assert paths == []
    assert problems == [Problem(a, None, "symbolic link loop"), Problem(b, None, "symbolic link loop")]


def test_directory_named_txt(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.mkdir()
    for found in (problem(read_text(path)), only_problem(tmp_path)):
        assert found == Problem(path, None, "a directory, not an article")


def test_fifo_named_txt_does_not_hang(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    os.mkfifo(path)
    found = problem(within(5, lambda: read_text(path)))
    assert found == Problem(path, None, "not a regular file (a FIFO)")
    assert within(5, lambda: only_problem(tmp_path)) == found


def test_fifo_swapped_in_after_stat_does_not_hang(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The race the O_NONBLOCK open guards against: stat saw a regular file, open meets a FIFO."""
    regular = tmp_path / "regular"
    regular.write_text("x", encoding="utf-8")
    fifo = tmp_path / "x.txt"
    os.mkfifo(fifo)
    real_stat = os.stat

    def stale_stat(path: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        return real_stat(regular if Path(path) == fifo else path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", stale_stat)
    found = problem(within(5, lambda: read_text(fifo)))
    assert found == Problem(fifo, None, "not a regular file (a FIFO)")


def test_character_device(tmp_path: Path) -> None:
    if not stat.S_ISCHR(os.stat("/dev/null").st_mode):
        pytest.skip("no /dev/null character device here")
    link = tmp_path / "null.txt"
    link.symlink_to("/dev/null")
    for found in (problem(within(5, lambda: read_text(link))), only_problem(tmp_path)):
        assert found == Problem(link, None, "not a regular file (a character device)")


def test_socket(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # a relative name: AF_UNIX paths are limited to about 100 bytes
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind("s.txt")
        path = tmp_path / "s.txt"
        for found in (problem(within(5, lambda: read_text(path))), only_problem(tmp_path)):
            assert found == Problem(path, None, "not a regular file (a socket)")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a chmod 000 file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Title\n", encoding="utf-8")
    path.chmod(0)
    try:
        assert problem(read_text(path)) == Problem(path, None, "cannot be read: permission denied")
        assert article_paths(tmp_path) == ([path], [])  # listing needs no read permission on the file
    finally:
        path.chmod(0o644)


def test_permission_denied_on_open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same message when running as root, where chmod 000 cannot produce it."""
    path = tmp_path / "a.txt"
    path.write_text("Title\n", encoding="utf-8")

    def denied(*args: Any, **kwargs: Any) -> int:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(os, "open", denied)
    assert problem(read_text(path)) == Problem(path, None, "cannot be read: permission denied")


def test_other_os_error_on_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Title\n", encoding="utf-8")

    def failing(*args: Any, **kwargs: Any) -> bytes:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "read", failing)
    assert problem(read_text(path)) == Problem(path, None, "cannot be read: input/output error")


def test_vanished_file(tmp_path: Path) -> None:
    path = tmp_path / "gone.txt"
    found = problem(read_text(path))
    assert found.path == path
    assert found.line is None
    assert found.message.startswith("does not exist")


def test_limit_plus_one_rejected_limit_accepted(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 11)
    assert problem(read_text(path, limit=11 - 1)) == Problem(path, None, "is 11 bytes; the limit is 10 bytes")
    assert read_text(path, limit=11) == "x" * 11


def test_default_limit(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * MAX_ARTICLE_BYTES)
    assert read_text(path) == "x" * MAX_ARTICLE_BYTES
    path.write_bytes(b"x" * (MAX_ARTICLE_BYTES + 1))
    found = problem(read_text(path))
    # 1 MB + 1 byte rounds to "1 MB", so the exact counts are given instead of "is 1 MB; the limit is 1 MB".
    assert found == Problem(path, None, "is 1,048,577 bytes; the limit is 1,048,576 bytes")


def test_huge_file_reports_size_and_reads_only_limit_plus_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.txt"
    with path.open("wb") as f:
        f.truncate(int(1.2 * 1024 * 1024))  # sparse: costs no disk
    real_read = os.read
    read: list[int] = []

    def counting(fd: int, n: int) -> bytes:
        data = real_read(fd, n)
        read.append(len(data))
        return data

    monkeypatch.setattr(os, "read", counting)
    assert problem(read_text(path)) == Problem(path, None, "is 1.2 MB; the limit is 1 MB")
    assert sum(read) == MAX_ARTICLE_BYTES + 1


def test_invalid_utf8_names_line_and_byte(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"Title\nok\nbad \xff here\n")
    assert problem(read_text(path)) == Problem(path, 3, "not UTF-8 (invalid start byte at byte 13)")


def test_invalid_utf8_offset_counts_the_bom(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(BOM + b"T\n\xc3")
    assert problem(read_text(path)) == Problem(path, 2, "not UTF-8 (unexpected end of data at byte 5)")


# --- article_paths -----------------------------------------------------------------------------------


def test_hidden_and_non_txt_skipped_and_sorted(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", "c.txt", ".hidden.txt", ".txt", "notes.md", "a.txt~", "A.TXT", "sub"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "dir").mkdir()
    paths, problems = article_paths(tmp_path)
    assert paths == [tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt"]
    assert problems == []


def test_problems_and_paths_together_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("x", encoding="utf-8")
    (tmp_path / "d.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a.txt").symlink_to(tmp_path / "nowhere")
    (tmp_path / "c.txt").mkdir()
    paths, problems = article_paths(tmp_path)
    assert paths == [tmp_path / "b.txt", tmp_path / "d.txt"]
    assert problems == [
        Problem(tmp_path / "a.txt", None, "dangling symbolic link"),
        Problem(tmp_path / "c.txt", None, "a directory, not an article"),
    ]


def test_missing_directory(tmp_path: Path) -> None:
    missing = tmp_path / "missing"
    assert article_paths(missing) == ([], [Problem(missing, None, "does not exist")])


def test_directory_is_a_file(tmp_path: Path) -> None:
    path = tmp_path / "file"
    path.write_text("x", encoding="utf-8")
    assert article_paths(path) == ([], [Problem(path, None, "not a directory")])


def test_empty_directory(tmp_path: Path) -> None:
    assert article_paths(tmp_path) == ([], [])
