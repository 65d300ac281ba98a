"""Emergencies on pages never seen (issue 19, t-em3, session 6): mechanisms read off misses of
real messages gathered before any rule was changed (ids 6500 and up, tune), each explaining
messages from more than one page. Every message quoted by id was missed before the change."""

from __future__ import annotations

import pytest

from knowledge.engine import Engine
from knowledge.understanding.concept_reader import ConceptReader
from knowledge.understanding.normalise import tokenize
from knowledge.understanding.vocabulary import load_vocabulary
from tests.support.triage_corpus import tune_text as _text


@pytest.fixture(scope="module")
def reader() -> ConceptReader:
    return ConceptReader(load_vocabulary())


def _negated(reader: ConceptReader, text: str, concept: str, lang: str = "en") -> bool:
    reading = reader.read(tokenize(text), text, lang)
    return next(m for m in reading.mentions if m.concept == concept).context.negated


# A negation goes on past a comma only through a list of what it denies ("no weakness, numbness or
# tingling"); the "not" of a verb ("can't get up") ends at its clause's comma.
@pytest.mark.parametrize(
    ("text", "concept", "lang", "negated"),
    [
        ("no weakness, numbness or tingling", "tingling", "en", True),
        ("no fever, rash or stiff neck", "rash", "en", True),
        ("she cant get up, her left side is paralysed", "weakness", "en", False),
        ("I didnt sleep, chest pain all night", "pain", "en", False),
        # neuro-6505: "встать не может, парализована вся левая сторона"
        ("встать не может, парализована вся левая сторона", "weakness", "ru", False),
        # neuro-6510: "мови не виходить, не може говорити" (the words won't come, he can't speak)
        ("мови не виходить, не може говорити", "speech_problem", "uk", False),
    ],
)
def test_a_negation_reaches_past_a_comma_only_through_a_list(
    reader: ConceptReader, text: str, concept: str, lang: str, negated: bool
) -> None:
    assert _negated(reader, text, concept, lang) is negated, text


# The BE-FAST signs in Russian and Ukrainian words, in parallel with English: a smile is the face, a
# left side is one side, "отнялись ноги" is paralysis, smeared speech is a speech problem.
@pytest.mark.parametrize(
    "item_id",
    [
        "neuro-6500",  # "рука онемела", "скривленная гримаса улыбки" (face)
        "neuro-6505",  # "речь смазана", "парализована вся левая сторона"
        "neuro-6506",  # "отнялись ноги за минуту", "еле разбираю речь"
        "neuro-6510",  # Ukrainian "руку віднімає", "не може говорити"
    ],
)
def test_stroke_signs_in_russian_and_ukrainian_are_emergencies(engine: Engine, item_id: str) -> None:
    assert engine.answer(_text(item_id)).escalation.level == "emergency", item_id


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # a smile alone, a sore side of the neck: no stroke
        ("Она улыбнулась, и мне стало легче", "none"),
        ("Болит левая сторона шеи после сна", "none"),
    ],
)
def test_russian_stroke_words_keep_their_sense(engine: Engine, text: str, level: str) -> None:
    assert engine.answer(text).escalation.level == level, text


# A swallowed battery in Italian and German, as English and Portuguese already read it (NHS.uk
# Poisoning: a swallowed button battery needs A&E).
@pytest.mark.parametrize("item_id", ["children-6506", "children-6507", "children-6508"])
def test_a_swallowed_battery_in_other_languages_is_an_emergency(engine: Engine, item_id: str) -> None:
    assert engine.answer(_text(item_id)).escalation.level == "emergency", item_id


@pytest.mark.parametrize(
    "text",
    [
        "La batteria del telefono è scarica",  # a phone's battery, nobody swallowed it
        "Die Batterie vom Auto ist leer",  # a car's
    ],
)
def test_a_battery_not_swallowed_is_no_emergency(engine: Engine, text: str) -> None:
    assert engine.answer(text).escalation.level == "none", text


# A head injury and being sick in German, as English reads "fell ... onto ... head" and "being sick"
# (NHS.uk Head injury: vomiting after a head injury needs A&E).
def test_a_child_sick_after_landing_on_the_head_in_german_is_an_emergency(engine: Engine) -> None:
    assert engine.answer(_text("head-6504")).escalation.level == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "Mir ist übel, ich glaube ich muss mich übergeben",  # sick, no head injury
        "Sie ist auf den Kopf gefallen, aber es geht ihr gut",  # a head bump, nothing after it
    ],
)
def test_german_sickness_or_a_bump_alone_is_no_emergency(engine: Engine, text: str) -> None:
    assert engine.answer(text).escalation.level != "emergency", text
