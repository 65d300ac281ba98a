"""Each documented Bot API error answer (handlers/api_errors.py) against the real Application
polling the fake Bot API over loopback HTTP: nothing lost, nothing apologised for that can still
be answered, every button press answered once."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

import pytest

from handlers import wording
from handlers.api_errors import RULES, classify
from knowledge.engine import Engine
from tests.support.e2e import polling_bot, settle
from tests.support.fake_bot_api import FakeBotAPI

CHAT = 7001
ADMIN = -100900
NOT_FOUND = "Bad Request: message to edit not found"
CANT_EDIT = "Bad Request: message can't be edited"
NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are "
    "exactly the same as a current content and reply markup of the message"
)
TOO_OLD = "Bad Request: query is too old and response timeout expired or query ID is invalid"


@pytest.fixture
async def api() -> AsyncIterator[FakeBotAPI]:
    async with FakeBotAPI() as fake:
        yield fake


def texts(api: FakeBotAPI, chat: int = CHAT) -> list[str]:
    return [m["text"] for m in api.sent_to(chat)]


async def first_answer(api: FakeBotAPI, text: str = "twitching") -> dict:
    api.push_text(CHAT, text)
    await api.wait_for_messages(CHAT, 1)
    await settle(api)
    return api.sent_to(CHAT)[-1]


def a_section_button(message: dict) -> str:
    """A section other than the one shown (that one's button is marked with a bullet)."""
    rows = message["reply_markup"]["inline_keyboard"]
    return next(
        b["callback_data"]
        for row in rows
        for b in row
        if "callback_data" in b and not b["text"].startswith("•")
    )


def test_every_rule_has_a_known_action_and_the_list_covers_the_issue() -> None:
    names = {rule.name for rule in RULES}
    assert {"message_to_edit_not_found", "message_cant_be_edited", "message_not_modified"} <= names
    assert {"query_too_old", "bot_blocked", "bot_kicked", "user_deactivated", "chat_not_found"} <= names
    assert {"too_many_requests", "unavailable"} <= names


@pytest.mark.parametrize("description", [NOT_FOUND, CANT_EDIT])
async def test_a_button_whose_message_cannot_be_edited_answers_in_a_new_message(
    api: FakeBotAPI, engine: Engine, description: str, caplog: pytest.LogCaptureFixture
) -> None:
    async with polling_bot(api, engine):
        answer = await first_answer(api)
        api.fail("editMessageText", "error", code=400, description=description)
        api.push_callback(CHAT, answer["message_id"], a_section_button(answer))
        await api.wait_for_messages(CHAT, 2)
        await settle(api)
    assert len(api.callback_answers) == 1
    assert wording.ERROR_TEXT not in texts(api)
    assert len(api.sent_to(CHAT)) == 2 and api.sent_to(CHAT)[1]["text"] != answer["text"]
    assert "Traceback" not in caplog.text


async def test_an_edited_question_whose_answer_cannot_be_edited_is_answered_anew_and_remembered(
    api: FakeBotAPI, engine: Engine
) -> None:
    async with polling_bot(api, engine):
        question = api.push_text(CHAT, "magnesium")["message"]["message_id"]
        await api.wait_for_messages(CHAT, 1)
        await settle(api)
        api.fail("editMessageText", "error", code=400, description=CANT_EDIT)
        api.push_edited_text(CHAT, question, "zinc")
        await api.wait_for_messages(CHAT, 2)
        await settle(api)
        new_answer = api.sent_to(CHAT)[1]
        assert new_answer["text"].startswith("Zinc")
        api.push_edited_text(CHAT, question, "gaba")  # the new answer is the one edited now
        await api.wait_for(lambda: api.sent_to(CHAT)[1]["edits"] == 1, what="the new answer edited")
        await settle(api)
    assert len(api.sent_to(CHAT)) == 2
    assert api.sent_to(CHAT)[1]["text"].startswith("GABA")
    assert wording.ERROR_TEXT not in texts(api)


async def test_message_not_modified_is_nothing(api: FakeBotAPI, engine: Engine) -> None:
    async with polling_bot(api, engine):
        answer = await first_answer(api)
        api.fail("editMessageText", "error", code=400, description=NOT_MODIFIED)
        api.push_callback(CHAT, answer["message_id"], a_section_button(answer))
        await api.wait_for(lambda: len(api.callback_answers) == 1)
        await settle(api)
    assert len(api.sent_to(CHAT)) == 1  # no new message, no apology


async def test_a_callback_answered_too_late_still_shows_what_was_asked(
    api: FakeBotAPI, engine: Engine
) -> None:
    async with polling_bot(api, engine):
        answer = await first_answer(api)
        api.fail("answerCallbackQuery", "error", code=400, description=TOO_OLD)
        api.push_callback(CHAT, answer["message_id"], a_section_button(answer))
        await api.wait_for(lambda: api.sent_to(CHAT)[0]["edits"] == 1, what="the section shown")
        await settle(api)
    assert wording.ERROR_TEXT not in texts(api)


async def test_an_inline_query_answered_too_late_is_no_error(
    api: FakeBotAPI, engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    async with polling_bot(api, engine):
        api.fail("answerInlineQuery", "error", code=400, description=TOO_OLD)
        api.push_inline_query(CHAT, "magnesium")
        await api.wait_for(lambda: len(api.calls_to("answerInlineQuery")) == 1)
        await settle(api)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert "Traceback" not in caplog.text


@pytest.mark.parametrize(
    "description",
    [
        "Forbidden: bot was blocked by the user",
        "Forbidden: bot was kicked from the group chat",
        "Forbidden: bot was kicked from the supergroup chat",
        "Forbidden: user is deactivated",
    ],
)
async def test_a_chat_that_cannot_be_written_to_gets_one_info_line_and_nothing_more(
    api: FakeBotAPI, engine: Engine, description: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    async with polling_bot(api, engine, admin_chat_id=ADMIN):
        api.fail("sendMessage", "error", times=5, code=403, description=description)
        api.push_text(CHAT, "magnesium")
        await api.wait_for(lambda: len(api.calls_to("sendMessage")) >= 1)
        await api.wait_for(lambda: api.confirmed_offset > 0 and not api.pending_updates())
        await settle(api)
    assert len(api.calls_to("sendMessage")) == 1  # no apology, no notice: nothing more
    assert not api.sent_to(ADMIN)
    lines = [r for r in caplog.records if "cannot be written to" in r.getMessage()]
    assert len(lines) == 1 and lines[0].levelno == logging.INFO
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_chat_not_found_is_one_warning_without_text(
    api: FakeBotAPI, engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    async with polling_bot(api, engine, admin_chat_id=ADMIN):
        api.fail("sendMessage", "error", times=5, code=400, description="Bad Request: chat not found")
        api.push_text(CHAT, "my private words about magnesium")
        await api.wait_for(lambda: api.confirmed_offset > 0 and not api.pending_updates())
        await settle(api)
    assert len(api.calls_to("sendMessage")) == 1
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING and "refused" in r.getMessage()]
    assert len(warnings) == 1 and "private words" not in caplog.text and "Traceback" not in caplog.text


async def test_too_many_requests_is_waited_out(api: FakeBotAPI, engine: Engine) -> None:
    async with polling_bot(api, engine):
        api.fail("sendMessage", "429", times=1, retry_after=1)
        await first_answer(api, "zinc")
    assert texts(api) and texts(api)[0].startswith("Zinc") and len(texts(api)) == 1


@pytest.mark.parametrize("kind", ["502", "500", "drop"])
async def test_an_outage_past_the_retries_loses_nothing_and_apologises_for_nothing(
    api: FakeBotAPI, engine: Engine, kind: str
) -> None:
    """The test bot's retries give up after about 3 s; the API fails sendMessage for 6 s. The
    update is not confirmed meanwhile, and is answered (once) when the API answers again."""
    async with polling_bot(api, engine):
        await api.wait_for(lambda: len(api.calls_to("getUpdates")) >= 1)
        api.outage(6.0, kind, method="sendMessage")
        update = api.push_text(CHAT, "zinc")
        await api.wait_for(lambda: len(api.calls_to("sendMessage")) >= 8, timeout=20)
        assert update["update_id"] >= api.confirmed_offset  # not confirmed while unanswered
        await api.wait_for_messages(CHAT, 1, timeout=30)
        await api.wait_for(lambda: api.confirmed_offset > update["update_id"], timeout=10)
        await settle(api)
    assert texts(api) == [texts(api)[0]] and texts(api)[0].startswith("Zinc")


async def test_a_chat_keeps_its_order_through_an_outage(api: FakeBotAPI, engine: Engine) -> None:
    async with polling_bot(api, engine):
        await api.wait_for(lambda: len(api.calls_to("getUpdates")) >= 1)
        api.outage(5.0, "502", method="sendMessage")
        for question in ("zinc", "magnesium", "gaba"):
            api.push_text(CHAT, question)
        await api.wait_for_messages(CHAT, 3, timeout=40)
        await settle(api)
    assert [t.split()[0] for t in texts(api)] == ["Zinc", "Magnesium", "GABA"]


async def test_every_button_press_gets_one_answer_even_when_the_flood_guard_drops_it(
    api: FakeBotAPI, engine: Engine
) -> None:
    async with polling_bot(api, engine):
        answer = await first_answer(api)
        data = a_section_button(answer)
        presses = 30  # over the flood guard's 20 in 10 s
        for _ in range(presses):
            api.push_callback(CHAT, answer["message_id"], data)
        await api.wait_for(lambda: len(api.calls_to("answerCallbackQuery")) >= presses, timeout=30)
        await settle(api)
    answered = [a["callback_query_id"] for a in api.callback_answers]
    assert len(answered) == presses == len(set(answered))
    assert any(a["text"] == wording.FLOOD_TOAST for a in api.callback_answers)


def test_classify_reads_the_exception_python_telegram_bot_raises() -> None:
    from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut

    assert classify(BadRequest(NOT_FOUND)).action == "resend"  # type: ignore[union-attr]
    assert classify(BadRequest(NOT_MODIFIED)).action == "ignore"  # type: ignore[union-attr]
    assert classify(BadRequest(TOO_OLD)).action == "go_on"  # type: ignore[union-attr]
    assert classify(Forbidden("Forbidden: bot was blocked by the user")).action == "gone"  # type: ignore[union-attr]
    assert classify(BadRequest("Bad Request: chat not found")).name == "chat_not_found"  # type: ignore[union-attr]
    assert classify(BadRequest("Bad Request: something new")).action == "warn"  # type: ignore[union-attr]
    assert classify(NetworkError("Bad Gateway")).action == "transient"  # type: ignore[union-attr]
    assert classify(TimedOut()).action == "transient"  # type: ignore[union-attr]
    assert classify(RetryAfter(3)).action == "transient"  # type: ignore[union-attr]
    assert classify(NetworkError("Request Entity Too Large (413)")).action == "warn"  # type: ignore[union-attr]
    assert classify(ValueError("ours")) is None
