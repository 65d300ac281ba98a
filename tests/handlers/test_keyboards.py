"""Keyboards: two buttons a row, long labels alone, a symptom check's answers on one row."""

from __future__ import annotations

from handlers.keyboards import MAX_BUTTONS, keyboard
from knowledge import Action, Answers


def rows(actions: tuple[Action, ...]) -> list[list[str]]:
    markup = keyboard(actions)
    assert markup is not None
    return [[b.text for b in row] for row in markup.inline_keyboard]


def test_two_a_row_and_long_labels_alone() -> None:
    actions = tuple(Action(label=label, topic="zinc") for label in ("A", "B", "C", "x" * 30, "D"))
    assert rows(actions) == [["A", "B"], ["x" * 30], ["C", "D"]]


def test_check_answers_share_one_row() -> None:
    answers = tuple(
        Action(label=label, topic="twitching", check=Answers(step=1, **bits))
        for label, bits in (("Yes", {"yes": 1}), ("No", {}), ("Not sure", {"unsure": 1}))
    )
    back = Action(label="Back to Twitching", topic="twitching")
    assert rows((*answers, back)) == [["Yes", "No", "Not sure"], ["Back to Twitching"]]
    start = Action(label="Check my symptoms", topic="twitching", check=Answers())
    assert rows((Action(label="Types", topic="twitching", section="types"), start)) == [
        ["Types", "Check my symptoms"]
    ]


def test_never_more_buttons_than_telegram_takes() -> None:
    actions = tuple(Action(label=f"T{n}", topic=f"topic-{n}") for n in range(150))
    markup = keyboard(actions)
    assert markup is not None
    assert sum(len(row) for row in markup.inline_keyboard) == MAX_BUTTONS
