"""The console chat: the same engine, readable text, numbered buttons. No Telegram needed.
The whole chat is one conversation: follow-ups ("is it safe?") and button presses move it on
as on Telegram."""

from __future__ import annotations

import sys
from typing import TextIO

from bot.render_text import buttons_of, render_text
from knowledge import Action, Conversation, Engine, Reply

GREETING = (
    "Console chat: type a question and press Enter. Type a number to press a button. Ctrl-D or Ctrl-C quits."
)
PROMPT = "you> "
BYE = "Bye!"
BAD_CHOICE = "There is no button {number}."
BUTTON_EXPIRED = "That button has expired. Please ask again."


def _press(engine: Engine, action: Action) -> Reply | None:
    if action.listing is not None:
        return engine.catalogue(action.listing, action.page, action.keep)
    if action.check is not None:
        return engine.check(action.topic, action.check, action.keep)
    return engine.topic_reply(action.topic, action.section, action.keep, page=action.page)


def run_console(engine: Engine, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> int:
    """Chat until end of input or Ctrl-C; piped input works the same as typing."""
    interactive = stdin.isatty() and stdout.isatty()

    def say(text: str) -> None:
        stdout.write(text + "\n\n")
        stdout.flush()

    say(GREETING)
    greeting = engine.greeting()
    say(render_text(greeting, numbered=True))
    buttons = buttons_of(greeting)
    conversation: Conversation | None = None
    try:
        while True:
            line = input(PROMPT) if interactive else stdin.readline()
            if not interactive and not line:
                break
            choice = line.strip()
            reply: Reply | None
            if choice.isdecimal() and buttons:
                number = int(choice)
                if not 1 <= number <= len(buttons):
                    say(BAD_CHOICE.format(number=number))
                    continue
                reply = _press(engine, buttons[number - 1])
                if reply is None:
                    say(BUTTON_EXPIRED)
                    continue
            else:
                reply = engine.answer(line, conversation)
            conversation = engine.after(conversation, reply)
            say(render_text(reply, numbered=True))
            buttons = buttons_of(reply)
    except (EOFError, KeyboardInterrupt):
        stdout.write("\n")
    say(BYE)
    return 0
