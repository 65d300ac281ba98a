"""The labelled triage corpus (tests/data/triage/*.jsonl): loading it, and its frozen blind split rule.

The split of an item is a function of its source page only (host without "www." plus path, trailing
"/" dropped), so every message from one page lands in the same split and nobody can move an item
after looking at it. The rule is fixed before any tuning; see tests/data/triage/README.md.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field

CORPUS_DIR = Path(__file__).resolve().parent.parent / "data" / "triage"

Level = Literal["none", "doctor", "emergency", "crisis"]
Kind = Literal["red_flag", "emergency", "crisis", "lookalike", "benign"]
Split = Literal["tune", "blind"]

# The level each kind of item carries: a look-alike or a benign question escalates nothing.
LEVEL_OF_KIND: dict[str, str] = {
    "red_flag": "doctor",
    "emergency": "emergency",
    "crisis": "crisis",
    "lookalike": "none",
    "benign": "none",
}

BLIND_PERCENT = 40  # a page is blind when its hash falls in the first 40 of 100 buckets


class CorpusItem(BaseModel):
    """One real message with its level, why it is in the set, and where it was read."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z_]+-\d{3,}$")
    text: str = Field(min_length=3)
    level: Level
    kind: Kind
    system: str = Field(pattern=r"^[a-z_]+$")
    source: str = Field(pattern=r"^https?://[^\s/]+\S*$")
    split: Split
    note: str | None = None


def page_key(source: str) -> str:
    """The page an item comes from: host (lower case, no "www.") and path without a trailing "/"."""
    parts = urlsplit(source)
    host = parts.netloc.lower()
    if host.startswith("www."):
        host = host[len("www.") :]
    return host + parts.path.rstrip("/")


def split_of(source: str) -> Split:
    """The split a source page belongs to, by the frozen hash rule."""
    bucket = int(hashlib.sha256(page_key(source).encode("utf-8")).hexdigest()[:8], 16) % 100
    return "blind" if bucket < BLIND_PERCENT else "tune"


def load_corpus(directory: Path = CORPUS_DIR) -> list[CorpusItem]:
    """Every item of every .jsonl file in `directory`, in file then line order."""
    items: list[CorpusItem] = []
    for path in sorted(directory.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                items.append(CorpusItem.model_validate(json.loads(line)))
    return items


@cache
def tune_text(item_id: str) -> str:
    """The text of a tune item, by id: tests that quote a real message name it, and may only
    name one of the tune split (tuned on tune only)."""
    item = next(i for i in load_corpus() if i.id == item_id)
    assert item.split == "tune", item_id
    return item.text
