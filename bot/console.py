"""The console chat: the same engine, readable text, numbered buttons. No Telegram needed."""

from __future__ import annotations

import sys
from typing import TextIO

from bot.render_text import buttons_of, render_text
from knowledge import texts
from knowledge.engine import Engine
from knowledge.reply import Action, Reply


def _press(engine: Engine, action: Action) -> Reply | None:
    if action.listing is not None:
        return engine.catalogue(action.listing, action.page, action.keep)
    return engine.topic_reply(action.topic, action.section, action.keep)


def run_console(engine: Engine, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> int:
    """Chat until end of input or Ctrl-C; piped input works the same as typing."""
    interactive = stdin.isatty() and stdout.isatty()

    def say(text: str) -> None:
        stdout.write(text + "\n\n")
        stdout.flush()

    say(texts.CONSOLE_GREETING)
    greeting = engine.greeting()
    say(render_text(greeting, numbered=True))
    buttons = buttons_of(greeting)
    try:
        while True:
            line = input(texts.CONSOLE_PROMPT) if interactive else stdin.readline()
            if not interactive and not line:
                break
            choice = line.strip()
            reply: Reply | None
            if choice.isdigit() and buttons:
                number = int(choice)
                if not 1 <= number <= len(buttons):
                    say(texts.CONSOLE_BAD_CHOICE.format(number=number))
                    continue
                reply = _press(engine, buttons[number - 1])
                if reply is None:
                    say(texts.BUTTON_EXPIRED)
                    continue
            else:
                reply = engine.answer(line)
            say(render_text(reply, numbered=True))
            buttons = buttons_of(reply)
    except (EOFError, KeyboardInterrupt):
        stdout.write("\n")
    say(texts.CONSOLE_BYE)
    return 0
