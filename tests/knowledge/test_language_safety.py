"""Safety in the ten languages beside English: each language's clinical words
(lexicon/concepts/<lang>.toml), folded by its own stemmer, read only in messages written in
that language; and issue 22's targets on the tune split of the labelled sets
(tests/data/languages), measured through `python -m bot ask --json` with no language given,
as a user runs it. docs/languages-safety.md has the figures of both splits."""

from __future__ import annotations

import pytest

from knowledge.engine import Engine
from knowledge.understanding.folding import folder
from knowledge.understanding.lexicon import LexiconError, load_lexicon
from knowledge.understanding.vocabulary import Stemming, load_vocabulary
from knowledge.understanding.written_in import WrittenIn
from tests.support.language_scoring import TARGETS, ask, score
from tests.support.language_sets import LANGUAGES, load_all

# --- the targets, on the tune split only --------------------------------------------------------


@pytest.fixture(scope="module")
def tune() -> dict[str, tuple[float, list[str]]]:
    items = load_all("tune")
    tallies = score(items, ask([i.text for i in items]))
    return {k: (t.rate, t.misses) for k, t in tallies.items()}


@pytest.mark.parametrize("measure", ["crisis", "emergency", "red_flag", "red_flag_topic", "topic", "section"])
def test_tune_split_reaches_the_target(tune: dict[str, tuple[float, list[str]]], measure: str) -> None:
    rate, misses = tune[measure]
    assert rate >= TARGETS[measure], misses


def test_look_alikes_rarely_raise_an_alarm(tune: dict[str, tuple[float, list[str]]]) -> None:
    rate, alarms = tune["look_alike_false_alarm"]
    assert rate <= TARGETS["look_alike_false_alarm"], alarms


# --- every language's words, in the format of concepts/en.toml ------------------------------------

CRISIS = ("death_wish", "self_harm", "intent", "take", "large_amount", "medicine")
EMERGENCY = ("chest", "pain", "arm", "breathless", "face", "droop", "speech_problem", "unconscious", "child")
CONTEXT = ("negated", "historical", "hypothetical", "family", "other")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_says_the_crisis_and_emergency_concepts(lang: str) -> None:
    words = load_vocabulary().languages[lang]
    missing = [c for c in (*CRISIS, *EMERGENCY) if not words.synonyms.get(c)]
    assert missing == [], f"{lang} has no words for {missing}"
    context = words.context.model_dump()
    assert [c for c in CONTEXT if not context.get(c)] == [], lang
    assert words.stemming.stemmer or words.stemming.suffixes, lang


# --- word endings as data -----------------------------------------------------------------------


def test_a_snowball_stemmer_folds_the_forms_of_a_word() -> None:
    fold = folder(Stemming(stemmer="spanish"))
    assert fold("pastillas") == fold("pastilla")
    assert fold("dolores") == fold("dolor")


def test_a_stem_too_short_keeps_the_word_whole() -> None:
    # Turkish "ense" (nape) is not "en" (most), nor "dede" (grandpa) "de" (too)
    fold = folder(Stemming(stemmer="turkish", min_stem=3))
    assert fold("ense") == "ense" != fold("en")
    assert fold("dede") == "dede" != fold("de")


def test_suffixes_fold_where_snowball_has_no_stemmer() -> None:
    fold = folder(Stemming(suffixes=("ами", "ою", "ю", "і", "и"), min_stem=3))
    assert fold("грудиною") == fold("грудини") == "грудин"
    assert fold("рук") == "рук"  # nothing to strip within min_stem


def test_prefixes_are_particles_written_onto_a_word() -> None:
    fold = folder(Stemming(stemmer="arabic", prefixes=("و",)))
    assert fold("وامتد") == fold("امتد")  # "and it spread"
    assert fold("وصعوبة") == fold("صعوبة")  # "and difficulty"
    assert fold("ورم") == "ورم"  # a swelling: its و is a letter of the word, too short without it


def test_a_compound_says_two_concepts(engine: Engine) -> None:
    # German "Brustschmerzen" is chest and pain in one word, as "Schmerzen in der Brust" is
    for text in ("ich habe Brustschmerzen", "ich habe Schmerzen in der Brust"):
        ids = {c.id for c in engine.answer(text, lang="de").escalation.concepts}
        assert {"chest", "pain"} <= ids, text


