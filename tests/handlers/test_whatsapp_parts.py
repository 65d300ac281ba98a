"""WhatsApp's parts alone: a webhook body read, a reply's choices within Meta's limits (a long
list paged by a "More" row), WhatsApp's formatting from knowledge's layout."""

from __future__ import annotations

from handlers.callback_data import decode
from handlers.whatsapp.choices import MAX_ROWS, choices_of, more_of
from handlers.whatsapp.incoming import messages_of
from handlers.whatsapp.render import render_whatsapp
from knowledge import Action, Answers, Reply, Section
from knowledge.engine import Engine
from tests.support.fake_whatsapp_api import webhook

PHONE = "106540352242922"


def test_messages_are_read_and_statuses_and_other_numbers_ignored() -> None:
    text = webhook.message(PHONE, "15550001", "wamid.A", webhook.text("zinc"), 1_700_000_000)
    tapped = webhook.message(PHONE, "15550001", "wamid.B", webhook.list_reply("v2|t|zinc||", "Zinc"))
    other = webhook.message("999", "15550001", "wamid.C", webhook.text("zinc"))
    status = webhook.status(PHONE, "15550001", "wamid.D")
    bodies: list[object] = [text, tapped, other, status, {"entry": "junk"}, []]
    found = [m for body in bodies for m in messages_of(body, PHONE)]
    assert [(m.id, m.kind, m.text, m.choice) for m in found] == [
        ("wamid.A", "text", "zinc", ""),
        ("wamid.B", "interactive", "", "v2|t|zinc||"),
    ]
    assert found[0].timestamp == 1_700_000_000


def _many(n: int) -> Reply:
    topics = tuple(Action(label=f"A rather long topic name number {i}", topic=f"topic-{i}") for i in range(n))
    return Reply(kind="topic", title="Many", topics=("hub",), actions=topics)


def test_a_long_list_is_paged_by_a_more_row_within_the_limits() -> None:
    reply = _many(23)
    first = choices_of(reply)
    assert not first.buttons and len(first.rows) == MAX_ROWS
    assert all(len(r.title) <= 24 and len(r.description) <= 72 for r in first.rows)
    assert first.rows[0].description == "A rather long topic name number 0"  # the whole label
    more = more_of(first.rows[-1].id)
    assert more is not None and more[0] == MAX_ROWS - 1 and decode(more[1]) is not None
    second = choices_of(reply, more[0])
    third = choices_of(reply, more_of(second.rows[-1].id)[0])  # type: ignore[index]
    shown = [r.id for r in (*first.rows[:-1], *second.rows[:-1], *third.rows)]
    assert len(shown) == 23 and len(set(shown)) == 23  # every choice once, in order
    assert more_of("v2|t|zinc||") is None and more_of("more:x:y") is None


def test_few_short_choices_are_buttons_and_a_checks_answers_always_are() -> None:
    few = Reply(kind="suggest", title="?", suggestions=(Action(label="Zinc", topic="zinc"),))
    assert [b.title for b in choices_of(few).buttons] == ["Zinc"]
    step = Answers(step=1)
    check = Reply(
        kind="check",
        title="Q",
        actions=(
            Action(label="Yes", topic="twitching", check=step.answer("yes")),
            Action(label="No", topic="twitching", check=step.answer("no")),
            Action(label="Not sure", topic="twitching", check=step.answer("unsure")),
            Action(label="Overview", topic="twitching", section="overview"),
        ),
    )
    assert [b.title for b in choices_of(check).buttons] == ["Yes", "No", "Not sure"]


def test_whatsapp_formatting_comes_from_the_layout(engine: Engine) -> None:
    reply = Reply(
        kind="topic",
        title="Zinc",
        intro="Forms: gluconate",
        sections=(Section(heading="Uses", paragraph="Plain words."),),
        disclaimer="Not medical advice.",
    )
    (text,) = render_whatsapp(reply)
    assert text == "*Zinc*\n_Forms: gluconate_\n\n*Uses*\nPlain words.\n\n_Not medical advice._"
    crisis = engine.answer("i want to end my life")
    assert render_whatsapp(crisis)[0].startswith("*" + crisis.escalation.title + "*")
    long = engine.topic_reply("twitching")
    assert long is not None and all(len(m) <= 300 for m in render_whatsapp(long, limit=300))
