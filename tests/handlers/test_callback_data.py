"""Callback data: versioned, ≤ 64 bytes, and anything else decodes to None, never raises."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from handlers.callback_data import (
    MAX_BYTES,
    CheckButton,
    ListButton,
    TopicButton,
    UsesButton,
    decode,
    encode,
)
from knowledge.answers.reply import Action, Answers


@pytest.mark.parametrize(
    "section",
    [None, "overview", "synopsis", "types", "causes", "severity", "doctor", "remedies", "ingredients"],
)
def test_topic_roundtrip(section) -> None:
    data = encode(Action(label="x", topic="vitamin-b6", section=section))
    assert data is not None and len(data.encode()) <= MAX_BYTES
    assert decode(data) == TopicButton("vitamin-b6", section)


def test_listing_roundtrip() -> None:
    assert decode(encode(Action(label="Next", listing="ingredients", page=3))) == ListButton("ingredients", 3)


@pytest.mark.parametrize("keep", ["", "d", "w", "e", "ea", "c", "cab"])
def test_the_kept_advice_travels_with_the_button(keep: str) -> None:
    action = Action(label="x", topic="twitching", section="causes", keep=keep)
    assert decode(encode(action)) == TopicButton("twitching", "causes", keep)
    page = Action(label="x", listing="conditions", page=2, keep=keep)
    assert decode(encode(page)) == ListButton("conditions", 2, keep)


@pytest.mark.parametrize(
    "answers",
    [Answers(), Answers(step=1, yes=1), Answers(step=5, yes=0b10001, unsure=0b00100), Answers(step=32)],
)
@pytest.mark.parametrize("keep", ["", "d", "wab"])
def test_check_roundtrip(answers: Answers, keep: str) -> None:
    """A symptom check's answers so far travel in the button: no state anywhere."""
    data = encode(Action(label="Yes", topic="twitching", check=answers, keep=keep))
    assert data is not None and len(data.encode()) <= MAX_BYTES
    assert decode(data) == CheckButton("twitching", answers, keep)


@pytest.mark.parametrize("keep", ["", "d"])
def test_uses_page_roundtrip(keep: str) -> None:
    """ "More conditions" under an ingredient used by many conditions."""
    data = encode(Action(label="More conditions", topic="magnesium", page=3, keep=keep))
    assert data == f"v2|u|magnesium|3|{keep}"
    assert decode(data) == UsesButton("magnesium", 3, keep)
    assert decode("v2|u|magnesium|²|") is None and decode("v2|u|Magnesium|1|") is None


def test_too_long_slug_is_not_encoded() -> None:
    assert encode(Action(label="x", topic="a" * 70)) is None


@given(st.text(max_size=100))
def test_arbitrary_data_never_raises(data: str) -> None:
    result = decode(data)
    assert result is None or isinstance(result, TopicButton | CheckButton | UsesButton | ListButton)


@pytest.mark.parametrize(
    "data",
    [
        None,
        "",
        "v2|t|zinc|",
        "v2|t|Zinc||",
        "v2|t|zinc|q|",
        "v2|l|x|1|",
        "v2|l|c|-1|",
        "v2|t|zinc",
        "v2|t|zi nc||",
        "v2|t|../etc||",
        "v1|t|zinc|",
        "v2|l|c|²|",
        "v2|l|c|1²|",
        "v2|t|zinc||E",
        "v2|t|zinc\n||",
        "v2|l|c|1\n|",
        "v2|t|zinc||d\n",
        "v2|k|twitching|0.0|",
        "v2|k|twitching|21.0.0|",
        "v2|k|twitching|1.-1.0|",
        "v2|k|twitching|1.G.0|",
        "v2|k|twitching|1.².0|",
        "v2|k|twitching|1.0.0.0|",
        "v2|k|twitching|1.123456789.0|",
        "v2|k|Twitching|1.0.0|",
    ],
)
def test_forged_data_is_rejected(data) -> None:
    assert decode(data) is None


PART = st.one_of(
    st.sampled_from(
        ["v2", "v1", "t", "l", "k", "c", "i", "d", "ea", "", "zinc", "twitching", "vitamin-b6", "1.0.0"]
    ),
    st.text(alphabet="0123456789²❶١٢३a-z|.", max_size=8),
    st.text(max_size=6),
)


@given(st.lists(PART, min_size=0, max_size=7))
def test_random_payloads_decode_or_are_refused_never_raise(parts: list[str]) -> None:
    data = "|".join(parts)
    result = decode(data)
    if isinstance(result, ListButton):
        assert 0 <= result.page <= 100_000 and str(result.page) == data.split("|")[3]
    if isinstance(result, CheckButton):
        assert result.answers.step <= 32 and result.answers.yes >= 0
    if result is not None:
        assert data.isascii()
