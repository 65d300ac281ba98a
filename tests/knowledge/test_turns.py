"""knowledge/turns.py: one table of what each kind of turn does to the conversation, and the
lexicon data it reads (knowledge/lexicon/conversation.toml)."""

from __future__ import annotations

from typing import get_args

import pytest

from knowledge import Conversation
from knowledge.answers import wording
from knowledge.answers.reply import TurnKind
from knowledge.base.models import KnowledgeBase
from knowledge.engine import Engine
from knowledge.turns import TURNS
from knowledge.understanding.lexicon import load_lexicon
from knowledge.understanding.normalise import tokenize
from knowledge.understanding.patterns import OTHER_TOPIC, TURN
from tests.support.conversation import chat


def context_after(engine: Engine, *texts: str) -> Conversation:
    conversation: Conversation | None = None
    for text in texts:
        conversation = engine.after(conversation, engine.answer(text, conversation))
    assert conversation is not None
    return conversation


def test_every_kind_of_turn_has_one_row() -> None:
    assert set(TURNS) == set(get_args(TurnKind))


def test_every_word_list_was_written_from_real_messages() -> None:
    """Each list of conversation.toml carries at least two real messages from two sources."""
    words = load_lexicon().conversation
    examples = [(n, t.examples) for n, t in words.turns.items()]
    examples += [(n, e.examples) for n, e in words.elsewhere.items()]
    for name, found in examples:
        assert len({e.source for e in found}) >= 2, name
        assert all(e.source.startswith("http") and e.text.strip() for e in found), name


def test_each_example_is_read_as_its_kind(engine: Engine) -> None:
    words = load_lexicon().conversation
    for tag, lists in ((TURN, words.turns), (OTHER_TOPIC, words.elsewhere)):
        for kind, entry in lists.items():
            for example in entry.examples:
                hits = engine.reader.phrases.match(tokenize(example.text))
                assert any(h.pattern.tag == tag and h.pattern.kind == kind for h in hits), example


# --- advice that holds ------------------------------------------------------------------------


@pytest.mark.parametrize("ack", ["ok", "k", "okay", "ok calling now", "i'm scared", "👍", "thanks"])
def test_an_acknowledgement_after_emergency_advice_restates_the_number(engine: Engine, ack: str) -> None:
    advice, reply = chat(engine, "i think im having a stroke", ack)
    assert advice.escalation.level == "emergency"
    assert reply.turn == "acknowledgement" and reply.escalation.level == "emergency"
    numbers = engine.advisor.emergency_numbers()
    assert reply.escalation.title == wording.HELD_EMERGENCY.format(numbers=numbers)
    assert reply.escalation.leads and not reply.topics


@pytest.mark.parametrize("ask", ["what do i do", "help", "what now", "what should i do"])
def test_asking_what_to_do_gets_the_full_advice_again(engine: Engine, ask: str) -> None:
    advice, _, again = chat(engine, "my toddler swallowed a bunch of my magnesium pills", "ok", ask)
    assert again.turn == "asks_help"
    # The same advice as first given, the poison lines included, without the person's words.
    assert again.escalation.paragraphs[-2:] == advice.escalation.paragraphs[-2:]
    assert again.escalation.lists == advice.escalation.lists and again.escalation.lists
    assert again.escalation.leads


def test_a_milder_message_never_lowers_the_level_and_a_higher_one_raises_it(engine: Engine) -> None:
    replies = chat(
        engine, "worst headache of my life", "my leg is giving out", "does magnesium help", "i want to die"
    )
    assert [r.escalation.level for r in replies] == ["emergency", "emergency", "emergency", "crisis"]
    assert replies[2].topics == ("magnesium",)  # the question is answered, under the advice


@pytest.mark.parametrize("clear", ["I'm ok now", "it was a false alarm", "its gone now"])
def test_all_clear_keeps_the_level_says_what_to_watch_for_and_keeps_the_numbers(
    engine: Engine, clear: str
) -> None:
    _, reply = chat(engine, "crushing chest pain right now", clear)
    assert reply.turn == "all_clear" and reply.escalation.level == "emergency"
    numbers = engine.advisor.emergency_numbers()
    assert reply.escalation.paragraphs == (wording.ALL_CLEAR_EMERGENCY.format(numbers=numbers),)


