"""Recall by concept (issue 19, t-recall round): lay words and context fixes for concepts the
lexicon already had, each backed by two or more real messages of the triage corpus (tune split,
quoted by id: the studied pages included). Each message was missed before its words were added."""

from __future__ import annotations

import pytest

from knowledge.engine import Engine
from tests.support.triage_corpus import tune_text as _text


@pytest.mark.parametrize(
    "item_id",
    [
        "mental-216",  # "I self injure" (self_harm)
        "mental-323",  # "I ended up cutting", after three years clean (self_harm)
        "mental-055",  # "sleep ... without ever waking up again" (death_wish)
        "mental-059",  # sleeping pills, "It doesn't matter if I wake up" (death_wish)
        "mental-089",  # "what she'll say when they find me" (death_wish)
        "mental-116",  # "What's the point of life, anyway?" (hopeless)
        "mental-286",  # Italian "desiderando solo di morire" (desire + death)
        "mental-306",  # Portuguese "penso em dar um fim a minha vida" (desire + death)
        "mental-525",  # French "envie de fuir ce monde", "pour ne pas me reveiller"
        "mental-528",  # Portuguese blades on the wrist: "passando" is not "passou" (went away)
        "mental-195",  # "I feel trapped" (hopeless; mental-578 is the second real example)
        "mental-335",  # "I tried to strangle myself" (self_harm; mental-579 the second)
        "mental-515",  # "the most amount of cuts I've ever done" (self_harm)
        "mental-516",  # "All I can think of is the next time I'll cut" (self_harm)
        "mental-255",  # "I shouldn't have made it through that night": regret, not recovery
        "mental-526",  # Spanish "hacerme una ultima herida" (self_harm)
        "mental-307",  # Portuguese "nao estou conseguindo suportar mais nada", after "nao me sinto bem"
    ],
)
def test_crisis_said_in_other_words_is_a_crisis(engine: Engine, item_id: str) -> None:
    assert engine.answer(_text(item_id)).escalation.level == "crisis", item_id


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # the concepts, not the sentences: other people's wording of the same thing
        ("I self injured again last night", "crisis"),
        ("sometimes suicide feels like my only option", "crisis"),
        ("I wish I had died in that crash", "crisis"),
        # and what they must not take: a pain that died down, a wish about a rash
        ("the pain has since died down, is that normal?", "none"),
        ("the only way to get rid of a cold sore is to wait?", "none"),
        ("cut myself shaving and it wont stop bleeding, tips?", "none"),
    ],
)
def test_crisis_concepts_in_new_words(engine: Engine, text: str, level: str) -> None:
    assert engine.answer(text).escalation.level == level, text


@pytest.mark.parametrize(
    "item_id",
    [
        "children-006",  # "kept going back to sleep" with a temperature (hard to wake)
        "children-116",  # a bumped head, "his eyes started rolling back" (unconscious)
        "head-020",  # "slammed the side of his head into the floor", then lethargic
        "children-115",  # "fell ... headfirst", then "asked again why his head hurt" (amnesia)
        "eye-005",  # "In the space of 5 minutes, I lost most of the sight in my left eye"
        "msk-022",  # "even after applying pressure for 15 minutes, the bleeding won't stop"
        "pregnancy-032",  # 190/120 at 38 weeks, "barely coherent" (confusion)
    ],
)
def test_emergencies_said_in_other_words_are_emergencies(engine: Engine, item_id: str) -> None:
    assert engine.answer(_text(item_id)).escalation.level == "emergency", item_id


@pytest.mark.parametrize(
    "item_id",
    [
        "ear-002",  # "I lost all hearing my left ear" (hearing loss)
        "gi_bleed-007",  # "the most horrible black diarrhea" (black stool)
    ],
)
def test_red_flags_said_in_other_words_bring_advice(engine: Engine, item_id: str) -> None:
    assert engine.answer(_text(item_id)).escalation.level != "none", item_id


