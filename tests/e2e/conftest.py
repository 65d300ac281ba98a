"""Every end-to-end test's recorded requests are validated against the Bot API spec
(tests/support/bot_api_spec.py) when its fake Bot API stops."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.bot_api_spec import violations
from tests.support.fake_bot_api import FakeBotAPI


@pytest.fixture(autouse=True)
def requests_follow_the_spec(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    original = FakeBotAPI.stop

    async def stop(self: FakeBotAPI) -> None:
        await original(self)
        problems = sorted({p for call in self.calls for p in violations(call.method, call.params)})
        assert not problems, f"requests the Bot API spec does not allow: {problems[:20]}"

    monkeypatch.setattr(FakeBotAPI, "stop", stop)
    yield
