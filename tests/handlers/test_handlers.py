"""Each handler, with the real PTB Application and a bot whose requests stay in-process."""

from __future__ import annotations

import html
from typing import Any

import pytest
from telegram import Update

from bot.app import ALLOWED_UPDATES, build_application, post_init
from bot.settings import Settings
from handlers.callback_data import MAX_BYTES, TopicButton, decode
from handlers.telegram import wording
from knowledge.answers import wording as texts
from knowledge.engine import Engine
from tests.support.fake_bot_api import BOT_USER, InProcessAPI, message, user
from tests.support.inprocess_bot import TOKEN, feed


def buttons(params: dict[str, Any]) -> list[dict[str, Any]]:
    markup = params.get("reply_markup") or {"inline_keyboard": []}
    return [b for row in markup["inline_keyboard"] for b in row]


async def test_post_init_registers_commands(bot_app) -> None:
    app, api = bot_app
    await post_init(app)
    menus = api.sent("setMyCommands")
    everything = ["start", "help", "conditions", "ingredients", "privacy", "forget", "language"]
    assert [c["command"] for c in menus[0]["commands"]] == everything
    groups = next(m for m in menus if (m.get("scope") or {}).get("type") == "all_group_chats")
    assert [c["command"] for c in groups["commands"]] == [c for c in everything if c != "start"]


async def test_start_greets_with_examples_and_disclaimer(bot_app) -> None:
    app, api = bot_app
    await feed(app, message=message("/start"))
    text = api.sent()[0]["text"]
    assert texts.GREETING_TITLE in text and "what causes twitching" in text
    assert texts.DISCLAIMER in text
    assert api.sent()[0]["parse_mode"] == "HTML"


@pytest.mark.parametrize(
    ("command", "expected"),
    [("/help", "/conditions – Conditions I know"), ("/privacy", "store your messages")],
)
async def test_help_and_privacy(bot_app, command: str, expected: str) -> None:
    app, api = bot_app
    await feed(app, message=message(command))
    assert expected in api.sent()[0]["text"]


async def test_conditions_and_ingredients_are_tappable(bot_app) -> None:
    app, api = bot_app
    await feed(app, message=message("/ingredients"))
    datas = [b["callback_data"] for b in buttons(api.sent()[0])]
    assert "v2|t|magnesium||" in datas and len(datas) == 6
    await feed(app, message=message("/conditions"))
    assert [b["callback_data"] for b in buttons(api.sent()[1])] == ["v2|t|twitching||"]


async def test_text_message_gets_formatted_answer_with_section_buttons(bot_app) -> None:
    app, api = bot_app
    await feed(app, message=message("twiching"))
    sent = api.sent()[0]
    assert sent["text"].startswith("<b>Twitching</b>")
    labels = [b["text"] for b in buttons(sent)]
    assert labels == [
        "• Overview",  # on screen: marked, in its place
        "Types",
        "Causes",
        "Serious causes",
        "When to see a doctor",
        "Remedies",
        "Ingredients",
        "Check my symptoms",
    ]
    assert all(len(b["callback_data"].encode()) <= MAX_BYTES for b in buttons(sent))


async def test_red_flag_appends_escalation(bot_app) -> None:
    app, api = bot_app
    await feed(app, message=message("my calf twitches and my leg feels weak"))
    text = api.sent()[0]["text"]
    assert texts.DOCTOR_TITLE in text and "feels weak" in text
    assert text.startswith(f"<b>{html.escape(texts.DOCTOR_BANNER, quote=False)}</b>")  # a banner opens it
    # The advice closes the answer, and the disclaimer closes its last message.
    advice_end = "• Family history of neurological disorders\n\n"
    assert text.rstrip().endswith(f"{advice_end}<i>{texts.DISCLAIMER}</i>")


async def test_section_button_edits_in_place_and_answers_query(bot_app) -> None:
    app, api = bot_app
    await feed(app, message=message("twitching"))
    sent_id = api.next_id
    bot_message = message(None, message_id=sent_id) | {"from": BOT_USER, "text": "Twitching"}
    await feed(
        app,
        callback_query={
            "id": "cb1",
            "from": user(),
            "chat_instance": "ci",
            "data": "v2|t|twitching|c|",
            "message": bot_message,
        },
    )
    edit = api.sent("editMessageText")[0]
    assert edit["message_id"] == sent_id and "Common causes" in edit["text"]
    assert api.sent("answerCallbackQuery")[0]["callback_query_id"] == "cb1"
    labels = [b["text"] for b in buttons(edit)]
    assert "• Causes" in labels and "Causes" not in labels  # marked where it was
    assert "Types" in labels and "Overview" in labels  # the other sections stay one tap away


