"""Issue 20, session 5 (t-conv2): red flags said in a follow-up in words that lean on the
conversation, each rule from at least two real messages (the pages named below, found with the
search tool). Each test fails without its change."""

from __future__ import annotations

import pytest

from knowledge.engine import Engine
from knowledge.understanding.triage import rank
from tests.support.conversation import chat

# droracle.ai "Is it safe for a toddler to take a magnesium gummy daily?": a real first turn.
_GUMMY = "is it safe for a toddler to take a magnesium gummy daily"


@pytest.mark.parametrize(
    "amount",
    [
        # blog.providence.org can-a-child-overdose-on-gummy-vitamins: a 3-year-old and a
        # 15-month-old, "Me and Zane ate them all today"
        "my 3 year old and my 15 month old ate them all today",
        # ipcblog.org two-3-year-olds-and-bottle-of-melatonin-supplements: "they found a big
        # bottle of gummies ... eating 85 of the sleep aids between the two of them"
        "my two 3 year olds ate 85 of them",
    ],
)
def test_an_amount_a_child_ate_of_the_ingredient_in_context_is_its_poisoning(
    engine: Engine, amount: str
) -> None:
    # NHS.uk, Poisoning: a child who has swallowed medicines not meant for them needs A&E; the
    # message naming the supplement ("ate 85 magnesium gummies") is already that.
    _, reply = chat(engine, _GUMMY, amount)
    assert reply.escalation.level == "emergency"
    assert reply.topics == ("magnesium",)


def test_an_amount_taken_of_the_ingredient_is_read_as_the_message_naming_it_would_be(
    engine: Engine,
) -> None:
    # The same level as the single message that names it, whatever that level is.
    named = engine.answer("my two 3 year olds ate 85 magnesium gummies")
    *_, reply = chat(engine, _GUMMY, "my two 3 year olds ate 85 of them")
    assert rank(reply.escalation.level) >= rank(named.escalation.level) >= rank("emergency")


@pytest.mark.parametrize(
    "texts",
    [
        # No amount and no child swallowing one: taking it, or how many a day, stays calm.
        (_GUMMY, "my son has been taking them for a month"),
        (_GUMMY, "how many of them can he have a day"),
        # An amount of something else, with nothing swallowed (twitches a day).
        ("does magnesium help twitching", "i get like 10 of them a day"),
    ],
)
def test_no_amount_swallowed_no_poisoning(engine: Engine, texts: tuple[str, ...]) -> None:
    *_, reply = chat(engine, *texts)
    assert reply.escalation.level == "none"


def test_without_an_ingredient_in_context_an_amount_of_them_is_no_substance(engine: Engine) -> None:
    # Nothing said before: "them" stands for nothing the rules can weigh.
    reply = engine.answer("my son ate like 10 of them")
    assert reply.escalation.level == "none"


@pytest.mark.parametrize(
    "texts",
    [
        # thread-338 (a child after melatonin gummies; scienceinsights.org: "difficulty staying awake")
        (
            "what happens if a child eats too many melatonin gummies",
            "he's vomiting and can barely stay awake",
        ),
        (
            "what happens if a child eats too many melatonin gummies",
            "she has difficulty staying awake and keeps vomiting",
        ),
    ],
)
def test_staying_awake_only_just_with_vomiting_is_an_emergency(
    engine: Engine, texts: tuple[str, ...]
) -> None:
    # NICE NG143 and NG232: drowsiness with vomiting (the drowsy_unwell rule).
    *_, reply = chat(engine, *texts)
    assert reply.escalation.level == "emergency"


@pytest.mark.parametrize(
    ("texts", "topic"),
    [
        # thread-302 (mysideofthepole.com), and its comment "I drop a lot of things! Mostly my phone"
        (
            (
                "my hands twitch the most, making it difficult to hold things",
                "i often drop the scoop of dog food before i get to the bowl, and my phone and water bottles",
            ),
            "twitching",
        ),
        (("my hands twitch a lot", "i drop a lot of things, mostly my phone"), "twitching"),
        # thread-303 (futureworldblog.blogspot.com); richardislivingwithals.blogspot.com "Things
        # fall out of my hands"; blog.ohmyarthritis.com "your coffee cup keep slipping out of your hands"
        (
            (
                "my right hand has been shaking a lot lately",
                "halfway through lunch the fork flew right out of my right hand, it keeps happening",
            ),
            None,
        ),
        (("my arms twitch all day", "things fall out of my hands"), "twitching"),
        (("my arms twitch all day", "my coffee cup keeps slipping out of my hands"), "twitching"),
    ],
)
def test_dropping_things_is_function_lost(engine: Engine, texts: tuple[str, ...], topic: str | None) -> None:
    # NICE NG42: loss of function such as dropping things warrants referral.
    *_, reply = chat(engine, *texts)
    assert reply.escalation.level == "doctor"
    assert reply.topics[:1] == ((topic,) if topic else ())


