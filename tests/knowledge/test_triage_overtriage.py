"""Over-triage and false alarms by sense and context (issue 19, items 3 and 5; t-precision,
session 4): each case quotes real messages of the triage corpus's tune split (by id), with the
message that must still escalate beside it. Each fails without its change in the lexicon."""

from __future__ import annotations

import pytest

from knowledge.engine import Engine
from knowledge.understanding.clauses import layout
from knowledge.understanding.concept_reader import ConceptReader
from knowledge.understanding.normalise import tokenize
from knowledge.understanding.vocabulary import load_vocabulary
from tests.support.triage_corpus import tune_text as _text


@pytest.fixture(scope="module")
def reader() -> ConceptReader:
    return ConceptReader(load_vocabulary())


def _ids(reader: ConceptReader, text: str) -> set[str]:
    return {m.concept for m in reader.read(tokenize(text), text, "en").mentions}


def _level(engine: Engine, text: str) -> str:
    return engine.answer(text).escalation.level


@pytest.mark.parametrize(
    "item_id",
    [
        "lookalike-033",  # "the first time I have run a mile since I had a heart attack in 1999"
        "lookalike-036",  # "close to my pre heart attack pace"
    ],
)
def test_a_heart_attack_named_as_the_time_before_or_after_is_a_recovery(engine: Engine, item_id: str) -> None:
    assert _level(engine, _text(item_id)) == "none", item_id


def test_pre_stroke_is_no_stroke_now(engine: Engine) -> None:
    # neuro-705: "Gardening strains my back more than it did pre-stroke; ... my legs were somewhat wobbly"
    assert _level(engine, _text("neuro-705")) in ("none", "doctor")


@pytest.mark.parametrize(
    "text",
    [
        "I think I'm having a heart attack",
        "I think my dad is having a stroke right now",
        "I had a heart attack last year and now I have crushing chest pain again",
    ],
)
def test_a_heart_attack_or_stroke_now_stays_an_emergency(engine: Engine, text: str) -> None:
    assert _level(engine, text) in ("emergency", "crisis"), text


@pytest.mark.parametrize(
    "item_id",
    [
        "head-051",  # "The back of your eyeballs hurt" beside a hangover's nausea: not back pain
        "msk-709",  # "running up my entire spine": a spine, not a room that spins
    ],
)
def test_the_back_of_another_part_and_the_spine_are_no_heart_attack(engine: Engine, item_id: str) -> None:
    assert _level(engine, _text(item_id)) == "none", item_id


@pytest.mark.parametrize(
    "text",
    [
        "pain in my back and jaw and I feel sick and sweaty",
        "crushing pain in my chest going to my back",
    ],
)
def test_back_pain_of_a_heart_attack_stays_an_emergency(engine: Engine, text: str) -> None:
    assert _level(engine, text) == "emergency", text


@pytest.mark.parametrize(
    "item_id",
    [
        "gyn-003",  # "I nearly pass out from the pain"
        "neuro-064",  # "I thought I was going to faint when I came to a stop"
        "neuro-072",  # "I feel like I'm going to faint"
    ],
)
def test_feeling_about_to_faint_is_a_doctors_matter(engine: Engine, item_id: str) -> None:
    assert _level(engine, _text(item_id)) == "doctor", item_id


