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

BLIND_PERCENT = 40  # a page was blind when its hash fell in the first 40 of 100 buckets
# Pages in buckets below STUDIED_PERCENT were blind until their misses were studied, and are tune
# since. A blind split whose misses are studied is replaced by the fresh set: items in FRESH_DIR,
# from pages used nowhere else, all blind (nobody tunes on them; when their misses are studied,
# say so, and the next rotation moves them).
STUDIED_PERCENT = 20
FRESH_DIR = CORPUS_DIR / "fresh"


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


def bucket_of(source: str) -> int:
    """The page's hash bucket, 0-99: the first 32 bits of the SHA-256 of its page key."""
    return int(hashlib.sha256(page_key(source).encode("utf-8")).hexdigest()[:8], 16) % 100


def split_of(source: str, *, fresh: bool = False) -> Split:
    """The split a source page belongs to, by the frozen hash rule (a fresh item is blind)."""
    if fresh:
        return "blind"
    return "blind" if STUDIED_PERCENT <= bucket_of(source) < BLIND_PERCENT else "tune"


def studied(item: CorpusItem) -> bool:
    """A tune item whose page was blind until its misses were studied (see STUDIED_PERCENT)."""
    return item.split == "tune" and bucket_of(item.source) < STUDIED_PERCENT


def corpus_files(directory: Path = CORPUS_DIR) -> list[tuple[Path, bool]]:
    """The corpus's .jsonl files, each with whether it is of the fresh set (directory/fresh)."""
    fresh = directory / FRESH_DIR.name
    return [(p, False) for p in sorted(directory.glob("*.jsonl"))] + [
        (p, True) for p in sorted(fresh.glob("*.jsonl"))
    ]


def load_corpus(directory: Path = CORPUS_DIR) -> list[CorpusItem]:
    """Every item of every .jsonl file in `directory` then in its fresh set, in file then line
    order."""
    return [item for path, _ in corpus_files(directory) for item in load_file(path)]


def load_file(path: Path) -> list[CorpusItem]:
    """The items of one .jsonl file, in line order."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [CorpusItem.model_validate(json.loads(line)) for line in lines if line.strip()]


@cache
def tune_text(item_id: str) -> str:
    """The text of a tune item, by id: tests that quote a real message name it, and may only
    name one of the tune split (tuned on tune only)."""
    item = next(i for i in load_corpus() if i.id == item_id)
    assert item.split == "tune", item_id
    return item.text
