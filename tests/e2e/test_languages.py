"""The user's language on real Telegram updates over loopback HTTP: menus and profile per app
language, /language with buttons, a reply in the language a message is written in, and the
crisis block in the chosen language with the lines of its countries first."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from handlers.telegram import wording as telegram_texts
from handlers.telegram.commands import COMMANDS
from knowledge.answers import wording as texts
from knowledge.engine import Engine
from tests.support.e2e import ask_all, polling_bot, settle
from tests.support.fake_bot_api import FakeBotAPI

CHAT = 7001


@pytest.fixture
async def api() -> AsyncIterator[FakeBotAPI]:
    async with FakeBotAPI() as fake:
        yield fake


def answers(key: str, lang: str) -> str:
    return texts.CATALOG.text(key, lang)


def button_data(message: dict) -> dict[str, str]:
    rows = (message.get("reply_markup") or {}).get("inline_keyboard", [])
    return {b["text"]: b["callback_data"] for row in rows for b in row if "callback_data" in b}


async def command(api: FakeBotAPI, chat: int, text: str) -> list[dict]:
    before = len(api.sent_to(chat))
    api.push_command(chat, text)
    await api.wait_for(lambda: len(api.sent_to(chat)) > before, what=f"an answer to {text}")
    await settle(api)
    return api.sent_to(chat)[before:]


async def press(api: FakeBotAPI, chat: int, message_id: int, data: str) -> None:
    answered = len(api.callback_answers)
    api.push_callback(chat, message_id, data)
    await api.wait_for(lambda: len(api.callback_answers) > answered, what=f"press {data}")
    await settle(api)


async def test_a_russian_app_gets_russian_menus_profile_and_greeting(api: FakeBotAPI, engine: Engine) -> None:
    api.set_user_language(CHAT, "ru")
    async with polling_bot(api, engine):
        greeting = (await command(api, CHAT, "/start"))[0]
        helped = (await command(api, CHAT, "/help"))[0]
        # The other languages' menus are set in the background, after English.
        await api.wait_for(lambda: api.my_description(short=True, language_code="ar"), what="the last menus")
    private = api.my_commands({"type": "all_private_chats"}, language_code="ru")
    russian = {c.name: telegram_texts.text(f"COMMAND_{c.name.upper()}", "ru") for c in COMMANDS}
    assert {c["command"]: c["description"] for c in private} == russian
    assert russian["language"] != telegram_texts.text("COMMAND_LANGUAGE", "en")
    # English is the default menu for every other app language.
    assert api.my_commands()[0]["description"] == telegram_texts.text("COMMAND_START", "en")
    assert api.my_description(language_code="ru") == telegram_texts.text("BOT_DESCRIPTION", "ru")
    assert api.my_description(short=True, language_code="ar") == telegram_texts.text(
        "BOT_SHORT_DESCRIPTION", "ar"
    )
    assert greeting["text"].startswith(answers("GREETING_TITLE", "ru"))
    assert telegram_texts.text("COMMAND_FORGET", "ru") in helped["text"]


async def test_language_switches_with_buttons_and_back_to_automatic(api: FakeBotAPI, engine: Engine) -> None:
    async with polling_bot(api, engine):
        picker = (await command(api, CHAT, "/language"))[0]
        choices = button_data(picker)
        assert {"English", "Español", "Русский", "العربية"} <= set(choices)
        await press(api, CHAT, picker["message_id"], choices["Español"])
        chosen = next(m for m in api.sent_to(CHAT) if m["message_id"] == picker["message_id"])
        assert chosen["text"] == telegram_texts.text("LANGUAGE_CHOSEN", "es")
        # Chosen: an English message is answered in Spanish.
        spanish = await ask_all(api, CHAT, "what causes twitching")
        assert answers("SECTION_CAUSES_HEADING", "es") in spanish[0]["text"]
        assert answers("DISCLAIMER", "es") in spanish[-1]["text"]
        # Automatic again: each message in its own language.
        picker = (await command(api, CHAT, "/language"))[-1]
        assert picker["text"].startswith(telegram_texts.text("LANGUAGE_PROMPT", "es").split("{")[0])
        await press(
            api, CHAT, picker["message_id"], button_data(picker)[telegram_texts.text("LANGUAGE_AUTO", "es")]
        )
        english = await ask_all(api, CHAT, "what causes twitching")
    assert answers("SECTION_CAUSES_HEADING", "en") in english[0]["text"]


async def test_a_message_is_answered_in_its_own_language_whatever_the_app_says(
    api: FakeBotAPI, engine: Engine
) -> None:
    api.set_user_language(CHAT, "en")
    async with polling_bot(api, engine):
        reply = await ask_all(api, CHAT, "me tiembla el párpado desde hace días, qué hago")
        # Too short to tell: the conversation keeps Spanish.
        after = await ask_all(api, CHAT, "ok")
    shown = "\n".join(m["text"] for m in reply)
    assert answers("UNKNOWN_TITLE", "en") not in shown
    assert any(answers(k, "es") in shown for k in ("UNKNOWN_TITLE", "DISCLAIMER", "SECTION_OVERVIEW_HEADING"))
    assert after[0]["text"] == answers("SMALL_TALK_OK", "es")


async def test_crisis_block_in_spanish_with_spanish_speaking_countries_first(
    api: FakeBotAPI, engine: Engine
) -> None:
    api.set_user_language(CHAT, "es")
    async with polling_bot(api, engine):
        picker = (await command(api, CHAT, "/language"))[0]
        await press(api, CHAT, picker["message_id"], button_data(picker)["Español"])
        first = (await ask_all(api, CHAT, "i want to kill myself"))[0]["text"]
    assert first.startswith(answers("CRISIS_TITLE", "es"))
    assert "112" in first and "911" in first  # Spain's and Mexico's emergency numbers
    spain, mexico, other = (
        first.index("España: 024"),
        first.index("México: 800 911 2000"),
        first.index(f"{answers('OTHER_COUNTRIES', 'es')}: findahelpline.com"),
    )
    assert spain < mexico < other
    assert "988" not in first  # the general (English) lines give way to the country's


async def test_the_region_of_the_app_language_picks_the_country(api: FakeBotAPI, engine: Engine) -> None:
    api.set_user_language(CHAT, "pt-br")
    async with polling_bot(api, engine):
        picker = (await command(api, CHAT, "/language"))[0]
        assert picker["text"].startswith(telegram_texts.text("LANGUAGE_PROMPT", "pt").split("{")[0])
        await press(api, CHAT, picker["message_id"], button_data(picker)["Português"])
        first = (await ask_all(api, CHAT, "i want to kill myself"))[0]["text"]
    assert first.startswith(answers("CRISIS_TITLE", "pt"))
    assert "Brasil: 188" in first and "192" in first
    assert "1411" not in first  # Portugal's line: the region says Brazil