@pytest.mark.parametrize(
    "texts",
    [
        # thread-358 (nixzhu.me, a German forum on twitching all over)
        ("muskelzuckungen am ganzen körper in ruhe", "dazu muskelschwäche und taubheitsgefühl"),
        ("muskelzuckungen in den waden", "und jetzt muskelschwäche in den beinen"),
    ],
)
def test_twitching_with_weakness_in_german_is_a_doctors_matter(
    engine: Engine, texts: tuple[str, ...]
) -> None:
    # The twitching article's own item: accompanied by muscle weakness (rules.toml twitch_weakness).
    conversation = None
    for text in texts:  # in the language each message is written in, as `ask` reads them
        reply = engine.answer(text, conversation, lang=None)
        conversation = engine.after(conversation, reply)
    assert reply.escalation.level == "doctor" and reply.topics == ("twitching",)
    assert reply.lang == "de"


@pytest.mark.parametrize(
    ("text", "ingredient"),
    [
        # thread-312 (biologyinsights.com can-ashwagandha-cause-palpitations)
        ("can ashwagandha cause palpitations", "ashwagandha"),
        # thread-139 (ntro.it.com can-too-much-vitamins-cause-tingling)
        ("can vitamin b6 make your hands tingle", "vitamin-b6"),
    ],
)
def test_whether_an_ingredient_can_cause_a_symptom_is_a_safety_question(
    engine: Engine, text: str, ingredient: str
) -> None:
    # Asked, not told: the symptom is supposed (ConText's hypothetical), no red flag.
    reply = engine.answer(text)
    assert reply.escalation.level == "none"
    assert reply.topics[:1] == (ingredient,) and reply.section == "safety"


def test_a_symptom_told_beside_can_is_still_told(engine: Engine) -> None:
    # "can" with no "cause" or "make your" after it says nothing supposed.
    reply = engine.answer("i can barely make it up the stairs, my legs give out")
    assert reply.escalation.level == "doctor"


@pytest.mark.parametrize(
    "texts",
    [
        # thread-344 (dr-razavi.blogspot.com, zinc nasal sprays and loss of smell)
        (
            "i used a zinc nasal spray for my cold",
            "i suddenly felt a severe sharp burning sensation in my nose",
            "since then i have completely lost my sense of smell and taste",
        ),
        # lawyersandsettlements.com (two Zicam users): "my sense of smell and taste were gone",
        # "I couldn't smell or taste anything"
        ("i used a zinc nasal spray for my cold", "the next week my sense of smell and taste were gone"),
        ("i used a zinc nasal spray for my cold", "i couldn't smell or taste anything"),
    ],
)
def test_a_lost_sense_of_smell_is_a_doctors_matter(engine: Engine, texts: tuple[str, ...]) -> None:
    # FDA (2009, intranasal zinc) and NHS.uk, Lost or changed sense of smell (rules.toml smell_lost).
    *_, reply = chat(engine, *texts)
    assert reply.escalation.level == "doctor" and reply.topics[:1] == ("zinc",)


@pytest.mark.parametrize(
    "texts",
    [
        # sleeppursuits.com "How much melatonin is safe to take?"; blog.providence.org (gummy
        # vitamins): "Me and Zane ate them all today"
        ("how much melatonin is safe to take?", "my 3 year old and my 15 month old ate them all today"),
        # scienceinsights.org "What Happens If a Child Eats Too Many Melatonin Gummies?" (thread-338's
        # first turn); ipcblog.org: two 3-year-olds, "85 of the sleep aids between the two of them"
        ("what happens if a child eats too many melatonin gummies", "my two 3 year olds ate 85 of them"),
    ],
)
def test_an_amount_eaten_of_a_supplement_the_knowledge_base_lacks_is_its_poisoning(
    engine: Engine, texts: tuple[str, ...]
) -> None:
    # The conversation keeps that a supplement was named (Conversation.taken), never its name.
    first, reply = chat(engine, *texts)
    assert first.turn == "elsewhere" and first.taken
    assert reply.escalation.level == "emergency" and reply.turn == "advice"
