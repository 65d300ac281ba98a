"""Issue 20, session 5: what a follow-up is about when a medicine, a drink or another supplement
is told beside an ingredient, and when a movement word is the heart's. Each rule from at least
two real messages, the threads of tests/data/conversations_threads.jsonl named below."""

from __future__ import annotations

import pytest

from knowledge.engine import Engine
from tests.support.conversation import chat


@pytest.mark.parametrize(
    "texts",
    [
        # thread-307 (healthyflux.com is-it-safe-to-take-magnesium-with-blood-pressure-medication)
        ("is it safe to take magnesium with bp medication?", "i take a potassium-sparing diuretic"),
        # thread-322 (laboiteagrains.com ortho-adapt-aor): "thiazide" is read as "thiamine"
        ("is ashwagandha ok with other drugs", "i take thiazide diuretics"),
    ],
)
def test_a_medicine_told_beside_a_supplement_word_is_the_medicine(
    engine: Engine, texts: tuple[str, ...]
) -> None:
    first, reply = chat(engine, *texts)
    assert reply.turn == "interaction" and reply.topics == first.topics[:1] and reply.section == "safety"


def test_a_supplement_asked_about_beside_a_medicine_is_still_its_own_topic(engine: Engine) -> None:
    # A question is about the supplement it names: the medicine does not take it over.
    _, reply = chat(engine, "is magnesium safe", "would potassium help, i take a diuretic")
    assert reply.turn == "elsewhere" and not reply.topics


@pytest.mark.parametrize(
    ("texts", "ingredient"),
    [
        # thread-337 (calendar-australia.com is-it-ok-to-take-melatonin-and-magnesium-together)
        (("is it ok to take melatonin and magnesium together", "i also take ibuprofen"), "magnesium"),
        # thread-339 (snuggymom.com can-i-take-tylenol-and-magnesium-together)
        (("magnesium for muscle cramps and migraines", "i also take tylenol for my headaches"), "magnesium"),
        # thread-340 (adaintymum.blog magnesium-ibuprofen-safe-use)
        (("is magnesium oxide the budget-friendly option?", "i take advil or motrin for pain"), "magnesium"),
    ],
)
def test_a_medicine_from_the_chemists_shelf_is_an_interaction_question(
    engine: Engine, texts: tuple[str, ...], ingredient: str
) -> None:
    *_, reply = chat(engine, *texts)
    assert reply.turn == "interaction" and reply.topics == (ingredient,)


@pytest.mark.parametrize(
    ("texts", "ingredient"),
    [
        # thread-336 (wise-geek.com is-it-safe-to-combine-melatonin-and-valerian)
        (("what about magnesium for sleep", "can i take it with valerian"), "magnesium"),
        # thread-341 (biologyinsights.com can-i-take-ashwagandha-with-melatonin)
        (("ashwagandha for stress and poor sleep", "can i take it with melatonin?"), "ashwagandha"),
        # thread-342 (the-unwinder.com do-ashwagandha-and-melatonin-work-together-to-improve-sleep)
        (
            ("would ashwagandha help me fall asleep faster", "and can i take it together with melatonin"),
            "ashwagandha",
        ),
    ],
)
def test_another_supplement_taken_with_the_ingredient_asks_about_the_ingredient(
    engine: Engine, texts: tuple[str, ...], ingredient: str
) -> None:
    *_, reply = chat(engine, *texts)
    assert reply.topics[:1] == (ingredient,) and reply.turn == "topic"


@pytest.mark.parametrize(
    "texts",
    [
        # the supplement named alone, or taken on its own, is its own topic
        ("ashwagandha for stress and poor sleep", "is melatonin safe long term"),
        ("does magnesium help twitching", "my friend says vitamin d, should i take it?"),
    ],
)
def test_another_supplement_not_taken_with_the_ingredient_is_its_own_topic(
    engine: Engine, texts: tuple[str, ...]
) -> None:
    *_, reply = chat(engine, *texts)
    assert reply.turn == "elsewhere" and not reply.topics


