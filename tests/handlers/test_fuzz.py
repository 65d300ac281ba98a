"""Fuzzed input: hostile text and odd updates never raise, and replies are always valid.

Over 2,000 hypothesis examples run in `make test`: 1,700 texts through the engine and the
Telegram renderer (checked by the fake Bot API's HTML parser), 400 updates through the real
Application, and a fixed random sample through the whole HTTP path.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from telegram import Update
from telegram.ext import Application

from bot.app import build_application
from bot.settings import Settings
from handlers.telegram import wording
from handlers.telegram.render import TELEGRAM_LIMIT, render_html
from knowledge.answers import wording as texts
from knowledge.engine import Engine
from tests.support.e2e import check_html, polling_bot
from tests.support.fake_bot_api import FakeBotAPI, InProcessAPI
from tests.support.telegram_html import utf16_len, validate, visible_text

RED_FLAGS = [
    "weakness",
    "atrophy",
    "loss of coordination",
    "chest pain",
    "seizure",
    "can't breathe",
    "numbness",
    "twitching for 3 months",
    "my father had ALS",
    "fainted",
    "i want to die",
    "my throat is swelling",
]
SPECIAL = [
    "\u200b",
    "\u200d",
    "\u202e",
    "\u2066",
    "\ufeff",
    "\x00",
    "\x1b",
    "\r",
    "\t",
    "\u0301",
    "<b>",
    "</i>",
    "<a href='x'>",
    "&amp;",
    "&",
    "<",
    ">",
    "**",
    "__",
    "`",
    "```",
    "[x](y)",
    "||",
    "😀",
    "💊",
    "🇺🇦",
    "\U0010ffff",
    "ﷺ",
    "é",
    "İ",
    "ß",
    "\u00a0",
]
PIECES = st.one_of(
    st.text(max_size=40),
    st.sampled_from(SPECIAL),
    st.sampled_from(["magnesium", "twitching", "b6", "zinc", "what causes", "remedies", "hi"]),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x2FFFF), max_size=30),
)
HOSTILE = st.one_of(
    st.lists(PIECES, max_size=20).map("".join),
    st.text(max_size=5000),
    st.integers(4000, 6000).map(lambda n: ("twitching " * n)[:n]),
)
FUZZ = settings(max_examples=1700, deadline=None, suppress_health_check=list(HealthCheck))


def assert_valid(reply_messages: tuple[str, ...]) -> None:
    assert reply_messages
    for message in reply_messages:
        assert validate(message) is None, message
        assert 0 < utf16_len(visible_text(message)) <= TELEGRAM_LIMIT


@FUZZ
@given(HOSTILE, st.one_of(st.none(), st.sampled_from(RED_FLAGS)), st.booleans())
def test_hostile_text_renders_valid_telegram_html(
    engine: Engine, text: str, flag: str | None, front: bool
) -> None:
    if flag:
        text = f"{flag} {text}" if front else f"{text} {flag}"
    reply = engine.answer(text)
    rendered = render_html(reply)
    assert_valid(rendered.messages)
    if flag:
        esc = reply.escalation
        assert esc.level != "none"
        where = rendered.messages[0] if esc.leads else rendered.messages[-1]
        assert all(paragraph in visible_text(where) for paragraph in esc.paragraphs)


# -- updates through the real Application -------------------------------------------------------


@pytest.fixture(scope="module")
def running(engine: Engine) -> Iterator[tuple[asyncio.AbstractEventLoop, Application, InProcessAPI, list]]:
    loop = asyncio.new_event_loop()
    api = InProcessAPI()
    app = build_application(
        Settings(telegram_bot_token="1:fuzz", _env_file=None),
        engine,
        rate_limit=False,
        request=api,
        get_updates_request=api,
    )
    errors: list[BaseException] = []

    async def record(update: object, context: Any) -> None:
        errors.append(context.error)

    app.add_error_handler(record)
    loop.run_until_complete(app.initialize())
    yield loop, app, api, errors
    loop.run_until_complete(app.shutdown())
    loop.close()


USERS = st.fixed_dictionaries(
    {"id": st.integers(1, 2**40), "is_bot": st.just(False), "first_name": st.text(max_size=20)},
    optional={
        "last_name": st.text(max_size=5),
        "username": st.text(max_size=5),
        "language_code": st.sampled_from(["en", "de", ""]),
    },
)
CHATS = st.fixed_dictionaries(
    {"id": st.integers(-(2**40), 2**40), "type": st.sampled_from(["private", "group", "supergroup"])},
    optional={"title": st.text(max_size=10), "first_name": st.text(max_size=10)},
)
MESSAGES = st.fixed_dictionaries(
    {"message_id": st.integers(1, 2**31), "date": st.integers(0, 2**31), "chat": CHATS},
    optional={
        "from": USERS,
        "text": HOSTILE,
        "caption": st.text(max_size=20),
        "entities": st.just([{"type": "mention", "offset": 0, "length": 3}]),
        "sticker": st.just(
            {
                "file_id": "f",
                "file_unique_id": "u",
                "type": "regular",
                "width": 1,
                "height": 1,
                "is_animated": False,
                "is_video": False,
            }
        ),
        "location": st.just({"latitude": 1.0, "longitude": 2.0}),
    },
)
UPDATES = st.one_of(
    st.builds(lambda m: {"message": m}, MESSAGES),
    st.builds(lambda m: {"edited_message": {**m, "edit_date": 1}}, MESSAGES),
    st.builds(
        lambda u, d, m: {
            "callback_query": {
                "id": "1",
                "from": u,
                "chat_instance": "c",
                **({"data": d} if d is not None else {}),
                **({"message": m} if m else {}),
            }
        },
        USERS,
        st.one_of(
            st.none(),
            st.text(max_size=70),
            st.sampled_from(["v1|t|twitching|c", "v1|l|i|1", "v1|t|zinc|y", "v1|t|nope|", "v9|x"]),
        ),
        st.one_of(st.none(), MESSAGES),
    ),
    st.builds(
        lambda u, q: {"inline_query": {"id": "9", "from": u, "query": q, "offset": ""}}, USERS, HOSTILE
    ),
)


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(UPDATES)
def test_odd_updates_never_raise(running, update: dict[str, Any]) -> None:
    loop, app, api, errors = running
    api.calls.clear()
    loop.run_until_complete(app.process_update(Update.de_json({"update_id": 1, **update}, app.bot)))
    assert errors == []
    for method, params in api.calls:
        if method in ("sendMessage", "editMessageText"):
            assert_valid((params["text"],))
        if method == "answerInlineQuery":
            assert_valid(tuple(r["input_message_content"]["message_text"] for r in params["results"]))


# -- the whole HTTP path --------------------------------------------------------------------------


async def test_random_sample_over_http(engine: Engine) -> None:
    rng = random.Random(20261124)
    alphabet = "".join(SPECIAL) + "abcdefghijklmnopqrstuvwxyz <>&\"'/\\ 0123456789"
    sample = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 300))) for _ in range(60)]
    sample += [f"{rng.choice(RED_FLAGS)} {s}" for s in sample[:20]] + ["x" * 5000, "<" * 4096]
    async with FakeBotAPI() as api, polling_bot(api, engine, rate_limit=False):
        for chat, text in enumerate(sample, start=1):
            api.push_text(chat, text)
        await api.wait_for(
            lambda: all(api.sent_to(c) for c in range(1, len(sample) + 1)),
            timeout=60,
            what="every fuzzed message answered",
        )
    for chat, text in enumerate(sample, start=1):
        for message in api.sent_to(chat):
            check_html(message)
            assert message["text"] != wording.ERROR_TEXT
        if any(flag in text for flag in RED_FLAGS):
            shown = " ".join(m["text"] for m in api.sent_to(chat))
            assert "⚠️" in shown or texts.CRISIS_TITLE in shown
