"""Ways in: /start and the unknown topic with buttons to tap, /start's deep-link parameter, /help,
the bot's profile and command menus, and inline mode's button and picks."""

from __future__ import annotations

from typing import Any

import pytest

from bot.app import post_init
from handlers.callback_data import ListButton, TopicButton, decode
from handlers.telegram import wording
from handlers.telegram.deep_link import read_start_parameter, start_parameter
from knowledge.answers import wording as texts
from knowledge.engine import Engine
from tests.support.fake_bot_api import message, user
from tests.support.inprocess_bot import feed


def rows(params: dict[str, Any]) -> list[list[dict[str, Any]]]:
    return (params.get("reply_markup") or {"inline_keyboard": []})["inline_keyboard"]


def topic_buttons(params: dict[str, Any]) -> list[str]:
    return [
        b.slug
        for row in rows(params)
        for b in (decode(x.get("callback_data")) for x in row)
        if isinstance(b, TopicButton)
    ]


async def test_start_offers_conditions_ingredients_and_inline_mode(bot_app, engine: Engine) -> None:
    app, api = bot_app
    await feed(app, message=message("/start"))
    sent = api.sent()[0]
    assert texts.GREETING_TITLE in sent["text"] and texts.DISCLAIMER in sent["text"]
    slugs = topic_buttons(sent)
    assert slugs[0] == "twitching"  # the conditions first
    assert set(slugs[1:]) <= set(engine.kb.ingredients) and len(slugs) == 6
    more = [decode(b["callback_data"]) for row in rows(sent) for b in row if "callback_data" in b]
    assert ListButton("ingredients", 0) in more  # the rest one tap away
    assert rows(sent)[-1] == [{"text": wording.TRY_INLINE, "switch_inline_query_current_chat": ""}]


async def test_the_unknown_topic_offers_the_same_buttons(bot_app) -> None:
    app, api = bot_app
    await feed(app, message=message("/start"))
    await feed(app, message=message("tell me about diabetes"))
    start, unknown = api.sent()
    assert unknown["text"].startswith("<b>I don't have information on")
    assert rows(unknown) == rows(start)
    assert texts.DISCLAIMER not in unknown["text"]  # a picker, not an answer


@pytest.mark.parametrize(
    ("command", "starts"),
    [
        ("/start magnesium", "<b>Magnesium</b>"),
        ("/start twitching", "<b>Twitching</b>"),
        ("/start inline", f"<b>{texts.GREETING_TITLE}</b>"),
        ("/start nope", f"<b>{texts.GREETING_TITLE}</b>"),
        ("/start Zinc_!!", f"<b>{texts.GREETING_TITLE}</b>"),
    ],
)
async def test_start_parameter_opens_its_topic(bot_app, command: str, starts: str) -> None:
    app, api = bot_app
    await feed(app, message=message(command))
    assert api.sent()[0]["text"].startswith(starts)


async def test_start_parameter_keeps_the_advice_of_the_inline_result(bot_app, engine: Engine) -> None:
    """Opened from an inline result about chest pain, the topic comes with its emergency advice."""
    app, api = bot_app
    parameter = start_parameter(engine.answer("magnesium chest pain"))
    assert parameter.startswith("magnesium_e") and read_start_parameter(parameter)[0] == "magnesium"
    await feed(app, message=message(f"/start {parameter}"))
    text = api.sent()[0]["text"]
    assert text.startswith(f"<b>{texts.EMERGENCY_TITLE}</b>") and "<b>Magnesium</b>" in text
    assert all(decode(b["callback_data"]).keep for row in rows(api.sent()[0]) for b in row)  # type: ignore[union-attr]


def test_start_parameters_are_what_telegram_accepts(engine: Engine) -> None:
    for text in ("magnesium", "twitching and weakness", "i want to die", "", "magnes"):
        reply = engine.answer(text) if text else None
        parameter = start_parameter(reply)
        assert 1 <= len(parameter) <= 64 and all(c.isalnum() or c in "_-" for c in parameter)
    assert read_start_parameter("a_b_c") == (None, "")
    assert read_start_parameter("_e") == (None, "e")


async def test_help_explains_everything_a_new_user_needs(bot_app) -> None:
    app, api = bot_app
    await feed(app, message=message("/help"))
    text = api.sent()[0]["text"]
    assert "Typos are fine" in text and "buttons under an answer" in text
    assert "@remedy_test_bot" in text and "Inline mode" in text
    assert "red flag" in text and "/forget" in text and "/privacy" in text
    assert "/conditions – Conditions I know" in text


async def test_post_init_sets_the_profile_and_both_menus(bot_app) -> None:
    app, api = bot_app
    await post_init(app)
    assert api.sent("setMyDescription")[0]["description"] == wording.BOT_DESCRIPTION
    assert api.sent("setMyShortDescription")[0]["short_description"] == wording.BOT_SHORT_DESCRIPTION
    assert len(wording.BOT_DESCRIPTION) <= 512 and len(wording.BOT_SHORT_DESCRIPTION) <= 120
    scopes = {(m.get("scope") or {}).get("type"): m["commands"] for m in api.sent("setMyCommands")}
    assert scopes["all_private_chats"][0]["command"] == "start"
    assert "start" not in [c["command"] for c in scopes["all_group_chats"]]


async def test_inline_results_come_under_a_button_to_a_private_chat(bot_app) -> None:
    app, api = bot_app
    await feed(app, inline_query={"id": "q1", "from": user(), "query": "magnes", "offset": ""})
    answer = api.sent("answerInlineQuery")[0]
    assert answer["button"] == {"text": wording.INLINE_OPEN_CHAT, "start_parameter": "magnesium"}
    assert [r["title"] for r in answer["results"]] == ["Magnesium"]


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("twitching chest pain", "⚠️ Emergency advice: Twitching"),
        ("twitching and weakness in my arm", "⚠️ See a doctor: Twitching"),
        ("twitching makes me want to die", "💬 Crisis support"),
        ("chest pain", "⚠️ Emergency advice"),  # advice about no topic
    ],
)
async def test_inline_results_show_their_advice_in_the_list(bot_app, query: str, title: str) -> None:
    app, api = bot_app
    await feed(app, inline_query={"id": "q2", "from": user(), "query": query, "offset": ""})
    first = api.sent("answerInlineQuery")[0]["results"][0]
    assert first["title"] == title and first["description"]
    sent = first["input_message_content"]["message_text"]
    if "emergency" in title.lower() or "crisis" in title.lower():
        assert sent.startswith("<b>⚠️") or sent.startswith(f"<b>{texts.CRISIS_TITLE}</b>")  # advice first


async def test_an_unknown_inline_query_offers_topics_not_a_shrug(bot_app) -> None:
    app, api = bot_app
    await feed(app, inline_query={"id": "q3", "from": user(), "query": "diabetes", "offset": ""})
    results = api.sent("answerInlineQuery")[0]["results"]
    texts_sent = [r["input_message_content"]["message_text"] for r in results]
    assert results and not any("I don't have information" in t for t in texts_sent)
