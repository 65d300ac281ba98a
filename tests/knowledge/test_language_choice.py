"""The user's language: detection on real short health messages in the eleven languages
(tests/data/languages/detection.jsonl, split tune/blind before any tuning), and the order in
which a reply's language is chosen."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from knowledge import Conversation
from knowledge.i18n.choose import choose_language, language_without_text
from knowledge.i18n.detect import Detector
from knowledge.i18n.languages import CODES, language_of, region_of

DATA = Path(__file__).parents[1] / "data" / "languages" / "detection.jsonl"
ITEMS = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector()


def test_the_set_is_real_labelled_and_split() -> None:
    assert all(i["source"].startswith("http") and i["split"] in ("tune", "blind") for i in ITEMS)
    per_language = Counter(i["lang"] for i in ITEMS if i["lang"])
    assert set(per_language) == set(CODES) and min(per_language.values()) >= 10
    blind = sum(i["split"] == "blind" for i in ITEMS)
    assert blind >= 0.3 * len(ITEMS)


def score(detector: Detector, split: str) -> tuple[int, int, int, int]:
    """(right, wrong, abstained, total) over the split's messages that have a language; a
    message too short to tell counts right when the detector abstains."""
    right = wrong = abstained = 0
    items = [i for i in ITEMS if i["split"] == split]
    for item in items:
        found = detector.detect(item["text"])
        if found == item["lang"]:
            right += 1
        elif found is None:
            abstained += 1
        else:
            wrong += 1
    return right, wrong, abstained, len(items)


def test_detection_on_the_tune_split(detector: Detector) -> None:
    """The target is asserted on the tune split only; the blind split is reported in
    docs/languages.md (measured with the same code)."""
    right, wrong, abstained, total = score(detector, "tune")
    assert right >= 0.95 * total, (right, wrong, abstained, total)
    assert wrong == 0  # abstaining keeps the conversation's language; a wrong guess does not


def test_too_short_to_tell(detector: Detector) -> None:
    for text in ("ok", "b6?", "hi", "👍", "headache", "magnesium", "ok bye", ""):
        assert detector.detect(text) is None, text


def test_scripts_only_one_supported_language_writes(detector: Detector) -> None:
    assert detector.detect("شكرا") == "ar"
    assert detector.detect("сіпається") == "uk"  # "і"
    assert detector.detect("съел") == "ru"  # "ъ"


def test_russian_and_ukrainian_apart_without_their_own_letters(detector: Detector) -> None:
    """No letter only one of them writes: the words only one of them uses often decide
    (the model scores this Ukrainian question Russian, below its threshold)."""
    assert detector.detect("можна трохи натискати на брову?") == "uk"
    assert detector.detect("можно немного нажимать на бровь?") == "ru"


def test_a_latin_i_in_a_cyrillic_word_is_the_ukrainian_letter(detector: Detector) -> None:
    """A keyboard without "і" types the Latin one: "сiпається" is Ukrainian still."""
    assert detector.detect("сiпається повiка вже тиждень") == "uk"
    assert detector.detect("дергается веко уже неделю, что делать") == "ru"
    assert detector.detect("is it safe with vitamin b6") != "uk"  # Latin words keep their i


def test_the_order_of_choice(detector: Detector) -> None:
    spanish = "me tiembla el párpado desde hace días, qué hago"
    chosen = Conversation(lang="ru", lang_chosen=True)
    # 1. The user's choice, whatever they write.
    assert choose_language(spanish, chosen, "en", detector) == "ru"
    # 2. The message's own language, whatever the app's.
    assert choose_language(spanish, None, "de", detector) == "es"
    assert choose_language(spanish, Conversation(lang="fr"), "de", detector) == "es"
    # 3. Too short to tell: the conversation's language.
    assert choose_language("ok", Conversation(lang="fr"), "de", detector) == "fr"
    # 4. The app's language, region or not; 5. English.
    assert choose_language("b6?", None, "pt-br", detector) == "pt"
    assert choose_language("b6?", None, "zh-hans", detector) == "en"
    assert choose_language("b6?", None, None, detector) == "en"
    assert language_without_text(Conversation(lang="ar"), "en") == "ar"
    assert language_without_text(None, "uk") == "uk"


def test_app_language_tags() -> None:
    assert (language_of("pt-br"), region_of("pt-br")) == ("pt", "BR")
    assert (language_of("es-419"), region_of("es-419")) == ("es", None)  # a group of countries
    assert (language_of("pt_BR"), region_of("pt_BR")) == ("pt", "BR")
    assert (language_of("EN"), region_of("en")) == ("en", None)
    assert language_of("zh-hans") is None and language_of("") is None and language_of(None) is None


def test_a_conversation_holds_only_a_supported_language_code() -> None:
    with pytest.raises(ValueError, match="unsupported language"):
        Conversation(lang="xx")
    assert Conversation(lang="ar").lang == "ar"


ENGLISH_SETS = (
    "crisis.jsonl",
    "crisis_more.jsonl",
    "real_messages.jsonl",
    "validation.jsonl",
    "lay_messages.jsonl",
)


def test_informal_english_is_not_read_as_german(detector: Detector) -> None:
    """The model alone reads 29 messages of the English sets as German or Italian ("i wanna
    die", "im suicidal"): their English flags would go unread. English words the guessed
    language lacks set it right."""
    for text in (
        "i wanna die",
        "im better off dead tbh",
        "im suicidal",
        "things will be easier for everybody once im gone",
    ):
        assert detector.detect(text) == "en", text
    data = Path(__file__).parents[1] / "data"
    english = [
        json.loads(line)
        for name in ENGLISH_SETS
        for line in (data / name).read_text(encoding="utf-8").splitlines()
    ]
    wrong = [i["text"] for i in english if detector.detect(i.get("text") or "") not in (None, "en")]
    assert len(wrong) <= 3, wrong


def test_a_foreign_message_with_english_looking_words_stays_foreign(detector: Detector) -> None:
    assert detector.detect("la paupière qui tremble, est-ce grave?") == "fr"  # accents are not English
    assert detector.detect("Ich will nicht mehr leben") == "de"
    assert detector.detect("Zucken im Auge seit Tagen") == "de"
