"""The platform-neutral answer: what to say, in order, never how it looks. Every string a
renderer shows is in here, so a renderer only styles it."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from knowledge.levels import ConceptFound, Level, SectionName
from knowledge.sections import is_section

ReplyKind = Literal["topic", "suggest", "unknown", "small_talk", "empty", "catalogue", "advice", "check"]
Listing = Literal["conditions", "ingredients"]
# The kind of turn a reply answers: a row of knowledge.turns.TURNS, which says what it does to
# the conversation. "browse": a page of a listing or a step of a check, which leave it as it is.
TurnKind = Literal[
    "topic",
    "interaction",
    "cause",
    "elsewhere",
    "advice",
    "alarm",
    "reported",
    "acknowledgement",
    "asks_help",
    "all_clear",
    "small_talk",
    "suggest",
    "not_understood",
    "empty",
    "browse",
]


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


MAX_QUESTIONS = 32  # a check asks at most this many of an article's items


class Answers(_Frozen):
    """A symptom check's answers so far: how many questions were answered (`step`), and which
    of them got Yes or Not sure (bit i for question i). No answer means No. Small enough for a
    button, so a check needs no state on any server."""

    step: int = Field(default=0, ge=0, le=MAX_QUESTIONS)
    yes: int = Field(default=0, ge=0)
    unsure: int = Field(default=0, ge=0)

    def answer(self, choice: Literal["yes", "no", "unsure"]) -> Answers:
        bit = 1 << self.step
        return Answers(
            step=self.step + 1,
            yes=self.yes | (bit if choice == "yes" else 0),
            unsure=self.unsure | (bit if choice == "unsure" else 0),
        )

    def valid_for(self, questions: int) -> bool:
        """Whether these answers can come from a check of `questions` questions."""
        limit = 1 << self.step
        return (
            self.step <= questions and self.yes < limit and self.unsure < limit and not self.yes & self.unsure
        )


class Action(_Frozen):
    """A follow-up the user can pick: a topic (optionally one of its sections), a step of the
    topic's symptom check (`check`), or a page of a listing of all topics."""

    label: str
    topic: str = ""
    section: SectionName | None = None
    check: Answers | None = None
    listing: Listing | None = None
    page: int = 0
    # The escalation advice this follow-up must show again (Escalation.keep), so that no
    # button press ever takes safety advice off the screen.
    keep: str = ""
    # The section on screen now: its button stays in its place, marked, so that the buttons
    # never move between presses.
    current: bool = False

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
    # The clinical concepts the message was read to hold, with their context (ask --json).
    concepts: tuple[ConceptFound, ...] = ()

    @property
    def quotes_person(self) -> bool:
        """Whether the advice repeats the person's own words (the red flags said, or said to be
        absent: "You said no ..."): such advice is written anew each time and kept in no cache."""
        return bool(self.reasons or self.denied)


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
    # A way in (the greeting, an unknown topic): a front end may add its own ways in beside
    # the topic buttons, such as Telegram's inline mode.
    welcome: bool = False
    turn: TurnKind = "topic"
    # A supplement or medicine the knowledge base lacks was named (Conversation.taken).
    taken: bool = False
    # The language it is written in (knowledge.i18n.languages): a renderer sets the text's
    # direction by it, and the conversation keeps it for the next message.
    lang: str = "en"

    @field_validator("section")
    @classmethod
    def _section_known(cls, value: str) -> str:
        _known_section(value)
        return value
