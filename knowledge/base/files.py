"""Find and read a knowledge directory's article files without ever hanging, raising or over-reading.

The loader must turn every fault in the knowledge directory into a `Problem` that names the file, so
an author sees all of them at once instead of a traceback. Files on disk can be anything: a dangling
or looping symbolic link, a directory or a FIFO that happens to end in ``.txt``, a file we may not
read, one that vanishes between listing and reading, one far too big to hold in memory, or one that
is not UTF-8. This module is the one place that knows about those cases:

* `article_paths` lists the candidate articles and reports the entries that cannot be articles;
* `read_text` reads one file, checking its kind before opening it (and again after, against a
  swap), opening it non-blocking so a FIFO can never stall the bot's start-up, and reading no more
  than one byte past the size limit.

Only `os` and `stat` are used: no I/O framework, no thread, nothing that can block on a special file.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from knowledge.base.errors import Problem

MAX_ARTICLE_BYTES = 1024 * 1024
"""An article bigger than this is an authoring mistake (or not an article), and is rejected."""

MAX_SECTION_ITEMS = 200
"""The most items one section may list; the parser enforces it, this module only defines it."""

ARTICLE_SUFFIX = ".txt"
_BOM = b"\xef\xbb\xbf"
_CHUNK = 64 * 1024
# O_NONBLOCK: opening a FIFO swapped in after the stat check returns at once instead of waiting for a
# writer. O_NOCTTY: a terminal device swapped in cannot become our controlling terminal.
_OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | getattr(os, "O_CLOEXEC", 0)


def article_paths(directory: Path) -> tuple[list[Path], list[Problem]]:
    """The articles of `directory` sorted by name, and a Problem for each ``*.txt`` entry that is not one.

    An article is a ``*.txt`` entry whose name does not start with "." (editors' and the OS's hidden
    files are skipped silently) and that is, or is a symbolic link to, a regular file. Anything else
    with that name is almost certainly a mistake the author wants to hear about, so it is reported
    rather than skipped. Only the kind of each file is checked here; `read_text` checks the rest.
    """
    try:
        names = sorted(
            entry.name
            for entry in os.scandir(directory)
            if entry.name.endswith(ARTICLE_SUFFIX) and not entry.name.startswith(".")
        )
    except OSError as exc:
        if exc.errno == errno.ENOTDIR:
            return [], [Problem(directory, None, "not a directory")]
        if exc.errno == errno.ENOENT and not _is_symlink(directory):
            return [], [Problem(directory, None, "does not exist")]
        return [], [Problem(directory, None, _describe(directory, exc))]
    paths: list[Path] = []
    problems: list[Problem] = []
    for name in names:
        path = directory / name
        try:
            mode = os.stat(path).st_mode  # follows symbolic links: a link to a regular file is fine
        except OSError as exc:
            problems.append(Problem(path, None, _describe(path, exc)))
            continue
        if stat.S_ISREG(mode):
            paths.append(path)
        else:
            problems.append(Problem(path, None, _not_regular(mode)))
    return paths, problems


def read_text(path: Path, limit: int = MAX_ARTICLE_BYTES, *, bom: bool = True) -> str | Problem:
    """The UTF-8 text of `path`, or the one Problem that stops it from being read.

    With `bom` a leading UTF-8 byte order mark (which some Windows editors add) is dropped; pass
    ``bom=False`` to keep the text exactly as stored. At most ``limit + 1`` bytes are read, enough to
    know the file is too big without loading a huge one. The file's kind is checked with `os.stat`
    before opening, so a FIFO or device is never opened in the ordinary case, and again with
    `os.fstat` after opening, which together with ``O_NONBLOCK`` covers one swapped in between.
    """
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return Problem(path, None, _describe(path, exc))
    if not stat.S_ISREG(mode):
        return Problem(path, None, _not_regular(mode))
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        return Problem(path, None, _describe(path, exc))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            return Problem(path, None, _not_regular(st.st_mode))
        data = _read_at_most(fd, limit + 1)
    except OSError as exc:
        return Problem(path, None, _describe(path, exc))
    finally:
        os.close(fd)
    if len(data) > limit:
        return Problem(path, None, _too_big(st.st_size, limit))
    return _decode(path, data, bom=bom)


def _read_at_most(fd: int, count: int) -> bytes:
    """Up to `count` bytes of `fd`: `os.read` may return fewer than asked, so loop until EOF or done."""
    chunks: list[bytes] = []
    remaining = count
    while remaining > 0:
        chunk = os.read(fd, min(remaining, _CHUNK))
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def _decode(path: Path, data: bytes, *, bom: bool) -> str | Problem:
    """Decode `data`, or name the first bad byte by its line and its offset in the file as stored.

    The BOM is stripped by hand rather than with the ``utf-8-sig`` codec, whose error offsets do not
    count the BOM and so would point three bytes before the real fault.
    """
    skip = len(_BOM) if bom and data.startswith(_BOM) else 0
    try:
        return data[skip:].decode("utf-8")
    except UnicodeDecodeError as exc:
        at = skip + exc.start
        line = data.count(b"\n", 0, at) + 1
        return Problem(path, line, f"not UTF-8 ({exc.reason} at byte {at})")


def _describe(path: Path, exc: OSError) -> str:
    """A short message for an OSError about `path`, in the author's terms rather than errno's."""
    code = exc.errno
    if code == errno.ENOENT:
        return "dangling symbolic link" if _is_symlink(path) else "does not exist (removed while loading?)"
    if code == errno.ELOOP:
        return "symbolic link loop"
    if code in (errno.EACCES, errno.EPERM):
        return "cannot be read: permission denied"
    if code == errno.EISDIR:
        return "a directory, not an article"
    if code == errno.ENXIO:
        return "not a regular file (a socket or an absent device)"
    reason = exc.strerror or type(exc).__name__
    return f"cannot be read: {reason[:1].lower()}{reason[1:]}"


def _is_symlink(path: Path) -> bool:
    """Whether `path` itself is a symbolic link; False if even that cannot be found out."""
    try:
        return stat.S_ISLNK(os.lstat(path).st_mode)
    except OSError:
        return False


def _not_regular(mode: int) -> str:
    """Why a file of this `mode` (from stat) is not an article."""
    if stat.S_ISDIR(mode):
        return "a directory, not an article"
    kinds = (
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
    )
    kind = next((name for test, name in kinds if test(mode)), "an unknown kind of file")
    return f"not a regular file ({kind})"


def _too_big(size: int, limit: int) -> str:
    """``is 1.2 MB; the limit is 1 MB``, or exact byte counts where rounding would make the two equal.

    `size` comes from fstat and may be stale (or zero for some special regular files) when the file
    grows while it is read; then all that is known is that it is over the limit.
    """
    if size <= limit:
        return f"is over the limit of {_human(limit)}"
    shown, allowed = _human(size), _human(limit)
    if shown == allowed:
        shown, allowed = f"{size:,} bytes", f"{limit:,} bytes"
    return f"is {shown}; the limit is {allowed}"


def _human(count: int) -> str:
    """A byte count as people say it (1024-based): ``200 bytes``, ``1.5 KB``, ``1 MB``."""
    if count < 1024:
        return "1 byte" if count == 1 else f"{count} bytes"
    scale, unit = next((s, u) for s, u in ((1024**3, "GB"), (1024**2, "MB"), (1024, "KB")) if count >= s)
    return f"{count / scale:.1f}".removesuffix(".0") + f" {unit}"
