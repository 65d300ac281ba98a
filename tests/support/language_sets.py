"""The labelled message sets of the ten languages beside English (tests/data/languages/).

One file per language, one message per line, each with the public page it comes from. The
blind split is frozen by the source's address, not chosen by hand: a message is blind when the
first 32 bits of the SHA-256 of its `source`, modulo 100, fall under BLIND_PERCENT. All the
messages of one page therefore land on the same side, so a page studied while tuning never
leaks into the blind half.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

LANGUAGE_SETS = Path(__file__).resolve().parent.parent / "data" / "languages"
LANGUAGES = ("es", "pt", "ru", "uk", "de", "fr", "it", "tr", "id", "ar")
LEVELS = ("crisis", "emergency", "doctor", "none")
# kind -> the level every message of that kind must carry
KIND_LEVEL = {
    "crisis": "crisis",
    "emergency": "emergency",
    "red_flag": "doctor",
    "look_alike": "none",
    "topic": "none",
}
BLIND_PERCENT = 35


@dataclass(frozen=True)
class Item:
    id: str
    lang: str
    text: str
    level: str
    kind: str
    topic: str | None
    section: tuple[str, ...]
    source: str
    split: str


def frozen_split(source: str) -> str:
    """The split a message of this page belongs to, fixed before any tuning."""
    bucket = int(hashlib.sha256(source.encode("utf-8")).hexdigest()[:8], 16) % 100
    return "blind" if bucket < BLIND_PERCENT else "tune"


def load(lang: str) -> list[Item]:
    items: list[Item] = []
    path = LANGUAGE_SETS / f"{lang}.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        raw = json.loads(line)
        items.append(
            Item(
                id=raw["id"],
                lang=raw["lang"],
                text=raw["text"],
                level=raw["level"],
                kind=raw["kind"],
                topic=raw.get("topic"),
                section=tuple(raw.get("section", ())),
                source=raw["source"],
                split=raw["split"],
            )
        )
    return items


def load_all(split: str | None = None) -> list[Item]:
    return [i for lang in LANGUAGES for i in load(lang) if split is None or i.split == split]
