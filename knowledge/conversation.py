"""What a conversation is about, carried from one message to the next: slugs and levels only,
never what anyone wrote. The engine reads a follow-up ("is it safe?") against it and gives the
next one after each answer (Engine.after)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

from knowledge.base.slugs import is_slug
from knowledge.i18n.languages import is_language
from knowledge.levels import Level, SectionName
from knowledge.sections import is_section

MAX_TOPICS = 4


class Conversation(BaseModel):
    """`topics`: the last answer's topics, the one in focus first. `condition`: the condition
    in context (named, or the one an ingredient was asked about). `section`: the last section
    shown. `level`: the level reached (held by knowledge.turns once emergency or crisis).
    `lang`: the language of the last reply (a code of knowledge.i18n.languages); `lang_chosen`:
    the user chose it with /language, so it holds whatever language they write in."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    topics: tuple[str, ...] = Field(default=(), max_length=MAX_TOPICS)
    condition: str | None = None
    section: SectionName = "overview"
    level: Level = "none"
    # The advice the level stands for (Escalation.keep, a short code of letters): "what do i
    # do" after emergency advice shows that advice again in full.
    keep: str = Field(default="", max_length=16, pattern=r"^[a-z]*$")
    lang: str | None = None
    lang_chosen: bool = False
    # A supplement or medicine the knowledge base lacks was named ("is melatonin safe for
    # kids"): an amount swallowed of "them" next is its poisoning. Whether, never its name.
    taken: bool = False

    @field_validator("topics")
    @classmethod
    def _slugs(cls, topics: tuple[str, ...]) -> tuple[str, ...]:
        if not all(is_slug(t) for t in topics):
            raise ValueError("topics must be slugs")
        return topics

    @field_validator("condition")
    @classmethod
    def _slug(cls, condition: str | None) -> str | None:
        if condition is not None and not is_slug(condition):
            raise ValueError("condition must be a slug")
        return condition

    @field_validator("section")
    @classmethod
    def _section(cls, section: str) -> str:
        if not is_section(section):
            raise ValueError(f"unknown section {section!r}")
        return section

    @field_validator("lang")
    @classmethod
    def _language(cls, lang: str | None) -> str | None:
        if lang is not None and not is_language(lang):
            raise ValueError(f"unsupported language {lang!r}")
        return lang

    @property
    def focus(self) -> str | None:
        """The topic a follow-up refers to."""
        return self.topics[0] if self.topics else self.condition

    @property
    def empty(self) -> bool:
        return self.focus is None and self.level == "none" and not self.lang_chosen
