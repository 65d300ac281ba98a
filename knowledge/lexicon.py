"""The language data beside the articles: red flags, section words, small talk, common words."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

LEXICON_DIR = Path(__file__).parent / "lexicon"
SECTION_NAMES = (
    "synopsis", "types", "causes", "severity", "doctor", "remedies", "ingredients", "safety",
)


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class PhraseList(_Frozen):
    phrases: tuple[str, ...]


class Duration(_Frozen):
    min_days: int
    plural: int
    units: dict[str, int]
    numbers: dict[str, int]
    not_after: tuple[str, ...]
    not_before: tuple[str, ...]


class Triage(_Frozen):
    emergency: PhraseList
    doctor: PhraseList
    ignore: PhraseList
    groups: dict[str, tuple[str, ...]]
    duration: Duration


class SectionWords(_Frozen):
    weight: int
    phrases: tuple[str, ...]
    section: str | None = None


class Language(_Frozen):
    small_talk: PhraseList
    stopwords: frozenset[str]
    section_order: tuple[str, ...]
    sections: dict[str, SectionWords]


class Lexicon(_Frozen):
    triage: Triage
    language: Language
    common_words: frozenset[str]


class LexiconError(Exception):
    """A lexicon file is malformed; the message names the file and the problem."""


def _read_toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise LexiconError(f"{path}: {exc}") from exc


def _language(raw: dict, path: Path) -> Language:
    sections = dict(raw.get("sections", {}))
    order = tuple(sections.pop("order", ()))
    parsed = {name: SectionWords.model_validate(body) for name, body in sections.items()}
    for name, words in parsed.items():
        target = words.section or name
        if target not in SECTION_NAMES:
            raise LexiconError(f"{path}: [sections.{name}] targets unknown section {target!r}")
    return Language(
        small_talk=PhraseList.model_validate(raw["small_talk"]),
        stopwords=frozenset(raw["stopwords"]["words"]),
        section_order=order,
        sections=parsed,
    )


@cache
def load_lexicon(directory: Path = LEXICON_DIR) -> Lexicon:
    """Read and validate the lexicon files once per process."""
    triage_path, language_path = directory / "triage.toml", directory / "language.toml"
    try:
        triage = Triage.model_validate(_read_toml(triage_path))
    except ValidationError as exc:
        raise LexiconError(f"{triage_path}: {exc}") from exc
    try:
        language = _language(_read_toml(language_path), language_path)
    except (ValidationError, KeyError) as exc:
        raise LexiconError(f"{language_path}: {exc}") from exc
    common_path = directory / "common_words.txt"
    try:
        lines = common_path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise LexiconError(f"{common_path}: {exc}") from exc
    common = frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))
    return Lexicon(triage=triage, language=language, common_words=common)
