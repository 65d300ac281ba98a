"""The console chat: the same engine, readable text, numbered buttons. No Telegram needed.
The whole chat is one conversation: follow-ups ("is it safe?") and button presses move it on
as on Telegram, and each reply is in the language chosen as on Telegram (/language CODE, or
the language of what is typed)."""

from __future__ import annotations

import sys
from typing import TextIO

from bot import wording
from bot.render_text import buttons_of, render_text
from knowledge import Action, Conversation, Engine, Reply
from knowledge.i18n.languages import CODES, DEFAULT_LANGUAGE, is_language

LANGUAGE_COMMAND = "/language"
AUTOMATIC = "auto"  # /language auto: answer in the language of each message again


def _press(engine: Engine, action: Action, lang: str) -> Reply | None:
    if action.listing is not None:
        return engine.catalogue(action.listing, action.page, action.keep, lang=lang)
    if action.check is not None:
        return engine.check(action.topic, action.check, action.keep, lang=lang)
    return engine.topic_reply(action.topic, action.section, action.keep, page=action.page, lang=lang)


def choose(conversation: Conversation | None, argument: str) -> tuple[Conversation | None, str]:
    """`/language CODE` (or `auto`): the conversation with that choice, and what to say."""
    code = argument.strip().lower()
    current = conversation or Conversation()
    if code == AUTOMATIC:
        return current.model_copy(update={"lang_chosen": False}), wording.text(
            "LANGUAGE_AUTOMATIC", current.lang or DEFAULT_LANGUAGE
        )
    if not is_language(code):
        codes = ", ".join((*CODES, AUTOMATIC))
        return conversation, wording.text("LANGUAGE_USAGE", current.lang).format(codes=codes)
    return current.model_copy(update={"lang": code, "lang_chosen": True}), wording.text(
        "LANGUAGE_CHOSEN", code
    )


def run_console(
    engine: Engine, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout, user_tag: str | None = None
) -> int:
    """Chat until end of input or Ctrl-C; piped input works the same as typing. `user_tag`:
    the language to start in, as an app would say it ("es", "pt-br")."""
    interactive = stdin.isatty() and stdout.isatty()
    start = engine.language_without_text(None, user_tag)

    def say(text: str) -> None:
        stdout.write(text + "\n\n")
        stdout.flush()

    say(wording.text("GREETING", start))
    greeting = engine.greeting(start)
    say(render_text(greeting, numbered=True))
    buttons = buttons_of(greeting)
    conversation: Conversation | None = None
    try:
        while True:
            line = input(wording.text("PROMPT", start)) if interactive else stdin.readline()
            if not interactive and not line:
                break
            choice = line.strip()
            reply: Reply | None
            lang = engine.language_without_text(conversation, user_tag)
            if choice.split(" ", 1)[0] == LANGUAGE_COMMAND:
                conversation, said = choose(conversation, choice[len(LANGUAGE_COMMAND) :])
                say(said)
                continue
            if choice.isdecimal() and buttons:
                number = int(choice)
                if not 1 <= number <= len(buttons):
                    say(wording.text("BAD_CHOICE", lang).format(number=number))
                    continue
                reply = _press(engine, buttons[number - 1], lang)
                if reply is None:
                    say(wording.text("BUTTON_EXPIRED", lang))
                    continue
            else:
                lang = engine.language(line, conversation, user_tag)
                reply = engine.answer(line, conversation, lang=lang)
            conversation = engine.after(conversation, reply)
            say(render_text(reply, numbered=True))
            buttons = buttons_of(reply)
    except (EOFError, KeyboardInterrupt):
        stdout.write("\n")
    say(wording.text("BYE", conversation.lang if conversation else start))
    return 0
