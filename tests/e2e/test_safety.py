"""Safety on real Telegram updates over loopback HTTP: crisis and emergency advice comes first,
and once shown, no button press and no edit takes advice off the screen."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from handlers.callback_data import decode
from knowledge.answers import wording as texts
from knowledge.engine import Engine
from tests.support.e2e import ask_all, polling_bot, settle
from tests.support.fake_bot_api import FakeBotAPI

CHAT = 6001


@pytest.fixture
async def api() -> AsyncIterator[FakeBotAPI]:
    async with FakeBotAPI() as fake:
        yield fake


def button_data(message: dict) -> dict[str, str]:
    """The callback buttons under a message, by label (other buttons, such as inline mode's,
    carry no callback data)."""
    rows = (message.get("reply_markup") or {}).get("inline_keyboard", [])
    return {b["text"]: b["callback_data"] for row in rows for b in row if "callback_data" in b}


def chat_text(api: FakeBotAPI, chat: int) -> str:
    """Everything the chat shows now: every bot message in its current (edited) state."""
    return "\n".join(m["text"] for m in api.sent_to(chat))


async def press(api: FakeBotAPI, chat: int, message_id: int, data: str) -> None:
    """Press a button and wait until the press is answered."""
    answered = len(api.callback_answers)
    api.push_callback(chat, message_id, data)
    await api.wait_for(lambda: len(api.callback_answers) > answered, what=f"press {data}")


async def press_every_button(api: FakeBotAPI, chat: int, marker: str) -> int:
    """Press each button under the chat's messages, one at a time, checking after each press
    that `marker` is still on screen. Returns the number of presses."""
    presses = 0
    for message in api.sent_to(chat):
        for label in list(button_data(message)):
            current = next(m for m in api.sent_to(chat) if m["message_id"] == message["message_id"])
            data = button_data(current).get(label)
            if data is None:
                continue
            await press(api, chat, message["message_id"], data)
            await settle(api)
            presses += 1
            assert marker in chat_text(api, chat), f"advice gone after pressing {label!r}"
    return presses


async def test_emergency_answer_opens_with_its_advice(api: FakeBotAPI, engine: Engine) -> None:
    async with polling_bot(api, engine):
        first = (await ask_all(api, CHAT, "my toddler swallowed a bottle of zinc tablets"))[0]
    assert first["text"].startswith(texts.EMERGENCY_TITLE)
    assert first["text"].index("emergency number") < first["text"].index("Zinc")
    assert "1-800-222-1222" in first["text"]  # the poison line, from helplines.toml


async def test_crisis_message_gets_the_crisis_block_first(api: FakeBotAPI, engine: Engine) -> None:
    async with polling_bot(api, engine):
        first = (await ask_all(api, CHAT, "this twitching makes me want to die"))[0]
        alone = (await ask_all(api, CHAT + 1, "i want to kill myself"))[0]
    for message in (first, alone):
        assert message["text"].startswith(texts.CRISIS_TITLE)
        assert "988" in message["text"] and "116 123" in message["text"]
        assert texts.UNKNOWN_TITLE not in message["text"]
    assert first["text"].index("116 123") < first["text"].index("Twitching")


@pytest.mark.parametrize(
    ("question", "marker"),
    [
        ("twitching and weakness in my arm", texts.DOCTOR_TITLE),
        ("zinc and chest pain", texts.EMERGENCY_TITLE),
        ("twitching makes me want to die", texts.CRISIS_TITLE),
        ("magnes and my throat is swelling", texts.EMERGENCY_TITLE),  # did-you-mean buttons
    ],
)
async def test_advice_stays_after_pressing_every_button(
    api: FakeBotAPI, engine: Engine, question: str, marker: str
) -> None:
    async with polling_bot(api, engine):
        await ask_all(api, CHAT, question)
        assert marker in chat_text(api, CHAT)
        presses = await press_every_button(api, CHAT, marker)
        assert presses >= 1
        # The pressed buttons are themselves stateless, and still carry the advice.
        for message in api.sent_to(CHAT):
            for data in button_data(message).values():
                assert decode(data) is not None and decode(data).keep  # type: ignore[union-attr]


async def test_editing_the_question_keeps_the_advice(api: FakeBotAPI, engine: Engine) -> None:
    async with polling_bot(api, engine):
        question = api.push_text(CHAT, "twitching and chest pain")["message"]["message_id"]
        await api.wait_for_messages(CHAT, 1)
        api.push_edited_text(CHAT, question, "twitching")
        await api.wait_for(lambda: api.sent_to(CHAT)[0].get("edits", 0) >= 1, what="edited answer")
        await settle(api)
    shown = chat_text(api, CHAT)
    assert texts.EMERGENCY_TITLE in shown and "Twitching" in shown
