"""`python -m knowledge check [DIR]`: validate a knowledge directory and summarize it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from knowledge.base.errors import KnowledgeError
from knowledge.base.loader import DEFAULT_KNOWLEDGE_DIR, load_knowledge
from knowledge.base.summary import summarize


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m knowledge")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate articles and print a summary")
    check.add_argument("directory", nargs="?", type=Path, default=DEFAULT_KNOWLEDGE_DIR)
    args = parser.parse_args(argv)

    try:
        kb = load_knowledge(args.directory)
    except KnowledgeError as exc:
        print(f"{len(exc.problems)} problem(s) in {args.directory}:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    print(f"Knowledge base: {args.directory}")
    print(summarize(kb))
    return 0


if __name__ == "__main__":
    sys.exit(main())
