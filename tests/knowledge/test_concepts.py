"""The clinical concepts, their context (ConText) and the triage rules over them: what a
message says is read as concepts, each negated, historical, hypothetical or someone else's,
and the rules of rules.toml decide the level. Sentences are from the issue's real misses and
false alarms, or in their style."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from knowledge.engine import Engine
from knowledge.understanding.concept_reader import ConceptReader, ConceptReading
from knowledge.understanding.discriminators import Discriminators
from knowledge.understanding.lexicon import LEXICON_DIR
from knowledge.understanding.normalise import tokenize
from knowledge.understanding.vocabulary import (
    Concept,
    LanguageWords,
    Rule,
    Vocabulary,
    load_vocabulary,
)

ROOT = Path(__file__).parents[2]


@pytest.fixture(scope="module")
def reader() -> ConceptReader:
    return ConceptReader(load_vocabulary())


def read(reader: ConceptReader, text: str, lang: str = "en") -> ConceptReading:
    return reader.read(tokenize(text), text, lang)


def ids(reading: ConceptReading) -> set[str]:
    return {m.concept for m in reading.mentions}


def context(reading: ConceptReading, concept: str) -> tuple[bool, bool, bool, str]:
    m = next(m for m in reading.mentions if m.concept == concept)
    return (m.context.negated, m.context.historical, m.context.hypothetical, m.context.experiencer)


def rules(text: str) -> set[str]:
    vocabulary = load_vocabulary()
    reading = ConceptReader(vocabulary).read(tokenize(text), text)
    return {f.rule for f in Discriminators(vocabulary).judge(reading).said}


def test_the_shipped_vocabulary_has_no_problems() -> None:
    assert load_vocabulary().problems() == []


@pytest.mark.parametrize(
    ("text", "concept", "expected"),
    [
        ("no weakness in my legs", "weakness", (True, False, False, "self")),
        ("denies any leg pain or weakness", "weakness", (True, False, False, "self")),
        ("no weakness, numbness or tingling", "tingling", (True, False, False, "self")),
        ("i had a seizure as a child", "seizure", (False, True, False, "self")),
        ("history of seizures, none since", "seizure", (False, True, False, "self")),
        ("what if it spreads to my chest", "chest", (False, False, True, "self")),
        ("should i worry if i get weakness", "weakness", (False, False, True, "self")),
        ("my friend is having chest pain right now", "pain", (False, False, False, "other")),
        ("my dad had a seizure", "seizure", (False, False, False, "family")),
        ("my dad had ALS and i feel weak", "weakness", (False, False, False, "self")),
        # A scope ends at its clause: the second clause is said, not denied.
        ("no fever. my neck is stiff", "stiffness", (False, False, False, "self")),
        ("i dont smoke but my chest hurts", "pain", (False, False, False, "self")),
        # "not sure" is no negation.
        ("not sure if this is weakness", "weakness", (False, False, False, "self")),
    ],
)
def test_context(
    reader: ConceptReader, text: str, concept: str, expected: tuple[bool, bool, bool, str]
) -> None:
    assert context(read(reader, text), concept) == expected


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("my particular weakness has always been for dark chocolate", "weakness"),
        ("crying, laughing, choking and gasping for breath at the comedy show", "choking"),
        ("nasal congestion all week, my voice sounds nasal", "nasal_speech"),
        ("my blood pressure was fine at the gp", "pressure"),
        ("the results came back and my hands tingle", "back"),
        ("my calf seized up after the run", "seizure"),
        ("the twitch is so faint you can barely see it", "unconscious"),
    ],
)
def test_another_sense_of_the_words_is_not_the_concept(reader: ConceptReader, text: str, absent: str) -> None:
    assert absent not in ids(read(reader, text))


@pytest.mark.parametrize(
    "text",
    [
        # The fondness is the noun "weakness for": folded, its cue was also "weak for", and a
        # cue "weakness in the" took a limb's weakness for a team's.
        "my legs have been weak for 2 weeks",
        "my arm has been weak for a week",
        "sudden weakness in the arm",
        "my legs feel weak in the morning",
    ],
)
def test_a_sense_leaves_the_concepts_own_words(reader: ConceptReader, text: str) -> None:
    assert "weakness" in ids(read(reader, text))


def test_a_sense_silences_the_words_for_every_matcher(reader: ConceptReader) -> None:
    reading = read(reader, "my weakness has always been for chocolate")
    assert {1} <= reading.silenced


@pytest.mark.parametrize(
    ("text", "concepts"),
    [
        ("my 6 week old has a temperature of 38.2", {"young_infant", "fever"}),
        ("temp is 101.5F and rising", {"fever"}),
        ("my sats were 91% on the oximeter", {"very_low_oxygen", "low_oxygen"}),
        ("oxygen 94%", {"low_oxygen"}),
        ("heart rate 140 at rest", {"fast_heart"}),
        ("breathing rate of 30 breaths per minute", {"fast_breathing"}),
        ("bp 190/115 this morning", {"very_high_blood_pressure"}),
        ("my nan is 88 years old", {"older_adult"}),
        ("swallowed 20 pills", {"large_amount", "medicine", "ingested"}),
    ],
)
def test_numbers_are_read_into_concepts(reader: ConceptReader, text: str, concepts: set[str]) -> None:
    assert concepts <= ids(read(reader, text))


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("temp 37.2 this morning", "fever"),
        ("oxygen 98%", "low_oxygen"),
        ("took 2 tablets", "large_amount"),
        ("my 8 year old", "young_infant"),
    ],
)
def test_numbers_below_a_threshold_are_not_the_concept(reader: ConceptReader, text: str, absent: str) -> None:
    assert absent not in ids(read(reader, text))


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("squeezing in the middle of my chest, left arm tingling", "heart_attack"),
        ("tightness in my chest, the pain radiates into my left arm", "heart_attack"),
        ("my face has dropped to one side", "stroke_face"),
        ("i cant form a complete sentence", "stroke_speech"),
        ("swallowed 20 pills and washed them down", "overdose_self"),
        ("i began taking the tablets id saved", "stockpile_taken"),
        ("tonight im going to take all the sleeping pills there are", "overdose_plan"),
        ("i wish i werent here anymore", "death_wish"),
        ("my 6 week old has a temperature of 38.2", "fever_young_infant"),
        ("sats 91% on the oximeter", "oxygen_very_low"),
        ("fever and a rash that doesnt fade under a glass", "non_blanching_rash"),
        ("my toddler swallowed a button battery", "household_poison"),
        ("my arms twitch, ive dropped cups and plates, i cant hold anything", "function_lost"),
        ("writhing pain running from my back to my groin", "severe_pain_trunk"),
        ("throwing up blood this morning", "vomiting_blood"),
    ],
)
def test_rules_fire_on_concepts(text: str, rule: str) -> None:
    assert rule in rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "i took my magnesium twice by mistake today, is that ok",
        "vomited twice last night",
        "my heart is a bit fast and my blood pressure is up",
        "what if it spreads to my chest and i get chest pain",
        "i had a seizure as a child",
        "i take 6 magnesium tablets a day",
        "my lip is a bit swollen from a cold sore",
    ],
)
def test_rules_do_not_fire_on_look_alikes(text: str) -> None:
    assert not {r for r in rules(text) if r not in ("breathing", "fast_heart")}


def test_a_negated_rule_is_said_back_as_denied() -> None:
    vocabulary = load_vocabulary()
    reading = ConceptReader(vocabulary).read(tokenize("no chest pain at all"), "no chest pain at all")
    verdict = Discriminators(vocabulary).judge(reading)
    assert not verdict.said
    assert [f.rule for f in verdict.denied] == ["heart_attack"]


def denied_rules(text: str) -> set[str]:
    vocabulary = load_vocabulary()
    reading = ConceptReader(vocabulary).read(tokenize(text), text)
    return {f.rule for f in Discriminators(vocabulary).judge(reading).denied}


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("I have a cough for a week, no fever", "fever_lasting"),  # a duration only: the cough's
        ("my 2 month old baby has no fever but a runny nose", "fever_young_infant"),  # a person
        ("I'm pregnant, no bleeding at all", "pregnancy_bleeding"),
    ],
)
def test_a_pertinent_negative_beside_qualifiers_is_no_denial(engine: Engine, text: str, rule: str) -> None:
    # The sign of the rule is what is negated; what is said as present only qualifies it (how
    # long, whose), so the danger is absent and no advice is asked for.
    assert rule not in denied_rules(text)
    assert engine.answer(text).escalation.level == "none"


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("I hit my head, no vomiting", "head_injury"),  # a sign said beside the denied one
        ("my eye is red but not painful", "red_eye_warning"),
        ("my chest doesn't hurt", "heart_attack"),  # the sign's site said
        ("no fever or rash", "meningitis"),  # the whole rule said and denied
    ],
)
def test_a_denied_sign_still_brings_the_advice(engine: Engine, text: str, rule: str) -> None:
    assert rule in denied_rules(text)
    reply = engine.answer(text)
    assert reply.escalation.level == "doctor" and reply.escalation.denied


def test_a_duration_belongs_to_a_symptom_only_when_attached(engine: Engine) -> None:
    assert engine.answer("i smoked for 40 years, what helps eye twitching").escalation.level == "none"
    assert engine.answer("my eyelid has been twitching for 3 months").escalation.level == "doctor"


def test_the_engine_carries_concepts_and_keeps_reasons(engine: Engine) -> None:
    reply = engine.answer("my friend is having chest pain right now")
    assert reply.escalation.level == "emergency"
    assert reply.escalation.reasons
    found = {c.id: c for c in reply.escalation.concepts}
    assert found["pain"].experiencer == "other" and not found["pain"].negated


def negated_concepts(text: str) -> dict[str, bool]:
    vocabulary = load_vocabulary()
    reading = ConceptReader(vocabulary).read(tokenize(text), text)
    return {m.concept: m.context.negated for m in reading.mentions}


@pytest.mark.parametrize(
    ("text", "concept", "negated"),
    [
        # "can't ... without" says what happens: the pain is there (eye-028, studied)
        ("I couldn't be in any sort of lit area without my eye having shooting pains", "pain", False),
        ("I could not turn my head to the right without catching my breath", "breathless", False),
        # "without" alone still denies
        ("I have a headache without any fever", "fever", True),
        ("I can walk without pain now", "pain", True),
    ],
)
def test_a_double_negation_says_what_happens(text: str, concept: str, negated: bool) -> None:
    assert negated_concepts(text)[concept] is negated


def test_a_negated_red_flag_still_brings_the_advice(engine: Engine) -> None:
    reply = engine.answer("my eyelid twitches but there is no chest pain")
    assert reply.escalation.level == "doctor"
    assert "chest pain" in " ".join(reply.escalation.denied)


# --- languages -------------------------------------------------------------------------------


def _two_languages() -> Vocabulary:
    concepts = {"chest": Concept(kind="body_site"), "pain": Concept(kind="symptom")}
    rule = Rule(id="chest_pain", level="emergency", all=(("chest",), ("pain",)), source="test")
    return Vocabulary(
        concepts=concepts,
        languages={
            "en": LanguageWords(synonyms={"chest": ("chest",), "pain": ("pain",)}),
            "ru": LanguageWords(synonyms={"chest": ("в груди",), "pain": ("боль", "болит")}),
            "ar": LanguageWords(synonyms={"chest": ("صدري",), "pain": ("ألم",)}),
        },
        rules=(rule,),
    )


@pytest.mark.parametrize(
    ("text", "lang", "fires"),
    [
        ("боль в груди", "ru", True),
        ("боль в груди", "en", False),  # a message in Russian read as English finds nothing
        ("chest pain", "ru", False),  # English words never match in a Russian message
        ("ألم في صدري", "ar", True),
        ("chest pain", "en", True),
    ],
)
def test_a_languages_words_match_only_in_that_language(text: str, lang: str, fires: bool) -> None:
    vocabulary = _two_languages()
    reading = ConceptReader(vocabulary).read(tokenize(text), text, lang)
    assert bool(Discriminators(vocabulary).judge(reading).said) is fires


def test_a_foreign_word_is_never_an_english_flag(engine: Engine) -> None:
    assert engine.answer("nasıl").escalation.level == "none"


# --- check -----------------------------------------------------------------------------------


def test_problems_name_unknown_ids_missing_sources_and_shared_synonyms() -> None:
    vocabulary = Vocabulary(
        concepts={"pain": Concept(kind="symptom"), "ache": Concept(kind="symptom", means=("nowhere",))},
        languages={"en": LanguageWords(synonyms={"pain": ("sore",), "ache": ("sore",), "ghost": ("boo",)})},
        rules=(Rule(id="r", level="doctor", all=(("pain", "unknown_id"),), source=" "),),
    )
    found = "\n".join(vocabulary.problems())
    assert "unknown concept 'nowhere'" in found
    assert "'r' has no source" in found
    assert "unknown concept 'unknown_id'" in found
    assert "'sore' is claimed by both 'pain' and 'ache'" in found
    assert "unknown concept 'ghost'" in found


def _check(lexicon: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "knowledge", "check", "--lexicon", str(lexicon)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )


def test_check_passes_on_the_shipped_lexicon() -> None:
    result = _check(LEXICON_DIR)
    assert result.returncode == 0, result.stderr


def test_check_exits_2_naming_a_rule_without_source(tmp_path: Path) -> None:
    lexicon = tmp_path / "lexicon"
    shutil.copytree(LEXICON_DIR, lexicon)
    rules = lexicon / "rules.toml"
    rules.write_text(
        rules.read_text(encoding="utf-8")
        + '\n[[rules]]\nid = "made_up"\nlevel = "doctor"\nall = [["no_such_concept"]]\n',
        encoding="utf-8",
    )
    result = _check(lexicon)
    assert result.returncode == 2
    assert "rule 'made_up' has no source" in result.stderr
    assert "unknown concept 'no_such_concept'" in result.stderr
    assert "Traceback" not in result.stderr


def test_ask_json_adds_concepts() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--json", "no chest pain but my left arm is numb"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    out = json.loads(result.stdout)
    assert {"escalation", "reasons", "concepts"} <= out.keys()
    pain = next(c for c in out["concepts"] if c["id"] == "pain")
    expected = {"id": "pain", "negated": True, "historical": False, "hypothetical": False}
    assert pain == {**expected, "experiencer": "self"}


# --- the issue's own examples, end to end ----------------------------------------------------

RANK = {"none": 0, "doctor": 1, "emergency": 2, "crisis": 3}


@pytest.mark.parametrize(
    ("text", "at_least"),
    [
        ("swallowed 20 pills and washed them down", "emergency"),
        ("I began taking the tablets I'd saved", "crisis"),
        ("tonight I'm going to take all the sleeping pills there are", "crisis"),
        ("I wish I weren't here anymore", "crisis"),
        ("squeezing in the middle of my chest... left arm tingling", "emergency"),
        ("tightness in my chest, the pain radiates into my left arm", "emergency"),
        ("my face has dropped to one side, my speech is garbled", "emergency"),
        ("I can't form a complete sentence", "emergency"),
        ("my arms twitch out of my control, I've dropped cups and plates, I can't hold anything", "doctor"),
        ("twitchy legs at night, it disturbs my sleep", "doctor"),
        ("my friend is having chest pain right now", "emergency"),
        ("my oxygen saturation is 92%", "emergency"),
        ("my 6 week old has a temperature of 38.2", "emergency"),
    ],
)
def test_the_issues_misses_escalate(engine: Engine, text: str, at_least: str) -> None:
    assert RANK[engine.answer(text).escalation.level] >= RANK[at_least]


@pytest.mark.parametrize(
    ("text", "below"),
    [
        ("my particular weakness has always been for dark chocolate", "doctor"),
        ("crying, laughing, choking and gasping for breath at the comedy show", "doctor"),
        ("nasal congestion all week", "doctor"),
        ("nasıl", "doctor"),
        ("smoked for 40 years, quit last spring", "doctor"),
        ("travelling for 3 months around asia", "doctor"),
        ("vomited twice", "emergency"),
        ("my heart is a bit fast and my blood pressure is up", "crisis"),
        ("twitching for TEN days, I can't take it anymore", "crisis"),
        ("I took my magnesium twice by mistake today, is that ok", "emergency"),
    ],
)
def test_the_issues_false_alarms_stay_below(engine: Engine, text: str, below: str) -> None:
    assert RANK[engine.answer(text).escalation.level] < RANK[below]
