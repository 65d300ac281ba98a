"""Issue 20 on Telegram: advice that holds across turns, red flags read with the condition in
context, and context that lets go, with the real Application polling the fake Bot API over
loopback HTTP."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from knowledge.answers import wording as texts
from knowledge.base.models import KnowledgeBase
from knowledge.engine import Engine
from tests.e2e.test_conversation import ask, button_data
from tests.support.e2e import check_html, polling_bot
from tests.support.fake_bot_api import FakeBotAPI

CHAT = 6201


@pytest.fixture
async def api() -> AsyncIterator[FakeBotAPI]:
    async with FakeBotAPI() as fake:
        yield fake


async def test_emergency_advice_holds_after_ok_and_what_do_i_do(api: FakeBotAPI, engine: Engine) -> None:
    """An emergency, then "ok": a short line that restates the number, first; then "what do i
    do": the full advice again, first."""
    numbers = engine.advisor.emergency_numbers()
    async with polling_bot(api, engine):
        advice = await ask(api, "my husband's face is drooping and his speech is slurred", CHAT)
        assert advice["text"].startswith(texts.EMERGENCY_TITLE)
        ok = await ask(api, "ok", CHAT)
        check_html(ok)
        assert ok["text"].startswith(texts.HELD_EMERGENCY.format(numbers=numbers))
        assert len(ok["text"]) < len(advice["text"])
        again = await ask(api, "what do i do", CHAT)
        check_html(again)
        assert again["text"].startswith(texts.EMERGENCY_TITLE)
        assert texts.EMERGENCY_ADVICE.format(numbers=numbers) in again["text"]
        # A milder message later still carries the advice, first.
        later = await ask(api, "does magnesium help", CHAT)
        assert later["text"].startswith(texts.EMERGENCY_TITLE) and "Magnesium" in later["text"]


async def test_crisis_lines_stay_on_every_reply(api: FakeBotAPI, engine: Engine, kb: KnowledgeBase) -> None:
    line = kb.helplines.crisis[0] if kb.helplines else engine.advisor.helplines.crisis[0]
    async with polling_bot(api, engine):
        await ask(api, "i want to kill myself", CHAT)
        for later in ("lol", "I'm ok now", "does ashwagandha help anxiety"):
            reply = await ask(api, later, CHAT)
            assert line.contact in reply["text"], later


async def test_a_month_after_an_ingredient_of_twitching_brings_its_doctor_list(
    api: FakeBotAPI, engine: Engine, kb: KnowledgeBase
) -> None:
    async with polling_bot(api, engine):
        await ask(api, "does magnesium help", CHAT)
        reply = await ask(api, "its been a month", CHAT)
        check_html(reply)
        assert texts.DOCTOR_TITLE in reply["text"]
        assert texts.DOCTOR_ITEMS_LABEL.format(condition="Twitching") in reply["text"]
        assert all(item in reply["text"] for item in kb.conditions["twitching"].when_to_see_doctor)


async def test_gatorade_after_magnesium_is_not_a_magnesium_answer(api: FakeBotAPI, engine: Engine) -> None:
    async with polling_bot(api, engine):
        magnesium = await ask(api, "does magnesium help", CHAT)
        assert magnesium["text"].startswith("Magnesium")
        reply = await ask(api, "would gatorade help", CHAT)
        check_html(reply)
        assert reply["text"].startswith(texts.NOTHING_ON_IT.format(name="gatorade", topic="Magnesium"))
        assert "Upper limit" not in reply["text"] and "For Twitching" not in reply["text"]
        # Magnesium stays a tap away.
        assert list(button_data(reply)) == ["Magnesium"]


async def test_emergency_advice_holds_in_spanish_after_vale_and_que_hago(
    api: FakeBotAPI, engine: Engine
) -> None:
    """The same in Spanish: the turn words are the language pack's ([turns] of es.toml), and
    every reply stays in Spanish with the advice first."""

    def es(key: str) -> str:
        return texts.CATALOG.text(key, "es")

    async with polling_bot(api, engine):
        advice = await ask(api, "mi padre no puede hablar y tiene la boca torcida", CHAT)
        assert advice["text"].startswith(es("EMERGENCY_TITLE"))
        ok = await ask(api, "vale", CHAT)
        assert ok["text"].startswith(es("HELD_EMERGENCY").split("{numbers}")[0])
        assert len(ok["text"]) < len(advice["text"])
        again = await ask(api, "qué hago", CHAT)
        assert again["text"].startswith(es("EMERGENCY_TITLE"))
        assert es("EMERGENCY_ADVICE").split("{numbers}")[0] in again["text"]
        clear = await ask(api, "ya estoy bien", CHAT)
        assert es("ALL_CLEAR_EMERGENCY").split("{numbers}")[0] in clear["text"]