@pytest.mark.parametrize(
    "later", ["lol", "haha just joking", "does ashwagandha help anxiety", "thanks", "I'm ok now", "what now"]
)
def test_crisis_lines_never_leave_a_reply_for_the_context_lifetime(engine: Engine, later: str) -> None:
    first, *rest = chat(engine, "i want to kill myself", "ok", later, "what about magnesium for sleep")
    lines = first.escalation.lists
    assert lines and all(r.escalation.level == "crisis" and r.escalation.lists == lines for r in rest)


@pytest.mark.parametrize("clear", ["he seems fine now", "so what should i watch for"])
def test_all_clear_says_what_the_data_says_to_watch_for(engine: Engine, clear: str) -> None:
    """After poison advice, what to watch for carries the poisoning flag's own advice and the
    poison centre lines, as the data gives them."""
    advice, reply = chat(engine, "my toddler swallowed a handful of my magnesium pills", clear)
    poisoning = load_lexicon().triage.flags["poisoning"].advice
    assert reply.turn == "all_clear" and reply.escalation.level == "emergency"
    assert poisoning and poisoning in advice.escalation.paragraphs
    assert reply.escalation.paragraphs[1:] == (poisoning,)
    assert reply.escalation.lists == advice.escalation.lists and reply.escalation.lists


def test_the_context_keeps_the_level_and_the_advice_it_stands_for(engine: Engine) -> None:
    context = context_after(engine, "my son swallowed a handful of zinc tablets", "ok", "I'm ok now")
    assert (
        context.level == "emergency"
        and context.keep == chat(engine, "my son swallowed a handful of zinc tablets")[0].escalation.keep
    )


# --- red flags judged with the condition in context ---------------------------------------------


def test_a_month_after_an_ingredient_of_twitching_brings_twitchings_doctor_list(
    engine: Engine, kb: KnowledgeBase
) -> None:
    _, reply = chat(engine, "does magnesium help", "its been about a month now")
    assert reply.escalation.level == "doctor"
    listed = [item for advice in reply.escalation.lists for item in advice.items]
    assert listed == list(kb.conditions["twitching"].when_to_see_doctor)


def test_how_long_a_supplement_was_taken_is_no_red_flag(engine: Engine) -> None:
    _, reply = chat(engine, "ashwagandha for stress", "been taking it a month")
    assert reply.escalation.level == "none" and reply.topics == ("ashwagandha",)


def test_yellow_eyes_after_ashwagandha_need_a_doctor(engine: Engine) -> None:
    _, reply = chat(engine, "ashwagandha for stress", "my eyes look kinda yellow and im itchy")
    assert reply.escalation.level == "doctor" and reply.topics == ("ashwagandha",)


# --- context that lets go, and holds what it knows ----------------------------------------------


@pytest.mark.parametrize(
    ("first", "then", "name", "topic"),
    [
        ("does magnesium help", "would gatorade help with that", "gatorade", "Magnesium"),
        ("my eye keeps twitching", "does requip work", "requip", "Twitching"),
        ("my legs twitch at night", "should i get my ferritin checked", "ferritin", "Twitching"),
    ],
)
def test_a_thing_the_knowledge_base_lacks_is_not_the_topic_in_context(
    engine: Engine, first: str, then: str, name: str, topic: str
) -> None:
    _, reply = chat(engine, first, then)
    assert reply.turn == "elsewhere" and not reply.topics
    assert reply.title == wording.NOTHING_ON_IT.format(name=name, topic=topic)
    assert [a.label for a in reply.actions] == [topic]


def test_a_medicine_beside_an_ingredient_is_an_interaction_question(engine: Engine) -> None:
    _, meds, both = chat(engine, "gaba for anxiety", "im on xanax and paxil", "so can i take both with it")
    assert meds.turn == "interaction" and meds.topics == ("gaba",) and meds.section == "safety"
    assert meds.intro == wording.NO_INTERACTION_FACTS.format(ingredient="GABA", other="xanax and paxil")
    assert both.topics == ("gaba",) and both.section == "safety"


