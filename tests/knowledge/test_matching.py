"""Topic matching: typos, spellings, word forms, phrases, priority, and no false matches."""

from __future__ import annotations

import pytest

from knowledge.engine import Engine


def topics(engine: Engine, text: str) -> list[str]:
    return list(engine.answer(text).topics)


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("magnesum?", "magnesium"),  # one edit
        ("magnisium", "magnesium"),
        ("magnesuim", "magnesium"),  # swapped letters count as one edit
        ("ashwagandah", "ashwagandha"),
        ("zink", "zinc"),  # one edit on a short name
        ("twitchin", "twitching"),
        ("pyridoxin", "vitamin-b6"),
        ("gamma aminobutric acid", "gaba"),  # typo inside a multi-word alias
    ],
)
def test_typos(engine: Engine, text: str, slug: str) -> None:
    assert topics(engine, text)[:1] == [slug]


@pytest.mark.parametrize(
    "text",
    ["l theanine", "ltheanine", "L-Theanine", "l-theanine!!", "theanine"],
)
def test_hyphen_and_space_variants_theanine(engine: Engine, text: str) -> None:
    assert topics(engine, text) == ["l-theanine"]


@pytest.mark.parametrize("text", ["b6", "b-6", "B 6", "vitamin B 6", "vitamin b-6", "vit b6"])
def test_hyphen_and_space_variants_b6(engine: Engine, text: str) -> None:
    assert topics(engine, text) == ["vitamin-b6"]


@pytest.mark.parametrize("text", ["twitch", "twitches", "twitching", "twitchy", "twitched", "fasciculation"])
def test_word_forms(engine: Engine, text: str) -> None:
    assert topics(engine, text) == ["twitching"]


@pytest.mark.parametrize(
    "text",
    [
        "<b>magnesium</b>",
        "**magnesium**",
        "MAGNESIUM!!!",
        "magnesium 💊",
        "  magnesium  ",
        "mag\u200bnesium",
        "_magnesium_",
        "`magnesium`",
        "magnesium&nbsp;",
        "Magnésium",
    ],
)
def test_noise_is_ignored(engine: Engine, text: str) -> None:
    assert topics(engine, text) == ["magnesium"]


def test_multi_word_aliases_match_as_phrases(engine: Engine) -> None:
    assert topics(engine, "withania somnifera") == ["ashwagandha"]
    assert topics(engine, "what about indian ginseng") == ["ashwagandha"]
    assert topics(engine, "gamma aminobutyric acid") == ["gaba"]
    # the words apart are not the alias
    assert topics(engine, "indian food and ginseng tea") == []


@pytest.mark.parametrize(
    "text",
    [
        "hi",
        "hello",
        "thanks!",
        "gaming",
        "gabapentin",
        "magnet",
        "magnificent",
        "vitamin c",
        "vitamin d",
        "vitamin b12",
        "zebra",
        "headache",
        "diabetes",
        "weekend",
        "123",
        "😀",
        "the",
        "asdfghjkl",
        "data",
        "game",
        "gab",
        "zinger",
    ],
)
def test_no_false_matches(engine: Engine, text: str) -> None:
    assert topics(engine, text) == []


def test_ingredient_is_primary_and_condition_is_kept(engine: Engine) -> None:
    assert topics(engine, "does magnesium help twitching") == ["magnesium", "twitching"]
    assert topics(engine, "twitching: is magnesium any good") == ["magnesium", "twitching"]


def test_several_ingredients_in_message_order(engine: Engine) -> None:
    assert topics(engine, "zinc, gaba or ashwagandha for twitching") == [
        "zinc",
        "gaba",
        "ashwagandha",
        "twitching",
    ]
    assert topics(engine, "tell me about ashwagandha and also magnesium") == [
        "ashwagandha",
        "magnesium",
    ]


def test_repeated_mentions_count_once(engine: Engine) -> None:
    assert topics(engine, "magnesium magnesium MAGNESIUM") == ["magnesium"]


def test_near_miss_gives_suggestions_not_an_answer(engine: Engine) -> None:
    reply = engine.answer("magnes")
    assert reply.topics == ()
    assert reply.kind == "suggest"
    assert [a.topic for a in reply.suggestions] == ["magnesium"]
    assert engine.answer("ashwa").suggestions[0].topic == "ashwagandha"


def test_unknown_topic_offers_what_the_bot_knows_to_tap(engine: Engine) -> None:
    reply = engine.answer("headache")
    assert reply.kind == "unknown" and reply.welcome
    assert reply.title == "I don't have information on that yet."
    offered = {a.topic for a in reply.actions}
    assert {"twitching", "magnesium", "gaba"} <= offered
    assert reply.actions == engine.greeting().actions  # the same buttons as the start screen


def test_small_talk_gets_a_greeting(engine: Engine) -> None:
    for text in ("hi", "Hello there!", "thanks", "thank you so much"):
        assert engine.answer(text).kind == "small_talk", text
    assert engine.answer("hi, magnesium?").topics == ("magnesium",)