@pytest.mark.parametrize(
    "text",
    [
        "she fainted and we cant wake her",
        "I passed out at work",
        "I have chest pain and I feel faint",
        "my heart is racing and I feel like I'm going to pass out",
        "I have hives all over and I feel faint",
    ],
)
def test_fainting_or_feeling_faint_beside_a_red_flag_stays_an_emergency(engine: Engine, text: str) -> None:
    assert _level(engine, text) == "emergency", text


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # children-053 "a spotty rash behind her ears that has now spread to her face and neck"
        ("a spotty rash that has now spread to her face and neck", "ingested"),
        ("the muscle pain is running up my entire spine", "dizziness"),  # msk-709
        ("how do you know if your period bleeding is too heavy", "vomiting"),  # gyn-006
        ("since my surgery and radiation i get tired", "radiating"),  # breathing-037
        ("my heart was racing with anxiety", "activity"),  # sleep-021
        ("the cat flopped across my neck", "hard_to_wake"),  # lookalike-701
        ("my voice suddenly went quiet and raspy", "stridor"),  # infection-066
        ("a spotty rash behind her ears", "spotting"),  # children-053
        ("my nose has been runny for weeks", "activity"),
        ("the pain was quite bad for a month", "activity"),
        ("i have a plan for tonight", "clot_risk"),
        ("I have what they call Bells Palsy", "abdomen"),  # neuro-093
    ],
)
def test_a_word_stem_is_not_another_word(reader: ConceptReader, text: str, absent: str) -> None:
    assert absent not in _ids(reader, text)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("he necked a bottle of pills", "ingested"),
        ("i popped a handful of pills", "ingested"),
        ("the room spins when i stand", "dizziness"),
        ("i was heaving all night", "vomiting"),
        ("the pain radiates to my left arm", "radiating"),
        ("i was radiating pain down my leg", "radiating"),
        ("the baby is floppy and pale", "hard_to_wake"),
        ("a rasping sound when he breathes in", "stridor"),
        ("i am 8 weeks pregnant and spotting", "spotting"),
        ("after a long flight on a plane my calf hurts", "clot_risk"),
        ("i quit smoking last year", "activity"),
        ("sharp pain in my belly", "abdomen"),
    ],
)
def test_the_word_itself_still_reads(reader: ConceptReader, text: str, present: str) -> None:
    assert present in _ids(reader, text)


def test_heavy_period_bleeding_asked_about_is_no_vomited_blood(engine: Engine) -> None:
    # gyn-006 "How do you know if your period bleeding is too heavy?": "heavy" was "heaving"
    assert _level(engine, _text("gyn-006")) == "none"


@pytest.mark.parametrize(
    "item_id",
    [
        "children-704",  # "He slurped, gurgled, coughed and spluttered his way through his feeds"
        "children-060",  # "a slight yellowing of the skin on day three"
    ],
)
def test_a_common_word_with_an_ending_is_no_typo_for_a_flag(engine: Engine, item_id: str) -> None:
    assert _level(engine, _text(item_id)) == "none", item_id


@pytest.mark.parametrize("text", ["twitching and weekness", "my speach is slured", "numbnes in my legs"])
def test_typos_of_red_flag_words_still_escalate(engine: Engine, text: str) -> None:
    assert _level(engine, text) != "none", text


@pytest.mark.parametrize(
    "item_id",
    [
        "neuro-063",  # "Suddenly, without warning, the room would be spinning."
        "neuro-068",  # "Suddenly, I felt pressure and buzzing in my ear and I became dizzy."
    ],
)
def test_a_sudden_dizziness_alone_is_a_doctors_matter(engine: Engine, item_id: str) -> None:
    assert _level(engine, _text(item_id)) == "doctor", item_id


@pytest.mark.parametrize(
    "text",
    [
        "I suddenly lost my balance and can't walk straight",
        "suddenly dizzy and my face is drooping on one side",
        "de repente perdida del equilibrio y no puedo caminar",
    ],
)
def test_a_sudden_loss_of_balance_stays_a_stroke_sign(engine: Engine, text: str) -> None:
    assert _level(engine, text) == "emergency", text


@pytest.mark.parametrize(
    "item_id",
    [
        "lookalike-701",  # "the cat flopped across my neck": not a floppy child
        "infection-066",  # "My voice suddenly went quiet and raspy": not a rasping breath
    ],
)
def test_another_word_of_the_same_stem_raises_nothing(engine: Engine, item_id: str) -> None:
    assert _level(engine, _text(item_id)) == "none", item_id


@pytest.mark.parametrize(
    "item_id",
    [
        "abdomen-057",  # "I suffocate and feel a lot of pain. I was prescribed sleeping pills"
        "gyn-013",  # "Sometimes the pain is too much ... took one pill straight away"
    ],
)
def test_how_much_it_hurts_is_no_amount_swallowed(engine: Engine, item_id: str) -> None:
    assert _level(engine, _text(item_id)) == "doctor", item_id


@pytest.mark.parametrize(
    "text",
    [
        "I took a lot of pills an hour ago",
        "I swallowed too much of my sleeping pills on purpose",
    ],
)
def test_a_large_amount_swallowed_stays_a_crisis(engine: Engine, text: str) -> None:
    assert _level(engine, text) == "crisis", text


