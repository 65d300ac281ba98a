"""Issue 20, a later round: the turn table's rows read on the grown tune split's misses (the
threads of tests/data/conversations_threads.jsonl named below), each rule from at least two
real messages."""

from __future__ import annotations

import pytest

from knowledge.engine import Engine
from tests.support.conversation import chat


@pytest.mark.parametrize(
    "texts",
    [
        # thread-147 (biologyinsights.com can-i-take-gaba-after-drinking-alcohol-2)
        ("can i take gaba to sleep", "i had a few beers tonight"),
        # thread-032 (medx.it.com what-should-you-not-mix-with-gaba)
        ("what should you not mix with gaba", "i drink wine most nights"),
    ],
)
def test_a_drink_told_of_beside_an_ingredient_is_an_interaction_question(
    engine: Engine, texts: tuple[str, ...]
) -> None:
    *_, reply = chat(engine, *texts)
    assert reply.turn == "interaction" and reply.topics == ("gaba",) and reply.section == "safety"


def test_a_medicine_after_a_drink_told_of_is_still_about_the_ingredient(engine: Engine) -> None:
    # thread-032: the drink no longer clears the ingredient, so the pills are asked of it too.
    *_, reply = chat(
        engine, "what should you not mix with gaba", "i drink wine most nights", "and my blood pressure pills"
    )
    assert reply.turn == "interaction" and reply.topics == ("gaba",)


@pytest.mark.parametrize(
    "texts",
    [
        ("does magnesium help with cramps", "would gatorade help with that"),
        ("which magnesium is best for cramps", "would coconut water be better"),
    ],
)
def test_a_drink_asked_about_is_still_elsewhere(engine: Engine, texts: tuple[str, ...]) -> None:
    *_, reply = chat(engine, *texts)
    assert reply.turn == "elsewhere" and not reply.topics


@pytest.mark.parametrize(
    "texts",
    [
        # thread-143 (eruditionmag.com throwing-up-after-taking-zinc-on-empty-stomach)
        ("took zinc on an empty stomach and threw up", "should i take it with food", "lol never again"),
        ("my eyelid has been twitching all day", "lol never again"),
    ],
)
def test_a_laugh_opening_a_remark_is_said_in_passing(engine: Engine, texts: tuple[str, ...]) -> None:
    *_, reply = chat(engine, *texts)
    assert reply.turn == "small_talk" and not reply.topics and reply.escalation.level == "none"


@pytest.mark.parametrize(
    "text",
    ["lol is it safe for kids", "lol my face is drooping on one side"],
)
def test_a_laugh_before_a_question_or_a_red_flag_is_no_small_talk(engine: Engine, text: str) -> None:
    *_, reply = chat(engine, "took zinc on an empty stomach and threw up", text)
    assert reply.turn != "small_talk"


@pytest.mark.parametrize(
    "texts",
    [
        # thread-093 (livingwithbfs.wordpress.com)
        (
            "my finger started twitching weeks ago",
            "woke up with my hand stiff like a claw",
            "now my feet and shoulders too",
        ),
        # real-140 (bfsforum.com), said after the twitching was named
        ("my calf keeps twitching", "now its in my arms and back too"),
    ],
)
def test_twitching_now_in_two_more_places_is_spreading(engine: Engine, texts: tuple[str, ...]) -> None:
    *_, reply = chat(engine, *texts)
    assert reply.topics == ("twitching",) and reply.escalation.level == "doctor"


def test_a_fluttering_heart_after_magnesium_is_a_red_flag(engine: Engine) -> None:
    # thread-195 (sehattak.com 7-warning-signs-youre-taking-too-much-magnesium)
    _, reply = chat(
        engine, "been taking a lot of magnesium for sleep", "my heart feels like it's fluttering and skipping"
    )
    assert reply.escalation.level == "doctor"


@pytest.mark.parametrize(
    "text",
    [
        "flutter under my eye for weeks, tried magnesium",  # thread-103 (winenfood.com)
        "flutter under my eye for weeks",
    ],
)
def test_a_flutter_under_the_eye_for_weeks_is_twitching_that_lasts(engine: Engine, text: str) -> None:
    (reply,) = chat(engine, text)
    assert "twitching" in reply.topics and reply.escalation.level == "doctor"


def test_how_long_a_form_was_taken_is_no_red_flag(engine: Engine) -> None:
    # thread-134 (ntro.it.com will-magnesium-stop-twitching): the `taking` words, as for
    # "been taking it a month", when the follow-up names a form of the ingredient.
    _, reply = chat(
        engine, "will magnesium stop my twitching", "ive taken oxide for a month and nothing changed"
    )
    assert reply.topics == ("magnesium",) and reply.escalation.level == "none"


def test_a_trimester_is_a_pregnancy_and_asks_the_ingredients_safety(engine: Engine) -> None:
    # thread-161 (bcryj.com ashwagandha-during-pregnancy)
    (reply,) = chat(engine, "first trimester and i just realised ive been taking ashwagandha capsules")
    assert reply.topics[0] == "ashwagandha" and reply.section == "safety"


@pytest.mark.parametrize(
    "text",
    [
        "got a weird headache on day three of l-theanine",  # thread-213 (rjawv.com)
        # blind2-004 (conversations_blind2.jsonl, studied)
        "took zinc this morning before breakfast and threw up 20 mins later lol",
    ],
)
def test_a_symptom_told_beside_an_ingredient_asks_its_safety(engine: Engine, text: str) -> None:
    (reply,) = chat(engine, text)
    assert reply.section == "safety"