@pytest.mark.parametrize(
    "item_id",
    [
        "skin-704",  # a mole that "seems to have gotten lighter" (rule mole_looks_changed)
        "skin-707",  # "a rim of lighter colour around it"
        "skin-081",  # "the border of the mole is rather irregular"
        "breast-015",  # "a sharp pain shot under my arm into my right boob"
        "abdomen-062",  # any liquid "was coming straight back up"
        "children-098",  # "any food or drink he has, he just vomits it back up"
        "elderly-050",  # "seems very forgetful. He forgets to take his medication"
        "breast-005",  # "Two months ago I noticed a lump": when it began, not a past lump
        "twitching-017",  # twitching, "I wake in the night with extreme Charley horses"
        "mental-275",  # French "je sombre dans la depression ... une depression severe" (low mood)
        "breathing-703",  # "The cough got worse" (rule cough_worse)
        "breathing-704",  # "my cough has got worse"
    ],
)
def test_doctor_level_signs_in_lay_words_bring_advice(engine: Engine, item_id: str) -> None:
    assert engine.answer(_text(item_id)).escalation.level == "doctor", item_id


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("my mole has got darker and the edge is uneven", "doctor"),
        ("how do I remove a mole at home?", "none"),
        ("is a mole the same as a freckle?", "none"),
        ("I bumped my arm on the door, it has a small bump now", "none"),
    ],
)
def test_a_mole_is_a_red_flag_only_when_it_looks_changed(engine: Engine, text: str, level: str) -> None:
    assert engine.answer(text).escalation.level == level, text


@pytest.mark.parametrize(
    ("item_id", "level"),
    [
        ("chest-058", "emergency"),  # "I couldn't find a pulse" (not breathing)
        ("neuro-090", "emergency"),  # "No smiling, no facial control": a drooping face, not denied
        ("pregnancy-052", "emergency"),  # "bleeding all over my bed" (heavy bleeding)
        ("neuro-527", "emergency"),  # Spanish "poca coordinacion", "sospecha de ictus" (a stroke named)
        ("neuro-031", "emergency"),  # the room spinning, "Everything started to get blurry" (vertigo_neuro)
        ("elderly-028", "doctor"),  # "weak and unsteady on her feet" after pneumonia: not vertigo_neuro
        ("gi_bleed-036", "emergency"),  # black feces, then dizzy (rule stool_blood_faint)
        ("gi_bleed-010", "doctor"),  # blood and light-headedness told of age 17: the past
        ("eye-022", "doctor"),  # slept in contact lenses, "a sharp pain on my eye" (contact_lens_eye_pain)
        ("eye-028", "doctor"),  # "wore my contacts for 24 hours ... shooting pains"
        ("urinary-027", "doctor"),  # "a small bump on the side of my left testicle" (bump_in_a_part)
        ("head-038", "doctor"),  # "this bump on the roof of your mouth"
        ("eye-023", "doctor"),  # "Half of my vision was a blur" (vision loss)
        ("pregnancy-055", "doctor"),  # itching on the hands and feet (rule itching_hands_feet)
        ("pregnancy-056", "doctor"),  # "every single part of my body is itchy: hands, feet"
    ],
)
def test_signs_in_lay_words_reach_their_level(engine: Engine, item_id: str, level: str) -> None:
    assert engine.answer(_text(item_id)).escalation.level == level, item_id


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        # poisoning-043 "woke up not feeling well, also claiming a headache"
        ("Caleb woke up not feeling well, also claiming a headache", "headache"),
        ("I don't feel well and my face is drooping on one side", "droop"),
        ("I'm not feeling good and I have crushing chest pain", "chest"),
    ],
)
def test_feeling_unwell_does_not_deny_what_follows(engine: Engine, text: str, concept: str) -> None:
    found = [c for c in engine.answer(text).escalation.concepts if c.id == concept]
    assert found and not any(c.negated for c in found), text


# t-em: emergencies told in words the concepts missed, each backed by two real messages (tune split)
@pytest.mark.parametrize(
    ("item_id", "concept"),
    [
        ("children-923", "unconscious"),  # a newborn: "his eyes kept rolling back" (words between)
        ("children-2500", "unconscious"),  # a fit: "her eyes rolling in the back of her head"
        ("neuro-2503", "speech_problem"),  # French "je ne pouvais plus parler" (as "ne peut plus parler")
        ("neuro-2512", "droop"),  # French "son sourire n'est pas symétrique" (as "asymetrique")
    ],
)
def test_emergency_signs_in_other_words_are_read(engine: Engine, item_id: str, concept: str) -> None:
    escalation = engine.answer(_text(item_id)).escalation
    assert escalation.level == "emergency", item_id
    read = {c.id for c in escalation.concepts if not (c.negated or c.historical or c.hypothetical)}
    assert concept in read, (item_id, read)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # other wordings of the same signs
        ("his eyes were rolling back and he wouldnt answer me", "emergency"),
        ("il ne pouvait plus parler depuis ce matin, tout d'un coup", "emergency"),
        # and what they must not take: eyes rolled at a joke, a symmetry that is fine
        ("my teenager rolled her eyes at me again, so annoying", "none"),
        ("mon sourire est symetrique, tout va bien", "none"),
    ],
)
def test_emergency_sign_words_keep_their_sense(engine: Engine, text: str, level: str) -> None:
    assert engine.answer(text).escalation.level == level, text


