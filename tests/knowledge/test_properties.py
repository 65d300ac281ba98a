"""Property tests: any text gets an answer, and a red flag anywhere always escalates."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from knowledge.engine import Engine
from knowledge.understanding.normalise import tokenize

RED_FLAGS = [
    "weakness",
    "atrophy",
    "loss of coordination",
    "chest pain",
    "seizure",
    "can't breathe",
    "numbness",
    "twitching for 3 months",
    "family history of ALS",
    "i want to kill myself",
    "throat is swelling",
    "swallowed a whole bottle",
]
FILLER = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=60).map(
    lambda s: "".join(ch if not ch.isalnum() else " " for ch in s)
)
WORDS = st.lists(
    st.sampled_from(
        [
            "my",
            "eye",
            "magnesium",
            "twitching",
            "and",
            "b6",
            "hi",
            "the",
            "zinc",
            "help",
            "stress",
            "leg",
            "so",
            "?",
        ]
    ),
    max_size=8,
)
SETTINGS = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@SETTINGS
@given(st.text(max_size=600))
def test_any_text_gets_a_reply(engine: Engine, text: str) -> None:
    reply = engine.answer(text)
    if reply == engine.greeting():  # "hi": what the bot does, and what it is not
        assert reply.disclaimer
    elif reply.kind == "small_talk":  # one short line, no lists
        assert not reply.sections and not reply.actions and reply.title
    elif reply.kind in ("topic", "advice") or reply.escalation.level != "none":
        assert reply.disclaimer  # anything medical says it is not advice
    else:  # a picker or a did-you-mean prompt: no disclaimer to skim past
        assert not reply.disclaimer
    assert reply.escalation.level in ("none", "doctor", "emergency", "crisis")
    assert all(t in engine.kb.conditions or t in engine.kb.ingredients for t in reply.topics)


@SETTINGS
@given(WORDS, st.sampled_from(RED_FLAGS), WORDS, FILLER)
def test_red_flag_always_escalates(engine: Engine, before, flag, after, noise) -> None:
    text = " ".join([*before, noise, flag, noise, *after])
    assert engine.answer(text).escalation.level != "none", text


@SETTINGS
@given(st.sampled_from(["magnesium", "zinc", "gaba", "ashwagandha", "twitching"]), WORDS)
def test_topic_found_anywhere_in_text(engine: Engine, topic: str, words: list[str]) -> None:
    text = " ".join([*words, topic, *reversed(words)])
    slugs = engine.answer(text).topics
    assert topic in slugs


@given(st.text(max_size=200))
def test_tokenize_is_total_and_normalised(text: str) -> None:
    # case-folded, not lower-cased: Unicode folds Cherokee to its capitals ("ꭰ" -> "Ꭰ")
    for token in tokenize(text):
        assert token.text and token.text == token.text.casefold().strip()
        assert token.stem