@pytest.mark.parametrize(
    "text",
    [
        "does magnesium help with twitching and headaches",
        "does magnesium help with cramps",
        "magnesium for my cramps",
    ],
)
def test_a_symptom_the_ingredient_is_asked_to_help_is_no_side_effect(engine: Engine, text: str) -> None:
    (reply,) = chat(engine, text)
    assert reply.section != "safety"


@pytest.mark.parametrize(
    "texts",
    [
        # thread-258 (1doc3.com a-mi-tia-se-le-durmio-una-parte-de-la-cara)
        ("a mi tía de repente se le durmió una parte de la cara", "y no puede mover la boca"),
        ("se me duerme un lado de la cara",),  # marbellavital.es
    ],
)
def test_a_face_gone_numb_said_with_the_spanish_verb_is_an_emergency(
    engine: Engine, texts: tuple[str, ...]
) -> None:
    replies = chat(engine, *texts)
    assert all(r.escalation.level == "emergency" for r in replies)


def test_falling_asleep_in_spanish_is_no_numbness(engine: Engine) -> None:
    (reply,) = chat(engine, "mi tía se durmió en el sofá")
    assert reply.escalation.level == "none"


@pytest.mark.parametrize(
    "text",
    [
        "i'm tapering off klonopin, can i take gaba supplements",  # thread-206 (drnicolecain.com)
        # as thread-131 (eatsip365.com)
        "my mom just started a new blood pressure medication, can she take magnesium",
    ],
)
def test_a_medicine_change_beside_an_ingredient_with_no_symptom_is_no_red_flag(
    engine: Engine, text: str
) -> None:
    (reply,) = chat(engine, text)
    assert reply.escalation.level == "none"


def test_a_symptom_beside_an_ingredient_still_reads_the_conditions_flags(engine: Engine) -> None:
    (reply,) = chat(engine, "been on magnesium for weeks and my legs feel weak and the muscles look smaller")
    assert reply.escalation.level == "doctor"


def test_a_symptom_after_a_thing_the_knowledge_base_lacks_is_the_conditions(engine: Engine) -> None:
    # thread-006 (doctorqna.com/en/article/110525)
    *_, reply = chat(
        engine,
        "twitching in my calves and thighs for 2-3 months",
        "a doctor said it might be electrolytes, would gatorade help",
        "i dont feel weak though",
    )
    assert reply.topics == ("twitching",)


def test_the_conditions_red_flags_still_count_after_a_thing_the_knowledge_base_lacks(engine: Engine) -> None:
    *_, reply = chat(
        engine, "does magnesium help cramps", "would gatorade help with that", "it keeps me up at night"
    )
    assert reply.escalation.level == "doctor"


@pytest.mark.parametrize("text", ["is it safe?", "any risks taking it with blood thinners"])
def test_a_safety_question_after_a_thing_the_knowledge_base_lacks_is_not_the_conditions(
    engine: Engine, text: str
) -> None:
    *_, reply = chat(engine, "my calves keep twitching", "would gatorade help with that", text)
    assert "twitching" not in reply.topics


@pytest.mark.parametrize(
    "text",
    [
        "i have hyperthyroidism is ashwagandha ok",  # conv-016 (conversations.jsonl)
        "is gaba ok with one beer at dinner",  # cx-262 (crisis_more.jsonl, tune)
    ],
)
def test_asking_whether_an_ingredient_is_ok_asks_its_safety(engine: Engine, text: str) -> None:
    (reply,) = chat(engine, text)
    assert reply.section == "safety"


@pytest.mark.parametrize(
    "texts",
    [
        ("gaba for sleep?", "how much before bed"),  # conv-023 (cnet.com, conversations.jsonl)
        # "How Much Magnesium Before Bed" (a page's own question, foreverdreamin.com)
        ("does magnesium help me sleep", "how much before sleep"),
    ],
)
def test_a_safety_question_with_a_word_of_its_own_is_still_the_ingredients(
    engine: Engine, texts: tuple[str, ...]
) -> None:
    first, reply = chat(engine, *texts)
    assert reply.topics == first.topics[:1] and reply.section == "safety"


@pytest.mark.parametrize(
    "text",
    [
        "it started in one hand, then my other arm, and now my legs",  # mysideofthepole.com
        "this twitching quickly moved to my calves, face and arms",  # bfsforum.com
        "the twitching has progressed to my feet",  # livingwithbfs.wordpress.com
    ],
)
def test_twitching_from_one_place_to_another_is_spreading(engine: Engine, text: str) -> None:
    _, reply = chat(engine, "my hands twitch a lot", text)
    assert reply.topics == ("twitching",) and reply.escalation.level == "doctor"


def test_moving_house_is_no_spreading(engine: Engine) -> None:
    (reply,) = chat(engine, "i moved to my parents house and my eyelid twitches")
    assert reply.escalation.level == "none"


@pytest.mark.parametrize(
    "texts",
    [
        # As thread-001's "its been about a month now" after "does magnesium help with it"
        # (alsforums.com), in the words of each language's `twitch_lasting` (concepts/<lang>.toml).
        ("me tiembla el párpado", "el magnesio ayuda?", "ya lleva un mes así"),
        ("mein augenlid zuckt", "hilft magnesium?", "das geht schon seit einem monat so"),
        ("ma paupière tremble", "le magnésium aide?", "ça dure depuis un mois"),
        ("meu olho treme", "magnésio ajuda?", "já faz um mês"),
    ],
)
def test_a_month_said_in_another_language_is_the_conditions_duration_in_context(
    engine: Engine, texts: tuple[str, ...]
) -> None:
    *_, reply = chat(engine, *texts)
    assert reply.escalation.level == "doctor"


def test_the_condition_in_context_is_no_flag_of_its_own(engine: Engine) -> None:
    *_, reply = chat(engine, "me tiembla el párpado", "gracias")
    assert reply.escalation.level == "none"
