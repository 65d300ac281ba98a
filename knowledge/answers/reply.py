"""The platform-neutral answer: what to say, in order, never how it looks. Every string a
renderer shows is in here, so a renderer only styles it."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, field_validator

from knowledge.sections import is_section

Level = Literal["none", "doctor", "emergency", "crisis"]
ReplyKind = Literal["topic", "suggest", "unknown", "small_talk", "empty", "catalogue", "advice"]
Listing = Literal["conditions", "ingredients"]
# A key of knowledge.sections.SECTIONS ("causes", "safety", ...).
SectionName = str


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def _known_section(value: str | None) -> str | None:
    if value is not None and not is_section(value):
        raise ValueError(f"unknown section {value!r}")
    return value


class Item(_Frozen):
    """One line of a section; `name` is set for "Name: description" items."""

    text: str
    name: str = ""


class Section(_Frozen):
    heading: str
    items: tuple[Item, ...] = ()
    paragraph: str = ""


class Action(_Frozen):
    """A follow-up the user can pick: a topic (optionally one of its sections), or a page of a
    listing of all topics."""

    label: str
    topic: str = ""
    section: SectionName | None = None
    listing: Listing | None = None
    page: int = 0
    # The escalation advice this follow-up must show again (Escalation.keep), so that no
    # button press ever takes safety advice off the screen.
    keep: str = ""

    @field_validator("section")
    @classmethod
    def _section_known(cls, value: str | None) -> str | None:
        return _known_section(value)


class AdviceList(_Frozen):
    heading: str
    items: tuple[str, ...]


class Escalation(_Frozen):
    """Safety advice. `leads`: shown before anything else (emergency, crisis); otherwise
    `banner` opens the reply and the rest closes it. `title`, `paragraphs` and `lists` are the
    advice, in order. `reasons` and `denied` are the red flags said and said to be absent.
    `keep` is the short code that brings the same advice back on a button press."""

    level: Level
    reasons: tuple[str, ...] = ()
    denied: tuple[str, ...] = ()
    leads: bool = False
    banner: str = ""
    title: str = ""
    paragraphs: tuple[str, ...] = ()
    lists: tuple[AdviceList, ...] = ()
    keep: str = ""


class Reply(_Frozen):
    kind: ReplyKind
    title: str
    intro: str = ""
    sections: tuple[Section, ...] = ()
    escalation: Escalation = Escalation(level="none")
    suggestions: tuple[Action, ...] = ()
    actions: tuple[Action, ...] = ()
    disclaimer: str = ""
    topics: tuple[str, ...] = ()
    section: SectionName = "overview"

    @field_validator("section")
    @classmethod
    def _section_known(cls, value: str) -> str:
        _known_section(value)
        return value
