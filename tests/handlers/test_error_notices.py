"""Error notices to ADMIN_CHAT_ID: the exception's type, where in our code, the kind of update;
never what anyone wrote or any id; at most one per interval, the rest counted."""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator
from typing import Any

import pytest
from telegram import Update
from telegram.ext import Application

from bot.app import build_application
from bot.settings import Settings
from handlers import wording
from handlers.error_notices import ErrorNotices, update_kind, where
from knowledge.engine import Engine
from tests.support.fake_bot_api import InProcessAPI, message

TOKEN = "123456:TEST-token_abc"
ADMIN = -100777
_ids = itertools.count(1)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
async def bot_app(engine: Engine) -> AsyncIterator[tuple[Application, InProcessAPI, Clock]]:
    api = InProcessAPI()
    settings = Settings(telegram_bot_token=TOKEN, admin_chat_id=str(ADMIN), _env_file=None)
    app = build_application(settings, engine, rate_limit=False, request=api, get_updates_request=api)
    clock = Clock()
    assert app.bot_data.services.notices.chat_id == ADMIN
    app.bot_data.services.notices = ErrorNotices(ADMIN, interval=60, clock=clock)
    async with app:
        yield app, api, clock


async def fail_once(app: Application, api: InProcessAPI, text: str, user_id: int = 4242) -> None:
    """A question whose answer Telegram refuses: the handler fails."""
    api.fail_with["sendMessage"] = (400, "Bad Request: can't parse entities: unsupported start tag")
    update = {"update_id": next(_ids), "message": message(text, chat_id=user_id, user_id=user_id)}
    await app.process_update(Update.de_json(update, app.bot))


def notices(api: InProcessAPI) -> list[str]:
    return [p["text"] for p in api.sent() if int(p["chat_id"]) == ADMIN]


async def test_a_failing_handler_sends_a_short_notice(bot_app) -> None:
    app, api, _ = bot_app
    await fail_once(app, api, "magnesium for my secret condition")
    [notice] = notices(api)
    assert notice.startswith("⚠️ Handler error: telegram.error.BadRequest")
    assert "where: handlers.deliver.deliver:" in notice and "update: message" in notice
    # Never what the person wrote, nor who they are, nor the error's own message.
    assert "secret" not in notice and "4242" not in notice and "parse entities" not in notice
    user_notice = [p for p in api.sent() if int(p["chat_id"]) == 4242 and p["text"] == wording.ERROR_TEXT]
    assert user_notice  # the person is still told


async def test_notices_are_rate_limited_and_count_what_was_held_back(bot_app) -> None:
    app, api, clock = bot_app
    await fail_once(app, api, "zinc")
    clock.now += 10
    await fail_once(app, api, "zinc")
    await fail_once(app, api, "zinc")
    assert len(notices(api)) == 1
    clock.now += 60
    await fail_once(app, api, "zinc")
    first, second = notices(api)
    assert "more" not in first
    assert second.endswith(wording.ADMIN_HELD_BACK.format(count=2, seconds=60))


async def test_no_admin_chat_no_notice(engine: Engine) -> None:
    api = InProcessAPI()
    settings = Settings(telegram_bot_token=TOKEN, _env_file=None)
    app = build_application(settings, engine, rate_limit=False, request=api, get_updates_request=api)
    async with app:
        await fail_once(app, api, "zinc")
    sends = api.sent()  # the refused answer, then the apology: nothing to anyone else
    assert all(int(p["chat_id"]) == 4242 for p in sends) and sends[-1]["text"] == wording.ERROR_TEXT


def test_where_is_the_last_frame_in_our_code() -> None:
    def ours() -> None:
        raise ValueError("private words")

    try:
        ours()
    except ValueError as exc:
        assert where(exc).startswith("tests.handlers.test_error_notices.ours:")
    assert where(ValueError()) == wording.ADMIN_UNKNOWN


def test_where_names_a_library_by_its_module_when_none_of_ours_is_in_the_traceback() -> None:
    import json

    try:
        json.loads("{")
    except ValueError as exc:
        exc.__traceback__ = exc.__traceback__.tb_next if exc.__traceback__ else None  # drop ours
        assert where(exc).startswith("json.decoder.")


@pytest.mark.parametrize(
    ("update", "kind"),
    [
        ({"update_id": 1, "message": message("hi")}, "message"),
        ({"update_id": 2, "edited_message": message("hi") | {"edit_date": 1}}, "edited_message"),
        (None, wording.ADMIN_NO_UPDATE),
    ],
)
def test_update_kind(update: dict[str, Any] | None, kind: str) -> None:
    parsed = Update.de_json(update, None) if update else object()
    assert update_kind(parsed) == kind


@pytest.mark.parametrize(("value", "expected"), [("", None), ("-100123", -100123), ("42", 42)])
def test_admin_chat_id_setting(value: str, expected: int | None) -> None:
    assert Settings(telegram_bot_token=TOKEN, admin_chat_id=value, _env_file=None).admin_chat_id == expected


def test_a_bad_admin_chat_id_names_the_setting() -> None:
    from pydantic import ValidationError

    from bot.settings import describe_error

    with pytest.raises(ValidationError) as info:
        Settings(telegram_bot_token=TOKEN, admin_chat_id="@ops", _env_file=None)
    assert "ADMIN_CHAT_ID" in describe_error(info.value) and "@ops" not in describe_error(info.value)
