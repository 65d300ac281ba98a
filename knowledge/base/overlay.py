"""The curated overlay (`overlay.toml` beside the articles): facts merged into topics at load."""

from __future__ import annotations

import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from knowledge.base.errors import Problem
from knowledge.base.files import read_text
from knowledge.base.models import IngredientTranslation, RedFlag, Reviewed, Safety

OVERLAY_FILE = "overlay.toml"


class TopicOverlay(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    aliases: tuple[str, ...] = ()

    @field_validator("aliases")
    @classmethod
    def _no_blank_alias(cls, aliases: tuple[str, ...]) -> tuple[str, ...]:
        if any(not a.strip() for a in aliases):
            raise ValueError("an alias is blank")
        return tuple(a.strip() for a in aliases)


class ConditionOverlay(TopicOverlay):
    # Serious conditions people fear when they have this one ("ALS" for twitching): a message
    # naming one is answered with this condition's serious causes and when to see a doctor.
    concerns: tuple[str, ...] = ()
    # How people describe this condition without naming it, in triage.toml's phrase language
    # with this file's [groups]: "{body_part} ... {moves}" finds "my eyelid keeps jumping".
    described_as: tuple[str, ...] = ()
    # Red flags of this condition only, by name, in triage.toml's form (level, phrases,
    # frames, window); phrases may use triage.toml's and this file's {groups}.
    red_flags: dict[str, RedFlag] = {}
    # Items of the article's "When to See a Doctor" list that are emergencies, as written.
    emergency_items: tuple[str, ...] = ()
    # Who translated each translation of the article (`<file>.<lang>.txt`), and whether a
    # clinician has reviewed it, by language code.
    translations: dict[str, Reviewed] = {}


class IngredientOverlay(TopicOverlay):
    safety: Safety | None = None
    # Product forms ("citrate"): shown as "Forms: citrate", found as "magnesium citrate".
    forms: tuple[str, ...] = ()
    # Its name and safety facts in other languages, who translated them, and whether a
    # clinician has reviewed them, by language code.
    translations: dict[str, IngredientTranslation] = {}

    @field_validator("forms")
    @classmethod
    def _no_blank_form(cls, forms: tuple[str, ...]) -> tuple[str, ...]:
        if any(not f.strip() for f in forms):
            raise ValueError("a form is blank")
        return tuple(dict.fromkeys(" ".join(f.split()) for f in forms))


class Overlay(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    conditions: dict[str, ConditionOverlay] = {}
    ingredients: dict[str, IngredientOverlay] = {}
    groups: dict[str, tuple[str, ...]] = {}


def line_of(text: str, *needles: str) -> int | None:
    """The first line that holds every needle, so errors can point into the TOML file."""
    for n, line in enumerate(text.splitlines(), start=1):
        if all(needle in line for needle in needles):
            return n
    return None


def read_overlay(path: Path) -> tuple[Overlay, str] | Problem:
    """Read and validate the overlay; return it with its text, or the problem."""
    text = read_text(path)
    if isinstance(text, Problem):
        return text
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return Problem(path, getattr(exc, "lineno", None), f"invalid TOML: {exc}")
    try:
        return Overlay.model_validate(raw), text
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        keys = [str(p) for p in err["loc"] if isinstance(p, str)]
        line = None
        for depth in range(len(keys), 0, -1):  # the deepest [table.header] or key that exists
            line = line_of(text, f"[{'.'.join(keys[:depth])}]") or line_of(text, f"{keys[depth - 1]} =")
            if line:
                break
        return Problem(path, line, f"{where}: {err['msg']}")
