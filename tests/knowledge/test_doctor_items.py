"""Issue 19: every "When to See a Doctor" item of every article, typed as written (a message
of its own, no topic before it), escalates, or `python -m knowledge check` lists it as unable
to trigger (raised only in a conversation about its condition)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from knowledge import Conversation, load_knowledge
from knowledge.audit import UNTRIGGERABLE, audit
from knowledge.engine import Engine
from knowledge.understanding.lexicon import load_lexicon
from tests.conftest import DATA
from tests.support.articles import article, write

ROOT = Path(__file__).parents[2]
BASES = [ROOT / "knowledge" / "articles", DATA / "kb_many", DATA / "kb_blind"]


def _alone(engine: Engine) -> Callable[[str, str], bool]:
    return lambda item, _slug: engine.answer(item).escalation.level != "none"


@pytest.mark.parametrize("base", BASES, ids=lambda p: p.name)
def test_every_item_escalates_or_is_listed(base: Path) -> None:
    kb = load_knowledge(base)
    engine = Engine(kb)
    listed = {
        f.detail.strip('"') for f in audit(kb, load_lexicon(), _alone(engine)) if f.kind == UNTRIGGERABLE
    }
    items = [(slug, item) for slug, c in kb.conditions.items() for item in c.items("doctor")]
    for slug, item in items:
        alone = engine.answer(item).escalation.level != "none"
        assert alone != (item in listed), (slug, item)
        # About its condition, every item is raised.
        about = Conversation(topics=(slug,), condition=slug)
        assert engine.answer(item, about).escalation.level != "none", (slug, item)
    # Most items are dangers for anyone, read as concepts without their article.
    assert len(listed) <= max(1, len(items) // 10), listed


@pytest.mark.parametrize(
    ("base", "item"),
    [
        ("kb_many", "Thoughts of harming yourself or ending your life"),
        ("kb_many", "Low mood, hopelessness or thoughts of harming yourself"),
        ("kb_many", "Worry or fear that is affecting your daily life, work or relationships"),
        ("kb_many", "Leg discomfort that disturbs your sleep on most nights"),
        ("kb_many", "Daytime tiredness that makes it hard to work, drive or concentrate"),
        ("kb_many", "Headaches on most days, or a clear change in your usual headache pattern"),
        ("kb_many", "Nodding off while driving or in the middle of conversations"),
        ("kb_blind", "Needing laxatives most days in order to go at all"),
        ("kb_blind", "Thick yellow or green discharge, or swelling of the eyelid"),
    ],
)
def test_items_that_are_red_flags_for_anyone_escalate_alone(base: str, item: str) -> None:
    """Read as concepts, an item that is a danger whoever says it needs no topic named."""
    assert Engine(load_knowledge(DATA / base)).answer(item).escalation.level != "none"


def test_check_lists_an_item_that_brings_no_advice(tmp_path: Path) -> None:
    doctor = "-\nAches that spread to both arms\n-\nA wish to visit the seaside"
    write(tmp_path, {"a.txt": article("Aches", doctor=doctor)})
    result = subprocess.run(
        [sys.executable, "-m", "knowledge", "check", str(tmp_path), "--verbose"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert '"A wish to visit the seaside"' in result.stdout
    assert '"Aches that spread to both arms"' not in result.stdout