@pytest.mark.parametrize(
    "item_id",
    [
        "pregnancy-800",  # "six weeks pregnant and have been feeling a dull pain in my right side"
        "pregnancy-801",  # "6 wks pregnant ... on the left side ... sharp but light pinches or cramps"
    ],
)
def test_one_sided_pain_in_early_pregnancy_is_a_doctors_matter(engine: Engine, item_id: str) -> None:
    assert _level(engine, _text(item_id)) == "doctor", item_id


def test_bleeding_in_pregnancy_without_pain_or_heavy_flow_is_a_doctors_matter(engine: Engine) -> None:
    # pregnancy-050: "bright red blood in my panties ... clots ... I'm having no stomach pain"
    assert _level(engine, _text("pregnancy-050")) == "doctor"


@pytest.mark.parametrize(
    "text",
    [
        "I'm 10 weeks pregnant and have heavy bleeding",
        "I'm pregnant and bleeding with bad cramps",
        "pregnant and severe bleeding",
    ],
)
def test_heavy_bleeding_or_pain_in_pregnancy_stays_an_emergency(engine: Engine, text: str) -> None:
    assert _level(engine, text) == "emergency", text


@pytest.mark.parametrize(
    "item_id",
    [
        "breathing-025",  # "that out-of-the-gate feeling that makes you catch your breath just a little"
        "breathing-045",  # "The landscape just takes your breath away sometimes."
    ],
)
def test_a_breath_taken_by_a_feeling_is_no_breathlessness(engine: Engine, item_id: str) -> None:
    assert _level(engine, _text(item_id)) == "none", item_id


def test_a_breath_that_cannot_be_caught_stays_an_emergency(engine: Engine) -> None:
    assert _level(engine, "I can't catch my breath and my chest feels tight") == "emergency"


# t-fa (session 5): causes of over-triage found in the tune split and in t-fa's new tune items
# (ids 2000 and up, tests/data/triage/README.md).


def test_period_pain_is_not_a_heart_attack_nor_an_emergency(engine: Engine) -> None:
    # gyn-2001: "every month, on my first day ... a disgusting sweat and cramp filled day. My back
    # and stomach ache": sweating and a back ache, a period's (heart_attack_atypical's `unless`)
    assert _level(engine, _text("gyn-2001")) == "none"
    # gyn-2000: "once a month ... HORRIBLE cramps and back pain": severe period pain is a GP's
    # matter (NHS.uk Period pain), not severe pain in the trunk (MTS)
    assert _level(engine, _text("gyn-2000")) == "doctor"


@pytest.mark.parametrize(
    "text",
    [
        "crushing pain in my back and jaw and I'm sweating",
        "severe pain in my stomach, the worst ever, and I keep vomiting",
        "I'm 33 weeks and having horrible period-like cramping that has moved into my lower back",
    ],
)
def test_pain_in_the_trunk_that_is_no_period_stays_an_emergency(engine: Engine, text: str) -> None:
    assert _level(engine, text) == "emergency", text


@pytest.mark.parametrize("item_id", ["lookalike-034", "chest-2001"])
def test_a_heart_attack_recovered_from_in_cardiac_rehab_is_no_emergency(engine: Engine, item_id: str) -> None:
    assert _level(engine, _text(item_id)) == "none", item_id


def test_chest_pain_now_in_cardiac_rehab_stays_an_emergency(engine: Engine) -> None:
    text = "I'm in cardiac rehab and right now I have crushing chest pain spreading to my left arm"
    assert _level(engine, text) == "emergency"


@pytest.mark.parametrize("item_id", ["skin-728", "children-905"])
def test_breathing_through_a_blocked_nose_is_no_breathlessness(engine: Engine, item_id: str) -> None:
    assert _level(engine, _text(item_id)) == "none", item_id


@pytest.mark.parametrize(
    "text",
    ["I can't breathe and my throat is closing", "my baby is struggling to breathe and grunting"],
)
def test_struggling_to_breathe_stays_an_emergency(engine: Engine, text: str) -> None:
    assert _level(engine, text) == "emergency", text


def test_a_scratchy_throat_is_no_self_harm(engine: Engine) -> None:
    # skin-005: "my throat was swelling and scratchy, now my stomach is cramping": anaphylaxis,
    # an emergency, not "scratch ... my stomach"
    assert _level(engine, _text("skin-005")) == "emergency"
    assert _level(engine, "I scratched my arms until they bled, on purpose") == "crisis"


