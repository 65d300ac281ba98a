"""Keyboards: sections two a row in the table's order with the one on screen marked in place,
then the symptom check, topics at most three a row, pages last; a check's answers on one row."""

from __future__ import annotations

from telegram import InlineKeyboardButton

from handlers.telegram import wording
from handlers.telegram.keyboards import MAX_BUTTONS, keyboard
from knowledge import Action, Answers, Engine


def rows(actions: tuple[Action, ...]) -> list[list[str]]:
    markup = keyboard(actions)
    assert markup is not None
    return [[b.text for b in row] for row in markup.inline_keyboard]


def test_topics_three_a_row_and_long_labels_alone() -> None:
    actions = tuple(Action(label=label, topic="zinc") for label in ("A", "B", "C", "x" * 30, "D"))
    assert rows(actions) == [["A", "B", "C"], ["x" * 30], ["D"]]


def test_check_answers_share_one_row() -> None:
    answers = tuple(
        Action(label=label, topic="twitching", check=Answers(step=1, **bits))
        for label, bits in (("Yes", {"yes": 1}), ("No", {}), ("Not sure", {"unsure": 1}))
    )
    back = Action(label="Back to Twitching", topic="twitching")
    assert rows((*answers, back)) == [["Yes", "No", "Not sure"], ["Back to Twitching"]]
    start = Action(label="Check my symptoms", topic="twitching", check=Answers())
    types = Action(label="Types", topic="twitching", section="types")
    assert rows((types, start)) == [["Types"], ["Check my symptoms"]]


def test_section_buttons_keep_their_places_whichever_is_shown(engine: Engine) -> None:
    """Each section of a condition: the same rows, the shown one marked where it always is,
    and its topic buttons (Remedies, Ingredients) in rows of their own after the sections."""
    layouts = {}
    for section in ("overview", "types", "causes", "severity", "doctor", "remedies", "ingredients"):
        reply = engine.topic_reply("twitching", section)
        assert reply is not None
        layouts[section] = rows(reply.actions)
    unmarked = {
        section: [[label.removeprefix("• ") for label in row] for row in layout[:4]]
        for section, layout in layouts.items()
    }
    expected = [
        ["Overview", "Types"],
        ["Causes", "Serious causes"],
        ["When to see a doctor", "Remedies"],
        ["Ingredients"],
    ]
    assert all(layout == expected for layout in unmarked.values()), unmarked
    assert layouts["causes"][1][0] == wording.CURRENT_SECTION.format(label="Causes")
    assert layouts["overview"][0][0] == "• Overview"
    assert sum(label.startswith("• ") for row in layouts["remedies"] for label in row) == 1
    ingredients = layouts["ingredients"]
    assert ingredients[4] == ["Check my symptoms"]
    assert ingredients[5:] == [["Ashwagandha", "GABA", "L-theanine"], ["Magnesium", "Vitamin B6", "Zinc"]]
    assert layouts["types"][4:] == [["Check my symptoms"]]  # no topics mixed into the sections


def test_pages_come_last_and_extra_buttons_have_their_own_row() -> None:
    more = Action(label="More conditions ›", topic="zinc", page=1)
    topic = Action(label="Twitching", topic="twitching")
    inline = InlineKeyboardButton("Try inline mode", switch_inline_query_current_chat="")
    markup = keyboard((more, topic), (inline,))
    assert markup is not None
    assert [[b.text for b in row] for row in markup.inline_keyboard] == [
        ["Twitching"],
        ["More conditions ›"],
        ["Try inline mode"],
    ]


def test_never_more_buttons_than_telegram_takes() -> None:
    actions = tuple(Action(label=f"T{n}", topic=f"topic-{n}") for n in range(150))
    markup = keyboard(actions)
    assert markup is not None
    assert sum(len(row) for row in markup.inline_keyboard) == MAX_BUTTONS
