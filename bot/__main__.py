"""`python -m bot`: the Telegram bot, or without a token a console chat.
`python -m bot ask [--json] [TEXT...]`: answer text from the command line."""

from __future__ import annotations

import gc
import logging
import sys

from pydantic import ValidationError

from bot.settings import Settings, describe_error
from knowledge import Engine, KnowledgeError, load_knowledge

EXIT_CONFIG = 2


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        settings = Settings()
    except ValidationError as exc:
        print(describe_error(exc), file=sys.stderr)
        return EXIT_CONFIG
    try:
        engine = Engine(load_knowledge(settings.knowledge_dir))
    except KnowledgeError as exc:
        print(f"cannot load the knowledge base (KNOWLEDGE_DIR):\n{exc}", file=sys.stderr)
        return EXIT_CONFIG
    if argv[:1] == ["ask"]:
        from bot.cli import run_ask

        return run_ask(engine, argv[1:])
    if argv:
        print("usage: python -m bot [ask [--json] [TEXT...]]", file=sys.stderr)
        return EXIT_CONFIG
    if settings.telegram_bot_token is None:
        from bot.console import run_console

        return run_console(engine)

    from bot.app import run
    from bot.logs import setup_logging

    secrets = [settings.telegram_bot_token.get_secret_value()]
    if settings.webhook_secret is not None:
        secrets.append(settings.webhook_secret.get_secret_value())
    setup_logging(settings.log_level, secrets)
    # The knowledge base lives as long as the process: keep the collector from re-scanning it
    # (on a large base a full collection would otherwise pause answers).
    gc.freeze()
    logging.getLogger(__name__).info("starting in %s mode", settings.bot_mode)
    run(settings, engine)
    return 0


if __name__ == "__main__":
    sys.exit(main())
