"""Arabic is written right to left: in the rendered Telegram HTML every line of an Arabic reply
opens with a right-to-left mark, so that a line beginning with "B6", a number or an English
name still reads right to left, and every value put into an Arabic sentence (a number, "B6",
a dose) sits in a first-strong isolate, so that its own order is kept."""

from __future__ import annotations

import re
import unicodedata

import pytest

from handlers.render import RLM, render_html, render_single
from knowledge import load_knowledge
from knowledge.engine import Engine
from knowledge.i18n.catalog import FSI, PDI

TAG = re.compile(r"<[^>]+>")


@pytest.fixture(scope="module")
def kb_engine() -> Engine:
    return Engine(load_knowledge())


def first_strong(line: str) -> str | None:
    """The bidi class of a line's first strong character (L, R or AL), as a client reads
    its direction."""
    for char in line:
        kind = unicodedata.bidirectional(char)
        if kind in ("L", "R", "AL"):
            return kind
    return None


def lines_of(message: str) -> list[str]:
    return [line for line in TAG.sub("", message).split("\n") if line.strip()]


def replies(engine: Engine, lang: str) -> list:
    return [
        engine.answer("vitamin b6", lang=lang),  # an English name, "B6", safety figures
        engine.with_kept(engine.greeting(lang), "c", "EG"),  # numbers, an Arabic line
        engine.answer("my toddler swallowed a bottle of zinc tablets", lang=lang),
        engine.catalogue("ingredients", lang=lang),
    ]


def test_every_arabic_line_reads_right_to_left(kb_engine: Engine) -> None:
    for reply in replies(kb_engine, "ar"):
        assert reply.lang == "ar"
        for message in (*render_html(reply).messages, render_single(reply)):
            for line in lines_of(message):
                assert line.startswith(RLM), line
                assert first_strong(line) in ("R", "AL"), line


def test_values_in_arabic_sentences_are_isolated(kb_engine: Engine) -> None:
    crisis = "\n".join(render_html(kb_engine.with_kept(kb_engine.greeting("ar"), "c", "EG")).messages)
    assert f"{FSI}123{PDI}" in crisis  # Egypt's emergency number inside the Arabic advice
    assert "08008880700" in crisis
    safety = "\n".join(render_html(kb_engine.answer("is vitamin b6 safe", lang="ar")).messages)
    for text in (crisis, safety):
        assert text.count(FSI) == text.count(PDI) and text.count(FSI) > 0


def test_a_left_to_right_reply_has_no_marks(kb_engine: Engine) -> None:
    for reply in replies(kb_engine, "es"):
        for message in render_html(reply).messages:
            assert RLM not in message and FSI not in message
            assert all(first_strong(line) in ("L", None) for line in lines_of(message))


def test_the_check_can_fail() -> None:
    """Without the mark, an Arabic line that starts with "B6" reads left to right."""
    assert first_strong("B6 فيتامين") == "L"
    assert first_strong(RLM + "B6 فيتامين") == "R"
