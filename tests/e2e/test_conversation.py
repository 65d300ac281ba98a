"""A whole conversation with the real Application over loopback HTTP against the fake Bot API."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from handlers.callback_data import TopicButton, decode
from handlers.commands import COMMANDS
from knowledge.answers import wording as texts
from knowledge.engine import Engine
from tests.support.e2e import bot_env, check_html, polling_bot, start_bot_process, stop_bot_process
from tests.support.fake_bot_api import FakeBotAPI
from tests.support.telegram_html import validate

CHAT = 5001


@pytest.fixture
async def api() -> AsyncIterator[FakeBotAPI]:
    async with FakeBotAPI() as fake:
        yield fake


def button_data(message: dict) -> dict[str, str]:
    """The callback buttons under a message, by label (other buttons, such as inline mode's,
    carry no callback data)."""
    rows = (message.get("reply_markup") or {}).get("inline_keyboard", [])
    return {b["text"]: b["callback_data"] for row in rows for b in row if "callback_data" in b}


async def ask(api: FakeBotAPI, text: str, chat: int = CHAT) -> dict:
    before = len(api.sent_to(chat))
    api.push_text(chat, text)
    sent = await api.wait_for_messages(chat, before + 1)
    check_html(sent[-1])
    return sent[-1]


async def test_conversation(api: FakeBotAPI, engine: Engine) -> None:
    async with polling_bot(api, engine):
        api.push_command(CHAT, "/start")
        start = (await api.wait_for_messages(CHAT, 1))[0]
        assert texts.GREETING_TITLE in start["text"] and texts.DISCLAIMER in start["text"]
        assert [c["command"] for c in api.my_commands()] == [c.name for c in COMMANDS]

        condition = await ask(api, "what is twitchng")
        assert condition["text"].startswith("Twitching\n") and "Overview" in condition["text"]
        buttons = button_data(condition)
        assert list(buttons) == [
            "• Overview",
            "Types",
            "Causes",
            "Serious causes",
            "When to see a doctor",
            "Remedies",
            "Ingredients",
            "Check my symptoms",
        ]

        api.push_callback(CHAT, condition["message_id"], buttons["Causes"])
        await api.wait_for(lambda: "Common causes" in api.sent_to(CHAT)[-1]["text"], what="edit")
        edited = api.sent_to(CHAT)[-1]
        assert edited["message_id"] == condition["message_id"] and edited["edits"] >= 1
        check_html(edited)
        await api.wait_for(lambda: len(api.callback_answers) == 1, what="callback answer")

        ingredient = await ask(api, "does magnesum help my eye twitch")
        assert ingredient["text"].startswith("Magnesium") and "For Twitching" in ingredient["text"]
        assert "Safety" in ingredient["text"] and "Magnesium fact sheet" in ingredient["text"]

        near = await ask(api, "magnes")
        suggestion = button_data(near)["Magnesium"]
        button = decode(suggestion)
        assert isinstance(button, TopicButton) and button.slug == "magnesium"
        api.push_callback(CHAT, near["message_id"], suggestion)
        await api.wait_for(lambda: api.sent_to(CHAT)[-1]["text"].startswith("Magnesium"), what="dym")

        unknown = await ask(api, "diabetes")  # a condition the knowledge base lacks
        assert texts.NOTHING_ON_IT.format(name="diabetes", topic="Magnesium") in unknown["text"]
        red = await ask(api, "my calf twitches and my leg feels weak")
        assert texts.DOCTOR_TITLE in red["text"]
        assert red["text"].rstrip().endswith(f"disorders\n\n{texts.DISCLAIMER}")  # advice, then disclaimer
        emergency = await ask(api, "twitching and I can't breathe")
        assert texts.EMERGENCY_TITLE in emergency["text"] and "emergency number" in emergency["text"]
        # Right after emergency advice, what the bot does not understand gets that advice again.
        after = await ask(api, "diabetes")
        assert after["text"].startswith(texts.EMERGENCY_TITLE) and texts.UNKNOWN_TITLE not in after["text"]


async def test_inline_query_and_edit_and_group(api: FakeBotAPI, engine: Engine) -> None:
    async with polling_bot(api, engine):
        api.push_inline_query(77, "zinc and chest pain")
        await api.wait_for(lambda: len(api.inline_answers) == 1, what="inline answer")
        results = api.inline_answers[0]["results"]
        first = results[0]["input_message_content"]["message_text"]
        assert validate(first) is None and "Zinc" in first and texts.EMERGENCY_TITLE in first

        question = api.push_text(CHAT, "zinc")["message"]["message_id"]
        reply = (await api.wait_for_messages(CHAT, 1))[0]
        api.push_edited_text(CHAT, question, "gaba")
        await api.wait_for(lambda: api.sent_to(CHAT)[0]["text"].startswith("GABA"), what="edited")
        assert len(api.sent_to(CHAT)) == 1 and api.sent_to(CHAT)[0]["message_id"] == reply["message_id"]

        group = -100200
        api.push_text(group, "magnesium", chat_type="supergroup", title="Friends", user_id=9)
        api.push_text(
            group,
            "@fake_test_bot zinc",
            chat_type="supergroup",
            title="Friends",
            user_id=9,
            entities=[{"type": "mention", "offset": 0, "length": 14}],
        )
        answers = await api.wait_for_messages(group, 1)
        assert answers[0]["text"].startswith("Zinc")
        api.push_command(group, "/help@fake_test_bot", chat_type="supergroup", title="Friends", user_id=9)
        await api.wait_for_messages(group, 2)
        assert len(api.sent_to(group)) == 2  # the unaddressed "magnesium" got nothing


async def test_bot_process_answers_through_base_url(api: FakeBotAPI, tmp_path: Path) -> None:
    """`python -m bot` with TELEGRAM_BOT_TOKEN and TELEGRAM_API_BASE_URL, as a user runs it."""
    proc = await start_bot_process(bot_env(api), tmp_path)
    try:
        api.push_command(CHAT, "/start")
        api.push_text(CHAT, "ashwagandha")
        sent = await api.wait_for_messages(CHAT, 2, timeout=30)
        assert sent[1]["text"].startswith("Ashwagandha")
        api.push_callback(CHAT, sent[1]["message_id"], button_data(sent[1])["Twitching"])
        await api.wait_for(lambda: api.sent_to(CHAT)[1]["text"].startswith("Twitching"), what="button")
    finally:
        output = await stop_bot_process(proc)
    assert proc.returncode == 0, output
    assert api.token not in output and "ashwagandha" not in output.lower()
