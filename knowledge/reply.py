"""The platform-neutral answer: what to say, never how it looks."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

Level = Literal["none", "doctor", "emergency", "crisis"]
SectionName = Literal[
    "overview", "synopsis", "types", "causes", "severity", "doctor", "remedies", "ingredients",
    "safety",
]
ReplyKind = Literal["topic", "suggest", "unknown", "small_talk", "empty", "catalogue", "advice"]


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
    # The escalation advice this follow-up must show again (Escalation.keep), so that no
    # button press ever takes safety advice off the screen.
    keep: str = ""


class HelpLine(_Frozen):
    """Someone to call: a crisis line or a poison centre, from the knowledge directory."""

    region: str
    name: str
    contact: str


class Escalation(_Frozen):
    """Safety advice. `leads`: shown before anything else (emergency, crisis); otherwise
    `banner` opens the reply and the rest closes it. `keep` is the short code that brings the
    same advice back on a button press (see Engine.kept)."""

    level: Level
    reasons: tuple[str, ...] = ()
    denied: tuple[str, ...] = ()
    leads: bool = False
    banner: str = ""
    title: str = ""
    advice: tuple[str, ...] = ()
    lines_heading: str = ""
    lines: tuple[HelpLine, ...] = ()
    see_doctor_heading: str = ""
    see_doctor: tuple[str, ...] = ()
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
