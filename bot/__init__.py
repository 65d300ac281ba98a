"""`python -m bot`: the bot on Telegram and/or WhatsApp (whichever is configured), or with
neither a console chat.
`python -m bot ask [--json] [--lang CODE] [TEXT...]`: answer text from the command line.

The first thing `python -m bot` runs is this package's import, before bot/__main__.py is read:
from here a SIGHUP before the knowledge is loaded is ignored (the bot reloads once it serves:
bot/reload.py), and a SIGINT during start-up ends the process quietly, with no traceback. What
comes before (the interpreter's own start) no Python code can cover: a launcher that holds the
two signals back until here closes it (docs/delivery.md, "Stopping")."""

from __future__ import annotations

import itertools
import os
import signal
import sys

EXIT_INTERRUPTED = 130
START_SIGNALS = frozenset({signal.SIGHUP, signal.SIGINT})


def interrupted_during_start_up(signum: int, frame: object) -> None:
    # Nothing to close before the bot serves (no connection, no state), and an exception
    # raised here could land inside a C extension's import: end the process at once.
    os.write(2, b"interrupted during start-up\n")
    os._exit(EXIT_INTERRUPTED)


def _started_as_main() -> bool:
    """`python -m bot` is starting: runpy sets sys.argv[0] to "-m" while it imports the package
    whose __main__ it will run (an import of `bot` by anything else leaves the signals alone)."""
    if sys.argv[:1] != ["-m"]:
        return False
    args = sys.orig_argv[1:]
    return "-mbot" in args or any(pair == ("-m", "bot") for pair in itertools.pairwise(args))


if _started_as_main():
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    signal.signal(signal.SIGINT, interrupted_during_start_up)
    # A launcher may have blocked both from the process's first instruction (`env
    # --block-signal=HUP,INT python -m bot`): one that came meanwhile is handled now.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, START_SIGNALS)