def test_a_product_form_is_the_ingredient_in_context(engine: Engine) -> None:
    _, reply = chat(engine, "magnesium", "citrate makes you run to the bathroom right")
    assert reply.topics == ("magnesium",)


@pytest.mark.parametrize(
    "text",
    [
        "now we're trying to conceive, do i have to stop?",
        "we are ttc right now",
        "im breastfeeding, is it ok",
    ],
)
def test_pregnancy_conceiving_and_breastfeeding_are_safety_questions(engine: Engine, text: str) -> None:
    _, reply = chat(engine, "ashwagandha for anxiety", text)
    assert reply.topics == ("ashwagandha",) and reply.section == "safety"


@pytest.mark.parametrize(
    "text",
    [
        "and cramps through the night",
        "my hand is stiff like a claw",
        "it's vibrating like a phone",
        "feeling lightheaded lately",  # a symptom concept of issue 19, in no word list here
    ],
)
def test_a_symptom_in_a_twitching_conversation_stays_in_twitching(engine: Engine, text: str) -> None:
    _, reply = chat(engine, "my calf keeps twitching", text)
    assert reply.topics == ("twitching",)


def test_a_button_under_an_older_message_never_lowers_the_held_level(engine: Engine) -> None:
    context = context_after(engine, "magnesium", "i think im having a stroke")
    pressed = engine.topic_reply("zinc")  # a button under the magnesium answer: no advice kept
    assert pressed is not None and pressed.escalation.level == "none"
    after = engine.after(context, pressed)
    assert after.level == "emergency" and after.keep == context.keep


# --- what the threads of issue 20's second round taught (conversations_threads.jsonl) ----------


@pytest.mark.parametrize(
    "said",
    [
        "i used my epipen",  # sneezedocs.com: the words of the advice itself, taken in
        "ok called 911, ambulance is coming",
    ],
)
def test_taking_the_advice_in_is_an_acknowledgement_even_with_its_own_flag(engine: Engine, said: str) -> None:
    _, reply = chat(engine, "my lips and tongue are swelling after zinc", said)
    assert reply.turn == "acknowledgement" and reply.escalation.level == "emergency"
    assert not reply.topics


@pytest.mark.parametrize(
    "texts",
    [
        ("my lips and tongue are swelling after zinc", "lol never again"),
        (
            "the right side of my face has been twitching all day with a headache behind my ear",
            "now i cant wink and i cant control the right side of my face",
            "they said its bells palsy",
        ),
    ],
)
def test_a_remark_in_passing_under_held_advice_asks_nothing_of_the_topic(
    engine: Engine, texts: tuple[str, ...]
) -> None:
    *_, advice, reply = chat(engine, *texts)
    assert advice.escalation.level == "emergency"
    assert reply.turn == "acknowledgement" and not reply.topics and reply.escalation.level == "emergency"


def test_a_question_under_held_advice_still_asks_the_topic(engine: Engine) -> None:
    _, reply = chat(
        engine, "my toddler swallowed a bunch of my magnesium pills", "how much would be too much"
    )
    assert reply.topics[:1] == ("magnesium",) and reply.escalation.level == "emergency"


@pytest.mark.parametrize(
    "texts",
    [
        # ntro.it.com understanding-if-magnesium-does-help-stop-twitching: RBC tests
        ("does magnesium help twitching", "should i get an rbc magnesium test"),
        ("my ferritin is low", "is a magnesium test worth it"),
    ],
)
def test_a_test_whose_name_holds_an_ingredient_names_the_test(engine: Engine, texts: tuple[str, ...]) -> None:
    reply = chat(engine, *texts)[-1]
    assert reply.turn == "elsewhere" and "magnesium" not in reply.topics


@pytest.mark.parametrize(
    "texts",
    [
        # healthunlocked.com thyroiduk 143679671; tumericalive.com lyme disease and ALS
        ("muscle twitching and hair loss, tsh is 6.5", "can the antibodies cause ms later on"),
        ("my legs keep twitching", "can lyme disease cause als"),
    ],
)
def test_a_feared_condition_a_lacking_thing_may_lead_to_is_about_the_thing(
    engine: Engine, texts: tuple[str, ...]
) -> None:
    reply = chat(engine, *texts)[-1]
    assert reply.turn == "elsewhere" and not reply.topics