@pytest.mark.parametrize(
    "data",
    [
        "v0|t|twitching|c|",
        "v2|t|nope||",
        "v2|x",
        "garbage",
        "v2|t|Twitch|zz|",
        "v2|l|c|99999999|",
        "v1|t|twitching|c",
        "v2|l|c|²|",
        "v2|t|twitching|c|D",
    ],
)
async def test_stale_or_forged_button_gets_friendly_notice(bot_app, data: str) -> None:
    app, api = bot_app
    await feed(
        app,
        callback_query={
            "id": "cb2",
            "from": user(),
            "chat_instance": "ci",
            "data": data,
            "message": message(None, message_id=5) | {"from": BOT_USER, "text": "old"},
        },
    )
    answers = api.sent("answerCallbackQuery")
    assert answers and answers[0].get("text") == wording.BUTTON_EXPIRED
    assert api.sent("editMessageText") == []


async def test_did_you_mean_button(bot_app) -> None:
    app, api = bot_app
    await feed(app, message=message("magnes"))
    suggestion = buttons(api.sent()[0])[0]
    button = decode(suggestion["callback_data"])
    assert suggestion["text"] == "Magnesium"
    assert isinstance(button, TopicButton) and button.slug == "magnesium"


async def test_ingredient_answer_links_to_conditions(bot_app) -> None:
    app, api = bot_app
    await feed(app, message=message("zinc"))
    sent = api.sent()[0]
    assert texts.USE_LISTED_ONLY.format(condition="Twitching") in sent["text"]
    assert buttons(sent)[0]["callback_data"] == "v2|t|twitching||"


async def test_inline_query_carries_escalation(bot_app) -> None:
    app, api = bot_app
    await feed(app, inline_query={"id": "iq1", "from": user(), "query": "magnesium chest pain", "offset": ""})
    answer = api.sent("answerInlineQuery")[0]
    first = answer["results"][0]
    # The emergency is seen in the result list, before anything is sent.
    assert first["title"] == "⚠️ Emergency advice: Magnesium"
    assert first["description"].startswith("You mentioned: chest pain. Call your local emergency")
    assert first["input_message_content"]["message_text"].startswith(f"<b>{texts.EMERGENCY_TITLE}</b>")
    assert answer["button"]["start_parameter"].startswith("magnesium_e")


async def test_an_empty_inline_query_offers_topics_not_instructions(bot_app, engine: Engine) -> None:
    app, api = bot_app
    await feed(app, inline_query={"id": "iq2", "from": user(), "query": "", "offset": ""})
    answer = api.sent("answerInlineQuery")[0]
    titles = [r["title"] for r in answer["results"]]
    assert titles[:2] == ["Twitching", "Ashwagandha"] and len(titles) == 5
    for result in answer["results"]:  # each a real answer to send, never "Type a question..."
        reply = engine.topic_reply(engine.reader.index.complete(result["title"], 1)[0])
        assert (
            reply is not None and f"<b>{reply.title}</b>" in result["input_message_content"]["message_text"]
        )
    assert answer["button"] == {"text": wording.INLINE_OPEN_CHAT, "start_parameter": "inline"}


async def test_inline_query_completes_a_name_being_typed(bot_app) -> None:
    """While "magnes" is typed, the topics it begins are offered, each a full answer."""
    app, api = bot_app
    await feed(app, inline_query={"id": "iq3", "from": user(), "query": "magnes", "offset": ""})
    results = api.sent("answerInlineQuery")[0]["results"]
    assert [r["title"] for r in results] == ["Magnesium"]
    assert "For Twitching" in results[0]["input_message_content"]["message_text"]


async def test_edited_message_edits_the_earlier_reply(bot_app) -> None:
    app, api = bot_app
    await feed(app, message=message("magnesium", message_id=7))
    reply_id = api.next_id
    await feed(app, edited_message=message("zinc", message_id=7) | {"edit_date": 1})
    edit = api.sent("editMessageText")[0]
    assert edit["message_id"] == reply_id and "<b>Zinc</b>" in edit["text"]
    assert len(api.sent()) == 1


async def test_edit_without_memory_sends_a_new_reply(bot_app) -> None:
    app, api = bot_app
    await feed(app, edited_message=message("zinc", message_id=70) | {"edit_date": 1})
    assert api.sent("editMessageText") == [] and "<b>Zinc</b>" in api.sent()[0]["text"]


async def test_unchanged_edit_is_not_an_error(bot_app) -> None:
    app, api = bot_app
    await feed(app, message=message("zinc", message_id=8))
    api.fail_with["editMessageText"] = (400, "Bad Request: message is not modified: same content")
    await feed(app, edited_message=message("Zinc!", message_id=8) | {"edit_date": 1})
    assert [m for m, _ in api.calls].count("sendMessage") == 1  # no error message sent


async def test_non_text_gets_a_hint(bot_app) -> None:
    app, api = bot_app
    sticker = {
        "file_id": "f",
        "file_unique_id": "u",
        "type": "regular",
        "width": 1,
        "height": 1,
        "is_animated": False,
        "is_video": False,
    }
    await feed(app, message=message(None, sticker=sticker))
    await feed(app, message=message(None, location={"latitude": 1.0, "longitude": 2.0}))
    assert [p["text"] for p in api.sent()] == [wording.NON_TEXT_HINT] * 2


