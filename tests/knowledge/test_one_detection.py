"""A turn detects the message's language once (Engine.answer with no `lang`), where it used
to detect it twice (choosing the reply's language with Engine.language, then reading): the
short path must choose the same language and give the same reply as the full one, in the
order of issue 22 (a language chosen with /language, then the message's own, then the
conversation's, then the app's, then English). Checked on every message of the language sets
and the disguised set, in each kind of conversation; whole replies on the short ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from knowledge import Conversation
from knowledge.engine import Engine
from knowledge.i18n.choose import choose_language, language_for
from knowledge.i18n.detect import MIN_SCORE, Detector
from knowledge.understanding.disguise import unmask

DATA = Path(__file__).parents[1] / "data"
TEXTS = list(
    dict.fromkeys(
        json.loads(line)["text"]
        for path in (*sorted((DATA / "languages").glob("*.jsonl")), DATA / "disguised.jsonl")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    )
)
SHORT = [
    json.loads(line)["text"]
    for path in (DATA / "languages" / "detection.jsonl", DATA / "disguised.jsonl")
    for line in path.read_text(encoding="utf-8").splitlines()
    if line.strip()
]
# No conversation; one in French so far; one where Russian was chosen with /language.
CONTEXTS = (None, Conversation(lang="fr"), Conversation(lang="ru", lang_chosen=True))


def test_the_sets_are_there() -> None:
    assert len(TEXTS) > 700


def test_one_detection_gives_the_languages_two_gave() -> None:
    """The reply's language (`choose_language` detected the text) and the language the text
    is read in (`answer` detected the text unmasked, and `detect` unmasks again): both are
    now told from one detection of the text unmasked once."""
    detector = _Remembering()
    for text in TEXTS:
        once = detector.detect_unmasked(unmask(text))
        assert once == detector.detect(unmask(text)), text
        for context in CONTEXTS:
            for tag in (None, "de"):
                assert language_for(once, context, tag) == choose_language(text, context, tag, detector)


class _Remembering(Detector):
    """Detects each text once, however many contexts it is chosen in (the test's time)."""

    def __init__(self) -> None:
        super().__init__()
        self._seen: dict[str, str | None] = {}

    def detect(self, text: str) -> str | None:
        if text not in self._seen:
            self._seen[text] = super().detect(text)
        return self._seen[text]


@pytest.mark.parametrize("context", CONTEXTS, ids=("none", "french-so-far", "russian-chosen"))
def test_one_detection_answers_as_two(engine: Engine, context: Conversation | None) -> None:
    """Whole replies, on the short messages of the detection set and the disguised set."""
    for text in SHORT:
        lang = engine.language(text, context, "de")
        once = engine.answer(text, context, lang=None, user_tag="de")
        assert once == engine.answer(text, context, lang=lang), text


def test_asking_only_for_scores_that_can_win_changes_no_detection() -> None:
    """The detector asks the model only for languages scoring MIN_SCORE or more: the best of
    all 40 scores, where it wins, is the same."""
    detector = Detector()
    for text in TEXTS:
        every = detector.scores(text)
        some = detector.scores(text, MIN_SCORE)
        best = max(every, key=every.__getitem__) if every else None
        if best is not None and every[best] >= MIN_SCORE:
            assert max(some, key=some.__getitem__) == best, text
        else:
            assert not some, text
