"""What polling confirms: only a prefix of handled updates, never one past an unhandled one."""

from __future__ import annotations

import pytest

from bot.polling import Poller


@pytest.mark.parametrize(
    ("ids", "handled", "offset"),
    [
        ([5, 6, 7], set(), 5),
        ([5, 6, 7], {5}, 6),
        ([5, 6, 7], {6, 7}, 5),  # 5 is still being handled: nothing after it is confirmed
        ([5, 6, 7], {5, 7}, 6),
        ([5, 6, 7], {5, 6, 7}, 8),
        ([5, 9, 12], {5, 9}, 10),  # gaps in the ids are fine
    ],
)
def test_confirmed_offset_is_the_handled_prefix(ids: list[int], handled: set[int], offset: int) -> None:
    assert Poller._prefix(ids, handled) == offset
