"""The platform-neutral answer: what to say, never how it looks."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

Level = Literal["none", "doctor", "emergency"]
SectionName = Literal[
    "overview", "synopsis", "types", "causes", "severity", "doctor", "remedies", "ingredients",
    "safety",
]
ReplyKind = Literal["topic", "suggest", "unknown", "small_talk", "empty", "catalogue"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Item(_Frozen):
    """One line of a section; `name` is set for "Name: description" items."""

    text: str
    name: str = ""


class Section(_Frozen):
    heading: str
    items: tuple[Item, ...] = ()
    paragraph: str = ""
    numbered: bool = False


Listing = Literal["conditions", "ingredients"]


class Action(_Frozen):
    """A follow-up the user can pick: a topic (optionally one of its sections), or a page of a
    listing of all topics."""

    label: str
    topic: str = ""
    section: SectionName | None = None
    listing: Listing | None = None
    page: int = 0


class Escalation(_Frozen):
    level: Level
    reasons: tuple[str, ...] = ()
    title: str = ""
    advice: str = ""
    see_doctor_heading: str = ""
    see_doctor: tuple[str, ...] = ()


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