def test_a_lack_with_no_name_in_the_conditions_talk_asks_its_causes(engine: Engine) -> None:
    reply = chat(
        engine,
        "the left side of my face has been twitching for a few months",
        "could it be a mineral deficiency",
    )[-1]
    assert reply.turn == "cause" and reply.section == "causes" and reply.topics[:1] == ("twitching",)


def test_a_message_not_understood_leaves_the_topic_for_the_next(engine: Engine) -> None:
    # whcolor.com too-much-magnesium: the bathroom, then a neighbour's kidney disease
    texts = (
        "my doctor said magnesium might help my leg cramps",
        "but i couldn't leave the bathroom for three hours",
        "my neighbor has kidney disease, can she take it",
    )
    reply = chat(engine, *texts)[-1]
    assert reply.topics[:1] == ("magnesium",) and reply.section == "safety"


@pytest.mark.parametrize(
    ("texts", "level"),
    [
        (
            (
                "been taking ashwagandha gummies for sleep for 6 weeks",
                "my pee is really dark and my skin itches",
            ),
            "doctor",
        ),
        (("can ashwagandha damage your liver", "it hurts under my ribs on the right"), "doctor"),
        (("side effects of magnesium pills?", "my stool has been black since i started"), "emergency"),
    ],
)
def test_a_symptom_mid_conversation_reaches_its_level(
    engine: Engine, texts: tuple[str, ...], level: str
) -> None:
    assert chat(engine, *texts)[-1].escalation.level == level


def test_what_a_doctor_said_is_taken_in_not_answered_with_the_ingredient(engine: Engine) -> None:
    # aboutbfs.com p=164090; issue 20: it was answered with magnesium's Safety section
    texts = (
        "my son's eyelid keeps twitching",
        "does magnesium help",
        "his doctor just said to track how often they happen",
    )
    reply = chat(engine, *texts)[-1]
    assert reply.turn == "reported" and not reply.topics and reply.title == wording.small_talk_line("ok")
    # The topic stays a question away.
    after = chat(engine, *texts, "is it safe for kids")[-1]
    assert after.topics[:1] == ("magnesium",) and after.section == "safety"


def test_a_question_beside_what_a_doctor_said_is_still_asked(engine: Engine) -> None:
    reply = chat(engine, "does magnesium help twitching", "my doctor said its fine, how much should i take?")[
        -1
    ]
    assert reply.turn == "topic" and reply.topics[:1] == ("magnesium",)


def test_each_medicine_ending_was_written_from_real_messages() -> None:
    drug = load_lexicon().conversation.elsewhere["drug"]
    assert len({e.source for e in drug.stem_examples}) >= 2
    for example in drug.stem_examples:  # each names a medicine by one of the endings
        assert any(w.endswith(drug.stems) for w in tokenize(example.text).texts), example


@pytest.mark.parametrize(
    ("texts", "ingredient"),
    [
        (("does magnesium help twitching", "i take metoprolol too"), "magnesium"),
        (("is ashwagandha safe", "i also take sumatriptan"), "ashwagandha"),
        # listed among the other remedies, yet a medicine by its ending
        (("does magnesium help twitching", "im on propranolol"), "magnesium"),
    ],
)
def test_a_medicine_told_by_its_ending_is_an_interaction_question(
    engine: Engine, texts: tuple[str, ...], ingredient: str
) -> None:
    reply = chat(engine, *texts)[-1]
    assert reply.turn == "interaction" and reply.topics[:1] == (ingredient,) and reply.section == "safety"


def test_a_month_is_no_medicine(engine: Engine) -> None:
    reply = chat(engine, "does magnesium help twitching", "since april its worse")[-1]
    assert reply.turn != "interaction" and reply.escalation.level == "doctor"


# --- what the threads of issue 20's third round taught (conversations_threads.jsonl) -----------