async def test_groups_answer_only_mentions_replies_and_commands(bot_app) -> None:
    app, api = bot_app
    group: dict[str, Any] = {"chat_id": -100, "chat_type": "group"}
    await feed(app, message=message("magnesium", **group))
    assert api.sent() == []
    await feed(
        app,
        message=message(
            "@remedy_test_bot magnesium",
            **group,
            message_id=2,
            entities=[{"type": "mention", "offset": 0, "length": 16}],
        ),
    )
    assert "<b>Magnesium</b>" in api.sent()[0]["text"]
    replied = message(None, message_id=3, **group) | {"from": BOT_USER, "text": "x"}
    await feed(app, message=message("zinc", **group, message_id=4, reply_to_message=replied))
    assert "<b>Zinc</b>" in api.sent()[1]["text"]
    await feed(app, message=message("/help@remedy_test_bot", **group, message_id=5))
    assert "/conditions – Conditions I know" in api.sent()[2]["text"]


async def test_flood_guard_notices_once_then_drops(bot_app) -> None:
    app, api = bot_app
    for n in range(30):
        await feed(app, message=message("zinc", message_id=100 + n))
    texts_sent = [p["text"] for p in api.sent()]
    assert texts_sent.count(wording.FLOOD_NOTICE) == 1
    assert len(texts_sent) == 21


async def test_error_handler_apologises_for_a_fault_of_ours(bot_app, caplog, monkeypatch) -> None:
    app, api = bot_app

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a fault of ours")

    monkeypatch.setattr(app.bot_data.services.engine, "answer", broken)
    await feed(app, message=message("my secret health question about magnesium"))
    assert api.sent()[-1]["text"] == wording.ERROR_TEXT
    assert "secret health question" not in caplog.text
    assert "error while handling update" in caplog.text


async def test_an_unavailable_bot_api_gets_no_apology_in_place_of_the_answer(bot_app, caplog) -> None:
    """A 5xx past the retries: the answer can still come (the update is not confirmed), so no
    apology is sent and no traceback logged."""
    app, api = bot_app
    api.fail_with["sendMessage"] = (500, "Internal Server Error")
    await feed(app, message=message("my secret health question about magnesium"))
    assert wording.ERROR_TEXT not in [p["text"] for p in api.sent()]
    assert "not answered yet" in caplog.text and "Traceback" not in caplog.text
    assert "secret health question" not in caplog.text


async def test_odd_updates_do_not_crash(bot_app) -> None:
    app, api = bot_app
    await feed(app, message=message(""))
    await feed(app, channel_post=message("hello", chat_type="channel"))
    await feed(app, callback_query={"id": "c", "from": user(), "chat_instance": "i"})
    await feed(app, edited_message=message(None, edit_date=1) | {"photo": []})
    assert all(m != "sendMessage" or p.get("text") != wording.ERROR_TEXT for m, p in api.calls)


def test_allowed_updates_are_exactly_what_the_handlers_take(engine: Engine) -> None:
    """Telegram sends only ALLOWED_UPDATES: each of them has a handler, and no other kind of
    update would be handled (the flood guard, which sees everything, aside)."""
    settings = Settings(telegram_bot_token=TOKEN, _env_file=None)
    app = build_application(settings, engine, request=InProcessAPI())
    bot_message = message(None, message_id=5) | {"from": BOT_USER, "text": "Twitching"}
    samples = {
        "message": {"message": message("zinc")},
        "edited_message": {"edited_message": message("zinc") | {"edit_date": 1}},
        "callback_query": {
            "callback_query": {
                "id": "1",
                "from": user(),
                "chat_instance": "c",
                "data": "v2|t|zinc||",
                "message": bot_message,
            }
        },
        "inline_query": {"inline_query": {"id": "1", "from": user(), "query": "zinc", "offset": ""}},
        "channel_post": {"channel_post": message("zinc", chat_id=-1001, chat_type="channel")},
        "edited_channel_post": {
            "edited_channel_post": message("zinc", chat_id=-1001, chat_type="channel") | {"edit_date": 1}
        },
        "chat_join_request": {
            "chat_join_request": {
                "chat": {"id": -5, "type": "group", "title": "g"},
                "from": user(),
                "user_chat_id": 42,
                "date": 1,
            }
        },
    }
    handled = set()
    for kind, body in samples.items():
        update = Update.de_json({"update_id": 1, **body}, app.bot)
        if any(h.check_update(update) for h in app.handlers[0]):
            handled.add(kind)
    assert handled == set(ALLOWED_UPDATES)


def test_services_are_registered(engine: Engine) -> None:
    settings = Settings(telegram_bot_token=TOKEN, _env_file=None)
    app = build_application(settings, engine, request=InProcessAPI())
    assert app.bot_data.services.engine is engine
