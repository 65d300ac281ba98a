"""Telegram polish on real updates over loopback HTTP: the start screen's buttons, inline mode's
button and prefix results, section buttons that keep their places, the disclaimer on an
answer's last message only, and the operators' error notice."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from handlers import wording
from handlers.callback_data import TopicButton, decode
from handlers.error_notices import ErrorNotices
from knowledge import KnowledgeBase
from knowledge.answers import wording as texts
from knowledge.engine import Engine
from tests.support.e2e import ask_all, check_html, polling_bot, settle
from tests.support.fake_bot_api import FakeBotAPI

CHAT = 7001
ADMIN = -100999


@pytest.fixture
async def api() -> AsyncIterator[FakeBotAPI]:
    async with FakeBotAPI() as fake:
        yield fake


def keyboard(message: dict[str, Any]) -> list[list[dict[str, Any]]]:
    return (message.get("reply_markup") or {}).get("inline_keyboard", [])


def labels(message: dict[str, Any]) -> list[list[str]]:
    return [[b["text"] for b in row] for row in keyboard(message)]


def data_of(message: dict[str, Any], label: str) -> str:
    return next(b["callback_data"] for row in keyboard(message) for b in row if b["text"] == label)


async def ask(api: FakeBotAPI, text: str, chat: int = CHAT) -> list[dict[str, Any]]:
    """Send a message; return every message of its answer."""
    return await ask_all(api, chat, text)


async def press(api: FakeBotAPI, message_id: int, data: str, chat: int = CHAT) -> dict[str, Any]:
    """Press a button and wait for the press to be answered; the message as it is now."""
    answered = len(api.callback_answers)
    api.push_callback(chat, message_id, data)
    await api.wait_for(lambda: len(api.callback_answers) > answered, what=f"press {data}")
    await settle(api)
    return next(m for m in api.sent_to(chat) if m["message_id"] == message_id)


async def test_start_screen_has_buttons_to_tap(api: FakeBotAPI, engine: Engine) -> None:
    async with polling_bot(api, engine):
        api.push_command(CHAT, "/start")
        [start] = await api.wait_for_messages(CHAT, 1)
        check_html(start)
        topics = [decode(b.get("callback_data")) for row in keyboard(start) for b in row]
        slugs = [b.slug for b in topics if isinstance(b, TopicButton)]
        assert slugs[0] == "twitching" and "magnesium" in slugs
        assert keyboard(start)[-1] == [{"text": wording.TRY_INLINE, "switch_inline_query_current_chat": ""}]
        # Tapping a topic opens it in place of the greeting.
        shown = await press(api, start["message_id"], data_of(start, "Magnesium"))
        assert shown["text"].startswith("Magnesium\n")
        unknown = (await ask(api, "tell me about diabetes", chat=CHAT + 1))[0]
        assert labels(unknown) == labels(start) and texts.DISCLAIMER not in unknown["text"]
    # At start-up: the profile a new user sees, and menus for private chats and groups.
    assert api.my_description() == wording.BOT_DESCRIPTION
    assert api.my_description(short=True) == wording.BOT_SHORT_DESCRIPTION
    groups = [c["command"] for c in api.my_commands({"type": "all_group_chats"})]
    private = [c["command"] for c in api.my_commands({"type": "all_private_chats"})]
    assert "start" in private and "start" not in groups and set(groups) < set(private)


async def test_inline_button_and_prefix_results(api: FakeBotAPI, engine: Engine) -> None:
    async with polling_bot(api, engine):
        api.push_inline_query(77, "magnes")
        api.push_inline_query(77, "")
        api.push_inline_query(77, "twitching chest pain")
        await api.wait_for(lambda: len(api.inline_answers) == 3, what="three inline answers")
        typing, empty, red = sorted(api.inline_answers, key=lambda a: a["inline_query_id"])
        # While "magnes" is typed: the topic it begins, a full answer, under the button.
        assert [r["title"] for r in typing["results"]] == ["Magnesium"]
        assert "For Twitching" in typing["results"][0]["input_message_content"]["message_text"]
        assert typing["button"] == {"text": wording.INLINE_OPEN_CHAT, "start_parameter": "magnesium"}
        # Nothing typed: topics to pick, each a real answer, never instructions to post.
        assert len(empty["results"]) >= 2 and empty["button"]["start_parameter"] == "inline"
        for result in empty["results"]:
            assert result["input_message_content"]["message_text"].startswith(f"<b>{result['title']}</b>")
        # A red flag is seen in the list; the message opens with the advice.
        first = red["results"][0]
        assert first["title"] == "⚠️ Emergency advice: Twitching"
        assert first["description"].startswith("You mentioned: chest pain.")
        assert first["input_message_content"]["message_text"].startswith(f"<b>{texts.EMERGENCY_TITLE}</b>")
        # The button's start parameter opens the same topic, advice kept, in a private chat.
        api.push_command(77, f"/start {red['button']['start_parameter']}")
        [opened] = await api.wait_for_messages(77, 1)
        assert opened["text"].startswith(texts.EMERGENCY_TITLE) and "Twitching" in opened["text"]


async def test_section_buttons_keep_their_places_across_presses(api: FakeBotAPI, engine: Engine) -> None:
    async with polling_bot(api, engine, admin_chat_id=ADMIN):
        [answer] = await ask(api, "twitching")
        first = labels(answer)
        assert first[0] == ["• Overview", "Types"]
        unmarked = [[label.removeprefix("• ") for label in row] for row in first]
        seen = [first]
        for label in ("Causes", "Causes", "Serious causes", "Types", "Overview", "Remedies"):
            current = next(m for m in api.sent_to(CHAT) if m["message_id"] == answer["message_id"])
            mark = wording.CURRENT_SECTION.format(label=label)
            pressed = data_of(current, mark if any(mark in row for row in labels(current)) else label)
            now = await press(api, answer["message_id"], pressed)
            check_html(now)
            seen.append(labels(now))
            rows = labels(now)
            assert [[x.removeprefix("• ") for x in row] for row in rows[: len(unmarked)]] == unmarked
            assert [x for row in rows for x in row if x.startswith("• ")] == [mark]
        # Pressing the section on screen again changed nothing and broke nothing.
        assert seen[1] == seen[2]
        assert len(api.sent_to(CHAT)) == 1 and not api.sent_to(ADMIN)
        # Under Remedies, the ingredients sit in rows of their own after the sections, three a row.
        topics = seen[-1][len(unmarked) :]
        sections = {label for row in unmarked for label in row}
        assert topics and all(len(row) <= 3 and not sections & set(row) for row in topics)
        assert "Magnesium" in {label for row in topics for label in row}


async def test_disclaimer_only_on_the_last_message(api: FakeBotAPI, kb: KnowledgeBase) -> None:
    twitching = kb.conditions["twitching"]
    long_items = tuple(e.model_copy(update={"text": "x " * 400}) for e in twitching.bullets["causes"] * 3)
    big = twitching.model_copy(update={"bullets": {**twitching.bullets, "causes": long_items}})
    engine = Engine(kb.model_copy(update={"conditions": {"twitching": big}}))
    async with polling_bot(api, engine):
        answer = await ask(api, "what causes my twitching? it has lasted 3 months")
        assert len(answer) >= 2
        assert [texts.DISCLAIMER in m["text"] for m in answer] == [False] * (len(answer) - 1) + [True]
        assert answer[-1]["text"].rstrip().endswith(texts.DISCLAIMER)
        assert texts.DOCTOR_TITLE in answer[-1]["text"]  # the advice is still there, above it
        # Lists, pickers and did-you-mean prompts carry no disclaimer.
        for n, text in enumerate(("magnes", "tell me about diabetes"), start=1):
            assert all(texts.DISCLAIMER not in m["text"] for m in await ask(api, text, chat=CHAT + n))
        api.push_command(CHAT, "/ingredients")
        await api.wait_for(lambda: api.sent_to(CHAT)[-1]["text"].startswith(texts.INGREDIENTS_TITLE))
        assert texts.DISCLAIMER not in api.sent_to(CHAT)[-1]["text"]


async def test_a_failing_handler_notifies_the_admin_chat(api: FakeBotAPI, engine: Engine) -> None:
    async with polling_bot(api, engine, admin_chat_id=ADMIN) as app:
        now = [0.0]
        app.bot_data.services.notices = ErrorNotices(ADMIN, interval=60, clock=lambda: now[0])
        for _ in range(3):
            api.fail(
                "sendMessage",
                "error",
                code=400,
                description="Bad Request: can't parse entities: unsupported start tag",
            )
            await ask(api, "my secret magnesium question")  # the apology
        now[0] += 61
        api.fail(
            "sendMessage",
            "error",
            code=400,
            description="Bad Request: can't parse entities: unsupported start tag",
        )
        await ask(api, "my secret magnesium question")
        await api.wait_for(lambda: len(api.sent_to(ADMIN)) == 2, what="two notices")
        await settle(api)
    first, second = (m["text"] for m in api.sent_to(ADMIN))
    assert first == (
        "⚠️ Handler error: telegram.error.BadRequest\n"
        f"where: handlers.deliver.deliver:{first.split('deliver:')[1].split(chr(10))[0]}\n"
        "update: message"
    )
    assert second.endswith(wording.ADMIN_HELD_BACK.format(count=2, seconds=60))
    for notice in (first, second):
        assert "secret" not in notice and str(CHAT) not in notice and "parse entities" not in notice
    assert all(m["text"] == wording.ERROR_TEXT for m in api.sent_to(CHAT))
