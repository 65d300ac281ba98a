"""The words every floor shares: how urgent a message is (`Level`), which section is asked for
(`SectionName`), and a clinical concept as read in a message (`ConceptFound`). They live here,
below understanding and answers, so that neither imports the other to reach them."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

Level = Literal["none", "doctor", "emergency", "crisis"]
# A key of knowledge.sections.SECTIONS ("causes", "safety", ...).
SectionName = str
# Whose a concept is: the writer's, a relative's (family history), or someone else's now.
Experiencer = Literal["self", "family", "other"]


class ConceptFound(BaseModel):
    """One concept of the vocabulary (knowledge/lexicon/concepts.toml) found in a message, with
    its context in the manner of ConText (Harkema et al., 2009)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    negated: bool = False
    historical: bool = False
    hypothetical: bool = False
    experiencer: Experiencer = "self"