def test_a_flag_the_concepts_read_as_negated_is_denied(engine: Engine) -> None:
    # skin-716: "still no other symptoms such as headaches, weakness or body temperature changes"
    escalation = engine.answer(_text("skin-716")).escalation
    assert "weakness" not in escalation.reasons and "weakness" in escalation.denied


@pytest.mark.parametrize(
    "item_id",
    [
        "chest-916",  # "Back in the mid-1980's ... a golfer ... collapsed ... No breathing, no pulse."
        "chest-917",  # "a little over a year ago. I saw one of their group laying on the ground"
    ],
)
def test_a_story_dated_in_the_past_is_read_as_history(engine: Engine, item_id: str) -> None:
    # a decade ("the 1980s"), "a year ago", and a short fragment with no verb of the present
    assert _level(engine, _text(item_id)) == "none", item_id


@pytest.mark.parametrize(
    "text",
    [
        "Back in the 1990s I had a heart attack. Right now I have crushing chest pain spreading to my arm.",
        "A year ago my dad had a stroke. His face is drooping again and he can't lift his arm.",
    ],
)
def test_an_emergency_now_after_a_story_stays_an_emergency(engine: Engine, text: str) -> None:
    assert _level(engine, text) == "emergency", text


def test_a_brain_freeze_is_no_thunderclap_headache(engine: Engine) -> None:
    # head-032: "when you eat ice cream? All of a sudden BAM, this big almost headache like feeling"
    assert _level(engine, _text("head-032")) == "none"
    text = "I was eating ice cream and suddenly got the worst headache of my life and I'm vomiting"
    assert _level(engine, text) == "emergency"


@pytest.mark.parametrize("item_id", ["mental-2005", "mental-111"])
def test_having_almost_died_is_no_wish_to_die(engine: Engine, item_id: str) -> None:
    # "how I almost died today lifting"; "I nearly died laughing"
    assert _level(engine, _text(item_id)) == "none", item_id


def test_a_wish_to_die_beside_having_almost_died_stays_a_crisis(engine: Engine) -> None:
    assert _level(engine, "I almost died last night and now I want to die") == "crisis"


@pytest.mark.parametrize("item_id", ["skin-740", "skin-2005"])
def test_an_infected_bite_or_splinter_is_a_doctors_matter(engine: Engine, item_id: str) -> None:
    # "bites ... a couple got infected"; "a splinter ... a little infected ... pus"
    assert _level(engine, _text(item_id)) == "doctor", item_id


def test_preventing_an_infection_is_no_sign_of_one(engine: Engine) -> None:
    assert _level(engine, "How do I stop my mosquito bites getting infected?") == "none"


def test_a_sudden_headache_without_severity_is_no_thunderclap(engine: Engine) -> None:
    # infection-2010: "plötzlich rinnt die Nase, kratzt der Hals und schmerzt der Kopf" (a cold)
    assert engine.answer(_text("infection-2010"), lang=None).escalation.level == "none"


@pytest.mark.parametrize(
    "text",
    [
        "I suddenly got a terrible headache, like being hit on the head",
        "sudden severe headache that came on in seconds",
        "the worst headache of my life",
    ],
)
def test_a_sudden_and_severe_headache_stays_an_emergency(engine: Engine, text: str) -> None:
    assert _level(engine, text) == "emergency", text


@pytest.mark.parametrize("item_id", ["neuro-070", "abdomen-2003"])
def test_a_sudden_tummy_upset_with_vomiting_is_no_emergency_without_severe_pain(
    engine: Engine, item_id: str
) -> None:
    # "sudden abdominal pain and nausea, I got up and vomited"; a stomach bug, "Sudden."
    assert _level(engine, _text(item_id)) in ("none", "doctor"), item_id


def test_severe_tummy_pain_with_vomiting_stays_an_emergency(engine: Engine) -> None:
    assert _level(engine, "sudden severe pain in my stomach and I keep vomiting") == "emergency"


# t-fa2 (session 5): four kinds of false alarm on g-tune2a's and g-tune2b's tune messages, which
# no rule had been tuned on, each read by a cue of the other sense (concepts/en.toml, t-fa2).


@pytest.mark.parametrize(
    "item_id",
    [
        "neuro-5505",  # "lying on top of my arm ... my arm's asleep. I can't move it"
        "neuro-5506",  # "Sleep on your arm until it goes numb. ... you can't feel your arm"
        "neuro-5508",  # "my arm was asleep ... although it was tingling"
        "neuro-5511",  # "my arm was numb beneath my body ... limbs go to sleep ... pins and needles"
    ],
)
def test_a_limb_asleep_from_lying_on_it_is_no_neurological_flag(engine: Engine, item_id: str) -> None:
    # NHS.uk, Pins and needles: sitting or sleeping on part of the body, self-care
    assert _level(engine, _text(item_id)) == "none", item_id


