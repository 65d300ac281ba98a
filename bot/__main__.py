"""`python -m bot`: see bot/__init__.py, which sets up the start-up signals before this file is
read."""

from __future__ import annotations

import asyncio
import gc
import logging
import signal
import sys
from pathlib import Path

from pydantic import ValidationError

from bot import EXIT_INTERRUPTED, interrupted_during_start_up
from bot.logs import redact
from bot.settings import Settings, describe_error
from knowledge import Engine, KnowledgeError, LexiconError, load_knowledge

EXIT_CONFIG = 2
ENV_FILE = Path(".env")
log = logging.getLogger("bot")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if ENV_FILE.exists() and not ENV_FILE.is_file():
        print(f"invalid configuration:\n  {ENV_FILE}: is not a file", file=sys.stderr)
        return EXIT_CONFIG
    try:
        settings = Settings()
    except ValidationError as exc:
        print(describe_error(exc), file=sys.stderr)
        return EXIT_CONFIG
    except (UnicodeDecodeError, OSError) as exc:
        reason = "not UTF-8" if isinstance(exc, UnicodeDecodeError) else (exc.strerror or type(exc).__name__)
        print(f"invalid configuration:\n  .env: cannot be read ({reason})", file=sys.stderr)
        return EXIT_CONFIG
    serving = settings.telegram_bot_token is not None or settings.whatsapp
    if not argv and serving:
        # The bot reloads its knowledge on SIGHUP once it serves (bot/reload.py): until then,
        # and once it has stopped, a SIGHUP is ignored rather than ending the process.
        signal.signal(signal.SIGHUP, signal.SIG_IGN)
    try:
        engine = Engine(load_knowledge(settings.knowledge_dir))
    except KnowledgeError as exc:
        print(f"cannot load the knowledge base (KNOWLEDGE_DIR):\n{exc}", file=sys.stderr)
        return EXIT_CONFIG
    except LexiconError as exc:
        print(f"cannot load the lexicon (a packaging fault): {exc}", file=sys.stderr)
        return EXIT_CONFIG
    if signal.getsignal(signal.SIGINT) is interrupted_during_start_up:
        # Loaded: from here a SIGINT is Python's KeyboardInterrupt again (the console and `ask`
        # end on it; the bot's loop installs its own stop).
        signal.signal(signal.SIGINT, signal.default_int_handler)
    if argv[:1] == ["ask"]:
        from bot.cli import run_ask

        return run_ask(engine, argv[1:])
    if argv:
        print("usage: python -m bot [ask [--json] [--lang CODE] [TEXT...]]", file=sys.stderr)
        return EXIT_CONFIG
    if not serving:
        from bot.console import run_console

        return run_console(engine)

    from bot.logs import setup_logging
    from bot.serve import ConfigurationError, serve

    secrets = settings.secrets()
    setup_logging(settings.log_level, secrets)
    # The knowledge base lives as long as the process: keep the collector from re-scanning it
    # (on a large base a full collection would otherwise pause answers).
    gc.freeze()
    if settings.telegram_bot_token is not None:
        log.info("starting in %s mode", settings.bot_mode)
    if settings.whatsapp:
        log.info("WhatsApp webhook at /whatsapp on %s:%d", settings.webhook_listen, settings.webhook_port)
    bot = serve(settings, engine)
    del engine  # the bot's services hold the only reference: a reload must be able to free it
    try:
        asyncio.run(bot)
    except ConfigurationError as exc:
        log.error("%s", exc)
        print(redact(f"invalid configuration:\n  {exc}", secrets), file=sys.stderr)
        return EXIT_CONFIG
    except (KeyboardInterrupt, SystemExit):  # a SIGINT before the stop signals were installed
        log.info("interrupted during start-up")
        return EXIT_INTERRUPTED
    except BaseException:  # whatever ends the process is logged through the redacting formatter
        log.critical("the bot stopped on an unexpected error", exc_info=True)
        return 1
    finally:
        signal.signal(signal.SIGHUP, signal.SIG_IGN)  # closing the loop restored the default
    log.info("stopped")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(EXIT_INTERRUPTED)
