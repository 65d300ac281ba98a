"""The in-process bot every handler test talks to."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from telegram.ext import Application

from knowledge.engine import Engine
from tests.support.fake_bot_api import InProcessAPI
from tests.support.inprocess_bot import in_process_app


@pytest.fixture
async def bot_app(engine: Engine) -> AsyncIterator[tuple[Application, InProcessAPI]]:
    async with in_process_app(engine) as made:
        yield made