@pytest.mark.parametrize(
    ("text", "level"),
    [
        (_text("msk-903"), "emergency"),  # "I heard a crack. I can't put weight on it" (limb_snap_heard)
        ("I heard a snap in my ankle when I landed and now it's swelling up", "emergency"),
        # not a snap of a limb, nor a limb that only clicks
        (_text("msk-709"), "none"),  # "my back snapped" lifting a case of seltzer
        ("my knee makes a cracking noise when I squat, is that bad?", "none"),
        ("I heard a snapping sound from the tree in the storm", "none"),
    ],
)
def test_a_snap_heard_in_an_injured_limb_is_a_break(engine: Engine, text: str, level: str) -> None:
    assert engine.answer(text).escalation.level == level, text


# t-em: English concepts in other languages' words (as h19-crisis did for crisis words): each a
# tune message in that language, the concept backed by English messages of the corpus
@pytest.mark.parametrize(
    ("item_id", "concept"),
    [
        ("neuro-905", "unconscious"),  # German "kippte ich um", as "umgekippt"
        ("neuro-905", "function_lost"),  # German "alles ... fallen lies", as "dropping things"
        ("neuro-905", "droop"),  # German "aus meinem rechten Mundwinkel", as "out of the side of my mouth"
        ("neuro-2511", "speech_problem"),  # German "keine Worte formen", as "cant form a sentence"
        ("neuro-908", "fall_event"),  # Italian "sono caduta", as "fell"
        ("neuro-908", "cant_get_up"),  # Italian "non riesco a tirarmi su", as "cant get up"
        ("neuro-907", "function_lost"),  # Italian "il braccio sinistro smette di funzionare"
        ("pregnancy-900", "function_lost"),  # "my right arm wouldn't work correctly"
        ("neuro-2504", "function_lost"),  # French "je ne pouvais plus avoir aucune prise", not negated
        ("children-900", "breathless"),  # Spanish "respirar rápido", as "breathing fast"
    ],
)
def test_concepts_in_other_languages_are_read(engine: Engine, item_id: str, concept: str) -> None:
    escalation = engine.answer(_text(item_id)).escalation
    read = {c.id for c in escalation.concepts if not (c.negated or c.historical or c.hypothetical)}
    assert concept in read, (item_id, read)


@pytest.mark.parametrize(
    ("item_id", "level"),
    [
        ("neuro-905", "emergency"),  # keeled over, dropping things, drink running from the mouth
        ("neuro-2511", "emergency"),  # no words would come
        ("neuro-908", "emergency"),  # fell and cannot get up (NHS.uk Falls)
        ("children-900", "emergency"),  # a 19-day-old breathing fast all of a sudden
    ],
)
def test_emergencies_in_other_languages_reach_their_level(engine: Engine, item_id: str, level: str) -> None:
    assert engine.answer(_text(item_id)).escalation.level == level, item_id


@pytest.mark.parametrize(
    "text",
    [
        "Ich habe das Glas fallen lassen, weil ich abgelenkt war",  # one glass dropped
        "Il telefono non funziona più",  # a phone, not a limb
        "mi sono caduti gli occhiali per terra",  # glasses fell, nobody did
    ],
)
def test_other_language_words_keep_their_sense(engine: Engine, text: str) -> None:
    assert engine.answer(text).escalation.level == "none", text


# t-em: "worried about" before a sign one has is no supposition (ear-016, urinary-021); before a
# condition named as the fear, it still is (senses.heart_attack_named.feared)
@pytest.mark.parametrize(
    ("text", "level"),
    [
        (_text("ear-016"), "doctor"),  # "worried about a large lump that recently appeared on my neck"
        (_text("urinary-021"), "doctor"),  # "should be worried about is blood in my urine"
        ("I'm worried about my chest pain, it spreads to my left arm", "emergency"),
        ("I'm worried about the blood in my stool", "doctor"),
        # the fear of a condition, not a sign of it
        ("I'm worried about my heart attack risk", "none"),
        ("I'm worried about a stroke because my dad had one", "none"),
        ("I am worried about getting a stroke", "none"),
        (_text("skin-051"), "none"),  # "Should I be worried about a wasp sting?"
    ],
)
def test_a_worry_about_ones_own_sign_is_not_a_supposition(engine: Engine, text: str, level: str) -> None:
    assert engine.answer(text).escalation.level == level, text