def test_a_limb_that_only_feels_asleep_is_still_numbness_to_see_a_gp_about(engine: Engine) -> None:
    # neuro-082: "a numbness in my left leg. It feels as if my leg is asleep" (a doctor's matter)
    assert _level(engine, _text("neuro-082")) in ("doctor", "emergency")


@pytest.mark.parametrize(
    "text",
    [
        "I woke up this morning and my left arm was numb and I couldn't lift it, and my face looked droopy",
        "my arm went numb and my face dropped",
        "I woke up and my arm was numb. My speech is slurred",
        "I thought my arm was asleep from lying on it but my face is drooping and my speech is slurred",
    ],
)
def test_a_numb_arm_with_a_stroke_sign_stays_an_emergency(engine: Engine, text: str) -> None:
    assert _level(engine, text) == "emergency", text


@pytest.mark.parametrize("item_id", ["lookalike-5002", "lookalike-5003", "lookalike-5004", "lookalike-5005"])
def test_a_choke_or_collapse_in_sport_is_no_emergency(engine: Engine, item_id: str) -> None:
    # "a 32-point lead ... was a choke job"; "Did the Atlanta Falcons choke in the Super Bowl?";
    # "an epic last-minute collapse ... The greatest choke in sports history?"; "Biggest pro
    # sport collapse, ever"
    assert _level(engine, _text(item_id)) == "none", item_id


@pytest.mark.parametrize(
    "text",
    [
        "The player collapsed on the pitch and isn't breathing",
        "our striker collapsed on the pitch in the second half of the league game",
        "my dad was watching the super bowl and he collapsed",
        "my dad is choking on a chicken wing during the super bowl",
        "he collapsed during the race and isnt breathing",
    ],
)
def test_a_collapse_or_choking_at_a_game_stays_an_emergency(engine: Engine, text: str) -> None:
    assert _level(engine, text) == "emergency", text


@pytest.mark.parametrize("item_id", ["pregnancy-5500", "skin-5513"])
def test_a_lip_swollen_with_a_cold_sore_is_no_allergic_reaction(engine: Engine, item_id: str) -> None:
    # "a cold sore ... My upper lip was all swollen" (in pregnancy, whose swelling stays a
    # doctor's matter by its own rule); "a gigantic cold sore ... My whole top lip was majorly swollen"
    assert _level(engine, _text(item_id)) in ("none", "doctor"), item_id


@pytest.mark.parametrize(
    "text",
    [
        "my lips and tongue are swelling after a bee sting",
        "I got stung by a bee and now my lips and tongue are swelling up",
        "I have a cold sore but after a bee sting my tongue is swelling and my throat feels tight",
    ],
)
def test_lips_and_tongue_swelling_after_a_sting_stay_an_emergency(engine: Engine, text: str) -> None:
    assert _level(engine, text) == "emergency", text


@pytest.mark.parametrize("item_id", ["msk-5509", "msk-5510"])
def test_the_burn_of_a_workout_is_no_self_harm(engine: Engine, item_id: str) -> None:
    # "this workout ... the worst lactic acid burn I've ever had in my legs"; "hack squats ...
    # walking lunges ... Wow did that ever burn - searing pain. I knew my legs were cooked"
    assert _level(engine, _text(item_id)) == "none", item_id


@pytest.mark.parametrize(
    "text",
    [
        "I burn myself with a lighter",
        "I keep burning my arms with a lighter when I feel empty",
        "I cut myself after the workout",
        "after leg day I cut my thighs again, i deserve it",
    ],
)
def test_burning_or_cutting_oneself_stays_a_crisis(engine: Engine, text: str) -> None:
    assert _level(engine, text) == "crisis", text


def test_nearby_reaches_the_sentence_before_and_after_only() -> None:
    shape = layout("One two. Three four. Five six. Seven.", 7)
    assert shape.same("nearby", 2, 0) and shape.same("nearby", 2, 4)
    assert not shape.same("nearby", 0, 4) and not shape.same("sentence", 0, 2)


