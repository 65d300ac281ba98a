"""When the detector's model cannot tell a short message's language, its frequent words may
(knowledge/i18n/detect.py, _latin_by_words): real Indonesian questions from the language sets
that the model scored under the threshold, and English that must stay English."""

from __future__ import annotations

import pytest

from knowledge.i18n.detect import MIN_SCORE, Detector


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector()


@pytest.mark.parametrize(
    "text",
    [
        "kelopak mata kanan bawah kedutan, apa artinya?",  # id-056
        "boleh minum magnesium sitrat waktu menyusui?",  # id-064
    ],
)
def test_a_message_the_model_cannot_tell_is_told_by_its_words(detector: Detector, text: str) -> None:
    assert max(detector.scores(text).values()) < MIN_SCORE, "the model alone abstains"
    assert detector.detect(text) == "id"


@pytest.mark.parametrize(
    "text",
    [
        "health anxiety is wrecking me, i keep googling als every night",
        "magnesium glycinate or citrate for eye twitching?",
    ],
)
def test_english_is_never_told_as_another_language_by_its_words(detector: Detector, text: str) -> None:
    assert detector.detect(text) in (None, "en")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("o espasmo na pálpebra força a pálpebra toda a fechar", "pt"),  # pt-053, scored Spanish
        ("¿Por qué me tiembla el ojo?", "es"),  # es-001: Spanish stays Spanish
        ("por que minha pálpebra treme sozinha? é estresse ou cafeína?", "pt"),
    ],
)
def test_portuguese_and_spanish_are_told_apart_by_their_words(
    detector: Detector, text: str, lang: str
) -> None:
    assert detector.detect(text) == lang
