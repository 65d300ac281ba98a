"""Callback data: versioned, ≤ 64 bytes, and anything else decodes to None, never raises."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.callback_data import MAX_BYTES, ListButton, TopicButton, decode, encode
from knowledge.reply import Action


@pytest.mark.parametrize("section", [None, "overview", "synopsis", "types", "causes", "severity",
                                     "doctor", "remedies", "ingredients"])
def test_topic_roundtrip(section) -> None:
    data = encode(Action(label="x", topic="vitamin-b6", section=section))
    assert data is not None and len(data.encode()) <= MAX_BYTES
    assert decode(data) == TopicButton("vitamin-b6", section)


def test_listing_roundtrip() -> None:
    assert decode(encode(Action(label="Next", listing="ingredients", page=3))) == ListButton("ingredients", 3)


def test_too_long_slug_is_not_encoded() -> None:
    assert encode(Action(label="x", topic="a" * 70)) is None


@given(st.text(max_size=100))
def test_arbitrary_data_never_raises(data: str) -> None:
    result = decode(data)
    assert result is None or isinstance(result, TopicButton | ListButton)


@pytest.mark.parametrize("data", [None, "", "v2|t|zinc|", "v1|t|Zinc|", "v1|t|zinc|q", "v1|l|x|1",
                                  "v1|l|c|-1", "v1|t|zinc", "v1|t|zi nc|", "v1|t|../etc|"])
def test_forged_data_is_rejected(data) -> None:
    assert decode(data) is None
