"""`python -m bot ask [--json] [--conversation] [--lang CODE] [TEXT...]`: the answer engine
from the command line.

A contract the eval tools rely on: with --json, exactly one JSON object per input line, in
order, flushed after each, with the keys query, topics, section, escalation, reasons,
concepts (each clinical concept read, with its context), suggestions, text and lang (the
language the reply is written in). Each line is answered alone, unless --conversation makes
the lines one conversation: then each is read in the context the lines before it left ("is it
safe?"). Each reply is in the language the line is written in when it can be told (else the
conversation's, else English), unless --lang forces one: knowledge.i18n.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable

from bot.render_text import render_text
from knowledge import Conversation, Engine, Reply
from knowledge.i18n.languages import CODES, is_language


def as_json(query: str, reply: Reply) -> str:
    return json.dumps(
        {
            "query": query,
            "topics": list(reply.topics),
            "section": reply.section,
            "escalation": reply.escalation.level,
            "reasons": list(reply.escalation.reasons),
            "concepts": [c.model_dump() for c in reply.escalation.concepts],
            "suggestions": [a.topic for a in reply.suggestions],
            "text": render_text(reply),
            "lang": reply.lang,
        },
        ensure_ascii=False,
    )


def run_ask(engine: Engine, argv: list[str], stdin: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot ask")
    parser.add_argument("--json", action="store_true", help="one JSON object per message")
    parser.add_argument(
        "--conversation",
        action="store_true",
        help="read the messages as one conversation, each in the context of those before it",
    )
    parser.add_argument(
        "--lang", type=_language, metavar="CODE", help=f"answer in this language: one of {', '.join(CODES)}"
    )
    parser.add_argument("text", nargs="*", help="the message; without it, read one per line")
    args = parser.parse_args(argv)
    messages = [" ".join(args.text)] if args.text else (line.rstrip("\r\n") for line in stdin or sys.stdin)
    conversation: Conversation | None = None
    for message in messages:
        lang = args.lang or engine.language(message, conversation)
        reply = engine.answer(message, conversation, lang=lang)
        if args.conversation:
            conversation = engine.after(conversation, reply)
        out = as_json(message, reply) if args.json else render_text(reply) + "\n"
        sys.stdout.write(out + "\n")
        sys.stdout.flush()
    return 0


def _language(code: str) -> str:
    """--lang's value; argparse turns the error into "argument --lang: ..." and exit 2."""
    if not is_language(code.strip().lower()):
        raise argparse.ArgumentTypeError(f"unsupported language {code!r} (one of: {', '.join(CODES)})")
    return code.strip().lower()
