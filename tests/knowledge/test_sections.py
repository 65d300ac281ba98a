"""Section intent for condition questions."""

from __future__ import annotations

import pytest

from knowledge.engine import Engine


@pytest.mark.parametrize(
    ("text", "section"),
    [
        ("twitching", "overview"),
        ("what is twitching", "synopsis"),
        ("what causes twitching", "causes"),
        ("why does my eye twitch", "causes"),
        ("does caffeine cause twitching", "causes"),
        ("types of twitching", "types"),
        ("what kinds of twitches are there", "types"),
        ("serious causes of twitching", "severity"),
        ("is twitching dangerous", "severity"),
        ("is it normal for muscles to twitch", "severity"),
        ("can thyroid issues lead to twitching", "severity"),
        ("twitching and my thyroid", "severity"),
        ("when to see a doctor for twitching", "doctor"),
        ("should I worry about twitching", "doctor"),
        ("twitching neurologist", "doctor"),
        ("remedies for twitching", "remedies"),
        ("how to stop twitching", "remedies"),
        ("get rid of eye twitch", "remedies"),
        ("natural treatment for twitches", "remedies"),
        ("does drinking water help twitching", "remedies"),
        ("electrolytes and twitching", "remedies"),
        ("stretching for twitching", "remedies"),
        ("supplements for twitching", "ingredients"),
        ("herbs for twitching", "ingredients"),
        ("ingredients for twitching", "ingredients"),
    ],
)
def test_section_intent(engine: Engine, text: str, section: str) -> None:
    reply = engine.answer(text)
    assert reply.topics[0] == "twitching"
    assert reply.section == section


def test_section_typos(engine: Engine) -> None:
    assert engine.answer("remedys for twitching").section == "remedies"
    assert engine.answer("suplements for twitching").section == "ingredients"