def test_an_unknown_stemmer_is_a_clear_error() -> None:
    with pytest.raises(LexiconError, match="klingon"):
        folder(Stemming(stemmer="klingon"))


# --- a word of one language is never a warning sign of another -----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "tenho que tremer de frio toda manhã",  # Portuguese "tremer" is not English "tremor"
        "göz seğirmesi nasıl geçer",  # Turkish "nasıl" (how) is not "nasal"
        "me mata de risa este video",  # Spanish "it kills me with laughter"
        "ich sterbe vor lachen",  # German "I'm dying of laughter"
    ],
)
def test_look_alike_words_of_other_languages_raise_nothing(engine: Engine, text: str) -> None:
    assert engine.answer(text).escalation.level == "none"


def test_a_languages_words_are_read_only_in_that_language(engine: Engine) -> None:
    spanish = "me duele mucho el pecho y el brazo izquierdo"
    assert engine.reader.read(spanish, None, "es").triage.level == "emergency"
    assert engine.reader.read(spanish, None, "pt").triage.level == "none"
    assert engine.reader.read(spanish, None, "en").triage.level == "none"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("\ufdfa twitching for 3 months", "ar"),  # a sign that unfolds into four Arabic words
        ("привет twitching for 3 months", "ru"),
    ],
)
def test_english_words_beside_another_language_keep_their_warning(
    engine: Engine, text: str, lang: str
) -> None:
    """Safety first: read in another language, the English part still says how long it lasted."""
    assert engine.reader.read(text, None, lang).triage.level == "doctor"


@pytest.mark.parametrize(
    ("text", "detected", "fallback", "read_in"),
    [
        ("im suicidal", "de", "en", "en"),  # fastText reads it as German
        ("kill me now", None, "es", "en"),  # too short to detect, in a Spanish conversation
        ("quiero morirme ya", "es", "en", "es"),
        ("im Bauch tut es weh", "de", "en", "de"),
        ("хочу умереть", "ru", "en", "ru"),  # another script is never read as English
        ("i have chest pain", "en", "en", "en"),
        # A word of a script no language uses is evidence for none (fuzz: read as Spanish).
        ("hizc珓c twitching for 3 months", "es", "en", "en"),
        ("珓珓 me tiembla el párpado", "es", "en", "es"),
        # One stray letter of another script does not make an English message Arabic (fuzz).
        ("\ufdf8 twitching for 3 months", "ar", "en", "en"),
        ("\ufdfa twitching for 3 months", "ar", "en", "en"),  # one sign, four words
        ("у меня дергается глаз, пью magnesium b6", "ru", "en", "ru"),
        ("عندي رعشة في العين منذ أسبوع وأتناول B6", "ar", "en", "ar"),
    ],
)
def test_the_language_a_message_is_read_in(
    text: str, detected: str | None, fallback: str, read_in: str
) -> None:
    assert WrittenIn(load_lexicon()).language(text, detected, fallback) == read_in


# --- how long a twitch has lasted, and the words a seizure shares with a cramp ---------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("tengo espasmos desde hace 3 meses", "es"),  # "hace ... =meses", a number in the gap
        ("mein Augenlid zuckt seit drei Wochen", "de"),  # "seit ... =wochen"
        ("kas seğirmesi 3 aydır devam ediyor", "tr"),
        ("mon œil tremble depuis deux semaines", "fr"),
        ("фасцикуляції вже 2 місяці", "uk"),
    ],
)
def test_a_lasting_twitch_gets_the_doctor_by_the_twitching_article(text: str, lang: str) -> None:
    """As English "twitching for 3 months": the doctor advice, about twitching."""
    (answer,) = ask([text])
    assert answer.escalation == "doctor", text
    assert answer.topics[:1] == ("twitching",), text


def test_a_twitch_of_a_few_days_is_not_lasting() -> None:
    (answer,) = ask(["me tiembla el ojo desde hace 1 semana"])
    assert answer.escalation == "none"


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("судороги в ногах по ночам, что делать?", "none"),  # a leg cramp
        ("судоми в ногах вночі", "none"),
        ("у ребенка судороги и высокая температура", "emergency"),  # a seizure
        ("у дитини судоми і температура", "emergency"),
    ],
)
def test_a_leg_cramp_is_not_a_seizure(text: str, level: str) -> None:
    (answer,) = ask([text])
    assert answer.escalation == level, text