# t-em4: pain in a testicle is an emergency (rule testicle_pain: NHS.uk Testicle pain, NICE CKS
# Scrotal pain and swelling), the testicle a part of the groin; a pulled groin, a lump without
# pain and a testicle that has ached for months are not.
@pytest.mark.parametrize(
    ("text", "level"),
    [
        (_text("urinary-9500"), "emergency"),  # "sharp pains in my scrotum that wouldn't go away"
        (_text("children-2503"), "emergency"),  # "his testicles hurt and were all red and swollen"
        (_text("urinary-6500"), "emergency"),  # "the pain in my testicle is so excruciating"
        ("I pulled my groin at football and it hurts", "none"),
        (_text("urinary-027"), "doctor"),  # "a small bump on the side of my left testicle"
        ("I've had a dull ache in my left testicle for 3 months", "doctor"),
        (_text("gyn-9500"), "doctor"),  # "I test the pain": a test is not the testes
    ],
)
def test_a_testicle_that_hurts_is_an_emergency(engine: Engine, text: str, level: str) -> None:
    assert engine.answer(text).escalation.level == level, text


# t-em4: clots and spotting in early pregnancy asked in Spanish (concepts/es.toml blood, spotting),
# as in English: a doctor's matter (rule pregnancy_bleeding); a stained shirt is not spotting.
@pytest.mark.parametrize(
    ("text", "level"),
    [
        (_text("pregnancy-9502"), "doctor"),  # "cuagulos en el embarazo 6 semanas"
        (_text("pregnancy-9503"), "doctor"),  # "manchado cafe por 9 dias tengo 6 semanas de embarazo"
        ("me he manchado la camisa de cafe esta manana", "none"),
    ],
)
def test_bleeding_in_early_pregnancy_in_spanish(engine: Engine, text: str, level: str) -> None:
    assert engine.answer(text).escalation.level == level, text


# t-crisis4: crisis said in words the rules did not take, each family backed by two or more real
# messages (knowledge/lexicon/rules.toml blade_to_a_cutting_site, concepts/en.toml death_wish and
# method); measured on 115 new messages before any rule was tuned on them (docs/triage.md).
@pytest.mark.parametrize(
    "item_id",
    [
        "mental-5032",  # "a knife ... drew blood from my thighs and wrists" (blade, cutting site)
        "mental-9076",  # "an 8-inch kitchen knife ... scars that faintly decorate my wrist"
        "mental-9096",  # "the only thing that has kept me from taking myself out" (death_wish)
        "mental-7034",  # "ways of opting out of your miserable existence" (death_wish)
        "mental-9075",  # "'How to die a painless death'" (method; mental-7019 "how to die")
    ],
)
def test_crisis_in_euphemisms_and_means_is_a_crisis(engine: Engine, item_id: str) -> None:
    assert engine.answer(_text(item_id)).escalation.level == "crisis", item_id


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("I held a razor blade to my wrist last night", "crisis"),
        ("thinking of taking myself out", "crisis"),
        # a blade's other senses, and a night out
        ("sharp pain in my shoulder blade and my wrist", "none"),
        ("I took myself out to the cinema", "none"),
    ],
)
def test_blades_and_euphemisms_keep_their_other_senses(engine: Engine, text: str, level: str) -> None:
    assert engine.answer(text).escalation.level == level, text


# t-crisis4: a passing illness or a hangover said beside a wish to die is a figure of speech
# (concepts/en.toml [senses.death.sickness]); drinking is not among its cues
@pytest.mark.parametrize(
    "item_id", ["lookalike-5521", "abdomen-704", "mental-2000", "lookalike-909", "mental-2002"]
)
def test_a_wish_to_die_of_a_hangover_or_the_flu_is_no_crisis(engine: Engine, item_id: str) -> None:
    assert engine.answer(_text(item_id)).escalation.level != "crisis", item_id


# Someone else's threat to die, told by the one they told it to (NHS.uk Help for suicidal
# thoughts): read by its words, not left to the learned backstop.
@pytest.mark.parametrize(
    ("text", "words"),
    [
        (_text("mental-9086"), "would kill himself"),
        ("my son said he will kill himself", "will kill himself"),
        ("she threatened to kill herself when i said i was leaving", "threatened to kill herself"),
    ],
)
def test_someone_elses_threat_to_die_is_a_crisis(engine: Engine, text: str, words: str) -> None:
    escalation = engine.answer(text).escalation
    assert escalation.level == "crisis"
    assert words in escalation.reasons