@pytest.mark.parametrize(
    "texts",
    [
        # winenfood.com persistent eye twitching: a stroke told after magnesium, about someone else
        ("does magnesium help", "right now it feels like a stroke, her words are coming out slurred"),
        # pipsparadigmstroke.blogspot.com act-fast: sudden numbness and weakness of one arm
        ("i take magnesium for leg cramps", "now my right arm is suddenly numb and weak"),
    ],
)
def test_an_emergency_the_ingredient_cannot_have_brought_is_advice_first(
    engine: Engine, texts: tuple[str, ...]
) -> None:
    """The advice alone, first; the ingredient only a button back to it, still in context."""
    reply = chat(engine, *texts)[-1]
    assert reply.turn == "alarm" and reply.escalation.level == "emergency" and reply.escalation.leads
    assert not reply.topics and [a.topic for a in reply.actions] == ["magnesium"]
    after = context_after(engine, *texts)
    assert after.focus == "magnesium" and after.level == "emergency"
    ack = chat(engine, *texts, "ok")[-1]
    assert ack.turn == "acknowledgement" and ack.escalation.level == "emergency"


@pytest.mark.parametrize(
    ("texts", "ingredient"),
    [
        # the ingredient's own reactions stay its topic (the earlier sets label them so)
        (("i take ashwagandha", "now my lips and tongue are swelling"), "ashwagandha"),
        (("does magnesium help", "my 3yo just got into the bottle"), "magnesium"),
        # a sign said to have gone on for weeks is the condition's course, not a sudden alarm
        (
            (
                "what helps with muscle twitching? mine are in my jaw and neck",
                "would gaba help",
                "also the past couple of weeks food keeps going down the wrong way and my speech "
                "gets a bit slurry by the evening",
            ),
            "gaba",
        ),
    ],
)
def test_a_reaction_to_the_ingredient_or_a_slow_change_keeps_it(
    engine: Engine, texts: tuple[str, ...], ingredient: str
) -> None:
    reply = chat(engine, *texts)[-1]
    assert reply.turn == "topic" and reply.topics[:1] == (ingredient,)
    assert reply.escalation.level == "emergency"


@pytest.mark.parametrize(
    ("text", "ingredient"),
    [
        ("is it normal to feel sick after taking zinc", "zinc"),  # medx.it.com
        ("can you be allergic to ashwagandha", "ashwagandha"),  # biologyinsights.com
        ("my dad had a stroke last year, can he take magnesium", "magnesium"),  # medx.it.com slow-mag
    ],
)
def test_feeling_sick_an_allergy_and_someone_elses_health_are_safety_questions(
    engine: Engine, text: str, ingredient: str
) -> None:
    reply = engine.answer(text)
    assert reply.topics[:1] == (ingredient,) and reply.section == "safety"


def test_a_copper_level_after_zinc_is_a_test_the_knowledge_base_lacks(engine: Engine) -> None:
    texts = ("been on 50mg zinc for months and i feel weak", "should i get my copper levels checked")
    reply = chat(engine, *texts)[-1]  # ntro.it.com why-does-zinc-make-me-feel-weak
    assert reply.turn == "elsewhere" and not reply.topics


def test_blurred_sight_in_one_eye_is_a_red_flag_of_its_own(engine: Engine) -> None:
    texts = ("my upper eyelid has been twitching for three months", "now my vision in that eye is blurry")
    assert chat(engine, *texts)[-1].escalation.level == "doctor"  # doctorqna.com/en/article/102204
    assert engine.answer("blurry vision in one eye").escalation.level == "doctor"  # 222health.com


def test_months_of_twitching_said_first_in_french_is_a_duration(engine: Engine) -> None:
    reply = engine.answer("des mois de fasciculations et de panique")  # thierryphilip.fr
    assert reply.topics[:1] == ("twitching",) and reply.escalation.level == "doctor"


def test_slower_than_normal_in_spanish_is_no_negation(engine: Engine) -> None:
    """ "más lento de lo normal" compares; it does not deny the crooked face before it, so the
    emergency holds through the "vale" and "¿qué hago?" that follow."""
    first, ok, what = chat(
        engine, "mi padre tiene la cara torcida y habla más lento de lo normal", "vale", "¿qué hago?"
    )
    assert first.escalation.level == "emergency"
    assert ok.turn == "acknowledgement" and what.turn == "asks_help"
    assert ok.escalation.level == what.escalation.level == "emergency"
