"""`python -m bot`: the bot, or without a token a console chat; `python -m bot ask` answers text."""

from __future__ import annotations

import sys

from knowledge import KnowledgeError, load_knowledge
from knowledge.engine import Engine


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        engine = Engine(load_knowledge())
    except KnowledgeError as exc:
        print(f"cannot load the knowledge base:\n{exc}", file=sys.stderr)
        return 1
    if argv and argv[0] == "ask":
        from bot.cli import run_ask

        return run_ask(engine, argv[1:])
    from knowledge.__main__ import main as check

    return check(["check"])


if __name__ == "__main__":
    sys.exit(main())