@pytest.mark.parametrize(
    "text",
    [
        # thread-311 (nashualabs.com can-you-drink-alcohol-and-take-a-gaba-supplement)
        "can you drink alcohol and take a gaba supplement?",
        # thread-362 (sciencedepot.blog ibuprofen-magnesium-safe-mix)
        "can you take ibuprofen with magnesium",
    ],
)
def test_an_ingredient_named_beside_a_medicine_or_drink_asks_its_safety(engine: Engine, text: str) -> None:
    (reply,) = chat(engine, text)
    assert reply.section == "safety" and reply.topics[:1] in (("gaba",), ("magnesium",))


def test_an_ingredient_compared_with_a_drink_is_not_a_safety_question(engine: Engine) -> None:
    (reply,) = chat(engine, "does magnesium help more than gatorade")
    assert reply.section == "overview" and reply.topics[:1] == ("magnesium",)


@pytest.mark.parametrize(
    "texts",
    [
        # thread-312 (biologyinsights.com can-ashwagandha-cause-palpitations)
        (
            "can ashwagandha cause palpitations",
            "my heart is racing and pounding, fluttering in my chest and throat",
        ),
        # thread-317 (scienceinsights.org can-ashwagandha-cause-heart-palpitations)
        (
            "started ashwagandha for stress and anxiety",
            "now i feel a fluttering, pounding feeling in my chest like a skipped beat",
        ),
    ],
)
def test_a_flutter_in_the_chest_beside_the_hearts_beat_is_not_twitching(
    engine: Engine, texts: tuple[str, ...]
) -> None:
    *_, reply = chat(engine, *texts)
    assert "twitching" not in reply.topics
    assert reply.escalation.level in ("doctor", "emergency")


@pytest.mark.parametrize(
    "text", ["my calf keeps jumping and my heart is racing", "my chest muscle keeps fluttering"]
)
def test_a_muscle_twitch_beside_the_heart_is_still_twitching(engine: Engine, text: str) -> None:
    (reply,) = chat(engine, text)
    assert reply.topics[:1] == ("twitching",)


def test_asking_whether_a_thing_the_knowledge_base_lacks_would_fix_it_is_about_that_thing(
    engine: Engine,
) -> None:
    # thread-115 (wgoldsteinmd.blogspot.com): "fix" asks whether botox helps, as "help" and
    # "work" do (haihonginc.com "have twitching eyelids? here's how to fix the problem", of botox).
    *_, reply = chat(
        engine,
        "my eyelid keeps twitching, could it be a brain tumor",
        "what actually causes it",
        "would botox fix it",
    )
    assert reply.turn == "elsewhere" and not reply.topics


def test_asking_how_to_fix_the_condition_stays_on_it(engine: Engine) -> None:
    _, reply = chat(engine, "my eyelid keeps twitching", "how do i fix it")
    assert reply.topics[:1] == ("twitching",)


@pytest.mark.parametrize(
    "text",
    [
        # thread-334 (missouripoisoncenter.org melatonin)
        "my child ate a bunch of melatonin gummies",
        # thread-335 (tips.moredeal.us melatonin-overdose-kid-eats-16-gummies-and-survives)
        "my 7 year old accidentally ate 16 melatonin gummies",
    ],
)
def test_an_emergency_about_a_thing_the_knowledge_base_lacks_gets_the_advice_alone(
    engine: Engine, text: str
) -> None:
    (reply,) = chat(engine, text)
    assert reply.turn == "advice" and reply.escalation.level == "emergency" and not reply.topics
    assert "information on" not in (reply.title or "")


def test_a_thing_the_knowledge_base_lacks_with_no_emergency_is_still_elsewhere(engine: Engine) -> None:
    _, reply = chat(engine, "does magnesium help with cramps", "would gatorade help with that")
    assert reply.turn == "elsewhere" and reply.escalation.level == "none"
