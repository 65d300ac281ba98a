"""Short error notices for the operators' chat (`ADMIN_CHAT_ID`), as python-telegram-bot's own
rules-bot tells its maintainers when a handler fails.

A notice says only the exception's type, where it happened in our code (the last frame of the
traceback in this project's packages) and the kind of update. Never the exception's message,
which may quote what someone wrote, nor user text, names, user ids or chat ids. At most one
notice goes out per `interval` seconds; the ones held back are counted and the count comes with
the next notice, so a burst of failures is one message, not a flood.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from telegram import Update

from handlers.telegram import wording

INTERVAL = 60.0  # seconds between two notices at most
# Our packages: where in them an error happened is the useful "where".
_ROOT = Path(__file__).resolve().parents[2]
_OURS = ("handlers", "knowledge", "bot")


def where(error: BaseException) -> str:
    """`module.function:line` of the last traceback frame in our code, else the last frame's;
    "unknown" without a traceback."""
    frames = traceback.extract_tb(error.__traceback__)
    if not frames:
        return wording.ADMIN_UNKNOWN
    ours = [f for f in frames if _module_of(f.filename).split(".")[0] in _OURS]
    frame = (ours or frames)[-1]
    return f"{_module_of(frame.filename)}.{frame.name}:{frame.lineno}"


def _module_of(filename: str) -> str:
    """The dotted module of a file: ours from the project's root, a library's from its
    site-packages (its last two parts when it is elsewhere)."""
    parts = Path(filename).resolve().with_suffix("").parts
    if "site-packages" in parts:
        return ".".join(parts[len(parts) - parts[::-1].index("site-packages") :])
    try:
        return ".".join(Path(filename).resolve().relative_to(_ROOT).with_suffix("").parts)
    except ValueError:
        return ".".join(parts[-2:])


def update_kind(update: object) -> str:
    """ "message", "callback_query", "inline_query", ...: what kind of update failed."""
    if not isinstance(update, Update):
        return wording.ADMIN_NO_UPDATE
    return next((key for key in update.to_dict() if key != "update_id"), wording.ADMIN_UNKNOWN)


def error_type(error: BaseException) -> str:
    kind = type(error)
    return kind.__qualname__ if kind.__module__ == "builtins" else f"{kind.__module__}.{kind.__qualname__}"


@dataclass
class ErrorNotices:
    """What to tell the operators' chat about a failure, rate-limited; `chat_id` None: nothing."""

    chat_id: int | None = None
    interval: float = INTERVAL
    clock: Callable[[], float] = time.monotonic
    _last: float | None = field(default=None, init=False)
    _held_back: int = field(default=0, init=False)

    def notice(self, error: BaseException, update: object) -> str | None:
        """The notice to send now, or None when none is configured or one went out less than
        `interval` seconds ago (then it is counted, and said with the next one)."""
        if self.chat_id is None:
            return None
        now = self.clock()
        if self._last is not None and now - self._last < self.interval:
            self._held_back += 1
            return None
        self._last = now
        text = wording.ADMIN_NOTICE.format(
            error=error_type(error), where=where(error), update=update_kind(update)
        )
        if self._held_back:
            text += "\n" + wording.ADMIN_HELD_BACK.format(count=self._held_back, seconds=round(self.interval))
            self._held_back = 0
        return text
