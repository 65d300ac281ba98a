"""`python -m bot`: the Telegram bot, or without a token a console chat.
`python -m bot ask [--json] [--lang CODE] [TEXT...]`: answer text from the command line."""

from __future__ import annotations

import asyncio
import gc
import logging
import signal
import sys

from pydantic import ValidationError

from bot.settings import Settings, describe_error
from knowledge import Engine, KnowledgeError, LexiconError, load_knowledge

EXIT_CONFIG = 2
log = logging.getLogger("bot")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        settings = Settings()
    except ValidationError as exc:
        print(describe_error(exc), file=sys.stderr)
        return EXIT_CONFIG
    except (UnicodeDecodeError, OSError) as exc:
        reason = "not UTF-8" if isinstance(exc, UnicodeDecodeError) else (exc.strerror or type(exc).__name__)
        print(f"invalid configuration:\n  .env: cannot be read ({reason})", file=sys.stderr)
        return EXIT_CONFIG
    if not argv and settings.telegram_bot_token is not None:
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
    if argv[:1] == ["ask"]:
        from bot.cli import run_ask

        return run_ask(engine, argv[1:])
    if argv:
        print("usage: python -m bot [ask [--json] [--lang CODE] [TEXT...]]", file=sys.stderr)
        return EXIT_CONFIG
    if settings.telegram_bot_token is None:
        from bot.console import run_console

        return run_console(engine)

    from bot.logs import setup_logging
    from bot.serve import ConfigurationError, serve

    secrets = [settings.telegram_bot_token.get_secret_value()]
    if settings.webhook_secret is not None:
        secrets.append(settings.webhook_secret.get_secret_value())
    setup_logging(settings.log_level, secrets)
    # The knowledge base lives as long as the process: keep the collector from re-scanning it
    # (on a large base a full collection would otherwise pause answers).
    gc.freeze()
    log.info("starting in %s mode", settings.bot_mode)
    bot = serve(settings, engine)
    del engine  # the bot's services hold the only reference: a reload must be able to free it
    try:
        asyncio.run(bot)
    except ConfigurationError as exc:
        log.error("%s", exc)
        print(f"invalid configuration:\n  {exc}", file=sys.stderr)
        return EXIT_CONFIG
    except BaseException:  # whatever ends the process is logged through the redacting formatter
        log.critical("the bot stopped on an unexpected error", exc_info=True)
        return 1
    finally:
        signal.signal(signal.SIGHUP, signal.SIG_IGN)  # closing the loop restored the default
    log.info("stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
