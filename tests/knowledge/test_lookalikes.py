"""Look-alike letters (Unicode TR39 confusables, knowledge/lexicon/lookalikes.txt) folded to their
Latin skeleton only where a word would not otherwise exist, and never raising an alarm that the
text without the folding would not raise.

Measured on the look-alike sets and the rest of their corpora: every item of tests/data/triage/
(lookalike.jsonl and the other body systems), of the language sets (tests/data/languages/,
whose Russian, Ukrainian and Arabic text is where the table's letters occur) and
real_messages.jsonl; an item without a split (detection.jsonl) counts as tune. Figures when
written (tune / blind): 0 / 0 levels changed by the folding, of 1,382 / 708 messages; no text
changed at all.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import knowledge.understanding.disguise as disguise
from knowledge.engine import Engine
from knowledge.understanding.disguise import unmask

DATA = Path(__file__).parents[1] / "data"
# Where "a" is in Unicode's mathematical and full-width alphabets.
MATH_BOLD, MATH_SANS_ITALIC, FULL_WIDTH = 0x1D41A, 0x1D622, 0xFF41


def _letters(text: str, a: int) -> str:
    return "".join(chr(a + ord(c) - ord("a")) if c.isalpha() else c for c in text)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("i w\u0430nt to d\u0456e", "i want to die"),  # Cyrillic а, і inside Latin words
        ("\u0456 w\u0430nt t\u043e d\u0456\u0435", "i want to die"),  # every word a look-alike
        ("\u041a\u0406LL \u041cY\u0405\u0415LF", "KILL MYSELF"),  # Cyrillic capitals
        ("k\u03b9ll myself", "kill myself"),  # Greek iota
        ("\u0399 want to die", "I want to die"),  # Greek capital iota, a word of its own
        ("i t\u0585\u0585k an \u0585verd\u0585se", "i took an overdose"),  # Armenian օ
        ("\u13a5 want to die", "i want to die"),  # Cherokee Ꭵ
        ("\u13e6\u13a5\u13de\u13de \u13b7\u13a9\u13da\u13ac\u13de\u03dc", "KiLL MYSELF"),  # Cherokee
        (_letters("kill myself", MATH_BOLD), "kill myself"),
        (_letters("suicidal", MATH_SANS_ITALIC), "suicidal"),
        (_letters("i want to die", FULL_WIDTH), "i want to die"),
        ("\u026a \u1d21\u1d00\u0274\u1d1b \u1d1b\u1d0f \u1d05\u026a\u1d07", "i"  # small capitals
         " want to die"),
    ],
)  # fmt: skip
def test_look_alike_letters_of_every_script_fold_to_latin(typed: str, meant: str) -> None:
    assert unmask(typed) == meant


@pytest.mark.parametrize(
    "text",
    [
        "я хочу знать про магний",  # Russian
        "Он сказал: ok ok ok",  # a Russian "Он" is not "Oh" while the message writes Russian
        "Ο γιατρός είπε μαγνήσιο",  # Greek
        "Ես ուզում եմ",  # Armenian
        "\u13e3\u13b3\u13a9",  # Cherokee: ᏣᎳᎩ
        "bu bir sır",  # Turkish dotless ı stays a Turkish letter
        "сор",  # one Russian word alone, though it looks like "cop"
    ],
)
def test_real_words_of_other_scripts_stay_themselves(text: str) -> None:
    assert unmask(text) == text


def test_the_table_is_unicode_confusables_data() -> None:
    lines = disguise.LOOKALIKES_FILE.read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#")]
    assert any("confusables.txt" in h and "Version: 17.0.0" in h and "unicode.org" in h for h in header)
    rows = [line.split("\t") for line in lines if not line.startswith("#")]
    scripts = {name.split()[0] for _, _, _, name in rows}
    assert {"CYRILLIC", "GREEK", "ARMENIAN", "CHEROKEE", "LATIN", "COPTIC"} <= scripts
    assert len(rows) > 400
    for code, letter, skeleton, _ in rows:
        assert code == f"U+{ord(letter):04X}" and skeleton.isascii() and skeleton.isalnum()


def _look_alike_sets(split: str) -> list[str]:
    texts = []
    paths = [DATA / "real_messages.jsonl", *sorted((DATA / "triage").glob("*.jsonl"))]
    paths += sorted((DATA / "languages").glob("*.jsonl"))
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            if item.get("split", "tune") == split:
                texts.append(item["text"])
    return texts


def _changed(engine: Engine, texts: list[str], monkeypatch: pytest.MonkeyPatch) -> tuple[list[str], int]:
    """The texts whose level the look-alike folding changes, and how many it changes at all."""
    folded = [(unmask(t), engine.answer(t).escalation.level) for t in texts]
    empty = disguise._Lookalikes({}, frozenset())
    monkeypatch.setattr(disguise, "_lookalikes", lambda: empty)
    plain = [(unmask(t), engine.answer(t).escalation.level) for t in texts]
    monkeypatch.undo()
    levels = [t for t, a, b in zip(texts, folded, plain, strict=True) if a[1] != b[1]]
    return levels, sum(a[0] != b[0] for a, b in zip(folded, plain, strict=True))


def test_look_alike_folding_raises_no_false_alarm_tune(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = _look_alike_sets("tune")
    assert len(texts) > 1000
    levels, texts_changed = _changed(engine, texts, monkeypatch)
    print(f"look-alike folding, tune: {len(levels)} levels, {texts_changed} texts changed of {len(texts)}")
    assert not levels, levels


def test_look_alike_folding_blind_is_reported(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _look_alike_sets("blind")
    levels, texts_changed = _changed(engine, texts, monkeypatch)
    print(f"look-alike folding, blind: {len(levels)} levels, {texts_changed} texts changed of {len(texts)}")
    assert texts
