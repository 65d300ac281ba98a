"""The console chat: the same engine and the same conversation service, readable text,
numbered buttons. No Telegram needed. The whole chat is one conversation: follow-ups ("is it
safe?") and button presses move it on as on Telegram, and each reply is in the language chosen
as on Telegram (/language CODE, or the language of what is typed)."""

from __future__ import annotations

import asyncio
import sys
from typing import TextIO

from bot import wording
from bot.render_text import buttons_of, render_text
from handlers.service import ConversationService
from knowledge import Action, Engine, Reply
from knowledge.i18n.languages import CODES, is_language

LANGUAGE_COMMAND = "/language"
AUTOMATIC = "auto"  # /language auto: answer in the language of each message again
PLATFORM = "console"
KEY = "console"  # the one conversation of this chat


async def choose(service: ConversationService, argument: str, user_tag: str | None = None) -> str:
    """`/language CODE` (or `auto`): keep the choice with the conversation; what to say."""
    code = argument.strip().lower()
    if code == AUTOMATIC:
        return wording.text("LANGUAGE_AUTOMATIC", await service.choose_language(KEY, None, user_tag))
    if not is_language(code):
        codes = ", ".join((*CODES, AUTOMATIC))
        return wording.text("LANGUAGE_USAGE", await service.language(KEY, user_tag)).format(codes=codes)
    return wording.text("LANGUAGE_CHOSEN", await service.choose_language(KEY, code, user_tag))


def run_console(
    engine: Engine, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout, user_tag: str | None = None
) -> int:
    """Chat until end of input or Ctrl-C; piped input works the same as typing. `user_tag`:
    the language to start in, as an app would say it ("es", "pt-br")."""
    return asyncio.run(_chat(ConversationService(engine), stdin, stdout, user_tag))


async def _chat(service: ConversationService, stdin: TextIO, stdout: TextIO, user_tag: str | None) -> int:
    interactive = stdin.isatty() and stdout.isatty()
    start = service.engine.language_without_text(None, user_tag)
    buttons: tuple[Action, ...] = ()

    def say(text: str) -> None:
        stdout.write(text + "\n\n")
        stdout.flush()

    async def show(reply: Reply, over: tuple[int, ...]) -> tuple[int, ...]:
        nonlocal buttons
        say(render_text(reply, numbered=True))
        buttons = buttons_of(reply)
        return ()

    say(wording.text("GREETING", start))
    await service.show(None, service.engine.greeting(start), show, platform=PLATFORM)
    try:
        while True:
            line = input(wording.text("PROMPT", start)) if interactive else stdin.readline()
            if not interactive and not line:
                break
            choice = line.strip()
            if choice.split(" ", 1)[0] == LANGUAGE_COMMAND:
                say(await choose(service, choice[len(LANGUAGE_COMMAND) :], user_tag))
            elif choice.isdecimal() and buttons:
                number = int(choice)
                lang = await service.language(KEY, user_tag)
                if not 1 <= number <= len(buttons):
                    say(wording.text("BAD_CHOICE", lang).format(number=number))
                elif (
                    await service.press(KEY, buttons[number - 1], show, platform=PLATFORM, lang=lang) is None
                ):
                    say(wording.text("BUTTON_EXPIRED", lang))
            else:
                await service.ask(KEY, line, show, platform=PLATFORM, tag=user_tag)
    except (EOFError, KeyboardInterrupt):
        stdout.write("\n")
    say(wording.text("BYE", await service.language(KEY, user_tag)))
    return 0