def test_a_stretch_ends_its_clause_at_a_clause_end_or_the_last_word() -> None:
    shape = layout("My son is cutting. What now", 6)
    assert shape.ends_clause(4) and shape.ends_clause(6)  # "...is cutting." and "...now"
    assert not shape.ends_clause(3)  # "is" before "cutting", in the same clause
    assert layout("is cutting onions", 3).ends_clause(3) and not layout("is cutting onions", 3).ends_clause(2)


# --- t-fa5 (session 8): another sense, each from two or more real messages ---------------------


@pytest.mark.parametrize("item_id", ["lookalike-13024", "lookalike-13025"])
def test_a_swimming_stroke_is_no_stroke(engine: Engine, item_id: str) -> None:
    # "I told her the breaststroke. I really need help with this stroke"; "My backstroke wasn't so
    # great today; with tired arms from the other strokes"
    assert _level(engine, _text(item_id)) == "none", item_id


@pytest.mark.parametrize(
    "text",
    [
        "my dad had a stroke at the swimming pool, his face is drooping",
        "I think she is having a stroke, she was doing the breaststroke and now her arm is weak"
        " and her speech is slurred",
    ],
)
def test_a_stroke_beside_swimming_stays_an_emergency(engine: Engine, text: str) -> None:
    assert _level(engine, text) == "emergency", text


@pytest.mark.parametrize("item_id", ["sleep-13002", "sleep-13003"])
def test_sleep_paralysis_is_no_weakness(engine: Engine, item_id: str) -> None:
    # "not been able to move your body or talk, you've probably had sleep paralysis"; "Is sleep
    # paralysis the scariest experience there is or what?"
    assert _level(engine, _text(item_id)) == "none", item_id


def test_a_paralysis_beside_sleep_paralysis_in_another_sentence_is_still_read(engine: Engine) -> None:
    text = "I used to get sleep paralysis as a teen. Today my left arm and leg are suddenly paralysed."
    assert _level(engine, text) == "emergency", text


@pytest.mark.parametrize(
    "text",
    [
        "Early last week I started having a scratchy throat, which quickly progressed into a tight"
        " chesty cough, a hoarse voice, stuffy nose",
        "I have a chesty cough and a runny nose since Monday",
    ],
)
def test_a_chesty_cough_is_no_tight_chest(engine: Engine, text: str) -> None:
    assert _level(engine, text) == "none", text


def test_a_tight_chest_said_as_such_stays_an_emergency(engine: Engine) -> None:
    text = "I have a chesty cough and now my chest is tight and I can't breathe"
    assert _level(engine, text) == "emergency", text


@pytest.mark.parametrize("item_id", ["lookalike-13010", "lookalike-13011"])
def test_the_fright_of_a_roller_coaster_is_no_crisis_and_no_faint(engine: Engine, item_id: str) -> None:
    # "my first roller coaster. BIG DROP ... HELP ME I'M GONNA DIE oh hey it's over"; "the first
    # drop of the coaster ... I felt I was on the verge of passing out"
    assert _level(engine, _text(item_id)) == "none", item_id


@pytest.mark.parametrize(
    "text",
    [
        "I rode a roller coaster today and I still want to die, I have the pills ready",
        "my son passed out on the roller coaster and he is not waking up",
    ],
)
def test_a_wish_to_die_or_a_faint_beside_a_roller_coaster_is_still_read(engine: Engine, text: str) -> None:
    assert _level(engine, text) in ("emergency", "crisis"), text


@pytest.mark.parametrize("item_id", ["skin-070", "skin-13001"])
def test_a_sunburn_that_blisters_or_makes_one_sick_is_a_doctors(engine: Engine, item_id: str) -> None:
    # NHS.uk Sunburn: an urgent GP appointment or 111 for a blistered or swollen sunburn, or one with
    # shivers, sickness or dizziness: "a very bad sunburn on my shoulders and there are a lot of
    # blisters"; "one of my worst sunburns to date ... incredibly sick— chills, nausea"
    assert _level(engine, _text(item_id)) == "doctor", item_id


@pytest.mark.parametrize(
    "text",
    [
        "I got a sunburn on my back at the beach, it is red and sore and starting to peel",
        "my sunburnt shoulders are so itchy today",
    ],
)
def test_a_sunburn_that_is_only_sore_stays_self_care(engine: Engine, text: str) -> None:
    assert _level(engine, text) == "none", text
