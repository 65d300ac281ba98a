"""Conversation on Telegram: follow-ups, small talk, the symptom check, groups and /forget,
with the real Application polling the fake Bot API over loopback HTTP."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from handlers.telegram import wording as telegram_words
from knowledge.answers import wording as texts
from knowledge.base.models import KnowledgeBase
from knowledge.engine import Engine
from tests.e2e.test_conversation import ask, button_data
from tests.support.e2e import check_html, polling_bot
from tests.support.fake_bot_api import FakeBotAPI

CHAT = 6001
GROUP = -100300
MENTION = "@fake_test_bot"


@pytest.fixture
async def api() -> AsyncIterator[FakeBotAPI]:
    async with FakeBotAPI() as fake:
        yield fake


def current(api: FakeBotAPI, message: dict, chat: int) -> dict:
    return next(m for m in api.sent_to(chat) if m["message_id"] == message["message_id"])


async def press(api: FakeBotAPI, message: dict, label: str, chat: int = CHAT) -> dict:
    """Press a button under `message`; return the message once the press has edited it."""
    edits = current(api, message, chat)["edits"]
    api.push_callback(chat, message["message_id"], button_data(message)[label])
    await api.wait_for(lambda: current(api, message, chat)["edits"] > edits, what=f"the edit after {label!r}")
    now = current(api, message, chat)
    check_html(now)
    return now


async def test_is_it_safe_after_an_ingredient(api: FakeBotAPI, engine: Engine, kb: KnowledgeBase) -> None:
    async with polling_bot(api, engine):
        first = await ask(api, "magnesum?", CHAT)
        assert first["text"].startswith("Magnesium")
        safety = await ask(api, "is it safe?", CHAT)
        assert safety["text"].startswith("Magnesium")
        facts = kb.ingredients["magnesium"].safety
        assert facts is not None and facts.upper_limit in safety["text"]
        # The safety facts come first when safety is asked.
        assert safety["text"].index("Safety") < safety["text"].index("For Twitching")


async def test_thanks_gets_one_short_line(api: FakeBotAPI, engine: Engine) -> None:
    async with polling_bot(api, engine):
        await ask(api, "zinc", CHAT)
        thanks = await ask(api, "thanks!", CHAT)
        assert thanks["text"] == texts.small_talk_line("thanks")
        assert "reply_markup" not in thanks or not thanks["reply_markup"]
        bye = await ask(api, "👍", CHAT)
        assert bye["text"] == texts.small_talk_line("ok")


async def test_the_symptom_check_runs_to_both_outcomes(
    api: FakeBotAPI, engine: Engine, kb: KnowledgeBase
) -> None:
    items = kb.conditions["twitching"].when_to_see_doctor
    async with polling_bot(api, engine):
        for first_answer, outcome_text in (
            (texts.CHECK_NO, texts.CHECK_ALL_NO),
            (texts.CHECK_UNSURE, texts.CHECK_SAID_UNSURE),
        ):
            answer = await ask(api, "twitching", CHAT)
            message = await press(api, answer, texts.CHECK_BUTTON)
            for n, item in enumerate(items):
                assert texts.CHECK_QUESTION in message["text"] and item in message["text"]
                assert texts.CHECK_PROGRESS.format(number=n + 1, total=len(items)) in message["text"]
                rows = message["reply_markup"]["inline_keyboard"]
                assert [b["text"] for b in rows[0]] == [texts.CHECK_YES, texts.CHECK_NO, texts.CHECK_UNSURE]
                message = await press(api, message, first_answer if n == 0 else texts.CHECK_NO)
            assert outcome_text in message["text"]
            if first_answer == texts.CHECK_UNSURE:
                # Doctor advice first, naming what they were unsure about; it stays on a press.
                assert message["text"].startswith(texts.DOCTOR_TITLE)
                assert items[0] in message["text"]
                back = await press(api, message, texts.CHECK_BACK.format(condition="Twitching"))
                assert texts.DOCTOR_TITLE in back["text"]
            else:
                assert texts.DOCTOR_TITLE not in message["text"]
                for remedy in kb.conditions["twitching"].remedies:
                    assert remedy.name in message["text"]


async def test_two_users_in_one_group_keep_separate_contexts(api: FakeBotAPI, engine: Engine) -> None:
    def say(user: int, text: str) -> None:
        full = f"{MENTION} {text}"
        api.push_text(
            GROUP,
            full,
            chat_type="supergroup",
            title="Friends",
            user_id=user,
            entities=[{"type": "mention", "offset": 0, "length": len(MENTION)}],
        )

    async with polling_bot(api, engine):
        say(1, "magnesium")
        say(2, "zinc")
        await api.wait_for_messages(GROUP, 2)
        say(1, "is it safe?")
        say(2, "is it safe?")
        replies = await api.wait_for_messages(GROUP, 4)
        by_question = {m["reply_to_message_id"]: m["text"] for m in replies[2:]}
        questions = [m for m in api.state.messages.values() if m["chat"]["id"] == GROUP and "from" in m]
        asked = {q["message_id"]: q["from"]["id"] for q in questions if q.get("text", "").endswith("safe?")}
        answers = {asked[mid]: text for mid, text in by_question.items()}
        assert answers[1].startswith("Magnesium") and answers[2].startswith("Zinc")


async def test_forget_forgets(api: FakeBotAPI, engine: Engine) -> None:
    async with polling_bot(api, engine):
        await ask(api, "magnesium", CHAT)
        before = len(api.sent_to(CHAT))
        api.push_command(CHAT, "/forget")
        forgot = (await api.wait_for_messages(CHAT, before + 1))[-1]
        assert forgot["text"] == telegram_words.FORGET_DONE
        after = await ask(api, "is it safe?", CHAT)
        assert not after["text"].startswith("Magnesium")
        privacy_before = len(api.sent_to(CHAT))
        api.push_command(CHAT, "/privacy")
        privacy = (await api.wait_for_messages(CHAT, privacy_before + 1))[-1]
        assert "30 minutes" in privacy["text"] and "/forget" in privacy["text"]


async def test_a_button_moves_the_conversation_on(api: FakeBotAPI, engine: Engine) -> None:
    """Pressing an ingredient's button makes it the topic, as if it had been asked."""
    async with polling_bot(api, engine):
        answer = await ask(api, "what helps eye twitching", CHAT)
        await press(api, answer, "Zinc")
        safety = await ask(api, "side effects?", CHAT)
        assert safety["text"].startswith("Zinc")
