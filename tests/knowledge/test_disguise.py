"""Disguised words (knowledge/understanding/disguise.py): folded back before matching, so a red
flag in disguise still gets its advice, and ordinary text (other scripts, doses, ages) stays.

tests/data/disguised.jsonl: real crisis and emergency messages of the other sets (each with its
`source`), disguised as documented ways of hiding words are (`disguise_source`): digits and
symbols for letters, letters one by one, invisible characters, Cyrillic look-alikes, texting
spellings. Its split was frozen (a hash of the id, 35% blind) before the rules were tuned; the
one tune miss studied was "want 2 kms" (a plural-looking word after "2"); the blind split was
not studied. Figures when written: tune 79/79, blind 53/53; 0 of 2,523 messages of the other
sets changed level.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import knowledge.understanding.normalise as normalise
from knowledge.engine import Engine
from knowledge.understanding.disguise import unmask

DATA = Path(__file__).parents[1] / "data"
DISGUISED = [json.loads(line) for line in (DATA / "disguised.jsonl").read_text().splitlines()]


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("k1ll mys3lf", "kill myself"),
        ("su1cidal", "suicidal"),
        ("su1c1de", "suicide"),
        ("$uicide", "suicide"),
        ("k!ll myself", "kill myself"),
        ("ch3st p4in", "chest pain"),
        ("i want to d\u00adie", "i want to die"),  # soft hyphen inside a word
        ("ki\u200dll myself", "kill myself"),  # zero-width joiner inside a word
        ("i w\u0430nt to d\u0456e", "i want to die"),  # Cyrillic а and і
        ("k i l l  m y s e l f", "kill  myself"),
        ("s.u.i.c.i.d.e", "suicide"),
        ("i feel like d-y-i-n-g", "i feel like dying"),
        ("i want 2 die", "i want to die"),
        ("kil myslf", "kill myself"),
        ("end my lfe", "end my life"),
        # stars for letters (md-online.pl, matyaskoszegi.com): one word fits, or one crisis word
        ("i want to k*ll myself", "i want to kill myself"),
        ("s*icidal thoughts", "suicidal thoughts"),
        ("self h*rm again", "self harm again"),
    ],
)
def test_disguised_words_are_folded_back(typed: str, meant: str) -> None:
    assert unmask(typed) == meant


@pytest.mark.parametrize(
    "text",
    [
        "я хочу знать про магний",  # Russian stays Russian
        "Ο γιατρός είπε μαγνήσιο",  # Greek stays Greek
        "b12 and 5htp and p5p",
        "lying awake till 4am",
        "ran a 10k yesterday",
        "my 3yo has a rash",
        "41f, hands twitch",
        "twitching for 2 weeks",
        "my 2 yr old ate 15 gummies",
        "took 2 extra caps",
        "end my lie",  # a real word is never read as a typo
        "e.g. zinc",
        "sh*t happens",  # shit, shot and shut all fit: none a crisis word
        "i nearly sh*t myself",
        "rated 4* hotel",
        "*sigh* fine",
        "5*3=15",
    ],
)
def test_ordinary_text_is_left_as_it_is(text: str) -> None:
    assert unmask(text) == text


@pytest.mark.parametrize(
    "typed", ["k1ll mys3lf", "kil myslf", "k i l l  m y s e l f", "i want 2 die", "i want to k*ll myself"]
)
def test_a_disguised_crisis_gets_the_crisis_answer(engine: Engine, typed: str) -> None:
    assert engine.answer(typed).escalation.level == "crisis"


def test_a_disguised_emergency_gets_the_emergency_answer(engine: Engine) -> None:
    assert engine.answer("sudden ch3st p4in and my left arm is numb").escalation.level == "emergency"


def _caught(engine: Engine, split: str) -> tuple[int, int, list[str]]:
    items = [i for i in DISGUISED if i["split"] == split]
    missed = [i["id"] for i in items if engine.answer(i["text"]).escalation.level != i["escalation"][0]]
    return len(items) - len(missed), len(items), missed


def test_the_disguised_set_is_real_and_split_before_tuning() -> None:
    assert len(DISGUISED) >= 100
    for item in DISGUISED:
        assert item["source"].startswith("http") and item["disguise_source"].startswith("https://")
    blind = sum(i["split"] == "blind" for i in DISGUISED)
    assert blind / len(DISGUISED) >= 0.3


def test_disguised_red_flags_are_caught_tune(engine: Engine) -> None:
    caught, total, missed = _caught(engine, "tune")
    assert caught == total, missed


def test_disguised_red_flags_blind_is_reported(engine: Engine) -> None:
    caught, total, missed = _caught(engine, "blind")
    print(f"disguised, blind split: {caught}/{total} caught; missed {missed}")
    assert total > 0


def test_folding_raises_no_false_alarm_on_the_other_sets(engine: Engine, monkeypatch) -> None:
    """Every message of the other labelled sets gets the same advice level with the folding
    as without it: the folding only ever gives back words that were hidden."""
    texts: list[str] = []
    for path in sorted(DATA.glob("*.jsonl")):
        if path.name == "disguised.jsonl":
            continue
        for line in path.read_text().splitlines():
            item = json.loads(line)
            texts += [item["text"]] if "text" in item else []
            texts += [turn["text"] for turn in item.get("turns", ())]
    assert len(texts) > 2000
    folded = [engine.answer(t).escalation.level for t in texts]
    monkeypatch.setattr(normalise, "unmask", lambda text: text)
    plain = [engine.answer(t).escalation.level for t in texts]
    changed = [t for t, a, b in zip(texts, folded, plain, strict=True) if a != b]
    assert not changed, changed
