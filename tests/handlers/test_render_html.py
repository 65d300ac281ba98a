"""Telegram HTML rendering: escaping, limits, splitting at block boundaries; crisis and
emergency advice first, doctor advice last under a one-line banner; the disclaimer once, at
the very end."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from handlers.telegram.render import TELEGRAM_LIMIT, render_html, render_single, utf16_len
from knowledge.answers import wording as texts
from knowledge.answers.reply import Escalation, Item, Reply, Section
from knowledge.engine import Engine

ALLOWED = {"b", "i"}


def visible(html_text: str) -> str:
    import html

    return html.unescape(re.sub(r"</?[a-z]+>", "", html_text))


def tags_balanced(html_text: str) -> bool:
    stack: list[str] = []
    for closing, name in re.findall(r"<(/?)([a-z]+)>", html_text):
        if name not in ALLOWED:
            return False
        if closing:
            if not stack or stack.pop() != name:
                return False
        else:
            stack.append(name)
    return not stack and "<" not in re.sub(r"</?[bi]>", "", html_text)


def big_reply(n_items: int, item: str, level: str = "doctor") -> Reply:
    return Reply(
        kind="topic",
        title="T <x> & y",
        sections=(
            Section(heading="H1", items=tuple(Item(name="N", text=f"{item} {i}") for i in range(n_items))),
            Section(heading="H2", paragraph="p " * 3000),
        ),
        escalation=Escalation(
            level=level,
            reasons=("weak",),
            title="⚠️ See",
            paragraphs=("You mentioned: weak", "Go <now>"),
            banner="Banner <b>" if level == "doctor" else "",
            leads=level in ("emergency", "crisis"),
        ),
        disclaimer=texts.DISCLAIMER,
    )


def test_every_dynamic_string_is_escaped(engine: Engine) -> None:
    reply = Reply(
        kind="topic", title="<script>&", sections=(Section(heading="a<b", items=(Item(text="&lt;"),)),)
    )
    out = render_html(reply).messages[0]
    assert "<script>" not in out and "&lt;script&gt;&amp;" in out and "&amp;lt;" in out
    assert tags_balanced(out)


def test_long_reply_splits_within_limits_with_banner_first_and_advice_last() -> None:
    rendered = render_html(big_reply(400, "x" * 30))
    assert len(rendered.messages) > 1
    for message in rendered.messages:
        assert utf16_len(visible(message)) <= TELEGRAM_LIMIT
        assert tags_balanced(message)
    assert visible(rendered.messages[0]).startswith("Banner <b>")
    assert visible(rendered.messages[-1]).rstrip().endswith("Go <now>\n\n" + texts.DISCLAIMER)
    assert sum("Go &lt;now&gt;" in m for m in rendered.messages) == 1
    assert [texts.DISCLAIMER in m for m in rendered.messages] == [False] * (len(rendered.messages) - 1) + [
        True
    ]


def test_emergency_advice_opens_the_first_message() -> None:
    rendered = render_html(big_reply(400, "x" * 30, level="emergency"))
    assert len(rendered.messages) > 1
    assert visible(rendered.messages[0]).startswith("⚠️ See\nYou mentioned: weak\nGo <now>")
    assert all("Go &lt;now&gt;" not in m for m in rendered.messages[1:])


def test_doctor_banner_opens_and_advice_closes_a_short_reply(engine: Engine) -> None:
    rendered = render_html(engine.answer("twitching and weakness"))
    assert len(rendered.messages) == 1
    text = visible(rendered.messages[0])
    assert text.startswith(texts.DOCTOR_BANNER + "\n\nTwitching")
    assert text.index(texts.DOCTOR_TITLE) < text.index(texts.DISCLAIMER)
    assert text.rstrip().endswith(texts.DISCLAIMER) and text.count(texts.DISCLAIMER) == 1


def test_crisis_block_leads_with_the_crisis_lines(engine: Engine) -> None:
    rendered = render_html(engine.answer("this twitching makes me want to die"))
    text = visible(rendered.messages[0])
    assert text.startswith(texts.CRISIS_TITLE)
    assert "988" in text and "116 123" in text and "findahelpline.com" in text
    assert text.index("116 123") < text.index("Twitching")
    assert "want to die" not in text  # their words are not echoed back


def test_single_message_keeps_title_disclaimer_and_advice() -> None:
    out = render_single(big_reply(400, "y" * 30))
    assert utf16_len(visible(out)) <= TELEGRAM_LIMIT
    assert out.startswith("<b>Banner &lt;b&gt;</b>\n\n<b>T &lt;x&gt; &amp; y</b>") and "Go &lt;now&gt;" in out
    assert texts.DISCLAIMER in out
    emergency = render_single(big_reply(400, "y" * 30, level="emergency"))
    assert visible(emergency).startswith("⚠️ See")


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.text(min_size=0, max_size=300), min_size=1, max_size=40),
    st.sampled_from(["none", "doctor", "emergency", "crisis"]),
)
def test_any_content_renders_valid_bounded_messages(items: list[str], level: str) -> None:
    reply = Reply(
        kind="topic",
        title=items[0] or "t",
        sections=tuple(
            Section(heading=h[:50] or "h", paragraph=h * 20, items=(Item(text=h),)) for h in items
        ),
        escalation=Escalation(
            level=level, title="⚠️", paragraphs=("a",), leads=level in ("emergency", "crisis")
        )
        if level != "none"
        else Escalation(level="none"),
        disclaimer=texts.DISCLAIMER,
    )
    rendered = render_html(reply)
    for message in rendered.messages:
        assert 0 < utf16_len(visible(message)) <= TELEGRAM_LIMIT
        assert tags_balanced(message)
    if level in ("emergency", "crisis"):
        assert visible(rendered.messages[0]).startswith("⚠️\na")
    elif level == "doctor":
        assert visible(rendered.messages[-1]).rstrip().endswith("a\n\n" + texts.DISCLAIMER)
    # The disclaimer once, closing the last message, however the answer was split.
    assert sum(m.count(texts.DISCLAIMER) for m in rendered.messages) == 1
    assert visible(rendered.messages[-1]).rstrip().endswith(texts.DISCLAIMER)


def test_a_written_answer_is_reused_only_in_its_own_language() -> None:
    """The messages are kept per layout and language: the same long answer in German after
    English carries German's note of the cut (and its right-to-left marks in Arabic), and
    asked again it is the same text."""
    from handlers.telegram import wording
    from handlers.whatsapp import wording as whatsapp_wording
    from handlers.whatsapp.render import render_whatsapp

    english = render_html(big_reply(3000, "x" * 30))
    german = render_html(big_reply(3000, "x" * 30).model_copy(update={"lang": "de"}))
    arabic = render_html(big_reply(3000, "x" * 30).model_copy(update={"lang": "ar"}))
    assert wording.text("SHORTENED", "en") != wording.text("SHORTENED", "de")
    assert any(wording.text("SHORTENED", "en") in m for m in english.messages)
    assert any(wording.text("SHORTENED", "de") in m for m in german.messages)
    assert not any(wording.text("SHORTENED", "en") in m for m in german.messages)
    assert all(line.startswith("\u200f") for m in arabic.messages for line in m.split("\n") if line)
    assert render_html(big_reply(3000, "x" * 30)) == english
    note = whatsapp_wording.text("SHORTENED_CHOICES", "de")
    german_whatsapp = render_whatsapp(big_reply(3000, "x" * 30).model_copy(update={"lang": "de"}))
    assert any(note in m for m in german_whatsapp)
    assert not any(note in m for m in render_whatsapp(big_reply(3000, "x" * 30)))


def test_advice_that_quotes_the_person_is_never_kept(engine: Engine) -> None:
    """Rendered messages are kept for answers made of knowledge's words only: advice that
    quotes what the person wrote ("You mentioned: ...") is written anew and held nowhere."""
    from handlers.telegram import render
    from handlers.whatsapp import render as whatsapp

    quoting = engine.answer("my calf twitches and my leg feels weak")
    assert quoting.escalation.reasons
    # A red flag said to be absent is quoted back too ("You said no ..."), with no flag said.
    denying = engine.answer("I don't have any weakness, just twitching")
    assert denying.escalation.denied and not denying.escalation.reasons
    plain = engine.answer("zinc side effects")
    for module, draw in ((render, render_html), (whatsapp, whatsapp.render_whatsapp)):
        module._messages.cache_clear()
        draw(quoting)
        draw(denying)
        assert module._messages.cache_info().currsize == 0
        draw(plain)
        assert module._messages.cache_info().currsize == 1
