"""`python -m bot ask [--json] [--conversation] [--lang CODE] [TEXT...]`: the answer engine
from the command line.

A contract the eval tools rely on: with --json, exactly one JSON object per input line, in
order, flushed after each, with the keys query, topics, section, escalation, level (the
conversation's level after the turn: emergency and crisis hold with --conversation), reasons,
concepts (each clinical concept read, with its context), suggestions, text and lang (the
language the reply is written in). Each line is answered alone, unless --conversation makes
the lines one conversation: then each is read in the context the lines before it left ("is it
safe?"). Each reply is in the language the line is written in when it can be told (else the
conversation's, else English), unless --lang forces one: knowledge.i18n.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Iterable

from bot.render_text import render_text
from handlers.service import ConversationService
from knowledge import Engine, Reply
from knowledge.i18n.languages import CODES, is_language

PLATFORM = "ask"


def as_json(query: str, reply: Reply, level: str) -> str:
    """One answer as JSON. `level`: the conversation's level once this turn is answered (with
    --conversation, emergency and crisis hold: knowledge.turns); alone, the reply's own."""
    return json.dumps(
        {
            "query": query,
            "topics": list(reply.topics),
            "section": reply.section,
            "escalation": reply.escalation.level,
            "level": level,
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
    return asyncio.run(
        _answer_all(ConversationService(engine), messages, args.json, args.conversation, args.lang)
    )


async def _answer_all(
    service: ConversationService,
    messages: Iterable[str],
    as_lines: bool,
    one_conversation: bool,
    lang: str | None,
) -> int:
    """Each message a turn of the service: of one conversation, or each of its own."""
    for n, message in enumerate(messages):

        async def shown(reply: Reply, over: tuple[int, ...]) -> tuple[int, ...]:
            return ()  # written below, once the turn has left the conversation's level

        key = "ask" if one_conversation else f"ask{n}"
        reply = await service.ask(key, message, shown, platform=PLATFORM, lang=lang)
        if one_conversation:
            level = await service.level(key)
        else:
            level = reply.escalation.level
            await service.forget(key)  # nothing outlives a line answered alone
        out = as_json(message, reply, level) if as_lines else render_text(reply) + "\n"
        sys.stdout.write(out + "\n")
        sys.stdout.flush()
    return 0


def _language(code: str) -> str:
    """--lang's value; argparse turns the error into "argument --lang: ..." and exit 2."""
    if not is_language(code.strip().lower()):
        raise argparse.ArgumentTypeError(f"unsupported language {code!r} (one of: {', '.join(CODES)})")
    return code.strip().lower()
