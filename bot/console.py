"""The console chat: the same engine and the same conversation service, readable text,
numbered buttons. No Telegram needed. The whole chat is one conversation: follow-ups ("is it
safe?") and button presses move it on as on Telegram."""

from __future__ import annotations

import asyncio
import sys
from typing import TextIO

from bot.render_text import buttons_of, render_text
from handlers.service import ConversationService
from knowledge import Action, Engine, Reply

GREETING = (
    "Console chat: type a question and press Enter. Type a number to press a button. Ctrl-D or Ctrl-C quits."
)
PROMPT = "you> "
BYE = "Bye!"
BAD_CHOICE = "There is no button {number}."
BUTTON_EXPIRED = "That button has expired. Please ask again."
PLATFORM = "console"
KEY = "console"  # the one conversation of this chat


def run_console(engine: Engine, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> int:
    """Chat until end of input or Ctrl-C; piped input works the same as typing."""
    return asyncio.run(_chat(ConversationService(engine), stdin, stdout))


async def _chat(service: ConversationService, stdin: TextIO, stdout: TextIO) -> int:
    interactive = stdin.isatty() and stdout.isatty()
    buttons: tuple[Action, ...] = ()

    def say(text: str) -> None:
        stdout.write(text + "\n\n")
        stdout.flush()

    async def show(reply: Reply, over: tuple[int, ...]) -> tuple[int, ...]:
        nonlocal buttons
        say(render_text(reply, numbered=True))
        buttons = buttons_of(reply)
        return ()

    say(GREETING)
    await service.show(None, service.engine.greeting(), show, platform=PLATFORM)
    try:
        while True:
            line = input(PROMPT) if interactive else stdin.readline()
            if not interactive and not line:
                break
            choice = line.strip()
            if choice.isdecimal() and buttons:
                number = int(choice)
                if not 1 <= number <= len(buttons):
                    say(BAD_CHOICE.format(number=number))
                elif await service.press(KEY, buttons[number - 1], show, platform=PLATFORM) is None:
                    say(BUTTON_EXPIRED)
            else:
                await service.ask(KEY, line, show, platform=PLATFORM)
    except (EOFError, KeyboardInterrupt):
        stdout.write("\n")
    say(BYE)
    return 0
