"""Issue 19, item 7: the word an ingredient's name is of ("valerian" of "Valerian root",
"peppermint" of "Peppermint oil") names that ingredient, even though it is an everyday word,
when the rest of the name only says the ingredient's form."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from knowledge.base.loader import load_knowledge
from knowledge.engine import Engine
from tests.conftest import DATA


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    """Three articles of kb_many whose ingredient lines name "Valerian root" and "Peppermint
    oil" (kb_many itself also lists plain "Valerian" and "peppermint" elsewhere)."""
    directory = tmp_path_factory.mktemp("kb")
    for name in ("insomnia.txt", "tension_headache.txt", "migraine.txt"):
        shutil.copy(DATA / "kb_many" / name, directory / name)
    _replace_line(directory / "insomnia.txt", "chamomile", "chamomile\nValerian root")
    for name in ("tension_headache.txt", "migraine.txt"):
        _replace_line(directory / name, "peppermint", "Peppermint oil")
    return Engine(load_knowledge(directory))


def _replace_line(path: Path, line: str, new: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert line in lines
    path.write_text("\n".join(new if x == line else x for x in lines) + "\n", encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("valerian", "valerian-root"),
        ("peppermint", "peppermint-oil"),
        ("is valerian safe", "valerian-root"),
        ("does valerian help me sleep", "valerian-root"),
    ],
)
def test_the_head_word_of_an_ingredients_name_answers_it(engine: Engine, text: str, topic: str) -> None:
    assert engine.answer(text).topics[:1] == (topic,)


def test_the_head_word_beside_a_condition_names_both(engine: Engine) -> None:
    assert set(engine.answer("peppermint for headache").topics) >= {"peppermint-oil", "tension-headache"}


@pytest.mark.parametrize("text", ["root", "oil", "some oil"])
def test_a_form_word_alone_names_nothing(engine: Engine, text: str) -> None:
    assert not engine.answer(text).topics