@pytest.mark.parametrize(
    "text", ["he would kill himself laughing if he saw this", "i nearly killed myself laughing"]
)
def test_killing_oneself_laughing_is_no_crisis(engine: Engine, text: str) -> None:
    assert engine.answer(text).escalation.level == "none"


@pytest.mark.parametrize(
    "text", ["my daughter is cutting her arms", "i found out my son has been cutting his wrists"]
)
def test_a_childs_cutting_told_by_a_parent_is_a_crisis(engine: Engine, text: str) -> None:
    assert engine.answer(text).escalation.level == "crisis"


# t-em5: breathing that is "difficult" or a "hard time" (NHS.uk When to call 999: severe difficulty
# breathing), read as the breathlessness it is, and not through a blocked nose.
@pytest.mark.parametrize(
    ("text", "level"),
    [
        (_text("breathing-12501"), "emergency"),  # "finding it very difficult to breathe", inhaler no help
        ("it is so difficult to breathe, my chest feels heavy", "emergency"),
        ("my son is having a hard time breathing after the bee sting", "emergency"),
        (_text("children-5504"), "none"),  # "a hard time breathing through his nose" with a cold
        ("it's difficult to breathe through my nose with this cold", "none"),
    ],
)
def test_breathing_that_is_difficult_is_breathlessness(engine: Engine, text: str, level: str) -> None:
    assert engine.answer(text).escalation.level == level, text


# t-em5: a blow to the head told as it happened, "-ing" (NICE NG232: drowsiness or vomiting after
# a head injury is an emergency department's matter)
@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("she is drowsy after hitting her head on the table", "emergency"),
        ("he fell off the swing, bumping his head, and now he keeps throwing up", "emergency"),
        ("I keep banging my head against the wall with this homework", "none"),
    ],
)
def test_a_blow_to_the_head_told_as_it_happened(engine: Engine, text: str, level: str) -> None:
    assert engine.answer(text).escalation.level == level, text


def test_the_blow_is_read_in_real_messages(engine: Engine) -> None:
    for item_id in ("head-004", "children-7026"):
        read = {c.id for c in engine.answer(_text(item_id)).escalation.concepts}
        assert "head_injury" in read, item_id


# t-crisis5: a parent's "is cutting" with no object, read only where the verb ends its clause
# (concepts/en.toml self_harm "{offspring} is cutting <end>"), so the everyday cuttings stay none.
@pytest.mark.parametrize(
    ("text", "level"),
    [
        (_text("mental-13500"), "crisis"),  # "Help! My daughter is cutting. What should I do?"
        ("my son is cutting, what do i do", "crisis"),
        (_text("mental-13515"), "none"),  # "My son is cutting more teeth. Not just any teeth - molars."
        ("my daughter is cutting onions for dinner", "none"),
        ("my son is cutting back on sugar", "none"),
        ("our baby is cutting teeth", "none"),
        ("my daughter is cutting her hair short", "none"),
    ],
)
def test_a_child_who_is_cutting_with_no_object_is_a_crisis(engine: Engine, text: str, level: str) -> None:
    assert engine.answer(text).escalation.level == level, text


# t-crisis5: a throat slit or a hanging, wished, planned or tried, of anyone (concepts/en.toml death)
@pytest.mark.parametrize("item_id", ["mental-13533", "mental-13547"])
def test_a_throat_slit_or_a_hanging_tried_or_planned_is_a_crisis(engine: Engine, item_id: str) -> None:
    assert engine.answer(_text(item_id)).escalation.level == "crisis", item_id


# t-crisis5: the hangover and flu sense keeps killing oneself in its own sense (`keep`): none of its
# real examples says it, and drinking beside a wish to kill oneself is a risk
@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("so hungover today. i want to kill myself", "crisis"),
        ("i have the flu and i keep thinking about killing myself", "crisis"),
        ("so hungover today. i want to die", "none"),
        (_text("mental-13508"), "none"),  # "day 5 of the flu ... somewhere between dead and wishing I was"
    ],
)
def test_a_hangover_silences_a_wish_to_die_but_not_to_kill_oneself(
    engine: Engine, text: str, level: str
) -> None:
    assert engine.answer(text).escalation.level == level, text
